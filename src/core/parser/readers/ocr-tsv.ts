/**
 * Tesseract's TSV output (one row per page, block, paragraph, line and word, with boxes in pixels and a confidence
 * per word) turned into the positioned text runs a PDF's text layer gives: a run per word, placed in points from
 * the page's top left, its baseline at the bottom of its line, so that the same line, table and paragraph step
 * reads PDFs and scans alike.
 */
import type { PdfPage } from "./pdf-layout.js";
import { isVertical, type Rule } from "./pdf-rules.js";
import { type PositionedText, pageLines } from "./positioned.js";

/**
 * Words recognised with less confidence than this (0–100) are specks, stamp edges or shading, not text. It is low:
 * tesseract is unsure of real words next to wide gaps (a label 牵头 before its tab, 19), and of a list number
 * before its gap even more (10. at 17, 14. at 10), so a number is kept whatever its confidence.
 */
const MIN_CONFIDENCE = 10;
const LIST_NUMBER_WORD = /^\d{1,3}[.．,，、]*$/;

interface TsvWord {
  /** page, block, paragraph and line numbers: the tesseract line the word is on */
  line: string;
  left: number;
  top: number;
  width: number;
  height: number;
  text: string;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A4's shorter side, in inches: a photo of a page has no resolution of its own, so its width is taken as A4's. */
const A4_SHORT_SIDE = 8.27;

const HAN = /[\u3400-\u9fff]/;

/** How wide a word set at `size` is: a Chinese character is square, a digit or letter about half as wide. */
function expectedWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += HAN.test(char) || /[\u3000-\u303f\uff00-\uffef]/.test(char) ? size : size * 0.6;
  return width;
}

/** A word's vertical middle: tesseract's word boxes for Chinese are of uneven height, but centred on the text. */
const middle = (word: TsvWord) => word.top + word.height / 2;

/**
 * The words of one tesseract line split where they sit at different heights: reading a page as one block,
 * tesseract strings the lines of neighbouring table cells into one line even where they sit half a line apart.
 */
function splitByHeight(words: TsvWord[], size: number): TsvWord[][] {
  const sorted = [...words].sort((a, b) => middle(a) - middle(b));
  const groups: TsvWord[][] = [];
  for (const word of sorted) {
    const last = groups[groups.length - 1];
    if (last && middle(word) - middle(last[last.length - 1]) <= size * 0.5) last.push(word);
    else groups.push([word]);
  }
  return groups;
}

/**
 * One page's words as positioned text. A line's baseline is taken from its words' middles (a little below them),
 * the same for all its words; the font size is the page's usual height of a Chinese word (a line of digits or
 * punctuation alone is lower). A box far wider than its characters (tesseract sometimes stretches one over its
 * neighbours) keeps its left edge and the width its characters take.
 */
function placeWords(lines: TsvWord[][], scale: number): PositionedText[] {
  const all = lines.flat();
  const han = all.filter((word) => HAN.test(word.text)).map((word) => word.height);
  const size = median(han.length > 0 ? han : all.map((word) => word.height));
  return lines.flatMap((line) =>
    splitByHeight(line, size).flatMap((group) => {
      const baseline = median(group.map(middle)) + size * 0.4;
      return group.map((word) => {
        const expected = expectedWidth(word.text, size);
        const width = word.width > expected * 1.5 + size * 0.2 ? expected : word.width;
        return {
          str: word.text,
          x: word.left * scale,
          top: baseline * scale,
          width: width * scale,
          size: size * scale,
        };
      });
    }),
  );
}

/**
 * The words of each page of a TSV (tesseract numbers pages from 1; a multi-page TIFF gives several), as positioned
 * text in points for an image of `dpi` dots per inch, or, without `dpi`, for an A4 page the image's size.
 */
export function tsvPages(tsv: string, dpi?: number): PositionedText[][] {
  const scales = new Map<number, number>();
  const words = new Map<number, TsvWord[]>();
  const rows = tsv.split(/\r?\n/);
  const header = rows[0]?.split("\t") ?? [];
  const column = (name: string) => header.indexOf(name);
  const at = {
    level: column("level"),
    page: column("page_num"),
    block: column("block_num"),
    par: column("par_num"),
    line: column("line_num"),
    left: column("left"),
    top: column("top"),
    width: column("width"),
    height: column("height"),
    conf: column("conf"),
    text: column("text"),
  };
  if (Object.values(at).some((index) => index < 0)) return [];
  let lastPage = 0;
  for (const row of rows.slice(1)) {
    const cells = row.split("\t");
    if (cells.length <= at.text) continue;
    const level = Number(cells[at.level]);
    const page = Number(cells[at.page]);
    lastPage = Math.max(lastPage, page);
    if (level === 1) {
      const short = Math.min(Number(cells[at.width]), Number(cells[at.height]));
      scales.set(page, 72 / (dpi ?? (short / A4_SHORT_SIDE || 72)));
    } else if (level === 5) {
      const text = cells[at.text].trim();
      if (text === "" || (Number(cells[at.conf]) < MIN_CONFIDENCE && !LIST_NUMBER_WORD.test(text))) continue;
      const list = words.get(page) ?? [];
      list.push({
        line: `${cells[at.block]}:${cells[at.par]}:${cells[at.line]}`,
        left: Number(cells[at.left]),
        top: Number(cells[at.top]),
        width: Number(cells[at.width]),
        height: Number(cells[at.height]),
        text,
      });
      words.set(page, list);
    }
  }
  const pages: PositionedText[][] = [];
  for (let page = 1; page <= lastPage; page++) {
    const lines = new Map<string, TsvWord[]>();
    for (const word of words.get(page) ?? []) lines.set(word.line, [...(lines.get(word.line) ?? []), word]);
    pages.push(placeWords([...lines.values()], scales.get(page) ?? 72 / (dpi ?? 72)));
  }
  return pages;
}

