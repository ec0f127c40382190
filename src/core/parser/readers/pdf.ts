import { getDocumentProxy } from "unpdf";
import type { ReadProgress, ReadResult } from "../types.js";
import { DocumentReadError, readErrors } from "./errors.js";
import type { ReadClock } from "./limits.js";
import { type PdfLine, type PdfPage, paragraphsFromPages, removePageFurniture } from "./pdf-layout.js";
import { horizontalRules } from "./pdf-rules.js";
import { locateTables, rebuildTables } from "./pdf-table.js";

interface PositionedText {
  str: string;
  x: number;
  top: number;
  width: number;
  size: number;
}

function isTextItem(item: object): item is { str: string; transform: number[]; width: number; height: number } {
  return "str" in item && "transform" in item;
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
function pageLines(items: PositionedText[]): PdfPage {
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
 * Text from fonts without a Unicode map comes out as private-use code points or U+FFFD: the PDF looks readable
 * but its text is not, and the user should know before trusting an empty or odd result.
 */
function garbled(text: string): boolean {
  const odd = text.match(/[\ue000-\uf8ff\ufffd]/g)?.length ?? 0;
  return odd > 20 && odd / text.length > 0.05;
}

const GARBLED_WARNING = {
  code: "pdf_garbled",
  message: "PDF 中部分文字无法正确识别（字体缺少编码信息），识别结果可能不完整，建议上传 Word 原件",
};

function translateError(error: unknown): DocumentReadError {
  if (error instanceof DocumentReadError) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") return readErrors.encrypted();
  return readErrors.corrupt("PDF", error instanceof Error ? `${name}: ${error.message}` : String(error));
}

/** Reads a PDF's text layer into paragraphs (layout line breaks, page numbers and running headers removed). */
export async function readPdf(
  bytes: Uint8Array,
  clock: ReadClock,
  _onProgress: (progress: ReadProgress) => void = () => {},
): Promise<ReadResult> {
  // pdf.js takes ownership of the buffer it is given, so it gets a copy and the caller keeps its bytes.
  const loading = getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  const document = await clock.race(loading).catch((error) => {
    // A load that outlives the time limit still finishes in the background: free what it holds then.
    loading.then(
      (late) => late.destroy(),
      () => undefined,
    );
    throw translateError(error);
  });
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      clock.check();
      const page = await clock.race(document.getPage(number));
      const height = page.view[3] - page.view[1];
      const content = await clock.race(page.getTextContent());
      const items: PositionedText[] = [];
      for (const item of content.items) {
        if (!isTextItem(item) || item.str.trim() === "") continue;
        const [, , c, d, x, y] = item.transform;
        items.push({ str: item.str, x, top: height - y, width: item.width, size: Math.hypot(c, d) || item.height });
      }
      pages.push(pageLines(items));
      page.cleanup();
    }
    const kept = removePageFurniture(pages);
    const tables = locateTables(kept);
    const rules = new Map<number, number[]>();
    for (const page of new Set(tables.flatMap((table) => table.parts.map((part) => part.page)))) {
      rules.set(page, await horizontalRules(document, page + 1, clock));
    }
    const text = removeAutospace(paragraphsFromPages(rebuildTables(kept, tables, rules)).join("\n"));
    if (text.trim() !== "") return { text, warnings: garbled(text) ? [GARBLED_WARNING] : [] };
    return {
      text: "",
      warnings: [
        {
          code: "pdf_no_text",
          message: "PDF 中没有可提取的文字（可能是扫描件或图片），请上传文字版 PDF 或 Word 原件",
        },
      ],
    };
  } catch (error) {
    throw translateError(error);
  } finally {
    await document.destroy();
  }
}
