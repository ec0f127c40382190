/** The plan document parser: any supported file in, sections, tasks, units, deadlines and targets out. */
import { parseText } from "./parse-text.js";
import { type DocumentFormat, readDocument } from "./readers/index.js";
import type { ParseOptions, ParseResult, ReadProgress } from "./types.js";

export { parseText } from "./parse-text.js";
export { type DocumentFormat, DocumentReadError } from "./readers/index.js";
export type * from "./types.js";

/** The most a task read by OCR is trusted: below the review screen's threshold for 待核对. */
const OCR_CONFIDENCE = 0.7;

/**
 * Reads a document (txt in any common encoding, docx, doc/wps, pdf, ofd, xlsx, html, scans and photos by OCR) and
 * parses its text; `options` give column roles and the task level the user chose. The readers' warnings
 * (encoding guessed, format mismatch, pages without text) come first, then the parser's; `format` is the format the
 * content was read as. Throws DocumentReadError when the file cannot be read.
 */
export async function parseDocument(
  bytes: Uint8Array,
  filename: string,
  options: ParseOptions & { onProgress?: (progress: ReadProgress) => void } = {},
): Promise<ParseResult & { format: DocumentFormat }> {
  const { onProgress, ...parseOptions } = options;
  const read = await readDocument(bytes, filename, {}, onProgress);
  const result = parseText(read.text, parseOptions);
  const tasks = read.ocr
    ? result.tasks.map((task) => ({
        ...task,
        ocr: true,
        // text recognised from a scan is checked before it is trusted: every such task is 待核对
        confidence: Math.min(task.confidence, OCR_CONFIDENCE),
        doubts: [...task.doubts, "文字由扫描件识别（OCR），请核对原文"],
      }))
    : result.tasks;
  return { ...result, tasks, format: read.format, warnings: [...read.warnings, ...result.warnings] };
}
