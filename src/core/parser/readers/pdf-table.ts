/**
 * Task tables in PDFs come out of pdf.js as runs scattered over lines, every cell wrapped on its own. This module
 * finds a table by its header row (序号/工作任务/牵头单位/… by name), takes the columns from the header cells'
 * positions, and rebuilds one " | "-joined line per table row, so the text parser sees what the Word and Excel
 * readers give. Rows are told apart by the table's horizontal rules when the PDF draws them, else by the row
 * numbers of the 序号 column (cells aligned to the top, as Word and LibreOffice set them by default).
 */
import { endsLikeUnit } from "../table-columns.js";
import { CELL_LINE_BREAK, classifyHeader, isTaskTableHeader } from "../tables.js";
import type { PdfLine, PdfPage, PdfPiece } from "./pdf-layout.js";
import { isHorizontal, isVertical, type Rule } from "./pdf-rules.js";

/** A page's horizontal rules: with their extent, or as bare heights (borders drawn across the whole table). */
export type PageRules = ReadonlyArray<number | Rule>;

interface Cell {
  text: string;
  x: number;
  right: number;
}

interface Column {
  left: number;
  right: number;
}

/** Where one table lies: its columns and, page by page, the range of its lines. */
export interface TableRegion {
  header: string[];
  columns: Column[];
  /** the columns are the table's drawn vertical borders */
  ruled: boolean;
  numberColumn: number;
  parts: TablePart[];
}

/** The lines of a table on one page; `header` lists the lines that are (repeated) header rows. */
interface TablePart {
  page: number;
  from: number;
  to: number;
  header: number[];
}

/** Runs closer than this (in font sizes) belong to one cell. */
const CELL_GAP = 0.8;

function cellsOf(line: PdfLine): Cell[] {
  const cells: Cell[] = [];
  for (const piece of line.pieces ?? []) {
    const last = cells[cells.length - 1];
    if (last && piece.x - last.right < piece.size * CELL_GAP) {
      last.text += piece.text;
      last.right = Math.max(last.right, piece.right);
    } else {
      cells.push({ text: piece.text, x: piece.x, right: piece.right });
    }
  }
  return cells;
}

function headerOf(cells: Cell[]): { header: string[]; columns: Column[]; cells: Cell[] } | null {
  const texts = cells.map((cell) => cell.text.replace(/\s+/g, ""));
  if (cells.length < 3 || !isTaskTableHeader(texts)) return null;
  const columns = cells.map((cell, index) => ({
    left: index === 0 ? Number.NEGATIVE_INFINITY : (cells[index - 1].right + cell.x) / 2,
    right: index === cells.length - 1 ? Number.POSITIVE_INFINITY : (cell.right + cells[index + 1].x) / 2,
  }));
  return { header: texts, columns, cells };
}

/** The cells of a header written on two lines in narrow columns (完成 over 时限), stacked into one. */
function stackedCells(upper: Cell[], lower: PdfLine): Cell[] {
  const cells = upper.map((cell) => ({ ...cell }));
  for (const below of cellsOf(lower)) {
    const above = cells.find((cell) => cell.x < below.right && below.x < cell.right);
    if (above) {
      above.text += below.text;
      above.x = Math.min(above.x, below.x);
      above.right = Math.max(above.right, below.right);
    } else {
      cells.push({ ...below });
    }
  }
  return cells.sort((a, b) => a.x - b.x);
}

type FoundHeader = {
  header: string[];
  columns: Column[];
  cells: Cell[];
  lines: number;
  rows: Cell[][];
  ruled?: boolean;
};

function verticalBorders(rules: PageRules, top: number): number[] {
  const xs: number[] = [];
  for (const rule of rules) {
    if (typeof rule === "number" || !isVertical(rule) || rule.top > top || rule.bottom < top) continue;
    const x = (rule.left + rule.right) / 2;
    if (!xs.some((seen) => Math.abs(seen - x) < 2)) xs.push(x);
  }
  return xs.sort((a, b) => a - b);
}

