import type ExcelJS from "exceljs";
import { CELL_LINE_BREAK, isTaskTableHeader, namesTaskColumn } from "../tables.js";
import type { ReadResult } from "../types.js";
import { readErrors } from "./errors.js";
import type { ReadClock } from "./limits.js";

/** How far down a sheet the header row is looked for (titles and notes come first). */
const HEADER_SEARCH_ROWS = 30;

interface SheetCell {
  text: string;
  /** a slave of a merge whose master lies in the same row: Excel shows nothing there */
  mergedAcross: boolean;
}

function formatDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return formatDate(value);
  if (value && typeof value === "object" && "result" in value && value.result instanceof Date) {
    return formatDate(value.result);
  }
  // a line break typed in the cell (Alt+Enter) separates two names or sentences
  return cell.text.replace(/\s*[\r\n]+\s*/g, CELL_LINE_BREAK).trim();
}

function sheetRows(sheet: ExcelJS.Worksheet, clock: ReadClock): SheetCell[][] {
  const rows: SheetCell[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    if (r % 200 === 0) clock.check();
    const row = sheet.getRow(r);
    const cells: SheetCell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const slave = cell.isMerged && cell.master.address !== cell.address;
      cells.push({ text: cellText(cell), mergedAcross: slave && Number(cell.master.row) === r });
    }
    rows.push(cells);
  }
  return rows;
}

/** A row outside a task table: its distinct visible cells. */
function plainLine(cells: SheetCell[]): string {
  const texts = cells.filter((cell) => !cell.mergedAcross && cell.text !== "").map((cell) => cell.text);
  return texts.join(" | ");
}

/**
 * The column names, from one header row or from two when a name is merged over sub-columns (责任单位 over
 * 牵头单位 | 配合单位): the lower row's name wins where it has one.
 */
function headerNames(rows: SheetCell[][], headerIndex: number): { names: string[]; rows: number } {
  const upper = rows[headerIndex].map((cell) => cell.text);
  const lower = rows[headerIndex + 1]?.map((cell) => cell.text) ?? [];
  const isSubHeader =
    lower.some((text, index) => text !== upper[index] && namesTaskColumn(text)) &&
    lower.every((text) => text.length <= 8 && !/^\d+$/.test(text));
  if (!isSubHeader) return { names: upper, rows: 1 };
  return { names: upper.map((text, index) => (lower[index] ? lower[index] : text)), rows: 2 };
}

/**
 * Lines of a sheet that holds a task table: rows above the header as text, then the header row and every task
 * row with all its columns. A vertically merged cell (a 类别 or 牵头单位 spanning several tasks) is repeated in each
 * row, because every task needs its own values; a row merged across the table is a heading and gives one line.
 */
function taskTableLines(rows: SheetCell[][], headerIndex: number): string[] {
  const { names: header, rows: headerRows } = headerNames(rows, headerIndex);
  const columns = header.map((_, index) => index).filter((index) => header[index] !== "");
  const lines = rows
    .slice(0, headerIndex)
    .map(plainLine)
    .filter((line) => line !== "");
  lines.push(columns.map((index) => header[index]).join(" | "));
  for (const cells of rows.slice(headerIndex + headerRows)) {
    const visible = cells.filter((cell) => !cell.mergedAcross && cell.text !== "");
    if (visible.length === 0) continue;
    if (cells.filter((cell) => !cell.mergedAcross).length === 1) lines.push(visible[0].text);
    else lines.push(columns.map((index) => cells[index].text).join(" | "));
  }
  return lines;
}

/** Reads every sheet of a workbook: task tables as " | " rows under their header row, other sheets row by row. */
export async function readXlsx(bytes: Uint8Array, clock: ReadClock): Promise<ReadResult> {
  // exceljs takes a third of a second to load: only when a workbook is read, not at every server start
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await clock.race(
      workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer),
    );
  } catch (error) {
    if (error instanceof Error && error.name === "DocumentReadError") throw error;
    throw readErrors.corrupt("Excel", String(error));
  }
  const lines: string[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state === "hidden" || sheet.state === "veryHidden") continue;
    const rows = sheetRows(sheet, clock);
    const headerIndex = rows
      .slice(0, HEADER_SEARCH_ROWS)
      .findIndex((cells) => isTaskTableHeader(cells.map((cell) => cell.text)));
    if (headerIndex >= 0) lines.push(...taskTableLines(rows, headerIndex));
    else lines.push(...rows.map(plainLine).filter((line) => line !== ""));
    lines.push("");
  }
  return { text: lines.join("\n").trim(), warnings: [] };
}
