import ExcelJS from "exceljs";
import type { ReadResult } from "../types.js";
import { readErrors } from "./errors.js";
import type { ReadClock } from "./limits.js";
import { columnKind, isHeaderRow } from "./xlsx-columns.js";

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
  return cell.text.replace(/\s*[\r\n]+\s*/g, "").trim();
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
 * Lines of a sheet that holds a task table. Unrecognised columns left of the task column (类别, 领域) group the
 * rows, usually as a vertically merged cell: their value is given once, as a heading line, whenever it changes,
 * instead of being repeated into every task. Vertically merged unit or deadline cells are repeated, because each
 * task needs its own units.
 */
function taskTableLines(rows: SheetCell[][], headerIndex: number): string[] {
  const header = rows[headerIndex].map((cell) => cell.text);
  const kinds = header.map(columnKind);
  const taskColumn = kinds.indexOf("task");
  const lastColumn = header.reduce((last, text, index) => (text !== "" ? index : last), 0);
  const groupColumns = header.map((_, index) => index).filter((index) => index < taskColumn && kinds[index] === null);
  const rowColumns = header
    .map((_, index) => index)
    .filter((index) => index <= lastColumn && !groupColumns.includes(index) && header[index] !== "");
  const lines = rows
    .slice(0, headerIndex)
    .map(plainLine)
    .filter((line) => line !== "");
  lines.push(rowColumns.map((index) => header[index]).join(" | "));
  const lastGroup = new Map<number, string>();
  for (const cells of rows.slice(headerIndex + 1)) {
    const visible = cells.filter((cell) => !cell.mergedAcross && cell.text !== "");
    if (visible.length === 0) continue;
    // A row merged across the table is a heading or a note, not a task.
    if (
      cells.filter((cell) => !cell.mergedAcross).length === 1 ||
      (visible.length === 1 && cells[taskColumn].text === "")
    ) {
      lines.push(visible[0].text);
      continue;
    }
    for (const index of groupColumns) {
      const value = cells[index].text;
      if (value !== "" && value !== lastGroup.get(index)) lines.push(value);
      lastGroup.set(index, value);
    }
    lines.push(rowColumns.map((index) => cells[index].text).join(" | "));
  }
  return lines;
}

/** Reads every sheet of a workbook: task tables as " | " rows under their header row, other sheets row by row. */
export async function readXlsx(bytes: Uint8Array, clock: ReadClock): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
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
      .findIndex((cells) => isHeaderRow(cells.map((cell) => cell.text)));
    if (headerIndex >= 0) lines.push(...taskTableLines(rows, headerIndex));
    else lines.push(...rows.map(plainLine).filter((line) => line !== ""));
    lines.push("");
  }
  return { text: lines.join("\n").trim(), warnings: [] };
}