/**
 * The columns of a ruled table from its drawn vertical borders: header names are often centred in wide columns,
 * so the middle between two names is no column edge. The borders are taken where they cross the header's last
 * line, so sub-columns under a name spanning them (责任单位 over 牵头单位 | 配合单位) are columns of their own and take
 * the names below; a column's name is what its header lines hold, top to bottom.
 */
function ruledColumns(found: FoundHeader, tops: number[], rules: PageRules, below?: number): FoundHeader {
  const last = verticalBorders(rules, tops[tops.length - 1]);
  const header = last.length >= found.cells.length + 1 ? last : verticalBorders(rules, tops[0]);
  // a header name spanning two body columns (工作任务 over a group and its details) hides the border between them
  const body = below === undefined ? [] : verticalBorders(rules, below);
  const xs = body.length > header.length && header.every((x) => body.some((y) => Math.abs(x - y) < 2)) ? body : header;
  if (xs.length < found.cells.length + 1) return found;
  const columns: Column[] = [];
  const names: string[] = [];
  const middle = (cell: Cell) => (cell.x + cell.right) / 2;
  for (let k = 0; k + 1 < xs.length; k++) {
    const within = (cell: Cell) => middle(cell) >= xs[k] && middle(cell) < xs[k + 1];
    const spansBorder = (cell: Cell) =>
      xs.some((x, j) => j > 0 && j < xs.length - 1 && cell.x < x - 1 && x + 1 < cell.right);
    const inColumn = found.rows.flatMap((row) => row.filter(within));
    const own = inColumn.filter((cell) => !spansBorder(cell));
    columns.push({
      left: k === 0 ? Number.NEGATIVE_INFINITY : xs[k],
      right: k + 2 === xs.length ? Number.POSITIVE_INFINITY : xs[k + 1],
    });
    names.push((own.length > 0 ? own : inColumn).map((cell) => cell.text.replace(/\s+/g, "")).join(""));
  }
  // the borders must hold every name in a column of its own, or they belong to something else
  if (names.filter((name) => name !== "").length < found.cells.length) return found;
  return { ...found, header: names, columns, ruled: true };
}

