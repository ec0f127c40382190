/**
 * Excel task sheets of the corpus: title rows merged across above the header, the header (two rows when a cell
 * spans two columns), the tasks with group, number and unit cells merged down, and the document's paragraphs on a
 * notes sheet.
 */
import ExcelJS from "exceljs";
import { documentBlocks, type TableBlock } from "./model.js";
import { rowSpans } from "./render-html.js";
import type { CorpusSpec } from "./spec.js";

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** Writes a table's rows (bordered, as task sheets are printed) and returns the sheet row of its header. */
const WHOLE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/** Writes a deadline cell that holds a whole date as an Excel date shown as written ("2026年6月30日"). */
function dateCell(cell: ExcelJS.Cell): void {
  const match = String(cell.value ?? "").match(WHOLE_DATE);
  if (!match) return;
  cell.value = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  cell.numFmt = 'yyyy"年"m"月"d"日"';
}

function writeTable(sheet: ExcelJS.Worksheet, table: TableBlock, dateColumn: number): number {
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
    for (let column = 1; column <= table.columns; column++) excelRow.getCell(column).border = THIN;
    if (dateColumn >= 0 && !row.header && !row.repeat) dateCell(excelRow.getCell(dateColumn + 1));
  });
  table.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      const { column, rows } = spans[r][c];
      const span = cell.span ?? 1;
      if (cell.merge === "continue" || (span === 1 && rows === 1)) return;
      sheet.mergeCells(first + r, column + 1, first + r + rows - 1, column + span);
    });
  });
  return first;
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
  let header = 0;
  for (const block of blocks) {
    if (block.type === "table" && !block.meta) {
      const dates = spec.layout.dateCells ? spec.layout.columns.findIndex((c) => c.kind === "deadline") : -1;
      const first = writeTable(sheet, block, dates);
      header ||= first;
    } else if (block.type === "heading") fullRow(block.number + block.text);
  }
  if (spec.leadNote && spec.leadNoteAfter) fullRow(spec.leadNote);
  const widths = spec.layout.columns.map((column) => (column.kind === "text" ? 60 : column.kind === "number" ? 6 : 18));
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  // Excel does not grow a row for wrapped text when it opens a file, and neither does Calc when it prints one: the
  // height is set from the longest cell, a Chinese character being about two width units
  sheet.eachRow((row) => {
    let lines = 1;
    row.eachCell((cell, column) => {
      if (cell.isMerged && cell.master !== cell) return;
      const text = String(cell.value ?? "");
      const perLine = Math.max(1, Math.floor((widths[column - 1] ?? 18) / 2));
      const needed = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
      if (!row.getCell(column).isMerged) lines = Math.max(lines, needed);
    });
    row.height = 15 * lines;
  });
  // printed on A4 landscape, as wide as the page, the header row repeated on every page
  sheet.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  if (header > 0) sheet.pageSetup.printTitlesRow = `${header}:${header}`;
  const notes = early ?? workbook.addWorksheet("说明");
  for (const text of [...spec.intro, ...spec.after]) notes.addRow([text]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
