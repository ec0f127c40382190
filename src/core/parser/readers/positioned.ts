/**
 * The step shared by the fixed-layout readers (PDF, OFD): text runs placed on pages become lines, the lines lose
 * their page furniture, task tables are rebuilt from the runs' positions (and the drawn rules, when known), and
 * what is left is joined back into paragraphs, one per line.
 */
import { type PdfLine, type PdfPage, paragraphsFromPages, removePageFurniture } from "./pdf-layout.js";
import { locateTables, type PageRules, rebuildTables } from "./pdf-table.js";

/** One run of text where the page draws it: left edge, baseline from the page top, advance width, font size. */
export interface PositionedText {
  str: string;
  x: number;
  top: number;
  width: number;
  size: number;
}

/** Text pieces closer than this share of the font size belong to one word; wider gaps were spaces or table gaps. */
const SPACE_GAP = 0.25;

function lineFromPieces(pieces: PositionedText[]): PdfLine {
  pieces.sort((a, b) => a.x - b.x);
  let text = "";
  let right = pieces[0].x;
  for (const piece of pieces) {
    const gap = piece.x - right;
    const latinJoint = /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(piece.str);
    if (text !== "" && (gap > piece.size * 2 || (latinJoint && gap > piece.size * SPACE_GAP))) text += " ";
    text += piece.str;
    right = Math.max(right, piece.x + piece.width);
  }
  const size = pieces.reduce((largest, piece) => Math.max(largest, piece.size), 0);
  const runs = pieces.map((piece) => ({
    text: piece.str,
    x: piece.x,
    right: piece.x + piece.width,
    top: piece.top,
    size: piece.size,
  }));
  return { text, x: pieces[0].x, right, top: pieces[0].top, size, pieces: runs };
}

/** Groups a page's text items into lines by baseline, top to bottom. */
export function pageLines(items: PositionedText[]): PdfPage {
  const rows: PositionedText[][] = [];
  for (const item of items) {
    const row = rows.find((candidate) => Math.abs(candidate[0].top - item.top) < Math.max(1, item.size * 0.4));
    if (row) row.push(item);
    else rows.push([item]);
  }
  return rows.map(lineFromPieces).sort((a, b) => a.top - b.top);
}

/**
 * Word and LibreOffice set a little extra space between Chinese and Latin characters ("2025 年"), and pdf.js
 * extracts it as a space character the author never typed; the text parser reads "2025年" as written.
 */
function removeAutospace(text: string): string {
  return text.replace(/([\u3400-\u9fff])\x20(?=[A-Za-z0-9])|([A-Za-z0-9%])\x20(?=[\u3400-\u9fff])/g, "$1$2");
}

/**
 * The text of positioned pages: furniture removed, task tables rebuilt as " | "-joined rows, lines joined into
 * paragraphs. `rulesOf` gives the heights of a page's horizontal rules (0-based page index); it is asked only for
 * pages that hold a table.
 */
export async function textFromPages(
  pages: PdfPage[],
  rulesOf: (page: number) => PageRules | Promise<PageRules>,
): Promise<string> {
  const kept = removePageFurniture(pages);
  const found = locateTables(kept);
  const rules = new Map<number, PageRules>();
  for (const page of new Set(found.flatMap((table) => table.parts.map((part) => part.page)))) {
    rules.set(page, await rulesOf(page));
  }
  // located again with the drawn borders: a ruled table's columns are its vertical borders
  const tables = rules.size > 0 ? locateTables(kept, rules) : found;
  return removeAutospace(paragraphsFromPages(rebuildTables(kept, tables, rules)).join("\n"));
}
