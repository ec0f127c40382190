import { firstLabelOutsideBrackets, isLabelLine } from "./labels.js";
import { normaliseChars, simplifyForDetection } from "./normalise.js";
import { detectNumbering } from "./numbering.js";
import { CELL_LINE_BREAK, scanTables } from "./tables.js";

export interface Line {
  text: string;
  /** offset of the line in the normalised text */
  start: number;
}

/** Lines that end a task's text: web page furniture, distribution lists, attachments. */
import { FOOTER } from "./footer.js";

export { FOOTER };

/** Headings that introduce a list of section targets rather than tasks. */
export const TARGETS_HEADING = /^(效果指标|预期效果|工作指标|主要指标|评价指标)\s*[:：]?/;

const TERMINAL = /[。！？!?；;：:)）〕】]/;
const PROSE_MARK = /[，,、；;。]/;

/** Lines that open a block of their own inside a section: "目标:…", "具体措施:". */
const BLOCK_OPENER = /^(目标|具体措施|主要措施|工作措施|主要任务|工作任务|重点任务)\s*[:：]/;

function isStructural(text: string): boolean {
  return (
    BLOCK_OPENER.test(text) ||
    detectNumbering(text) !== null ||
    isLabelLine(simplifyForDetection(text)) ||
    TARGETS_HEADING.test(text) ||
    FOOTER.test(text)
  );
}

/** A paragraph being rebuilt from lines; its facts are kept as it grows, so joining stays linear. */
interface Paragraph {
  parts: string[];
  first: string;
  length: number;
  last: string;
  prose: boolean;
  pipe: boolean;
  /** starts with a field label: only a value left open continues it */
  field: boolean;
  /** a field line whose value may continue on the next line */
  label: boolean;
}

function paragraph(text: string): Paragraph {
  return {
    parts: [text],
    first: text,
    length: text.length,
    last: text,
    prose: PROSE_MARK.test(text),
    pipe: text.includes("|"),
    field: isLabelLine(simplifyForDetection(text)),
    label: isLabelLine(simplifyForDetection(text)) && !/[。；;]$/.test(text),
  };
}

/**
 * True when `next` continues the sentence that `prev` left open: a page break or a hard wrap inside a paragraph
 * ("公开率达" / "到 100%"). Headings and titles carry no sentence punctuation, so they are never extended.
 */
function continues(prev: Paragraph, next: string): boolean {
  // a field's value on the line after its label ("责任单位：" / "区司法局"), or a list wrapped after a separator
  // ("区司法局、" / "区财政局"); a value that looks complete is not extended (an issuer line may follow)
  if (prev.field) {
    const open = prev.label && !prev.pipe && /[:：、，,]$/.test(prev.last);
    return open && next.length <= 40 && !/[。；;：:]/.test(next) && !isStructural(next);
  }
  if (TERMINAL.test(prev.last[prev.last.length - 1]) || prev.pipe || next.includes("|")) return false;
  // rows written one to a line with their labels ("开展评查 牵头领导:张三 责任单位:X"): each line is complete
  if (hasInlineLabel(prev.last) && hasInlineLabel(next)) return false;
  // a row whose labels end it is complete unless a list runs on after a separator: the issuer below is no value
  if (hasInlineLabel(prev.last) && !/[、，,：:]$/.test(prev.last) && next.length <= 24 && !PROSE_MARK.test(next)) {
    return false;
  }
  if (brokenInWord(prev, next)) return true;
  if (!prev.prose || isStructural(next)) return false;
  // a short numbered heading ("（三）推进行政决策科学化、民主化、法治化") is complete without a full stop
  if (prev.length < 40 && !/[，,。；;]/.test(prev.first) && detectNumbering(prev.first)) return false;
  return true;
}

function hasInlineLabel(text: string): boolean {
  return firstLabelOutsideBrackets(simplifyForDetection(text)) > 0;
}

/** A clause of one to three characters that opens a paragraph: 同时, 其中, 一是, 此外. */
const OPENING_WORD =
  /^(同时|其中|为此|对此|此外|另外|目前|首先|其次|再次|最后|[一二三四五六七八九十]是|总之|因此|但是|然而|近年来|当前)[,，]/;

/**
 * A long numbered line without punctuation whose next line opens with a fragment of a word and a comma: a page
 * break inside a word ("21. …落实本领域综合行政执法标准" / "化指南,加强…"), not a heading and its body.
 */
function brokenInWord(prev: Paragraph, next: string): boolean {
  if (prev.prose || prev.parts.length > 1 || prev.length < 20 || !detectNumbering(prev.first)) return false;
  return /^[\u4e00-\u9fff]{1,3}[,，]/.test(next) && !OPENING_WORD.test(next) && !isStructural(next);
}

function join(prev: Paragraph, next: string): void {
  const ascii = /[A-Za-z0-9]$/.test(prev.last) && /^[A-Za-z0-9]/.test(next);
  const part = ascii ? ` ${next}` : next;
  prev.parts.push(part);
  prev.length += part.length;
  prev.last = next;
  prev.prose ||= PROSE_MARK.test(next);
  // a value continues over at most one more line, then the field is complete
  if (prev.label && prev.parts.length > 2) prev.label = false;
}