/** A heading row under the header ("（一）依法履职") is no line of it. */
const HEADING_START = /^([(（][一二三四五六七八九十]|[一二三四五六七八九十][、.．])/;

/** Readings of a header row starting at this line: on three lines, two, then one; the first is the likelier. */
function headersAt(lines: PdfLine[], index: number): FoundHeader[] {
  const found: FoundHeader[] = [];
  // Further lines of a header hold only short pieces of names (号, 单位, 时限), never a number or a sentence; a
  // name on one line sits between the two lines of its neighbours' names (工作任务 between 序/号 and 牵头/单位).
  const continues = (from: number, count: number) => {
    for (let k = from + 1; k < from + count; k++) {
      const line = lines[k];
      if (line === undefined || line.top - lines[k - 1].top > 2 * (lines[k - 1].size || 10)) return false;
      const names = cellsOf(line).map((cell) => cell.text.trim());
      if (!names.every((name) => name.length <= 12 && !/\d/.test(name) && !HEADING_START.test(name))) return false;
    }
    return true;
  };
  for (const count of [3, 2]) {
    if (!continues(index, count)) continue;
    let cells = cellsOf(lines[index]);
    for (let k = 1; k < count; k++) cells = stackedCells(cells, lines[index + k]);
    const stacked = headerOf(cells);
    const rows = Array.from({ length: count }, (_, k) => cellsOf(lines[index + k]));
    if (stacked) found.push({ ...stacked, lines: count, rows });
  }
  const single = headerOf(cellsOf(lines[index]));
  if (single) found.push({ ...single, lines: 1, rows: [cellsOf(lines[index])] });
  return found;
}

function columnAt(columns: Column[], x: number): number {
  const index = columns.findIndex((column) => x >= column.left && x < column.right);
  return Math.max(index, 0);
}

/** A run of text that crosses a column border: a heading row merged across the table, or text after the table. */
function spans(line: PdfLine, region: TableRegion): boolean {
  const slack = (line.size || 10) / 2;
  const crosses = (cell: { x: number; right: number }) =>
    columnAt(region.columns, cell.x + slack) !== columnAt(region.columns, cell.right - slack);
  // between drawn borders the runs of neighbouring cells may sit closer than a gap (a spreadsheet's packed cells):
  // only a single run across a border is a row merged across the table
  if (region.ruled) return (line.pieces ?? []).some(crosses);
  return cellsOf(line).some(crosses);
}

function repeatsHeader(lines: PdfLine[], index: number, region: TableRegion): number {
  const same = headersAt(lines, index).find((found) => found.header.join("|") === region.header.join("|"));
  return same?.lines ?? 0;
}

/**
 * Finds the task tables of a document; a table may run on over several pages, repeating its header. With the
 * pages' drawn rules, a ruled table takes its columns from its vertical borders.
 */
export function locateTables(pages: PdfPage[], rulesOfPage: Map<number, PageRules> = new Map()): TableRegion[] {
  const regions: TableRegion[] = [];
  let open: TableRegion | null = null;
  const lastBorder = new Map<number, number>();
  for (const [page, rules] of rulesOfPage) {
    const tops = rules.filter((rule) => typeof rule !== "number" && isHorizontal(rule)).map((rule) => asRule(rule).top);
    if (tops.length >= 2) lastBorder.set(page, Math.max(...tops));
  }
  pages.forEach((lines, page) => {
    let index = 0;
    while (index < lines.length) {
      if (!open) {
        const guess = headersAt(lines, index)[0];
        const tops = guess ? Array.from({ length: guess.lines }, (_, k) => lines[index + k].top) : [];
        const below = guess ? lines[index + guess.lines] : undefined;
        const found = guess ? ruledColumns(guess, tops, rulesOfPage.get(page) ?? [], below?.top) : undefined;
        if (!found) {
          index++;
          continue;
        }
        const header = Array.from({ length: found.lines }, (_, offset) => index + offset);
        open = {
          header: found.header,
          columns: found.columns,
          ruled: found.ruled === true,
          numberColumn: found.header.findIndex((text) => classifyHeader(text) === "number"),
          parts: [{ page, from: index, to: index + found.lines, header }],
        };
        regions.push(open);
        index += found.lines;
        continue;
      }
      let part = open.parts[open.parts.length - 1];
      if (part.page !== page) {
        part = { page, from: index, to: index, header: [] };
        open.parts.push(part);
      }
      const repeated = repeatsHeader(lines, index, open);
      if (repeated > 0) {
        for (let offset = 0; offset < repeated; offset++) part.header.push(index + offset);
        index += repeated;
        part.to = index;
        continue;
      }
      const line = lines[index];
      // below a ruled table's last border the page goes on with text (the issuer, the date)
      const bottom = lastBorder.get(page);
      if (bottom !== undefined && line.top - (line.size || 10) * 0.35 > bottom + 1) {
        if (part.from === part.to) open.parts.pop();
        open = null;
        continue;
      }
      const next = lines[index + 1];
      // A line across the columns is a heading row when table rows follow it; two in a row are text after the table.
      // (a ruled table ends below its last border instead: headings between its parts are heading rows)
      if (!open.ruled && spans(line, open) && next !== undefined && spans(next, open)) {
        if (part.from === part.to) open.parts.pop();
        open = null;
        continue;
      }
      index++;
      part.to = index;
    }
  });
  return regions;
}

interface Row {
  top: number;
  cells: string[];
  heading?: string;
}

function joinText(head: string, tail: string): string {
  return /[A-Za-z0-9]$/.test(head) && /^[A-Za-z0-9]/.test(tail) ? `${head} ${tail}` : head + tail;
}

/** Rules closer than this (in points) are one border. */
const SAME_RULE = 1.5;

function asRule(rule: number | Rule): Rule {
  return typeof rule === "number"
    ? { top: rule, bottom: rule, left: Number.NEGATIVE_INFINITY, right: Number.POSITIVE_INFINITY }
    : rule;
}

/** Where a column's cells lie across the page, for asking whether a border crosses them. */
function columnMiddle(column: Column): number {
  if (Number.isFinite(column.left) && Number.isFinite(column.right)) return (column.left + column.right) / 2;
  if (Number.isFinite(column.right)) return column.right - 8;
  if (Number.isFinite(column.left)) return column.left + 8;
  return 0;
}

/** The borders between rows: one height each, with the columns each one crosses. */
function bordersOf(rules: PageRules, columns: Column[]): Array<{ top: number; crosses: boolean[] }> {
  const borders: Array<{ top: number; crosses: boolean[] }> = [];
  const horizontal = [...rules].map(asRule).filter((rule) => rule.bottom === rule.top || isHorizontal(rule));
  for (const rule of horizontal.sort((a, b) => a.top - b.top)) {
    const crosses = columns.map((column) => {
      const middle = columnMiddle(column);
      return rule.left - 1 <= middle && middle <= rule.right + 1;
    });
    const last = borders[borders.length - 1];
    if (last && rule.top - last.top <= SAME_RULE) last.crosses = last.crosses.map((c, k) => c || crosses[k]);
    else borders.push({ top: rule.top, crosses });
  }
  return borders;
}

/** A line of a cell that ends a paragraph: well short of the cell's longest line, or a unit name before another. */
function endsParagraph(line: PdfPiece[], next: PdfPiece[], fullRight: number, left: number): boolean {
  const right = Math.max(...line.map((p) => p.right));
  const size = Math.max(...line.map((p) => p.size)) || 10;
  if (fullRight - right > size * 1.5 && fullRight - left > size * 4) return true;
  const text = line
    .map((p) => p.text)
    .join("")
    .trim();
  const after = next
    .map((p) => p.text)
    .join("")
    .trim();
  return endsLikeUnit(text.replace(/[(（][^)）]*[)）]$/, "")) && /^[区县市省各]/.test(after);
}

