import { CLOSERS, OPENERS } from "./brackets.js";
import { FOOTER } from "./footer.js";
import type { Field } from "./labels.js";
import type { Line } from "./lines.js";
import { layRow } from "./row-cells.js";
import {
  classifyHeader,
  endsLikeUnit,
  headerSignature,
  isHeaderShaped,
  isNumberCell,
  isTimePhrase,
  isUnitList,
  readColumns,
} from "./table-columns.js";
import type { ColumnRole, TableLayout } from "./types.js";

/**
 * Task tables flattened to text: the readers write every table row of a Word, Excel, HTML or PDF table as one line
 * of cells joined by "|", and copy-paste gives the same (with a closing "|", or one cell per line, or cells
 * separated by spaces). This one table reader serves them all: it finds the header row, tells each column's role by
 * its name and its cells (see table-columns.ts) or by the mapping the user chose, and turns the body into rows.
 */

export { classifyHeader, namesTaskColumn } from "./table-columns.js";

/**
 * What the readers put between the paragraphs (or Alt+Enter lines, or <br> lines) of one table cell, so a row stays
 * on one line. A unit column splits on it (区司法局 / 区财政局 on two lines of one 牵头单位 cell are two units); the
 * task text keeps it as the space between two sentences.
 */
export const CELL_LINE_BREAK = " ";

export type Column = ColumnRole;

interface Cell {
  text: string;
  start: number;
}

export interface TableRow {
  /** index of the row's first line */
  line: number;
  /** number of lines the row occupies */
  lines: number;
  number: number | null;
  /** the table has a 序号 column, so a row without a number continues the row above */
  hasNumberColumn: boolean;
  /** the row's first task text cell */
  text: string;
  textStart: number;
  /** further task text cells (a measures cell beside a title cell), in column order */
  moreText: Cell[];
  fields: Field[];
  /** a value of a group column that starts a new group, or a row that is a heading (一、…) */
  heading?: { text: string; start: number };
  /** index of the row's table in TableScan.layouts */
  table: number;
}

export interface TableScan {
  rows: TableRow[];
  /** indices of lines that belong to a table (headers, rows, cells) */
  consumed: Set<number>;
  layouts: TableLayout[];
  /** layouts whose roles were partly told by the cells rather than the header names */
  guessed: Set<number>;
}

/** Column roles chosen for table layouts, by header signature (see headerSignature). */
export type ColumnRoles = Record<string, ColumnRole[]>;

const CN_NUMBER_CELL = /^[(（]?([一二三四五六七八九十]{1,3})[)）、.．]?$/;
const BARE_NUMBER = /^[(（]?(\d{1,4})(?:[.．-](\d{1,3}))?[)）.、．]?$/;
const SECTION_LIKE =
  /^([一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]+部分)/;
const UNIT_ROLES: ReadonlySet<ColumnRole> = new Set(["lead", "responsible", "cooperating"]);

/**
 * A header row of a task table by its names alone, for the readers that must find one before they have the body
 * (Excel sheets, PDF tables): short names, at least two of them naming a column the parser reads, one a unit or
 * time column, and a task column named or left for the content to tell (民生实事).
 */
export function isTaskTableHeader(cells: string[]): boolean {
  const names = cells.map((c) => c.trim()).filter((c) => c !== "");
  if (names.length < 3 || !names.every(isHeaderShaped)) return false;
  const roles = names.map(classifyHeader);
  const known = roles.filter((r) => r !== null && r !== "ignored").length;
  const unknown = roles.filter((r) => r === null).length;
  if (known < 2 || unknown * 2 >= names.length) return false;
  if (!roles.some((r) => r === "deadline" || (r !== null && UNIT_ROLES.has(r)))) return false;
  return roles.includes("text") || roles.includes("group") || unknown > 0;
}

/** How a table's rows are written: opened and closed by "|" (Markdown, copied web tables), or only closed. */
interface PipeStyle {
  opened: boolean;
  closed: boolean;
}

const styleOf = (header: string): PipeStyle => ({ opened: /^\s*\|/.test(header), closed: /\|\s*$/.test(header) });

/**
 * A row's cells, in the style its header sets: where the header opens (closes) with "|", a row's first (last) "|"
 * adds no cell. Elsewhere a leading "|" is an empty first cell (a row whose 序号 cell is merged away, trimmed) and a
 * closing one an empty last cell (the reader trimmed the blank after it).
 */
