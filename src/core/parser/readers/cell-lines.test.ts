import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../index.js";
import type { ParseResult } from "../types.js";
import { readDocument } from "./index.js";

/**
 * Two units on two lines of one 牵头单位 cell are two units, whatever the format wrote the line break as: a second
 * paragraph in Word, Alt+Enter in Excel, <br> or <p> in a web page. The task text keeps both of its lines.
 */
const HEADER = ["序号", "工作任务", "牵头单位", "责任单位", "完成时限"];
const ROW = {
  number: "1",
  text: ["严格依法执法。", "推进执法公示。"],
  lead: ["区司法局", "区财政局"],
  responsible: ["各镇(街道)", "区市场监管局(区知识产权局)"],
  deadline: "2024年6月底前",
};

function expectRowRead(result: ParseResult): void {
  expect(result.tasks).toHaveLength(1);
  const [task] = result.tasks;
  expect(task.leadUnits).toEqual(["区司法局", "区财政局"]);
  expect(task.responsibleUnits).toEqual(["各镇(街道)", "区市场监管局(区知识产权局)"]);
  expect(task.text).toBe("严格依法执法。\n推进执法公示。");
  expect(task.deadlines.map((d) => d.due)).toEqual(["2024-06-30"]);
}

async function docxTable(): Promise<Uint8Array> {
  const cell = (lines: string[]) => new TableCell({ children: lines.map((text) => new Paragraph(text)) });
  const table = new Table({
    rows: [
      new TableRow({ children: HEADER.map((name) => cell([name])) }),
      new TableRow({
        children: [cell([ROW.number]), cell(ROW.text), cell(ROW.lead), cell(ROW.responsible), cell([ROW.deadline])],
      }),
    ],
  });
  const doc = new Document({ sections: [{ children: [new Paragraph("任务分工表"), table] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function xlsxTable(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("任务");
  sheet.addRow(HEADER);
  sheet.addRow([1, ROW.text.join("\n"), ROW.lead.join("\r\n"), ROW.responsible.join("\n"), ROW.deadline]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const HTML = `<html><body><div id="content"><table>
  <tr>${HEADER.map((name) => `<th>${name}</th>`).join("")}</tr>
  <tr><td>1</td><td><p>严格依法执法。</p><p>推进执法公示。</p></td><td>区司法局<br>区财政局</td>
  <td>各镇(街道)<br/>区市场监管局(区知识产权局)</td><td>2024年6月底前</td></tr>
</table></div></body></html>`;

describe("line breaks inside a table cell", () => {
  it("docx: a cell's paragraphs stay apart on the row's line", async () => {
    const read = await readDocument(await docxTable(), "表.docx");
    expect(read.text.split("\n")).toContain(
      "1 | 严格依法执法。 推进执法公示。 | 区司法局 区财政局 | 各镇(街道) 区市场监管局(区知识产权局) | 2024年6月底前",
    );
    expectRowRead(await parseDocument(await docxTable(), "表.docx"));
  });

  it("xlsx: Alt+Enter line breaks in a cell separate its units", async () => {
    const bytes = await xlsxTable();
    const read = await readDocument(bytes, "表.xlsx");
    expect(read.text.split("\n")).toContain(
      "1 | 严格依法执法。 推进执法公示。 | 区司法局 区财政局 | 各镇(街道) 区市场监管局(区知识产权局) | 2024年6月底前",
    );
    expectRowRead(await parseDocument(bytes, "表.xlsx"));
  });

  it("html: <br> and <p> inside a cell separate its units", async () => {
    expectRowRead(await parseDocument(new TextEncoder().encode(HTML), "表.html"));
  });
});