/**
 * A cell's text from its pieces: runs of one line joined as drawn, wrapped lines joined, and lines that end a
 * paragraph (names on lines of their own in a unit cell) kept apart by CELL_LINE_BREAK, as the Word reader does.
 */
function cellText(pieces: PdfPiece[]): string {
  const sameLine = (a: PdfPiece, b: PdfPiece) => Math.abs(a.top - b.top) < Math.max(a.size, b.size) * 0.4;
  const sorted = [...pieces].sort((a, b) => (sameLine(a, b) ? a.x - b.x : a.top - b.top));
  const lines: PdfPiece[][] = [];
  for (const piece of sorted) {
    const line = lines[lines.length - 1];
    if (line && sameLine(line[0], piece)) line.push(piece);
    else lines.push([piece]);
  }
  let fullRight = 0;
  for (const piece of sorted) fullRight = Math.max(fullRight, piece.right);
  let left = Number.POSITIVE_INFINITY;
  for (const piece of sorted) left = Math.min(left, piece.x);
  let text = "";
  lines.forEach((line, k) => {
    let own = "";
    let last: PdfPiece | undefined;
    for (const piece of line) {
      const part = piece.text.trim();
      // Runs of one line join as drawn ("1" "7" is 17); a Latin word after a gap needs its space back.
      own = last !== undefined && piece.x - last.right > piece.size * 0.25 ? joinText(own, part) : own + part;
      last = piece;
    }
    if (k === 0) text = own;
    else if (endsParagraph(lines[k - 1], line, fullRight, left)) text = `${text}${CELL_LINE_BREAK}${own}`;
    else text = joinText(text, own);
  });
  return text;
}

/**
 * Splits a page's table pieces into rows: at the drawn rules, else just above each row number. Where a border
 * stops short of a column, that column's cell is merged over the rows on both sides: its text, wherever it sits
 * (vertically centred), is the cell of every row it spans, as the Word reader repeats a merged cell.
 */