const CJK = "\\u2018-\\u201d\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef";

const FULL_WIDTH: Record<string, string> = {
  ",": "，",
  ";": "；",
  ":": "：",
  "?": "？",
  "!": "！",
  "(": "（",
  ")": "）",
};

/**
 * Tesseract puts a space between Chinese words, and around numbers inside Chinese text; the text parser reads the
 * text as it was typed, without them ("于 60 学时" is 于60学时). Spaces between Latin words stay. Punctuation next
 * to Chinese text comes out half-width (",", ":", "("), where Chinese documents set it full-width.
 */
export function tidyOcrText(text: string): string {
  const tidied = text
    // a table cell opening with a closing quote, or ending with an opening one: a speck in the gap by its border
    .replace(/(^|\| )[”’]+/gm, "$1")
    .replace(/[“‘]+(?= \||$)/gm, "")
    .split("\n")
    .map(repairLine)
    .join("\n")
    .replace(new RegExp(`(?<=[${CJK}])[,;:?!()]|[,;:?!()](?=[${CJK}])`, "g"), (mark) => FULL_WIDTH[mark])
    .replace(new RegExp(`([${CJK}])[ \\t]+(?=[${CJK}])`, "g"), "$1")
    .replace(new RegExp(`([${CJK}])[ \\t]+(?=[A-Za-z0-9%.])`, "g"), "$1")
    .replace(new RegExp(`([A-Za-z0-9%.])[ \\t]+(?=[${CJK}])`, "g"), "$1");
  return repairRowNumbers(tidied);
}

