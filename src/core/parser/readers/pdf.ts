import { getDocumentProxy } from "unpdf";
import type { ReadProgress, ReadResult } from "../types.js";
import { DocumentReadError, readErrors } from "./errors.js";
import { defaultReadLimits, type ReadClock, type ReadLimits } from "./limits.js";
import { recognisePdfPages } from "./ocr.js";
import { tidyOcrText, unifyRunningLines } from "./ocr-tsv.js";
import type { PdfPage } from "./pdf-layout.js";
import { drawnRules } from "./pdf-rules.js";
import { scannedPages } from "./pdf-scan.js";
import { type PositionedText, pageLines, textFromPages } from "./positioned.js";

function isTextItem(item: object): item is { str: string; transform: number[]; width: number; height: number } {
  return "str" in item && "transform" in item;
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
  onProgress: (progress: ReadProgress) => void = () => {},
  limits: ReadLimits = defaultReadLimits,
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
    // pages without a text layer that show an image are scans: their OCR takes their place
    const scans = await scannedPages(document, pages, clock);
    const scan =
      scans.length > 0 ? await recognisePdfPages(bytes, scans, pages.length, { clock, limits, onProgress }) : null;
    for (const [index, scanned] of scan?.pages ?? []) pages[index] = scanned.lines;
    const rulesOf = (page: number) => scan?.pages.get(page)?.rules ?? drawnRules(document, page + 1, clock);
    const read = await textFromPages(scan?.recognised ? unifyRunningLines(pages) : pages, rulesOf);
    const text = scan?.recognised ? tidyOcrText(read) : read;
    const warnings = [...(scan?.warnings ?? []), ...(garbled(text) ? [GARBLED_WARNING] : [])];
    if (text.trim() !== "" || scan) return { text, warnings, ...(scan?.recognised ? { ocr: true } : {}) };
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