function rowsOfPart(lines: PdfLine[], region: TableRegion, rules: PageRules): Row[] {
  const rows: Row[] = [];
  const pieces: PdfPiece[] = [];
  const headingTops: number[] = [];
  for (const line of lines) {
    if (spans(line, region)) {
      rows.push({ top: line.top, cells: [], heading: line.text.trim() });
      headingTops.push(line.top);
    } else {
      pieces.push(...(line.pieces ?? []));
    }
  }
  const columns = region.columns;
  const borders = bordersOf(rules, columns);
  const anchors =
    borders.length >= 2
      ? borders
      : pieces
          .filter((piece) => columnAt(columns, piece.x) === region.numberColumn && /^\d{1,3}$/.test(piece.text.trim()))
          .map((piece) => ({ top: piece.top - piece.size, crosses: columns.map(() => true) }));
  const boundaries = [...anchors, ...headingTops.map((top) => ({ top, crosses: columns.map(() => true) }))].sort(
    (a, b) => a.top - b.top,
  );
  const bandOf = (piece: PdfPiece) => {
    const middle = piece.top - piece.size * 0.35;
    return boundaries.filter((boundary) => boundary.top <= middle).length;
  };
  // column by column, the bands a cell spans: a border that does not cross the column joins its two bands
  const cellOfBand = columns.map((_, column) => {
    const first: number[] = [];
    for (let band = 0; band <= boundaries.length; band++) {
      const border = boundaries[band - 1];
      first.push(band > 0 && border && !border.crosses[column] ? first[band - 1] : band);
    }
    return first;
  });
  const byCell = new Map<string, PdfPiece[]>();
  const bands = new Map<number, number>();
  for (const piece of pieces) {
    const band = bandOf(piece);
    const column = columnAt(columns, (piece.x + piece.right) / 2);
    const key = `${column}:${cellOfBand[column][band]}`;
    const cell = byCell.get(key);
    if (cell) cell.push(piece);
    else byCell.set(key, [piece]);
    bands.set(band, Math.min(bands.get(band) ?? Number.POSITIVE_INFINITY, piece.top));
  }
  for (const band of [...bands.keys()].sort((a, b) => a - b)) {
    const cells = columns.map((_, column) => cellText(byCell.get(`${column}:${cellOfBand[column][band]}`) ?? []));
    rows.push({ top: bands.get(band) ?? 0, cells });
  }
  return rows.sort((a, b) => a.top - b.top);
}

function rowLine(text: string, top: number): PdfLine {
  return { text, x: 0, right: 0, top, size: 0, whole: true };
}

function rowText(row: Row): string {
  return row.heading ?? row.cells.join(" | ");
}

/**
 * Replaces the lines of each table with one line per row, the header first. A row broken by a page break (its
 * number cell empty at the top of the next page) is joined back to the row it continues.
 */
export function rebuildTables(
  pages: PdfPage[],
  regions: TableRegion[],
  rulesOfPage: Map<number, PageRules>,
): PdfPage[] {
  const rowsAt = new Map<string, PdfLine[]>();
  const covered = new Set<string>();
  for (const region of regions) {
    let previous: Row | null = null;
    const partRows = region.parts.map((part, partIndex) => {
      for (let index = part.from; index < part.to; index++) covered.add(`${part.page}:${index}`);
      const lines = pages[part.page]
        .slice(part.from, part.to)
        .filter((_, offset) => !part.header.includes(part.from + offset));
      const kept: Row[] = [];
      for (const row of rowsOfPart(lines, region, rulesOfPage.get(part.page) ?? [])) {
        const continuation =
          partIndex > 0 &&
          kept.length === 0 &&
          previous !== null &&
          !row.heading &&
          !previous.heading &&
          row.cells[region.numberColumn] === "";
        if (continuation && previous) {
          const continued: Row = previous;
          continued.cells = continued.cells.map((text, index) => joinText(text, row.cells[index]));
          continue;
        }
        kept.push(row);
        previous = row;
      }
      return kept;
    });
    region.parts.forEach((part, partIndex) => {
      const lines = partRows[partIndex]
        .filter((row) => rowText(row).replace(/[\s|]/g, "") !== "")
        .map((row) => rowLine(rowText(row), row.top));
      if (partIndex === 0) lines.unshift(rowLine(region.header.join(" | "), pages[part.page][part.from].top));
      rowsAt.set(`${part.page}:${part.from}`, lines);
    });
  }
  return pages.map((lines, page) =>
    lines.flatMap((line, index) => rowsAt.get(`${page}:${index}`) ?? (covered.has(`${page}:${index}`) ? [] : [line])),
  );
}
