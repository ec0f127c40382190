import { CLOSERS, OPENERS } from "./brackets.js";
import { findDeadlines } from "./deadlines.js";
import type { Field, FieldRole } from "./labels.js";
import type { Line } from "./lines.js";
import { simplifyForDetection } from "./normalise.js";

/**
 * Task tables flattened to text by the readers or by copy-paste: one row per line with cells joined by "|",
 * one row per line with cells separated by spaces, or one cell per line. Columns are found by header names,
 * in any order.
 */

/**
 * What the readers put between the paragraphs (or Alt+Enter lines, or <br> lines) of one table cell, so a row stays
 * on one line. A unit column splits on it (区司法局 / 区财政局 on two lines of one 牵头单位 cell are two units); the
 * task text keeps it as the space between two sentences.
 */
export const CELL_LINE_BREAK = " ";

export type Column = "number" | "text" | "group" | "ignored" | Exclude<FieldRole, "ignored" | "person">;

export interface TableRow {
  /** index of the row's first line */
  line: number;
  /** number of lines the row occupies */
  lines: number;
  number: number | null;
  /** the table has a 序号 column, so a row without a number continues the row above */
  hasNumberColumn: boolean;
  /** the row's number cell as written, or the group cell for a group heading row */
  text: string;
  textStart: number;
  fields: Field[];
  /** a value of a 分类 column that starts a new group, or a row that is a heading (一、…) */
  heading?: { text: string; start: number };
}

/** A header cell is a short name: no sentence punctuation, no numbers. */
function isHeaderShaped(name: string): boolean {
  return name !== "" && name.length <= 10 && !/[，。、：:；;,\d]/.test(name);
}

/** The column a header cell names, or null for a name the parser does not know (考核分值) or not a name at all. */
export function classifyHeader(cell: string): Column | null {
  // traditional headers (牽頭單位, 完成時限) read as simplified ones
  const c = simplifyForDetection(cell.replace(/\s+/g, ""));
  if (!isHeaderShaped(c)) return null;
  if (/^(序号|编号|序|No\.?)$/i.test(c)) return "number";
  // people are never units: 分管领导, 责任领导, 责任人
  if (/领导|责任人|联系人|分管/.test(c)) return "ignored";
  if (/牵头/.test(c)) return "lead";
  if (/配合|协办|协助|参与|协同/.test(c)) return "cooperating";
  if (/责任(单位|部门|主体|科室)|主责|实施(单位|主体)|承办|落实单位|^(单位|部门)$/.test(c)) return "responsible";
  if (/时限|时间|期限|节点|进度/.test(c)) return "deadline";
  if (/任务|措施|内容|事项|要点|举措|工作/.test(c)) return "text";
  if (/类别|分类|板块|领域|方面|项目/.test(c) && c.length <= 8) return "group";
  if (/备注|说明|目标|指标|依据/.test(c) && c.length <= 8) return "ignored";
  return null;
}

/**
 * The columns of a header row: every cell a short name, among them the task column and a unit or deadline column.
 * Names the parser does not know (考核分值, 分值) are ignored columns, as long as they are fewer than the known ones.
 */
function headerOf(cells: string[]): Column[] | null {
  if (cells.length < 3) return null;
  if (!cells.every((cell) => isHeaderShaped(cell.replace(/\s+/g, "")))) return null;
  const columns = cells.map(classifyHeader);
  if (!columns.includes("text")) return null;
  if (!columns.some((c) => c === "lead" || c === "responsible" || c === "cooperating" || c === "deadline")) return null;
  const unknown = columns.filter((c) => c === null).length;
  if (unknown * 2 >= cells.length) return null;
  return columns.map((c) => c ?? "ignored");
}

/** A header row of a task table, for the readers (Excel sheets, PDF tables): the same test the parser applies. */
export function isTaskTableHeader(cells: string[]): boolean {
  return headerOf(cells.filter((cell) => cell.trim() !== "")) !== null;
}

/** A cell that names a column the parser reads (not 备注, 分管领导 or 类别). */
export function namesTaskColumn(cell: string): boolean {
  const column = classifyHeader(cell);
  return column !== null && column !== "ignored" && column !== "group";
}

const CN_NUMBER_CELL = /^[(（]?([一二三四五六七八九十]{1,3})[)）、.．]?$/;
const BARE_NUMBER = /^[(（]?(\d{1,3})[)）.、．]?$/;
const SECTION_LIKE =
  /^([一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]+部分)/;

function looksLikeDeadline(cell: string): boolean {
  return findDeadlines(cell, null).length > 0 || /长期|持续|常态|年底|月底|季度|\d{4}\s*年/.test(cell);
}

