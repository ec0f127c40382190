import { describe, expect, it } from "vitest";
import { parseText } from "./parse-text.js";

/** Paragraph layouts of other issuers: tasks without numbers, lead notes in their wordings, unit list tails. */

const tasksOf = (text: string) =>
  parseText(text).tasks.map((t) => ({
    text: t.text,
    lead: t.leadUnits,
    others: [...t.responsibleUnits, ...t.cooperatingUnits],
    deadlines: t.deadlines.map((d) => d.text),
  }));

describe("tasks without numbers", () => {
  it("takes each plain line that the same block of labelled lines follows as a task; people are never units", () => {
    const text = [
      "某区2027年法治政府建设重点工作安排",
      "一、依法行政制度建设",
      "健全行政规范性文件备案审查机制",
      "主管领导：张某某",
      "责任单位：区司法局",
      "主要责任人：李某",
      "进度安排：2027年6月底前",
      "推行重大行政决策事项目录管理",
      "主管领导：王某",
      "责任单位：区政府办、区司法局",
      "主要责任人：赵某",
      "进度安排：每年3月底前公布目录",
    ].join("\n");
    expect(tasksOf(text)).toEqual([
      { text: "健全行政规范性文件备案审查机制", lead: [], others: ["区司法局"], deadlines: ["2027年6月底前"] },
      {
        text: "推行重大行政决策事项目录管理",
        lead: [],
        others: ["区政府办", "区司法局"],
        deadlines: ["每年3月底前公布目录"],
      },
    ]);
    expect(parseText(text).sections.map((s) => s.title)).toEqual(["依法行政制度建设"]);
  });

  it("takes each plain line with its labels written on the same line as a task", () => {
    const text = [
      "一、重点任务",
      "开展行政执法案卷评查 牵头领导:张三 责任单位:区司法局 配合单位:区城管局、区应急局",
      "落实行政执法全过程记录 牵头领导:李四 责任单位:各执法部门 完成时限:长期坚持",
    ].join("\n");
    expect(tasksOf(text)).toEqual([
      { text: "开展行政执法案卷评查", lead: [], others: ["区司法局", "区城管局", "区应急局"], deadlines: [] },
      { text: "落实行政执法全过程记录", lead: [], others: ["各执法部门"], deadlines: ["长期坚持"] },
    ]);
  });

  it("leaves a numbered plan's continuation lines in their task", () => {
    const text = [
      "1.健全执法监督机制。",
      "建立执法监督员制度。",
      "牵头单位：区司法局",
      "2.规范执法行为。",
      "推行说理式执法。",
      "牵头单位：区司法局",
      "3.公开执法信息。",
      "牵头单位：各执法部门",
    ].join("\n");
    expect(tasksOf(text).map((t) => t.text)).toEqual([
      "健全执法监督机制。\n建立执法监督员制度。",
      "规范执法行为。\n推行说理式执法。",
      "公开执法信息。",
    ]);
  });
});

describe("notes that the first unit is the lead", () => {
  it.each([
    ["排序第一的单位为牵头单位，下同", "（责任单位：区司法局、区财政局。排序第一的单位为牵头单位，下同）"],
    ["列第一位者为工作牵头单位或汇总单位", "（责任单位：区司法局、区财政局）"],
    ["第一个单位为牵头单位", "（责任单位：区司法局、区财政局）"],
  ])("reads %s, said once, for every task", (_note, clause) => {
    const note = clause.includes("下同") ? "" : `注：各项任务中${_note}。\n`;
    const text = `${note}1.编制权责清单。${clause}\n2.公开权责清单。（责任单位：区政务服务局、区司法局）`;
    expect(tasksOf(text).map((t) => [t.lead, t.others])).toEqual([
      [["区司法局"], ["区财政局"]],
      [["区政务服务局"], ["区司法局"]],
    ]);
  });

  it("never glues the note to a unit", () => {
    const text = "1.落实税费优惠政策。（责任单位：市税务局(列第一位者为工作牵头单位或汇总单位)、市财政局）";
    expect(tasksOf(text)[0]).toMatchObject({ lead: ["市税务局"], others: ["市财政局"] });
  });
});

describe("unit list tails", () => {
  it("drops a boilerplate tail after a comma and keeps the unit before it", () => {
    const text = "1.开展普法宣传。（责任单位：区司法局、区教育局，乡镇人民政府按职责分工分别负责）";
    expect(tasksOf(text)[0].others).toEqual(["区司法局", "区教育局", "乡镇人民政府"]);
  });
});

describe("the end of the document", () => {
  it("keeps the issuer and the date under the last task out of its text", () => {
    const text =
      "1.严肃追究违规检查责任。（责任单位：区纪委监委机关（牵头）、区司法局）\n云溪区人民政府办公室\n2026年3月10日";
    const result = parseText(text);
    expect(result.tasks.map((t) => t.text)).toEqual(["严肃追究违规检查责任。"]);
    expect(result.tasks[0].leadUnits).toEqual(["区纪委监委机关"]);
  });
});
