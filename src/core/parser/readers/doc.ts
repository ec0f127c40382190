/**
 * Reads Word 97–2003 documents (.doc) and the Kingsoft WPS files (.wps) written in the same format: the main
 * text through the piece table (8-bit and UTF-16 pieces alike), paragraphs with their automatic list numbers,
 * tables as " | "-joined rows (cells end with \x07, a row with a \x07 whose paragraph is marked as the row's
 * end), vertically merged cells repeated and nested tables' rows written into their cell as in the .docx reader.
 * Headers, footers, footnotes, comments and text boxes lie after the main text in the character positions and are
 * not read; field codes are skipped and their results kept; deleted revisions and hidden text are dropped.
 */
import { CELL_LINE_BREAK } from "../tables.js";
import type { ParseWarning, ReadResult } from "../types.js";
import {
  Bytes,
  byteOffset,
  isWord97,
  type PropertyRun,
  type PropertyRuns,
  paragraphStyles,
  pieceText,
  readFib,
  readPieces,
  readPropertyRuns,
  type Sprm,
  sprms,
} from "./doc-binary.js";
import { docListNumbering } from "./doc-lists.js";
import type { ListNumbering } from "./docx-numbering.js";
import { DocumentReadError, readErrors } from "./errors.js";
import type { ReadClock } from "./limits.js";
import { type OleFile, rootStream } from "./ole.js";

const SPRM = {
  paragraphListLevel: 0x260a,
  paragraphListInstance: 0x460b,
  inTable: 0x2416,
  rowEnd: 0x2417,
  tableDepth: 0x6649,
  innerCellEnd: 0x244b,
  innerRowEnd: 0x244c,
  hugeProperties: 0x6646,
  tableDefinition: 0xd608,
  verticalMerge: 0xd62b,
  deleted: 0x0800,
  hidden: 0x083c,
} as const;

/** What a paragraph mark's properties say about the paragraph it ends. */
interface ParagraphProperties {
  inTable: boolean;
  /** the \x07 of this paragraph ends a table row (an outer one: nested tables' rows end in \r) */
  rowEnd: boolean;
  /** how deep in nested tables the paragraph lies: 1 in a table, 2 in a table inside a cell… */
  depth: number;
  /** the paragraph ends a cell, or (empty) a row, of a nested table */
  innerCellEnd: boolean;
  innerRowEnd: boolean;
  listInstance: number;
  listLevel: number;
  /** for a row end: each cell's vertical merge, 1 continuing the cell above, 3 starting a merge */
  verticalMerge: number[];
  /** for a row end: the cells' edges (twips), one more than the cells */
  cellEdges: number[];
}

/** A PAPX too large for its page keeps its sprms in the Data stream, pointed to by sprmPHugePapx. */
function withHugeProperties(list: Sprm[], data: Bytes | null): Sprm[] {
  const huge = list.find((sprm) => sprm.code === SPRM.hugeProperties);
  if (!huge || !data) return list;
  const at = new Bytes(huge.operand).u32(0);
  return [...list, ...sprms(data.slice(at + 2, data.u16(at)))];
}

function readTableDefinition(operand: Uint8Array, properties: ParagraphProperties): void {
  const bytes = new Bytes(operand);
  // TDefTableOperand: cb (2), column count (1), the column edges (count + 1 × 2), then a TC80 (20) per cell.
  const columns = bytes.u8(2);
  properties.cellEdges = Array.from({ length: columns + 1 }, (_, edge) => bytes.i16(3 + edge * 2));
  for (let cell = 0; cell < columns; cell++) {
    const at = 3 + (columns + 1) * 2 + cell * 20;
    // A row may define fewer TC80s than cells; the rest have no merge.
    if (at + 2 <= operand.length) properties.verticalMerge[cell] = (bytes.u16(at) >> 5) & 0x03;
  }
}

function paragraphProperties(
  run: PropertyRun | null,
  styles: Map<number, Sprm[]>,
  data: Bytes | null,
): ParagraphProperties {
  const properties: ParagraphProperties = {
    inTable: false,
    rowEnd: false,
    depth: 0,
    innerCellEnd: false,
    innerRowEnd: false,
    listInstance: 0,
    listLevel: 0,
    verticalMerge: [],
    cellEdges: [],
  };
  const own = withHugeProperties(sprms(run?.grpprl ?? new Uint8Array(0)), data);
  // The style's properties first (a heading style holds its list number), the paragraph's own after them.
  for (const sprm of [...(styles.get(run?.style ?? 0) ?? []), ...own]) {
    const operand = new Bytes(sprm.operand);
    switch (sprm.code) {
      case SPRM.paragraphListLevel:
        properties.listLevel = Math.min(8, operand.u8(0));
        break;
      case SPRM.paragraphListInstance:
        properties.listInstance = operand.i16(0);
        break;
      case SPRM.inTable:
        properties.inTable = operand.u8(0) !== 0;
        break;
      case SPRM.tableDepth:
        properties.depth = operand.i32(0);
        properties.inTable = properties.depth >= 1;
        break;
      case SPRM.innerCellEnd:
        properties.innerCellEnd = operand.u8(0) !== 0;
        break;
      case SPRM.innerRowEnd:
        properties.innerRowEnd = operand.u8(0) !== 0;
        break;
      case SPRM.rowEnd:
        properties.rowEnd = operand.u8(0) !== 0;
        break;
      case SPRM.tableDefinition:
        readTableDefinition(sprm.operand, properties);
        break;
      case SPRM.verticalMerge:
        properties.verticalMerge[operand.u8(1)] = operand.u8(2);
        break;
    }
  }
  return properties;
}

