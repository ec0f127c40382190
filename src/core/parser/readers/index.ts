import { mapCjkRadicals } from "../../text/cjk-radicals.js";
import type { ParseWarning, ReadProgress, ReadResult } from "../types.js";
import { type DocumentFormat, formatFromName, looksLikeHtml, sniffBinary, zipFormat } from "./detect.js";
import { readDoc } from "./doc.js";
import { readDocx } from "./docx.js";
import { readErrors } from "./errors.js";
import { readHtml } from "./html.js";
import { defaultReadLimits, ReadClock, type ReadLimits } from "./limits.js";
import { readImage } from "./ocr.js";
import { readOfd } from "./ofd.js";
import { oleFormat, openOle } from "./ole.js";
import { readPdf } from "./pdf.js";
import { readPlainText } from "./text.js";
import { readXlsx } from "./xlsx.js";
import { SafeZip } from "./zip.js";

export type { DocumentFormat } from "./detect.js";
export { DocumentReadError, type DocumentReadErrorCode } from "./errors.js";
export { defaultReadLimits, type ReadLimits } from "./limits.js";

const FORMAT_NAMES: Record<DocumentFormat, string> = {
  pdf: "PDF",
  docx: "Word（.docx）",
  doc: "Word 97–2003/WPS（.doc/.wps）",
  xlsx: "Excel（.xlsx）",
  ofd: "OFD 版式文件",
  html: "网页（HTML）",
  text: "纯文本",
  png: "PNG 图片",
  jpeg: "JPEG 图片",
  tiff: "TIFF 图片",
};

/** One paragraph per line: Unix line ends, no zero-width or control characters, at most one blank line in a row. */
function normaliseLines(text: string): string {
  return (
    text
      .replace(/\r\n?/g, "\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stray control characters break the text parser's offsets
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u200b\u200c\u2060\ufeff]/g, "")
      .replace(/[ \t\u00a0]+$/gm, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}

async function readByContent(
  bytes: Uint8Array,
  limits: ReadLimits,
  clock: ReadClock,
  onProgress: (progress: ReadProgress) => void,
): Promise<{ format: DocumentFormat } & ReadResult> {
  const binary = sniffBinary(bytes);
  if (binary === "pdf") return { format: "pdf", ...(await readPdf(bytes, clock, onProgress, limits)) };
  if (binary === "png" || binary === "jpeg" || binary === "tiff") {
    return { format: binary, ...(await readImage(bytes, binary, { clock, limits, onProgress })) };
  }
  if (binary === "ole") {
    const ole = openOle(bytes);
    return { format: oleFormat(ole), ...readDoc(ole, clock) };
  }
  if (binary === "zip") {
    const zip = new SafeZip(bytes, limits);
    const format = zipFormat(zip);
    if (format === "docx") return { format, ...readDocx(zip, clock) };
    if (format === "ofd") return { format, ...(await readOfd(zip, clock)) };
    // exceljs inflates the archive itself, without limits: every entry is inflated once under the caps first.
    zip.verifyAll();
    return { format: "xlsx", ...(await readXlsx(bytes, clock)) };
  }
  const { text, warnings } = readPlainText(bytes);
  if (looksLikeHtml(text)) {
    const html = readHtml(text, clock);
    return { format: "html", text: html.text, warnings: [...warnings, ...html.warnings] };
  }
  return { format: "text", text, warnings };
}

/**
 * Reads an uploaded plan document into plain text, one paragraph per line, for the text parser. The format is
 * told by the content (a .pdf that is really a Word file is read as Word); the file name only adds a warning when it
 * disagrees. Throws DocumentReadError for what cannot be read: empty, too large, encrypted, corrupt, unsupported,
 * a zip bomb, or taking longer than the time limit.
 */
export async function readDocument(
  bytes: Uint8Array,
  filename: string,
  limits: Partial<ReadLimits> = {},
  onProgress: (progress: ReadProgress) => void = () => {},
): Promise<ReadResult & { format: DocumentFormat }> {
  const effective: ReadLimits = { ...defaultReadLimits, ...limits };
  if (bytes.length === 0) throw readErrors.empty();
  if (bytes.length > effective.maxBytes) throw readErrors.tooLarge(bytes.length, effective.maxBytes);
  const clock = new ReadClock(effective.timeLimitMs);
  const read = await readByContent(bytes, effective, clock, onProgress);
  const warnings: ParseWarning[] = [...read.warnings];
  const named = formatFromName(filename);
  if (named !== null && named !== read.format) {
    warnings.push({
      code: "format_mismatch",
      message: `文件名表明是${FORMAT_NAMES[named]}，但内容是${FORMAT_NAMES[read.format]}，已按实际内容读取`,
    });
  }
  const text = normaliseLines(mapCjkRadicals(read.text));
  if (text === "" && !warnings.some((warning) => /^(pdf_no_text|ocr_)/.test(warning.code))) {
    warnings.push({ code: "no_text", message: "文件中没有可识别的文字，请检查文件内容" });
  }
  return { text, warnings, format: read.format, ...(read.ocr ? { ocr: true } : {}) };
}
