/**
 * Excel task sheets of the corpus: title rows merged across above the header, the header (two rows when a cell
 * spans two columns), the tasks with group, number and unit cells merged down, and the document's paragraphs on a
 * notes sheet.
 */
import ExcelJS from "exceljs";
import { documentBlocks, type TableBlock } from "./model.js";
import { rowSpans } from "./render-html.js";
import type { CorpusSpec } from "./spec.js";

function writeTable(sheet: ExcelJS.Worksheet, table: TableBlock): void {
  const spans = rowSpans(table);
  const first = sheet.rowCount + 1;
  table.rows.forEach((row, r) => {
    const values: string[] = new Array(table.columns).fill("");
    row.cells.forEach((cell, c) => {
      if (cell.merge !== "continue") values[spans[r][c].column] = cell.text;
    });
    const excelRow = sheet.addRow(values);
    if (row.header || row.repeat) excelRow.font = { bold: true };
    excelRow.alignment = { wrapText: true, vertical: "middle" };
  });
  table.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      const { column, rows } = spans[r][c];
      const span = cell.span ?? 1;
      if (cell.merge === "continue" || (span === 1 && rows === 1)) return;
      sheet.mergeCells(first + r, column + 1, first + r + rows - 1, column + span);
    });
  });
}

/** The spec's tables on one sheet, its paragraphs on a second. */
export async function specXlsx(spec: CorpusSpec): Promise<Buffer> {
  if (spec.layout.kind !== "table") throw new Error(`spec ${spec.name}: a spreadsheet needs a table layout`);
  const workbook = new ExcelJS.Workbook();
  const notesFirst = spec.layout.notesSheetFirst === true;
  const early = notesFirst ? workbook.addWorksheet("填报说明") : null;
  const sheet = workbook.addWorksheet("任务分工");
  const blocks = documentBlocks(spec);
  const width = spec.layout.columns.length;
  const fullRow = (text: string) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
  };
  fullRow(spec.title);
  for (const line of spec.layout.sheetTitleRows ?? []) fullRow(line);
  if (spec.leadNote && !spec.leadNoteAfter) fullRow(spec.leadNote);
  for (const block of blocks) {
    if (block.type === "table" && !block.meta) writeTable(sheet, block);
    else if (block.type === "heading") fullRow(block.number + block.text);
  }
  if (spec.leadNote && spec.leadNoteAfter) fullRow(spec.leadNote);
  spec.layout.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.kind === "text" ? 60 : column.kind === "number" ? 6 : 18;
  });
  const notes = early ?? workbook.addWorksheet("说明");
  for (const text of [...spec.intro, ...spec.after]) notes.addRow([text]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
