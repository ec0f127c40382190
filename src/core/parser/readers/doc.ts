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
  type PropertyRuns,
  pieceText,
  readFib,
  readPieces,
  readPropertyRuns,
  type Sprm,
  sprms,
} from "./doc-binary.js";
import { docListNumbering } from "./doc-lists.js";
import type { ListNumbering } from "./docx-numbering.js";
import { readErrors } from "./errors.js";
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
}

/** A PAPX too large for its page keeps its sprms in the Data stream, pointed to by sprmPHugePapx. */
function withHugeProperties(list: Sprm[], data: Bytes | null): Sprm[] {
  const huge = list.find((sprm) => sprm.code === SPRM.hugeProperties);
  if (!huge || !data) return list;
  const at = new Bytes(huge.operand).u32(0);
  return [...list, ...sprms(data.slice(at + 2, data.u16(at)))];
}

function verticalMerges(operand: Uint8Array, merges: number[]): void {
  const bytes = new Bytes(operand);
  // TDefTableOperand: cb (2), column count (1), the column edges (count + 1 × 2), then a TC80 (20) per cell.
  const columns = bytes.u8(2);
  for (let cell = 0; cell < columns; cell++) {
    merges[cell] = (bytes.u16(3 + (columns + 1) * 2 + cell * 20) >> 5) & 0x03;
  }
}

function paragraphProperties(grpprl: Uint8Array | null, data: Bytes | null): ParagraphProperties {
  const properties: ParagraphProperties = {
    inTable: false,
    rowEnd: false,
    depth: 0,
    innerCellEnd: false,
    innerRowEnd: false,
    listInstance: 0,
    listLevel: 0,
    verticalMerge: [],
  };
  for (const sprm of withHugeProperties(sprms(grpprl ?? new Uint8Array(0)), data)) {
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
        verticalMerges(sprm.operand, properties.verticalMerge);
        break;
      case SPRM.verticalMerge:
        properties.verticalMerge[operand.u8(1)] = operand.u8(2);
        break;
    }
  }
  return properties;
}

/** Character runs that Word does not show: deleted revisions and hidden text. */
function hiddenRun(grpprl: Uint8Array | null): boolean {
  if (!grpprl || grpprl.length === 0) return false;
  return sprms(grpprl).some(
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

/** Collects paragraphs and table rows as the marks of the text stream close them. */
class TextCollector {
  readonly lines: string[] = [];
  private paragraph = "";
  private cellLines: string[] = [];
  private cells: string[] = [];
  /** a nested table's pending cell paragraphs and cells: its rows become lines of the outer cell */
  private innerLines: string[] = [];
  private innerCells: string[] = [];
  private readonly mergedAbove = new Map<number, string>();

  constructor(private readonly numbering: ListNumbering | null) {}

  add(text: string): void {
    this.paragraph += text;
  }

  end(mark: string, properties: ParagraphProperties): void {
    if (mark === CELL_END && properties.rowEnd) {
      this.paragraph = "";
      this.endRow(properties.verticalMerge);
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
    this.endRow([]);
    this.mergedAbove.clear();
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
    if (this.paragraph !== "") this.end(PARAGRAPH_END, paragraphProperties(null, null));
    this.endRow([]);
    return this.lines;
  }

  private endRow(merges: number[]): void {
    if (this.cellLines.length > 0) this.cells.push(this.cellLines.join(CELL_LINE_BREAK));
    const row = this.cells.map((text, index) => {
      if (merges[index] === 1) return this.mergedAbove.get(index) ?? text;
      this.mergedAbove.set(index, text);
      return text;
    });
    if (row.some((text) => text !== "")) this.lines.push(row.join(" | "));
    this.cells = [];
    this.cellLines = [];
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
  const hidden = new Map<Uint8Array | null, boolean>();
  const isHidden = (runs: PropertyRuns, fc: number) => {
    const grpprl = runs.at(fc);
    let known = hidden.get(grpprl);
    if (known === undefined) {
      known = hiddenRun(grpprl);
      hidden.set(grpprl, known);
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
        collector.end(char, paragraphProperties(paragraphs.at(fc), data));
      } else if (fields.every(Boolean) && !isHidden(characters, fc)) {
        const shown = INLINE_CHARACTERS[char] ?? (char < " " ? "" : char);
        collector.add(shown);
      }
      if (index % 20_000 === 0) clock.check();
    }
  }
  return { text: collector.finish().join("\n"), warnings: numbering === null ? [LIST_WARNING] : [] };
}