function pipeCells(line: Line, style: PipeStyle = styleOf(line.text)): Cell[] {
  const cells: Cell[] = [];
  let text = line.text;
  let offset = line.start;
  const lead = /^\s*\|/.exec(text);
  if (style.opened && lead) {
    text = text.slice(lead[0].length);
    offset += lead[0].length;
  }
  if (style.closed) text = text.replace(/\|\s*$/, "");
  let cursor = 0;
  for (const part of text.split("|")) {
    const skip = part.length - part.trimStart().length;
    cells.push({ text: part.trim(), start: offset + cursor + skip });
    cursor += part.length + 1;
  }
  return cells;
}

/** A row of header names: every filled cell a short name, and some naming a column. */
function headerShaped(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== "");
  if (filled.length < 2 || !filled.every(isHeaderShaped)) return false;
  const roles = filled.map(classifyHeader);
  return roles.filter((r) => r !== null && r !== "ignored").length >= Math.min(2, filled.length - 1);
}

/**
 * A second header row names the sub-columns of a name spanning them (责任单位 over 牵头单位 | 配合单位): each name
 * it adds sits under an empty cell or under a name that also covers its neighbour.
 */
function isSubHeader(upper: string[], lower: string[]): boolean {
  if (!headerShaped(lower)) return false;
  const added = lower.flatMap((cell, k) => (cell !== "" && cell !== upper[k] ? [k] : []));
  if (added.length === 0) return false;
  return added.every((k) => {
    const above = upper[k] ?? "";
    return above === "" || above === upper[k - 1] || above === upper[k + 1] || upper[k + 1] === "";
  });
}

/**
 * A second header row written with only the sub-columns ("牵头单位 | 配合单位" under a 责任单位 spanning them, the
 * spanning cell's blanks lost in copying): the one unit name above is replaced by the names below it.
 */
function underSpanningName(upper: string[], lower: string[]): string[] | null {
  const names = lower.filter((c) => c !== "");
  if (names.length < 2 || names.length >= upper.length || !headerShaped(lower)) return null;
  const unitRole = (c: string) => {
    const role = classifyHeader(c);
    return role !== null && UNIT_ROLES.has(role);
  };
  if (!names.every(unitRole)) return null;
  const parents = upper.flatMap((c, k) => (unitRole(c) ? [k] : []));
  if (parents.length !== 1) return null;
  return [...upper.slice(0, parents[0]), ...names, ...upper.slice(parents[0] + 1)];
}

/** A row of three short names or more, none of which the parser knows: the columns are told by the cells. */
function namesOnly(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== "");
  return filled.length >= 3 && filled.every(isHeaderShaped);
}

const MARKDOWN_RULE = /^[\s|:：\-—=+]+$/;

/**
 * Lines read as a table: the header (one row, or two when a name is merged over sub-columns: 责任单位 over
 * 牵头单位 | 配合单位), then every "|" line up to the next different header. Headings between rows stay outside.
 */
interface RawTable {
  header: string[];
  headerLines: number[];
  body: Array<{ line: number; cells: Cell[] }>;
  /** lines that are part of the table but give no row (repeated headers, Markdown rules) */
  skipped: number[];
  end: number;
}

function collectPipeTable(lines: Line[], at: number): RawTable {
  const style = styleOf(lines[at].text);
  const first = pipeCells(lines[at], style).map((c) => c.text);
  let header = first;
  const headerLines = [at];
  let i = at + 1;
  const next = i < lines.length && lines[i].text.includes("|") ? pipeCells(lines[i], style).map((c) => c.text) : null;
  const spanned = next ? underSpanningName(header, next) : null;
  if (spanned) {
    header = spanned;
    headerLines.push(i);
    i++;
  } else if (next && isSubHeader(header, next)) {
    const width = Math.max(header.length, next.length);
    header = Array.from({ length: width }, (_, k) => next[k] || header[k] || "");
    headerLines.push(i);
    i++;
  }
  const signature = headerSignature(header);
  const upper = headerSignature(first);
  const body: RawTable["body"] = [];
  const skipped: number[] = [];
  for (; i < lines.length; i++) {
    const text = lines[i].text;
    // the page's furniture (扫一扫, 网站地图, 附件:) ends the table
    if (FOOTER.test(text)) break;
    if (!text.includes("|")) continue;
    if (MARKDOWN_RULE.test(text)) {
      skipped.push(i);
      continue;
    }
    const cells = pipeCells(lines[i], style);
    const names = cells.map((c) => c.text);
    const key = headerSignature(names);
    // a header repeated at a page break is no data; a header of another layout starts another table
    if (key === signature || key === upper) {
      skipped.push(i);
      continue;
    }
    if (headerShaped(names) && !cells.some((c) => c.text.length > 12)) break;
    body.push({ line: i, cells });
  }
  return { header, headerLines, body, skipped, end: i };
}

