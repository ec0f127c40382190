/** The plan document parser: any supported file in, sections, tasks, units, deadlines and targets out. */
import { parseText } from "./parse-text.js";
import { type DocumentFormat, readDocument } from "./readers/index.js";
import type { ParseResult } from "./types.js";

export { parseText } from "./parse-text.js";
export { type DocumentFormat, DocumentReadError } from "./readers/index.js";
export type * from "./types.js";

/**
 * Reads a document (txt in any common encoding, docx, pdf, xlsx, html) and parses its text. The readers' warnings
 * (encoding guessed, format mismatch, pages without text) come first, then the parser's; `format` is the format the
 * content was read as. Throws DocumentReadError when the file cannot be read.
 */
export async function parseDocument(
  bytes: Uint8Array,
  filename: string,
): Promise<ParseResult & { format: DocumentFormat }> {
  const read = await readDocument(bytes, filename);
  const result = parseText(read.text);
  return { ...result, format: read.format, warnings: [...read.warnings, ...result.warnings] };
}