/** Character runs that Word does not show: deleted revisions and hidden text. */
function hiddenRun(run: PropertyRun | null): boolean {
  if (!run || run.grpprl.length === 0) return false;
  return sprms(run.grpprl).some(
    (sprm) =>
      (sprm.code === SPRM.deleted || sprm.code === SPRM.hidden) && (sprm.operand[0] === 1 || sprm.operand[0] === 0x81),
  );
}

/** Word's special characters inside a paragraph, as the .docx reader renders their equivalents. */
const INLINE_CHARACTERS: Record<string, string> = {
  "\t": " ",
  "\x0b": "\n",
  "\x1e": "-",
  "\x1f": "",
  "\xa0": "\xa0",
};

const FIELD_BEGIN = "\x13";
const FIELD_SEPARATOR = "\x14";
const FIELD_END = "\x15";
const PARAGRAPH_END = "\r";
const CELL_END = "\x07";
const SECTION_END = "\x0c";

interface TableRow {
  cells: string[];
  edges: number[];
  merges: number[];
}

/** Cell edges closer than this (twips, a fifth of a millimetre) are one grid line. */
const EDGE_TOLERANCE = 12;

/** The grid lines of a table: every cell edge of its rows, near ones taken as one. */
function tableGrid(rows: TableRow[]): number[] {
  const edges = rows.flatMap((row) => row.edges).sort((a, b) => a - b);
  return edges.filter((edge, index) => index === 0 || edge - edges[index - 1] > EDGE_TOLERANCE);
}

function gridColumn(grid: number[], edge: number): number {
  const index = grid.findIndex((line) => Math.abs(line - edge) <= EDGE_TOLERANCE);
  return index < 0 ? grid.filter((line) => line < edge).length : index;
}

/** Collects paragraphs and table rows as the marks of the text stream close them. */
class TextCollector {
  readonly lines: string[] = [];
  private paragraph = "";
  private cellLines: string[] = [];
  private cells: string[] = [];
  /** a nested table's pending cell paragraphs and cells: its rows become lines of the outer cell */
  private innerLines: string[] = [];
  private innerCells: string[] = [];
  /** the rows of the table being read: written out when it ends, once its column grid is known */
  private rows: TableRow[] = [];

  constructor(private readonly numbering: ListNumbering | null) {}

  add(text: string): void {
    this.paragraph += text;
  }

  end(mark: string, properties: ParagraphProperties): void {
    if (mark === CELL_END && properties.rowEnd) {
      this.paragraph = "";
      this.endRow(properties);
      return;
    }
    const number =
      properties.listInstance > 0
        ? (this.numbering?.next(String(properties.listInstance), properties.listLevel) ?? "")
        : "";
    const text = number + this.paragraph;
    this.paragraph = "";
    if (properties.depth > 1 && mark === PARAGRAPH_END) {
      this.nested(text, properties);
      return;
    }
    if (properties.inTable || mark === CELL_END) {
      this.cellLines.push(...text.split("\n"));
      if (mark === CELL_END) {
        this.cells.push(
          this.cellLines
            .map((line) => line.trim())
            .filter((line) => line !== "")
            .join(CELL_LINE_BREAK),
        );
        this.cellLines = [];
      }
      return;
    }
    // Body text resumes: a table whose last row mark was lost ends here.
    this.endRow(null);
    this.endTable();
    this.lines.push(...text.split("\n"));
  }

  /** A paragraph of a nested table: its rows are written into the outer cell as " | "-joined lines, as in .docx. */
  private nested(text: string, properties: ParagraphProperties): void {
    if (properties.innerRowEnd) {
      if (this.innerCells.some((cell) => cell !== "")) this.cellLines.push(this.innerCells.join(" | "));
      this.innerCells = [];
      return;
    }
    this.innerLines.push(...text.split("\n"));
    if (!properties.innerCellEnd) return;
    this.innerCells.push(
      this.innerLines
        .map((line) => line.trim())
        .filter((line) => line !== "")
        .join(CELL_LINE_BREAK),
    );
    this.innerLines = [];
  }