/**
 * Header cells against body cells: a header cell spanning two columns (工作任务 over a group and a detail column)
 * leaves the header one cell short of the rows; the missing cell is put after the text column it spans.
 */
function alignHeader(header: string[], body: RawTable["body"]): string[] {
  const counts = new Map<number, number>();
  for (const row of body) counts.set(row.cells.length, (counts.get(row.cells.length) ?? 0) + 1);
  // the widest row count that more than one row (or a fifth of them) has: rows with a merged cell left out are
  // narrower, the header of a name spanning two columns narrower still
  const enough = Math.max(2, Math.ceil(body.length / 5));
  const wide = [...counts].filter(([, n]) => n >= Math.min(enough, body.length)).map(([w]) => w);
  const width = wide.length > 0 ? Math.max(...wide) : header.length;
  if (width <= header.length) return header;
  const missing = width - header.length;
  const at = header.findIndex((c) => {
    const role = classifyHeader(c);
    return role === "text" || role === "group";
  });
  const out = [...header];
  out.splice(at < 0 ? header.length : at + 1, 0, ...Array.from({ length: missing }, () => ""));
  return out;
}

type CellKind = "number" | "time" | "units" | "text" | "short" | "empty";

function kindOf(text: string): CellKind {
  if (text === "") return "empty";
  if (isNumberCell(text)) return "number";
  if (isTimePhrase(text)) return "time";
  if (isUnitList(text)) return "units";
  return text.length >= 12 ? "text" : "short";
}

/**
 * Rows one cell short of the header, among full rows: a table copied from a page where a merged cell (a group, a
 * 序号) was written on its first row only. The missing cell is put where the row's cells then match the kinds of
 * the full rows' columns best, so the merged column reads as empty under its value.
 */
function realignShortRows(width: number, body: RawTable["body"]): RawTable["body"] {
  const full = body.filter((row) => row.cells.length === width);
  const short = body.filter((row) => row.cells.length === width - 1);
  if (short.length === 0 || full.length < 2 || width < 3) return body;
  const kinds = Array.from({ length: width }, (_, k) => {
    const counts = new Map<CellKind, number>();
    for (const row of full) {
      const kind = kindOf(row.cells[k].text);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0][0];
  });
  // the cell missing at the end (empty trailing cells the reader trimmed) unless another place fits better
  let best = -1;
  let bestScore = -1;
  for (let missing = width - 1; missing >= 0; missing--) {
    let score = 0;
    for (const row of short) {
      row.cells.forEach((cell, j) => {
        if (kindOf(cell.text) === kinds[j < missing ? j : j + 1]) score++;
      });
    }
    if (score > bestScore) {
      best = missing;
      bestScore = score;
    }
  }
  return body.map((row) => {
    if (row.cells.length !== width - 1) return row;
    const at = row.cells[best]?.start ?? row.cells[row.cells.length - 1].start;
    const cells = [...row.cells];
    cells.splice(best, 0, { text: "", start: at });
    return { line: row.line, cells };
  });
}

function rolesFor(
  header: string[],
  body: RawTable["body"],
  columnRoles: ColumnRoles,
): { roles: ColumnRole[]; mapped: boolean; guessed: boolean } | null {
  const chosen = columnRoles[headerSignature(header)];
  if (chosen && chosen.length === header.length && chosen.includes("text")) {
    return { roles: chosen, mapped: true, guessed: false };
  }
  const reading = readColumns(
    header,
    body.map((row) => row.cells.map((c) => c.text)),
  );
  return reading ? { roles: reading.roles, mapped: false, guessed: reading.guessed } : null;
}

