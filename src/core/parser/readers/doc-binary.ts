/**
 * The binary structures of a Word 97–2003 document ([MS-DOC]) that the text reader needs: the File Information
 * Block, the piece table that maps character positions to bytes, the property pages (FKPs) of paragraphs and
 * characters, and the property modifiers (sprms) inside them. Every read is bounds-checked: a damaged file gives
 * the reader's `corrupt` error, never a crash or garbage offsets.
 */
import { readErrors } from "./errors.js";

/** A stream with bounds-checked little-endian reads. */
export class Bytes {
  private readonly view: DataView;

  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  private check(at: number, size: number): void {
    if (!Number.isInteger(at) || at < 0 || at + size > this.data.length) {
      throw readErrors.corrupt("Word", `read of ${size} bytes at ${at} outside a stream of ${this.data.length}`);
    }
  }

  u8(at: number): number {
    this.check(at, 1);
    return this.view.getUint8(at);
  }

  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }

  i16(at: number): number {
    this.check(at, 2);
    return this.view.getInt16(at, true);
  }

  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }

  i32(at: number): number {
    this.check(at, 4);
    return this.view.getInt32(at, true);
  }

  slice(at: number, size: number): Uint8Array {
    this.check(at, size);
    return this.data.subarray(at, at + size);
  }
}

/** Where a structure lies in the table stream. */
export interface FcLcb {
  fc: number;
  lcb: number;
}

export interface Fib {
  nFib: number;
  /** the document is password-protected (RC4-encrypted or XOR-obfuscated) */
  encrypted: boolean;
  tableStream: "0Table" | "1Table";
  /** characters of the main text; footnotes, headers, comments and text boxes follow it */
  ccpText: number;
  styles: FcLcb;
  clx: FcLcb;
  papx: FcLcb;
  chpx: FcLcb;
  lists: FcLcb;
  listOverrides: FcLcb;
}

const WORD_IDENT = 0xa5ec;
/** Word 97 and later; Word 6 and 95 wrote another FIB. */
const FIRST_WORD97_NFIB = 0xc0;
const FC_LCB_START = 154;
const FC_INDEX = { stshf: 1, plcfBteChpx: 12, plcfBtePapx: 13, clx: 33, plfLst: 73, plfLfo: 74 } as const;

export function readFib(word: Bytes): Fib {
  if (word.u16(0) !== WORD_IDENT) throw readErrors.corrupt("Word", "no Word signature in the FIB");
  const nFib = word.u16(2);
  const flags = word.u16(0x0a);
  const fcLcbCount = word.u16(FC_LCB_START - 2);
  const fcLcb = (index: number): FcLcb =>
    index < fcLcbCount
      ? { fc: word.u32(FC_LCB_START + index * 8), lcb: word.u32(FC_LCB_START + index * 8 + 4) }
      : { fc: 0, lcb: 0 };
  return {
    nFib,
    // fEncrypted; fObfuscated (0x8000) only says which kind of protection, XOR or RC4, when this is set.
    encrypted: (flags & 0x0100) !== 0,
    tableStream: (flags & 0x0200) !== 0 ? "1Table" : "0Table",
    ccpText: nFib >= FIRST_WORD97_NFIB ? word.i32(0x4c) : 0,
    styles: fcLcb(FC_INDEX.stshf),
    clx: fcLcb(FC_INDEX.clx),
    papx: fcLcb(FC_INDEX.plcfBtePapx),
    chpx: fcLcb(FC_INDEX.plcfBteChpx),
    lists: fcLcb(FC_INDEX.plfLst),
    listOverrides: fcLcb(FC_INDEX.plfLfo),
  };
}

export function isWord97(fib: Fib): boolean {
  return fib.nFib >= FIRST_WORD97_NFIB;
}

/** A run of characters stored together: 8-bit (Windows-1252) or UTF-16LE, at a byte offset of WordDocument. */
export interface Piece {
  cpStart: number;
  cpEnd: number;
  fc: number;
  compressed: boolean;
}

