import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../index.js";
import { readDocument } from "./index.js";
import { fixture } from "./test-helpers.js";

describe("xlsx reader", () => {
  it("emits the title, the header and every task row of the seed 002 task table", async () => {
    const read = await readDocument(fixture("seed002-tasks.xlsx"), "seed002-tasks.xlsx");
    const lines = read.text.split("\n");
    expect(lines[0]).toBe("吴忠市红寺堡区关于提升行政执法质量三年行动任务分工方案");
    expect(lines[1]).toBe("序号 | 类别 | 重点任务 | 完成时限 | 配合单位 | 牵头单位 | 责任单位");
    const taskRows = lines.filter((line) => /^\d+ \| /.test(line));
    expect(taskRows).toHaveLength(43);
    // The 类别 cell is merged down over its tasks: every row carries it.
    expect(taskRows[6].split(" | ").slice(0, 2)).toEqual(["7", "(一)全面提升行政执法人员能力素质"]);
    expect(taskRows[2].split(" | ")[3]).toBe("2024 年 6 月 15 日前并长期坚持");
    // The second sheet holds no table: its rows come as text.
    expect(lines.at(-1)).toMatch(/^（三）加强宣传,营造良好氛围。/);
  });

  it("finds the header below notes, gives a merged section row once, and writes dates in Chinese", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表1");
    sheet.addRow(["附件"]);
    sheet.addRow(["完成时限", "责任单位", "具体措施", "编号"]);
    sheet.addRow(["一、加强党的领导"]);
    sheet.mergeCells(3, 1, 3, 4);
    sheet.addRow([new Date(Date.UTC(2025, 11, 31)), "区司法局", "健全法治督察机制", 1]);
    sheet.addRow(["长期坚持", { richText: [{ text: "区政府" }, { text: "办公室" }] }, "落实述法制度", 2]);
    const read = await readDocument(new Uint8Array(await workbook.xlsx.writeBuffer()), "任务.xlsx");
    expect(read.text.split("\n")).toEqual([
      "附件",
      "完成时限 | 责任单位 | 具体措施 | 编号",
      "一、加强党的领导",
      "2025年12月31日 | 区司法局 | 健全法治督察机制 | 1",
      "长期坚持 | 区政府办公室 | 落实述法制度 | 2",
    ]);
  });

  it("combines a two-row header where 责任单位 is merged over 牵头单位 and 配合单位", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表");
    sheet.addRow(["序号", "重点任务", "责任单位", "", "完成时限"]);
    sheet.addRow(["", "", "牵头单位", "配合单位", ""]);
    sheet.mergeCells(1, 1, 2, 1);
    sheet.mergeCells(1, 2, 2, 2);
    sheet.mergeCells(1, 3, 1, 4);
    sheet.mergeCells(1, 5, 2, 5);
    sheet.addRow([1, "健全法治督察机制", "区司法局", "各镇（街道）", "长期坚持"]);
    const read = await readDocument(new Uint8Array(await workbook.xlsx.writeBuffer()), "任务.xlsx");
    expect(read.text.split("\n")).toEqual([
      "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限",
      "1 | 健全法治督察机制 | 区司法局 | 各镇（街道） | 长期坚持",
    ]);
  });

  it("finds a header with columns the parser does not use (考核分值, 分管领导) and reads its tasks", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("任务");
    sheet.addRow(["2025年法治政府建设任务分工"]);
    sheet.addRow(["序号", "工作任务", "分管领导", "牵头单位", "完成时限", "考核分值"]);
    sheet.addRow([1, "严格依法执法。", "张三", "区司法局", "2025年6月底前", 5]);
    const result = await parseDocument(new Uint8Array(await workbook.xlsx.writeBuffer()), "任务.xlsx");
    expect(result.tasks.map((t) => [t.text, t.leadUnits, t.responsibleUnits, t.deadlines.map((d) => d.due)])).toEqual([
      ["严格依法执法。", ["区司法局"], [], ["2025-06-30"]],
    ]);
  });
});