interface Cell {
  text: string;
  start: number;
}

/** Maps cells to columns; when counts differ, the text column takes the surplus and deadlines are found by shape. */
function assign(columns: Column[], cells: Cell[]): Map<Column | `${Column}#${number}`, Cell> {
  const out = new Map<Column | `${Column}#${number}`, Cell>();
  const put = (col: Column, cell: Cell, i: number) => {
    const key = out.has(col) ? (`${col}#${i}` as const) : col;
    out.set(key, cell);
  };
  if (cells.length === columns.length) {
    for (let k = 0; k < columns.length; k++) put(columns[k], cells[k], k);
    return out;
  }
  const textAt = columns.indexOf("text");
  const left = columns.slice(0, textAt);
  const right = columns.slice(textAt + 1);
  let i = 0;
  left.forEach((col, k) => {
    if (i < cells.length - 1) put(col, cells[i++], k);
  });
  if (cells.length - i > right.length) {
    const take = cells.length - i - right.length;
    const parts = cells.slice(i, i + take);
    put("text", { text: parts.map((p) => p.text).join(" "), start: parts[0].start }, textAt);
    i += take;
    for (let k = 0; k < right.length; k++) put(right[k], cells[i + k], textAt + 1 + k);
    return out;
  }
  put("text", cells[i++], textAt);
  const pending = right.map((col, k) => ({ col, k }));
  for (; i < cells.length; i++) {
    const cell = cells[i];
    const wantDeadline = looksLikeDeadline(cell.text);
    if (pending.length === 0) break;
    const slot = pending.findIndex((p) => (p.col === "deadline") === wantDeadline);
    const [p] = pending.splice(Math.max(slot, 0), 1);
    put(p.col, cell, textAt + 1 + p.k);
  }
  return out;
}

function rowFrom(columns: Column[], cells: Cell[], line: number, lines: number): TableRow | null {
  const map = assign(columns, cells);
  const numberCell = map.get("number");
  const textCell = map.get("text");
  const numberMatch = numberCell ? BARE_NUMBER.exec(numberCell.text.trim()) : null;
  const fields: Field[] = [];
  for (const [key, cell] of map) {
    const col = key.split("#")[0] as Column;
    if (col === "lead" || col === "responsible" || col === "cooperating" || col === "deadline") {
      const value = cell.text.trim();
      if (value !== "")
        fields.push({ role: col, value: col === "deadline" ? value : unitList(value), start: cell.start });
    }
  }
  const group = map.get("group");
  const row: TableRow = {
    line,
    lines,
    number: numberMatch ? Number(numberMatch[1]) : null,
    hasNumberColumn: columns.includes("number"),
    text: textCell?.text.trim() ?? "",
    textStart: textCell?.start ?? cells[0]?.start ?? 0,
    fields,
    ...(group && group.text.trim() !== "" ? { heading: { text: group.text.trim(), start: group.start } } : {}),
  };
  // a Chinese number in the number column makes the row a heading: "一 | 依法全面履行政府职能 | | |"
  const cn = numberCell ? CN_NUMBER_CELL.exec(numberCell.text.trim()) : null;
  if (cn && fields.length === 0 && textCell && textCell.text.trim() !== "") {
    return {
      ...row,
      text: "",
      heading: { text: `${cn[1]}、${textCell.text.trim()}`, start: numberCell?.start ?? textCell.start },
    };
  }
  // a row whose only content is a heading such as "一、依法行政" in the first cell
  const first = cells.find((c) => c.text.trim() !== "");
  if (row.number === null && first && SECTION_LIKE.test(first.text.trim()) && fields.length === 0) {
    return { ...row, text: "", heading: { text: first.text.trim(), start: first.start } };
  }
  if (row.number === null && row.text === "" && fields.length === 0 && !row.heading) return null;
  return row;
}

/**
 * A unit cell's names with the line breaks between them (CELL_LINE_BREAK, or spaces typed between names) written as
 * 、, one character for one so offsets hold. Never inside brackets, nor before a bracketed qualifier:
 * 区司法局 (行政执法协调监督局) stays one unit.
 */
function unitList(value: string): string {
  let depth = 0;
  let out = "";
  let i = 0;
  while (i < value.length) {
    const ch = value[i];
    if (depth === 0 && /\s/.test(ch)) {
      let end = i;
      while (end < value.length && /\s/.test(value[end])) end++;
      const qualifier = OPENERS.includes(value[end] ?? "");
      out += qualifier ? value.slice(i, end) : "、".repeat(end - i);
      i = end;
      continue;
    }
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    out += ch;
    i++;
  }
  return out;
}