/** The piece table from the Clx: property runs (Prc) first, then the PlcPcd. */
export function readPieces(table: Bytes, clx: FcLcb): Piece[] {
  let at = clx.fc;
  const end = clx.fc + clx.lcb;
  while (at < end) {
    const kind = table.u8(at);
    if (kind === 1) {
      at += 3 + Math.max(0, table.i16(at + 1));
      continue;
    }
    if (kind !== 2) break;
    const size = table.u32(at + 1);
    const plc = at + 5;
    const count = (size - 4) / 12;
    if (!Number.isInteger(count) || count < 1) break;
    const pieces: Piece[] = [];
    for (let index = 0; index < count; index++) {
      const raw = table.u32(plc + 4 * (count + 1) + 8 * index + 2);
      const compressed = (raw & 0x40000000) !== 0;
      const fc = raw & 0x3fffffff;
      pieces.push({
        cpStart: table.u32(plc + 4 * index),
        cpEnd: table.u32(plc + 4 * (index + 1)),
        fc: compressed ? fc / 2 : fc,
        compressed,
      });
    }
    return pieces;
  }
  throw readErrors.corrupt("Word", "no piece table in the Clx");
}

/** One property modifier: its code and its operand bytes. */
export interface Sprm {
  code: number;
  operand: Uint8Array;
}

const SPRM_TDEF_TABLE = 0xd608;
const SPRM_PCHG_TABS = 0xc615;

/** The operand's length, by the size code in the sprm's top bits (variable ones carry their own length). */
function operandLength(grpprl: Bytes, code: number, at: number): number {
  switch (code >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default: {
      if (code === SPRM_TDEF_TABLE) return grpprl.u16(at) + 1;
      const size = grpprl.u8(at);
      if (code === SPRM_PCHG_TABS && size === 255) {
        const deleted = grpprl.u8(at + 1);
        return 2 + deleted * 4 + 1 + grpprl.u8(at + 2 + deleted * 4) * 3;
      }
      return size + 1;
    }
  }
}

/** The sprms of a property list; a truncated last one is dropped. */
export function sprms(grpprl: Uint8Array): Sprm[] {
  const bytes = new Bytes(grpprl);
  const found: Sprm[] = [];
  let at = 0;
  try {
    while (at + 2 <= grpprl.length) {
      const code = bytes.u16(at);
      const length = operandLength(bytes, code, at + 2);
      found.push({ code, operand: bytes.slice(at + 2, length) });
      at += 2 + length;
    }
  } catch {
    // The list ends in a damaged sprm: the ones before it still hold.
  }
  return found;
}

/** Properties that apply to the bytes [start, end) of WordDocument: a paragraph's style and its own sprms. */
export interface PropertyRun {
  start: number;
  end: number;
  grpprl: Uint8Array;
  /** the paragraph style's index in the style sheet; -1 for character runs */
  style: number;
}

const FKP_SIZE = 512;

/**
 * Reads the formatted disk pages listed by a PlcfBtePapx/PlcfBteChpx. A paragraph page's PAPX starts with the
 * style index, which is skipped; a character page's CHPX is its sprms alone.
 */
export function readPropertyRuns(
  word: Bytes,
  table: Bytes,
  plcf: FcLcb,
  kind: "paragraph" | "character",
): PropertyRuns {
  const runs: PropertyRun[] = [];
  const count = (plcf.lcb - 4) / 8;
  if (plcf.lcb === 0 || !Number.isInteger(count)) return new PropertyRuns(runs);
  for (let index = 0; index < count; index++) {
    const page = (table.u32(plcf.fc + 4 * (count + 1) + 4 * index) & 0x3fffff) * FKP_SIZE;
    const runCount = word.u8(page + FKP_SIZE - 1);
    for (let run = 0; run < runCount; run++) {
      const start = word.u32(page + 4 * run);
      const end = word.u32(page + 4 * (run + 1));
      const offsetAt = page + 4 * (runCount + 1) + (kind === "paragraph" ? 13 * run : run);
      const offset = word.u8(offsetAt) * 2;
      if (offset === 0) {
        runs.push({ start, end, grpprl: new Uint8Array(0), style: kind === "paragraph" ? 0 : -1 });
        continue;
      }
      const at = page + offset;
      if (kind === "character") {
        runs.push({ start, end, grpprl: word.slice(at + 1, word.u8(at)), style: -1 });
        continue;
      }
      const cb = word.u8(at);
      const [from, size] = cb === 0 ? [at + 2, word.u8(at + 1) * 2] : [at + 1, cb * 2 - 1];
      const style = size >= 2 ? word.u16(from) : 0;
      runs.push({ start, end, grpprl: size > 2 ? word.slice(from + 2, size - 2) : new Uint8Array(0), style });
    }
  }
  return new PropertyRuns(runs);
}