  finish(): string[] {
    if (this.paragraph !== "") this.end(PARAGRAPH_END, paragraphProperties(null, new Map(), null));
    this.endRow(null);
    this.endTable();
    return this.lines;
  }

  private endRow(properties: ParagraphProperties | null): void {
    if (this.cellLines.length > 0) this.cells.push(this.cellLines.join(CELL_LINE_BREAK));
    if (this.cells.length > 0) {
      this.rows.push({
        cells: this.cells,
        edges: properties?.cellEdges ?? [],
        merges: properties?.verticalMerge ?? [],
      });
    }
    this.cells = [];
    this.cellLines = [];
  }

  /**
   * Writes the table's rows. As in the .docx reader, a cell spanning several columns of the table's grid (the
   * edges of all its rows) is followed by empty cells, a vertically merged cell repeats the text of the cell that
   * starts the merge in its grid column, and a row of one cell is a line of its own.
   */
  private endTable(): void {
    const grid = tableGrid(this.rows);
    const mergedAbove = new Map<number, string>();
    for (const row of this.rows) {
      const cells: string[] = [];
      row.cells.forEach((text, index) => {
        const hasEdges = row.edges.length === row.cells.length + 1;
        const column = hasEdges ? gridColumn(grid, row.edges[index]) : cells.length;
        const span = hasEdges ? Math.max(1, gridColumn(grid, row.edges[index + 1]) - column) : 1;
        const shown = row.merges[index] === 1 ? (mergedAbove.get(column) ?? text) : text;
        if (row.merges[index] !== 1) mergedAbove.set(column, text);
        cells.push(shown);
        for (let extra = 1; extra < span; extra++) cells.push("");
      });
      // A row of one cell merged across the table is a heading line, not a row of cells.
      if (cells.some((text) => text !== "")) this.lines.push(row.cells.length === 1 ? cells[0] : cells.join(" | "));
    }
    this.rows = [];
  }
}

function stream(file: OleFile, name: string): Bytes | null {
  const data = rootStream(file, name);
  return data === null ? null : new Bytes(data);
}

const LIST_WARNING: ParseWarning = {
  code: "doc_lists_unreadable",
  message: "文档的自动编号无法读取，已按无编号的文字识别，请核对任务序号",
};

/** Reads the main text of a Word 97–2003 (or WPS) document held in an OLE file with a WordDocument stream. */
export function readDoc(file: OleFile, clock: ReadClock): ReadResult {
  try {
    return readWordDocument(file, clock);
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw readErrors.corrupt("Word", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}

function readWordDocument(file: OleFile, clock: ReadClock): ReadResult {
  const word = stream(file, "WordDocument");
  if (!word) throw readErrors.corrupt("Word", "no WordDocument stream");
  const fib = readFib(word);
  if (fib.encrypted) throw readErrors.encrypted();
  if (!isWord97(fib)) throw readErrors.unsupported("Word 6.0/95 文档，请用“另存为”保存成 .docx");
  const table = stream(file, fib.tableStream);
  if (!table) throw readErrors.corrupt("Word", `no ${fib.tableStream} stream`);
  const data = stream(file, "Data");
  const pieces = readPieces(table, fib.clx);
  const paragraphs = readPropertyRuns(word, table, fib.papx, "paragraph");
  const characters = readPropertyRuns(word, table, fib.chpx, "character");
  const numbering = docListNumbering(table, fib.lists, fib.listOverrides);
  const collector = new TextCollector(numbering);
  const styles = paragraphStyles(table, fib.styles);
  const hidden = new Map<PropertyRun | null, boolean>();
  const isHidden = (runs: PropertyRuns, fc: number) => {
    const run = runs.at(fc);
    let known = hidden.get(run);
    if (known === undefined) {
      known = hiddenRun(run);
      hidden.set(run, known);
    }
    return known;
  };
  // Per open field: whether its result (after the separator) is being read; its code before that is skipped.
  const fields: boolean[] = [];
  for (const piece of pieces) {
    if (piece.cpStart >= fib.ccpText) continue;
    clock.check();
    const text = pieceText(word, piece, fib.ccpText);
    for (let index = 0; index < text.length; index++) {
      const char = text[index];
      const fc = byteOffset(piece, piece.cpStart + index);
      if (char === FIELD_BEGIN) fields.push(false);
      else if (char === FIELD_SEPARATOR) fields[fields.length - 1] = true;
      else if (char === FIELD_END) fields.pop();
      else if (char === PARAGRAPH_END || char === CELL_END || char === SECTION_END) {
        collector.end(char, paragraphProperties(paragraphs.at(fc), styles, data));
      } else if (fields.every(Boolean) && !isHidden(characters, fc)) {
        const shown = INLINE_CHARACTERS[char] ?? (char < " " ? "" : char);
        collector.add(shown);
      }
      if (index % 20_000 === 0) clock.check();
    }
  }
  return { text: collector.finish().join("\n"), warnings: numbering === null ? [LIST_WARNING] : [] };
}