/** A list number at a paragraph's start, its mark as read, and the gap and specks after it. */
const LIST_NUMBER = /^(\d{1,3})(\s*)([.．,，、]*)\s*[”“"'‘’]*\s*(?=[\u3400-\u9fff])(?![年月日天个项时分秒号页条])/;

/**
 * A list number read with its point lost or misread ("4 加强", "13，强化", "20.，有序") and a quote mark read into
 * the gap after it ("3. ”规范"): the number of a numbered paragraph, as "N." (or "N、" where that was read). A
 * quote mark without its partner in the paragraph is a speck read as one.
 */
function repairLine(line: string): string {
  const numbered = line.replace(LIST_NUMBER, (whole, number: string, gap: string, marks: string) => {
    if (marks === "" && gap === "") return whole;
    return `${number}${marks.includes("、") ? "、" : "."}`;
  });
  const opens = (numbered.match(/“/g) ?? []).length;
  const closes = (numbered.match(/”/g) ?? []).length;
  if (opens === closes) return numbered;
  // drop the surplus marks, the unmatched ones first seen from the side they cannot close
  let depth = 0;
  const kept = [...numbered].filter((char) => {
    if (char === "“") {
      depth++;
      return true;
    }
    if (char !== "”") return true;
    if (depth === 0) return false;
    depth--;
    return true;
  });
  // opening marks never closed: the last ones go
  let surplus = depth;
  for (let k = kept.length - 1; k >= 0 && surplus > 0; k--) {
    if (kept[k] === "“") {
      kept.splice(k, 1);
      surplus--;
    }
  }
  return kept.join("");
}

/**
 * A list number whose point OCR lost ("4" a tab's width before "加强"): the first word of a line, one to three
 * digits (or digits and a misread mark), then a gap wider than a character before Chinese text, is the number of a
 * numbered paragraph, "4.". A text layer keeps the point; an image loses it to specks or to nothing.
 */
export function repairListNumbers(lines: PdfPage, rules: Rule[] = []): PdfPage {
  const verticals = rules.filter(isVertical);
  // a table's 序号 cell holds a bare number: a border between it and the text leaves it as it is
  const bordered = (left: number, right: number, top: number) =>
    verticals.some((rule) => rule.left >= left && rule.right <= right && top >= rule.top && top <= rule.bottom);
  let changed = false;
  const items: PositionedText[] = lines.flatMap((line) =>
    (line.pieces ?? []).map((piece, index, pieces) => {
      let text = piece.text;
      const next = pieces[index + 1];
      const number = text.match(/^(\d{1,3})([.．,，、]*)$/);
      const gap = next !== undefined && next.x - piece.right > piece.size && HAN.test(next.text.charAt(0));
      if (index === 0 && number && gap && !bordered(piece.right, next.x, piece.top - piece.size / 2)) {
        const fixed = `${number[1]}${number[2].includes("、") ? "、" : "."}`;
        changed ||= fixed !== text;
        text = fixed;
      }
      return { str: text, x: piece.x, top: piece.top, width: piece.right - piece.x, size: piece.size };
    }),
  );
  return changed ? pageLines(items) : lines;
}

/** How alike two lines read: the share of the shorter one's characters found in the other. */
function alike(a: string, b: string): number {
  const shorter = a.length <= b.length ? a : b;
  const longer = shorter === a ? b : a;
  if (shorter.length === 0) return 0;
  const pool = [...longer];
  let common = 0;
  for (const char of shorter) {
    const at = pool.indexOf(char);
    if (at >= 0) {
      common++;
      pool.splice(at, 1);
    }
  }
  return (common / longer.length + common / shorter.length) / 2;
}

/** How many lines at each end of a page may be running headers or footers (as the furniture step looks). */
const EDGE_LINES = 2;

/**
 * A running header read a little differently on each page ("红寺堡区人民政府办公室", "红寺堡区人民政府公室") is
 * still one header: each page's edge lines that read like one line on most other pages' edges take that line's
 * most common reading, so that the furniture step knows them for what they are.
 */
export function unifyRunningLines(pages: PdfPage[]): PdfPage[] {
  const edges = (page: PdfPage) => [...page.slice(0, EDGE_LINES), ...page.slice(-EDGE_LINES)];
  const readings = pages.flatMap((page) => [...new Set(edges(page).map((line) => line.text))]);
  return pages.map((page) =>
    page.map((line, index) => {
      if (index >= EDGE_LINES && index < page.length - EDGE_LINES) return line;
      const counts = new Map<string, number>();
      for (const text of readings) if (alike(text, line.text) >= 0.8) counts.set(text, (counts.get(text) ?? 0) + 1);
      // the header as most pages read it, word for word: lines that only look alike (table rows) stay as read
      const [common, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
      if (count < Math.max(2, pages.length / 2)) return line;
      return common === line.text ? line : { ...line, text: common };
    }),
  );
}

/**
 * Words kept inside the cells a ruled table draws. Tesseract's boxes run up to a cell's border, or over it, so that
 * the words of two neighbouring cells can sit closer than the gap that tells cells apart; a word is moved off each
 * vertical rule by half a character (the side holding most of the word keeps it), as a text PDF's cell padding
 * keeps text off the border.
 */
export function withinCells(items: PositionedText[], rules: Rule[]): PositionedText[] {
  const verticals = rules.filter(isVertical);
  if (verticals.length === 0) return items;
  return items.map((item) => {
    let left = item.x;
    let right = item.x + item.width;
    const margin = item.size * 0.45;
    const middle = item.top - item.size / 2;
    for (const rule of verticals) {
      if (middle < rule.top || middle > rule.bottom) continue;
      const x = (rule.left + rule.right) / 2;
      if (left < x && right > x) {
        if (x - left >= right - x) right = x;
        else left = x;
      }
      if (left >= x && left < x + margin) left = x + margin;
      if (right <= x && right > x - margin) right = x - margin;
    }
    if (left === item.x && right === item.x + item.width) return item;
    return { ...item, x: left, width: Math.max(right - left, item.size * 0.3) };
  });
}

/**
 * A page's foot read as a few marks without a Chinese character ("-】]-" for "- 1 -"), well below the body, is
 * its page number misread: dropped, as the furniture step drops a page number read right. A table's row number at
 * the foot of a page sits beside its row's text and stays.
 */
export function dropMisreadFooter(page: PdfPage): PdfPage {
  const last = page[page.length - 1];
  const above = page[page.length - 2];
  if (!last || !above) return page;
  const marks = last.text.replace(/\s+/g, "");
  const apart = last.top - above.top > (last.size || 10) * 2.5;
  return apart && marks.length <= 8 && !HAN.test(marks) ? page.slice(0, -1) : page;
}

/**
 * A table's row numbers misread: tesseract reads the 1 of a large-set row number as "]" or "1]" ("]4" for 14, "1]5"
 * for 15) or a lone digit as a mark ("^" for 2). A 序号 cell of a few marks and digits, no Chinese, where the row
 * before was numbered, is the next number when its digits end it (or it has none); a clean number is kept as read
 * and numbering goes on from it. An empty 序号 cell (a row continuing the one above) stays empty.
 */
export function repairRowNumbers(text: string): string {
  let previous: number | null = null;
  return text
    .split("\n")
    .map((line) => {
      const bar = line.indexOf(" | ");
      if (bar < 0) return line;
      const cell = line.slice(0, bar).trim();
      if (/^\d{1,3}$/.test(cell)) {
        previous = Number(cell);
        return line;
      }
      if (cell === "" || previous === null || cell.length > 4 || HAN.test(cell)) return line;
      const expected = String(previous + 1);
      const digits = cell.replace(/\D/g, "");
      if (digits !== "" && !expected.endsWith(digits.slice(-1))) return line;
      previous += 1;
      return `${expected}${line.slice(bar)}`;
    })
    .join("\n");
}