/** Finds the property run holding a byte offset. */
export class PropertyRuns {
  private readonly runs: PropertyRun[];

  constructor(runs: PropertyRun[]) {
    this.runs = [...runs].sort((a, b) => a.start - b.start);
  }

  at(fc: number): PropertyRun | null {
    let low = 0;
    let high = this.runs.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const run = this.runs[middle];
      if (fc < run.start) high = middle - 1;
      else if (fc >= run.end) low = middle + 1;
      else return run;
    }
    return null;
  }
}

/** Windows-1252 code points of 0x80–0x9F, which 8-bit pieces use (the other bytes are Latin-1). */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** The characters of a piece, one string element per character position. */
export function pieceText(word: Bytes, piece: Piece, cpEnd: number): string {
  const count = Math.max(0, Math.min(piece.cpEnd, cpEnd) - piece.cpStart);
  if (piece.compressed) {
    const bytes = word.slice(piece.fc, count);
    let text = "";
    for (const byte of bytes)
      text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    return text;
  }
  const bytes = word.slice(piece.fc, count * 2);
  return new TextDecoder("utf-16le").decode(bytes);
}

/** The byte offset in WordDocument of a character position inside a piece. */
export function byteOffset(piece: Piece, cp: number): number {
  return piece.fc + (cp - piece.cpStart) * (piece.compressed ? 1 : 2);
}

const NO_STYLE = 0x0fff;

/**
 * The paragraph sprms of each paragraph style in the style sheet (STSH), its base styles' first, so that what a
 * paragraph takes from its style (Word keeps a heading style's list number there) can be applied before its own.
 */
export function paragraphStyles(table: Bytes, styles: FcLcb): Map<number, Sprm[]> {
  const own = new Map<number, { base: number; sprms: Sprm[] }>();
  if (styles.lcb === 0) return new Map();
  const headerSize = table.u16(styles.fc);
  const count = table.u16(styles.fc + 2);
  const baseSize = table.u16(styles.fc + 4);
  let at = styles.fc + 2 + headerSize;
  for (let index = 0; index < count && at + 2 <= styles.fc + styles.lcb; index++) {
    const size = table.u16(at);
    const std = at + 2;
    at = std + size;
    if (size === 0) continue;
    const kind = table.u16(std + 2) & 0x0f;
    const base = table.u16(std + 2) >> 4;
    const upxCount = table.u16(std + 4) & 0x0f;
    if (kind !== 1 || upxCount < 1) continue;
    const nameLength = table.u16(std + baseSize);
    let upx = std + baseSize + 2 + nameLength * 2 + 2;
    if ((upx - std) % 2 === 1) upx++;
    const upxSize = table.u16(upx);
    // UpxPapx: the style's index again, then its sprms.
    own.set(index, { base, sprms: upxSize > 2 ? sprms(table.slice(upx + 4, upxSize - 2)) : [] });
  }
  const resolved = new Map<number, Sprm[]>();
  const resolve = (index: number, depth: number): Sprm[] => {
    const known = resolved.get(index);
    if (known) return known;
    const style = own.get(index);
    if (!style) return [];
    const inherited =
      style.base !== NO_STYLE && style.base !== index && depth < 10 ? resolve(style.base, depth + 1) : [];
    const all = [...inherited, ...style.sprms];
    resolved.set(index, all);
    return all;
  };
  for (const index of own.keys()) resolve(index, 0);
  return resolved;
}