/** Finds every flattened task table in the lines; `columnRoles` overrides the roles of the layouts it names. */
export function scanTables(lines: Line[], columnRoles: ColumnRoles = {}): TableScan {
  const scan: TableScan = { rows: [], consumed: new Set(), layouts: [], guessed: new Set() };
  let i = 0;
  // the "|" lines a refused header took as its body are tried as headers no more (each would read to the end again)
  let refusedUntil = -1;
  while (i < lines.length) {
    const text = lines[i].text;
    const names = text.includes("|") && i > refusedUntil ? pipeCells(lines[i]).map((c) => c.text) : null;
    if (names && (headerShaped(names) || namesOnly(names) || columnRoles[headerSignature(names)])) {
      const { end, read } = readPipeTable(lines, i, scan, columnRoles);
      if (read) {
        i = end;
        continue;
      }
      refusedUntil = end - 1;
    }
    const spaced = text.includes(" ") || text.includes("\t") ? spacedHeader(text) : null;
    if (spaced) {
      i = readSpacedTable(lines, i, spaced, scan);
      continue;
    }
    const stacked = stackedHeader(lines, i);
    if (stacked) {
      i = readStackedTable(lines, i, stacked, scan);
      continue;
    }
    i++;
  }
  if (scan.rows.length === 0) offerTable(lines, scan);
  return scan;
}

/**
 * A document without a task table the parser could read may still hold one under headers it does not know
 * (甲 | 乙 | 丙, 编号 | 说明 | 备注): its first "|" table is offered with the roles guessed so far, so the user can say
 * which column holds what; nothing is read from it until then.
 */
function offerTable(lines: Line[], scan: TableScan): void {
  for (let at = 0; at < lines.length; at++) {
    if (!lines[at].text.includes("|")) continue;
    const header = pipeCells(lines[at]).map((c) => c.text);
    if (header.filter((c) => c !== "").length < 2 || !header.every((c) => c === "" || isHeaderShaped(c))) continue;
    const body: string[][] = [];
    for (let i = at + 1; i < lines.length && body.length < 200; i++) {
      if (!lines[i].text.includes("|")) continue;
      body.push(pipeCells(lines[i]).map((c) => c.text));
    }
    if (body.length === 0) continue;
    const guessed = header.map((cell, k) => {
      const named = cell === "" ? null : classifyHeader(cell);
      if (named) return named;
      const cells = body.map((row) => row[k] ?? "").filter((c) => c !== "");
      if (cells.length > 0 && cells.filter(isTimePhrase).length * 2 >= cells.length) return "deadline";
      if (cells.length > 0 && cells.filter(isUnitList).length * 2 >= cells.length) return "responsible";
      return "ignored";
    });
    addLayout(
      scan,
      {
        signature: headerSignature(header),
        headers: header,
        roles: guessed,
        mapped: false,
        samples: body.slice(0, 3).map((row) => header.map((_, k) => row[k] ?? "")),
        rows: body.length,
      },
      true,
    );
    return;
  }
}

function addLayout(scan: TableScan, layout: TableLayout, guessed: boolean): number {
  scan.layouts.push(layout);
  if (guessed) scan.guessed.add(scan.layouts.length - 1);
  return scan.layouts.length - 1;
}

/** Reads a "|" table from its header line: the line after it, and whether the lines were a task table. */
function readPipeTable(
  lines: Line[],
  at: number,
  scan: TableScan,
  columnRoles: ColumnRoles,
): { end: number; read: boolean } {
  const raw = collectPipeTable(lines, at);
  const header = alignHeader(raw.header, raw.body);
  // rows short of cells (merged cells left out, blanks trimmed) are laid on the columns once their roles are known
  const body = realignShortRows(header.length, raw.body);
  const reading = rolesFor(header, body, columnRoles);
  if (!reading) return { end: raw.end, read: false };
  // a header of names the parser does not know (甲 | 乙 | 丙) is a task table only when its rows say so plainly
  if (!reading.mapped && !headerShaped(raw.header) && body.length < 2) return { end: raw.end, read: false };
  const table = addLayout(
    scan,
    {
      signature: headerSignature(header),
      headers: header,
      roles: reading.roles,
      mapped: reading.mapped,
      samples: body.slice(0, 3).map((row) => header.map((_, k) => row.cells[k]?.text ?? "")),
      rows: body.length,
    },
    reading.guessed,
  );
  for (const k of [...raw.headerLines, ...raw.skipped]) scan.consumed.add(k);
  for (const row of body) {
    scan.consumed.add(row.line);
    const parsed = rowFrom(reading.roles, row.cells, row.line, 1, table);
    if (parsed) scan.rows.push(parsed);
  }
  return { end: raw.end, read: true };
}