/**
 * Normalises a document's text and splits it into lines: one paragraph per line, blank lines dropped,
 * paragraphs broken by page breaks or hard wraps joined again. Table lines are never joined.
 */
export function toLines(raw: string): { text: string; lines: Line[] } {
  const trimmed = joinWrappedRows(
    joinCellLines(
      normaliseChars(raw)
        .split("\n")
        .map((l) => tabsToCells(l).trim())
        .filter((l) => l !== "" && !PAGE_NUMBER.test(l)),
    ),
  );
  const probe = trimmed.map((text) => ({ text, start: 0 }));
  const { consumed } = scanTables(probe);
  const out: Paragraph[] = [];
  let lastProtected = false;
  trimmed.forEach((text, i) => {
    const isProtected = consumed.has(i);
    const prev = out.length > 0 ? out[out.length - 1] : null;
    if (prev !== null && !isProtected && !lastProtected && continues(prev, text)) join(prev, text);
    else out.push(paragraph(text));
    lastProtected = isProtected;
  });
  const lines: Line[] = [];
  let offset = 0;
  for (const p of out) {
    const text = p.parts.join("");
    lines.push({ text, start: offset });
    offset += text.length + 1;
  }
  return { text: lines.map((l) => l.text).join("\n"), lines };
}

/**
 * A table copied from a web page as one cell per line with "|" lines between ("序号" / "|" / "工作任务" / "|" …):
 * each run of cells becomes one "|" row. When the run holds the whole table (a "|" after every cell), the header's
 * width — its leading short names — cuts it into rows.
 */
function joinCellLines(lines: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i + 1] !== "|" || lines[i] === "|" || lines[i].includes("|")) {
      out.push(lines[i++]);
      continue;
    }
    const cells: string[] = [];
    while (i < lines.length && lines[i] !== "|") {
      cells.push(lines[i++]);
      if (lines[i] !== "|") break;
      while (lines[i] === "|") i++;
    }
    out.push(...rowsOfCells(cells));
  }
  return out;
}

/**
 * A table copied from a browser or a spreadsheet comes with its cells separated by tabs: a line with two texts
 * or more between tabs is a "|" row, its empty cells kept (a leading tab is an empty first cell).
 */
const LIST_MARK = /^([(（]?[\d一二三四五六七八九十]{1,3}[)）.、．]?|[①-⑳]|第[一二三四五六七八九十]{1,3}(部分|章|条))$/;

function tabsToCells(line: string): string {
  if (!line.includes("\t")) return line;
  const cells = line.split("\t").map((cell) => cell.trim());
  const filled = cells.filter((cell) => cell !== "").length;
  if (filled < 2) return line;
  // a list copied from Word keeps a tab after each number ("1.\t完善…", "一、\t重点任务"): no table row
  if (LIST_MARK.test(cells[0]) && filled < 3) return line.replace(/\t+/, "");
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells.join(" | ");
}

/** Cells of a "|" line: a closing "|" adds none. */
const pipeCount = (line: string) => line.replace(/\|\s*$/, "").split("|").length;

const ROW_START = /^[(（]?\d{1,3}[)）.、．]?\s*\|/;

/** How many further lines a cell of a copied table may run on over before its row is given up as complete. */
const MAX_WRAPPED_LINES = 8;

/**
 * Rows of a copied table whose cells hold line breaks ("1 | 健全…机制：" / "（1）…；" / "（2）… | 区司法局 | …"): the
 * lines up to the one that completes the row's cells are one row again, the breaks kept as CELL_LINE_BREAK.
 */
function joinWrappedRows(lines: string[]): string[] {
  const out: string[] = [];
  let width = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.includes("|")) {
      out.push(line);
      continue;
    }
    const cells = pipeCount(line);
    const row = ROW_START.test(line);
    // a "|" line that is no numbered row (a header) sets the width of the rows below it
    if (!row) width = cells >= 3 ? cells : 0;
    if (!row || width === 0 || cells >= width) {
      out.push(line);
      continue;
    }
    let count = cells;
    let end = i;
    while (count < width && end + 1 < lines.length && end - i < MAX_WRAPPED_LINES) {
      const next = lines[end + 1];
      // the next row starts, or the page's furniture: this one was complete as it was
      if ((ROW_START.test(next) && next.includes("|")) || FOOTER.test(next)) break;
      end++;
      if (next.includes("|")) count += pipeCount(next) - 1;
    }
    if (count !== width) {
      out.push(line);
      continue;
    }
    out.push(lines.slice(i, end + 1).join(CELL_LINE_BREAK));
    i = end;
  }
  return out;
}

function rowsOfCells(cells: string[]): string[] {
  let width = 0;
  while (width < cells.length && width < 12 && isShortName(cells[width])) width++;
  if (width < 3 || cells.length < width * 2) return [cells.join(" | ")];
  const rows: string[] = [];
  for (let k = 0; k < cells.length; k += width) rows.push(cells.slice(k, k + width).join(" | "));
  return rows;
}

const isShortName = (cell: string) => cell.length <= 10 && !/[，。、：:；;,\d]/.test(cell);

/** Page numbers left in copied text: "- 3 -", "— 12 —", "第 3 页 共 10 页". */
const PAGE_NUMBER = /^([-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页([,，\s]*共\s*\d{1,4}\s*页)?)$/;
