import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "./index.js";
import { parseText } from "./parse-text.js";

const table = ["序号 | 工作任务 | 牵头单位 | 完成时限", "1 | 全面推行行政执法公示制度。 | 区司法局 | 2026年6月底前"];
const titleOf = (head: string[]) => parseText([...head, ...table].join("\n")).title;

describe("the plan's title", () => {
  it("is read from a spreadsheet's title row, whatever its table is called, not from the file's name", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sheet1");
    sheet.addRow(["附件1"]);
    sheet.addRow(["某某区2026年法治政府建设重点任务分工表"]);
    sheet.mergeCells(2, 1, 2, 4);
    sheet.addRow(["填报单位：区司法局", "", "", "2026年3月"]);
    for (const row of table) sheet.addRow(row.split(" | "));
    const read = await parseDocument(new Uint8Array(await workbook.xlsx.writeBuffer()), "任务表.xlsx");
    expect(read.title).toBe("某某区2026年法治政府建设重点任务分工表");
    expect(read.tasks).toHaveLength(1);
  });

  it("ends in the words titles end in (…分工表, …台账, …方案), and is never a label such as 附表1", () => {
    expect(titleOf(["某区2026年法治政府建设任务分工台账"])).toBe("某区2026年法治政府建设任务分工台账");
    expect(titleOf(["某区法治政府建设工作方案", "附表1"])).toBe("某区法治政府建设工作方案");
    expect(titleOf(["关于印发《某区2026年法治政府建设要点》的通知"])).toBe("某区2026年法治政府建设要点");
    expect(titleOf(["附表"])).toBeNull();
  });
});