/** Maps cells to columns; when counts differ, the text column takes the surplus and deadlines are found by shape. */
function assign(columns: Column[], cells: Cell[], joinRuns = false): Array<[Column, Cell]> {
  if (cells.length === columns.length && !joinRuns) return columns.map((col, k) => [col, cells[k]]);
  const laid = layRow(columns, cells, joinRuns);
  if (laid) return columns.map((col, k) => [col, laid[k]]);

  const out: Array<[Column, Cell]> = [];
  const textAt = columns.indexOf("text");
  const left = columns.slice(0, textAt);
  const right = columns.slice(textAt + 1);
  let i = 0;
  for (const col of left) if (i < cells.length - 1) out.push([col, cells[i++]]);
  if (cells.length - i > right.length) {
    const take = cells.length - i - right.length;
    const parts = cells.slice(i, i + take);
    out.push(["text", { text: parts.map((p) => p.text).join(" "), start: parts[0].start }]);
    i += take;
    right.forEach((col, k) => {
      out.push([col, cells[i + k]]);
    });
    return out;
  }
  out.push(["text", cells[i++]]);
  const pending = [...right];
  for (; i < cells.length && pending.length > 0; i++) {
    const cell = cells[i];
    const wantDeadline = isTimePhrase(cell.text);
    const slot = pending.findIndex((col) => (col === "deadline") === wantDeadline);
    const [col] = pending.splice(Math.max(slot, 0), 1);
    out.push([col, cell]);
  }
  return out;
}

function rowFrom(
  columns: Column[],
  cells: Cell[],
  line: number,
  lines: number,
  table: number,
  joinRuns = false,
): TableRow | null {
  const mapped = assign(columns, cells, joinRuns);
  const numberCell = mapped.find(([col]) => col === "number")?.[1];
  const texts = mapped.filter(([col, cell]) => col === "text" && cell.text.trim() !== "").map(([, cell]) => cell);
  const numberMatch = numberCell ? BARE_NUMBER.exec(numberCell.text.trim()) : null;
  const fields: Field[] = [];
  for (const [col, cell] of mapped) {
    if (!UNIT_ROLES.has(col) && col !== "deadline") continue;
    const value = cell.text.trim();
    if (value === "") continue;
    const role = col as Field["role"];
    fields.push({ role, value: col === "deadline" ? value : unitList(value), start: cell.start });
  }
  const group = mapped.find(([col, cell]) => col === "group" && cell.text.trim() !== "")?.[1];
  const first = texts[0];
  const row: TableRow = {
    line,
    lines,
    number: numberMatch ? Number(numberMatch[2] ?? numberMatch[1]) : null,
    hasNumberColumn: columns.includes("number"),
    text: first?.text.trim() ?? "",
    textStart: first?.start ?? cells[0]?.start ?? 0,
    moreText: texts.slice(1).map((c) => ({ text: c.text.trim(), start: c.start })),
    fields,
    table,
    ...(group ? { heading: { text: group.text.trim(), start: group.start } } : {}),
  };
  // a Chinese number in the number column makes the row a heading: "一 | 依法全面履行政府职能 | | |"
  const cn = numberCell ? CN_NUMBER_CELL.exec(numberCell.text.trim()) : null;
  if (cn && fields.length === 0 && first) {
    return {
      ...row,
      text: "",
      moreText: [],
      heading: { text: `${cn[1]}、${first.text.trim()}`, start: numberCell?.start ?? first.start },
    };
  }
  // a row whose only content is a heading such as "一、依法行政" in its first cell
  const firstFilled = cells.find((c) => c.text.trim() !== "");
  if (row.number === null && firstFilled && SECTION_LIKE.test(firstFilled.text.trim()) && fields.length === 0) {
    return { ...row, text: "", moreText: [], heading: { text: firstFilled.text.trim(), start: firstFilled.start } };
  }
  // a row with one filled cell spanning the table (一个分组标题) is a heading
  const filled = mapped.filter(([, c]) => c.text.trim() !== "");
  // (a task cell alone is a task whose merged unit and time cells were left blank)
  const lone = filled.length === 1 && filled[0][0] !== "text";
  if (lone && fields.length === 0 && row.number === null && !group && columns.length >= 3) {
    const only = filled[0][1];
    if (only.text.length <= 40 && !/[。；;]$/.test(only.text.trim())) {
      return { ...row, text: "", moreText: [], heading: { text: only.text.trim(), start: only.start } };
    }
  }
  if (row.number === null && row.text === "" && fields.length === 0 && !row.heading) return null;
  return row;
}

