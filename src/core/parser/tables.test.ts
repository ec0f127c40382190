import { describe, expect, it } from "vitest";
import { parseText } from "./parse-text.js";
import { classifyHeader } from "./tables.js";

const tasksOf = (text: string) =>
  parseText(text).tasks.map((t) => ({
    text: t.text,
    lead: t.leadUnits,
    responsible: t.responsibleUnits,
    deadlines: t.deadlines.map((d) => d.text),
  }));

describe("task table headers", () => {
  it.each([
    ["序号", "number"],
    ["工作任务", "text"],
    ["牵头单位", "lead"],
    ["责任 单位", "responsible"],
    ["配合单位", "cooperating"],
    ["完成时限", "deadline"],
    ["备注", "ignored"],
    // people are never units
    ["分管领导", "ignored"],
    ["责任领导", "ignored"],
    ["考核分值", "ignored"],
    ["民生实事", "text"],
    ["具体要求", "text"],
    ["类别", "group"],
    ["主要责任人", "ignored"],
    ["责任单位及责任人", "responsible"],
    ["发文日期", "ignored"],
    ["1", null],
    ["严格依法执法。", null],
  ])("classifies %s as %s", (cell, column) => {
    expect(classifyHeader(cell)).toBe(column);
  });

  it.each([
    [
      "an extra 考核分值 column",
      "序号 | 工作任务 | 牵头单位 | 考核分值 | 完成时限",
      "1 | 严格依法执法。 | 区司法局 | 5 | 2024年底前",
    ],
    [
      "备注 and 分管领导 columns",
      "序号 | 工作任务 | 分管领导 | 牵头单位 | 完成时限 | 备注",
      "1 | 严格依法执法。 | 张三 | 区司法局 | 2024年底前 | 无",
    ],
    [
      "a 责任领导 column named before the units",
      "序号|重点任务|责任领导|牵头单位|完成时限|考核分值",
      "1|严格依法执法。|李四|区司法局|2024年底前|10",
    ],
    ["columns separated by spaces", "序号 工作任务 牵头单位 完成时限 分值", "1 严格依法执法。 区司法局 2024年底前 5"],
  ])("accepts a header with %s and takes nothing from the unknown ones", (_name, header, row) => {
    expect(tasksOf(`${header}\n${row}`)).toEqual([
      { text: "严格依法执法。", lead: ["区司法局"], responsible: [], deadlines: ["2024年底前"] },
    ]);
  });

  it("reads traditional header names", () => {
    expect(tasksOf("序號 | 工作任務 | 牽頭單位 | 完成時限\n1 | 嚴格依法執法。 | 區司法局 | 2024年底前")).toEqual([
      { text: "嚴格依法執法。", lead: ["區司法局"], responsible: [], deadlines: ["2024年底前"] },
    ]);
  });

  it("is not fooled by a line of short words that names mostly nothing it knows", () => {
    const text = "一、工作安排\n注意 事项 工作 分值 说明\n1.严格依法执法。\n牵头单位:区司法局";
    expect(tasksOf(text).map((t) => t.text)).toEqual(["严格依法执法。"]);
  });
});

describe("unit cells with names on several lines", () => {
  it("splits a unit cell at its line breaks, never before a bracketed qualifier nor inside brackets", () => {
    const text = [
      "序号 | 工作任务 | 牵头单位 | 责任单位",
      "1 | 严格依法执法。 推进执法公示。 | 区司法局 区财政局 | 区司法局 (行政执法协调监督局) 各县(市、 区)人民政府",
    ].join("\n");
    expect(tasksOf(text)).toEqual([
      {
        text: "严格依法执法。\n推进执法公示。",
        lead: ["区司法局", "区财政局"],
        responsible: ["区司法局 (行政执法协调监督局)", "各县(市、 区)人民政府"],
        deadlines: [],
      },
    ]);
  });
});
