/**
 * Which pages of a PDF are scans: pages that paint an image and carry no text layer, or nearly none (a page number
 * or a stamp's text added by the scanner software). Such pages are recognised by OCR (ocr.ts).
 */
import { getResolvedPDFJS } from "unpdf";
import type { PDFDocumentProxy } from "unpdf/pdfjs";
import type { ReadClock } from "./limits.js";
import type { PdfPage } from "./pdf-layout.js";

/** A page with fewer characters than this (spaces aside) has no text layer worth reading. */
const SCAN_TEXT_CHARS = 16;

/** The characters of a page's text layer, spaces aside. */
function textChars(page: PdfPage): number {
  return page.reduce((count, line) => count + line.text.replace(/\s+/g, "").length, 0);
}

/** Whether a page's text layer is missing or almost empty (a page number, a stamp): a scan if it shows an image. */
export function hasNoTextLayer(page: PdfPage): boolean {
  return textChars(page) < SCAN_TEXT_CHARS;
}

/** Whether a page paints an image (a scan's page is one image, or strips of one). */
async function paintsImage(document: PDFDocumentProxy, number: number, clock: ReadClock): Promise<boolean> {
  const { OPS } = await getResolvedPDFJS();
  const images = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
  ]);
  const page = await clock.race(document.getPage(number));
  const operators = await clock.race(page.getOperatorList());
  page.cleanup();
  return operators.fnArray.some((operator) => images.has(operator));
}

/**
 * The 0-based indexes of the scanned pages: without a text layer and showing an image. A blank page of a text PDF
 * (no text, no image) is no scan, so a text PDF never needs OCR.
 */
export async function scannedPages(document: PDFDocumentProxy, pages: PdfPage[], clock: ReadClock): Promise<number[]> {
  const scanned: number[] = [];
  for (let index = 0; index < pages.length; index++) {
    if (hasNoTextLayer(pages[index]) && (await paintsImage(document, index + 1, clock))) scanned.push(index);
  }
  return scanned;
}