/**
 * A unit cell's names with the line breaks between them (CELL_LINE_BREAK, or spaces typed between names) written as
 * 、, one character for one so offsets hold. Never inside brackets, nor around a bracketed qualifier:
 * 区司法局 (行政执法协调监督局) and 各县区(开发区) 安委会 stay one unit each.
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
      const before = value.slice(0, i);
      const qualifier = OPENERS.includes(value[end] ?? "") || continuesQualified(before, value.slice(end));
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

/**
 * "各县区(开发区) 安委会": after a place qualified in brackets, a short agency name finishes the same unit; after a
 * full unit name (区司法局(牵头)) the next name is another unit.
 */
function continuesQualified(before: string, after: string): boolean {
  if (!/[)）〕]$/.test(before)) return false;
  const place = before.replace(/[(（〔][^(（〔]*[)）〕]$/, "");
  const next = after.split(/[\s、，,]/)[0] ?? "";
  const isPlace = PLACE_END.test(place) || !endsLikeUnit(place);
  return isPlace && next.length <= 6 && !/^[区县市省各]/.test(next) && endsLikeUnit(next);
}

/** Places, unlike agencies: 各县区, 各镇, 相关镇, 各街道, 村. */
const PLACE_END = /(镇|乡|街道|区|县|市|村|社区|开发区|园区|镇街)$/;

function cellsBySpaces(line: Line): Cell[] {
  const cells: Cell[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line.text); m; m = re.exec(line.text)) cells.push({ text: m[0], start: line.start + m.index });
  return cells;
}

/** A header of names separated by spaces: the task column named, and a unit or deadline column. */
function spacedHeader(text: string): Column[] | null {
  const names = text.split(/\s+/).filter((c) => c !== "");
  if (names.length < 3 || !names.every(isHeaderShaped)) return null;
  const roles = names.map(classifyHeader);
  if (!roles.includes("text")) return null;
  if (!roles.some((r) => r === "deadline" || (r !== null && UNIT_ROLES.has(r)))) return null;
  if (roles.filter((r) => r === null).length * 2 >= names.length) return null;
  return roles.map((r) => r ?? "ignored");
}

const SPACED_ROW = /^[(（]?\d{1,3}[)）.、．]?\s+\S/;

function layoutOf(names: string[], roles: Column[], rows: number): TableLayout {
  return { signature: headerSignature(names), headers: names, roles, mapped: false, samples: [], rows };
}

function readSpacedTable(lines: Line[], at: number, header: Column[], scan: TableScan): number {
  scan.consumed.add(at);
  const table = addLayout(scan, layoutOf(lines[at].text.split(/\s+/), header, 0), false);
  let i = at + 1;
  for (; i < lines.length; i++) {
    const text = lines[i].text;
    if (SPACED_ROW.test(text)) {
      scan.consumed.add(i);
      const row = rowFrom(header, cellsBySpaces(lines[i]), i, 1, table, true);
      if (row) scan.rows.push(row);
      scan.layouts[table].rows++;
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
  // one cell per line is only recognisable with a 序号 column first, the task column and a unit or time column
  if (columns[0] !== "number" || columns.length < 3 || !columns.includes("text")) return null;
  if (!columns.some((c) => c === "deadline" || UNIT_ROLES.has(c))) return null;
  return columns;
}

function readStackedTable(lines: Line[], at: number, header: Column[], scan: TableScan): number {
  for (let k = 0; k < header.length; k++) scan.consumed.add(at + k);
  const names = lines.slice(at, at + header.length).map((l) => l.text);
  const table = addLayout(scan, layoutOf(names, header, 0), false);
  let i = at + header.length;
  while (i < lines.length) {
    const first = lines[i].text;
    if (SECTION_LIKE.test(first)) {
      i++;
      continue;
    }
    if (!BARE_NUMBER.test(first)) break;
    let end = i + 1;
    while (
      end < lines.length &&
      end - i < header.length &&
      !BARE_NUMBER.test(lines[end].text) &&
      !SECTION_LIKE.test(lines[end].text)
    ) {
      end++;
    }
    const cells = lines.slice(i, end).map((l) => ({ text: l.text, start: l.start }));
    for (let k = i; k < end; k++) scan.consumed.add(k);
    const row = rowFrom(header, cells, i, end - i, table);
    if (row) scan.rows.push(row);
    scan.layouts[table].rows++;
    i = end;
  }
  return i;
}