function cellsOf(line: Line, separator: RegExp): Cell[] {
  const cells: Cell[] = [];
  let cursor = 0;
  for (const part of line.text.split(separator)) {
    const at = line.text.indexOf(part, cursor);
    const lead = part.length - part.trimStart().length;
    cells.push({ text: part.trim(), start: line.start + at + lead });
    cursor = at + part.length;
  }
  return cells;
}

export interface TableScan {
  rows: TableRow[];
  /** indices of lines that belong to a table (headers, rows, cells) */
  consumed: Set<number>;
}

/** Finds every flattened task table in the lines. */
export function scanTables(lines: Line[]): TableScan {
  const rows: TableRow[] = [];
  const consumed = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    const text = lines[i].text;
    if (text.includes("|")) {
      const header = headerOf(text.split("|").map((c) => c.trim()));
      if (header) {
        i = readPipeTable(lines, i, header, rows, consumed);
        continue;
      }
    }
    const spaced = text.includes(" ") || text.includes("\t") ? headerOf(text.split(/\s+/)) : null;
    if (spaced) {
      i = readSpacedTable(lines, i, spaced, rows, consumed);
      continue;
    }
    const stacked = stackedHeader(lines, i);
    if (stacked) {
      i = readStackedTable(lines, i, stacked, rows, consumed);
      continue;
    }
    i++;
  }
  return { rows, consumed };
}

function readPipeTable(lines: Line[], at: number, header: Column[], rows: TableRow[], consumed: Set<number>): number {
  consumed.add(at);
  let i = at + 1;
  for (; i < lines.length; i++) {
    const text = lines[i].text;
    if (!text.includes("|")) continue;
    const cells = cellsOf(lines[i], /\|/);
    if (headerOf(cells.map((c) => c.text))) break;
    // readers trim trailing blanks, so empty last cells may be missing
    const end = lines[i].start + text.length;
    while (cells.length < header.length) cells.push({ text: "", start: end });
    consumed.add(i);
    const row = rowFrom(header, cells, i, 1);
    if (row) rows.push(row);
  }
  return i;
}

const SPACED_ROW = /^[(（]?\d{1,3}[)）.、．]?\s+\S/;

function readSpacedTable(lines: Line[], at: number, header: Column[], rows: TableRow[], consumed: Set<number>): number {
  consumed.add(at);
  let i = at + 1;
  for (; i < lines.length; i++) {
    const text = lines[i].text;
    if (SPACED_ROW.test(text)) {
      consumed.add(i);
      const row = rowFrom(header, cellsOf(lines[i], /\s+/), i, 1);
      if (row) rows.push(row);
      continue;
    }
    if (SECTION_LIKE.test(text)) continue;
    break;
  }
  return i;
}

function stackedHeader(lines: Line[], at: number): Column[] | null {
  const columns: Column[] = [];
  for (let i = at; i < lines.length && columns.length < 12; i++) {
    const col = classifyHeader(lines[i].text);
    if (col === null) break;
    columns.push(col);
  }
  // one cell per line is only recognisable with a 序号 column first and a unit or time column
  if (columns[0] !== "number") return null;
  return headerOf(columns.map((c) => (c === "text" ? "任务" : c === "number" ? "序号" : headerName(c))));
}

function headerName(col: Column): string {
  const names: Record<Column, string> = {
    number: "序号",
    text: "任务",
    group: "分类",
    ignored: "备注",
    lead: "牵头单位",
    responsible: "责任单位",
    cooperating: "配合单位",
    deadline: "完成时限",
  };
  return names[col];
}

function readStackedTable(
  lines: Line[],
  at: number,
  header: Column[],
  rows: TableRow[],
  consumed: Set<number>,
): number {
  for (let k = 0; k < header.length; k++) consumed.add(at + k);
  let i = at + header.length;
  const hasNumber = header[0] === "number";
  while (i < lines.length) {
    const first = lines[i].text;
    if (SECTION_LIKE.test(first)) {
      i++;
      continue;
    }
    if (hasNumber && !BARE_NUMBER.test(first)) break;
    let end = i + 1;
    while (
      end < lines.length &&
      end - i < header.length &&
      !(hasNumber ? BARE_NUMBER.test(lines[end].text) : false) &&
      !SECTION_LIKE.test(lines[end].text)
    ) {
      end++;
    }
    if (!hasNumber) end = Math.min(lines.length, i + header.length);
    const cells = lines.slice(i, end).map((l) => ({ text: l.text, start: l.start }));
    for (let k = i; k < end; k++) consumed.add(k);
    const row = rowFrom(header, cells, i, end - i);
    if (row) rows.push(row);
    i = end;
  }
  return i;
}
