import type { ParseWarning } from "../types.js";
import { readErrors } from "./errors.js";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** Which encoding a text file is in: a BOM decides, else valid UTF-8 is UTF-8, else GB18030 (a superset of GBK). */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  // No UTF-8 or GBK text contains a NUL byte; UTF-16 saved without a BOM does.
  if (bytes.subarray(0, 4096).includes(0)) {
    const guess = likelyUtf16(bytes.subarray(0, 4096));
    if (guess) return guess;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

const TEXT_LIKE = /[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/g;

/** The UTF-16 byte order under which the sample reads as (mostly Chinese or ASCII) text, if either does. */
function likelyUtf16(sample: Uint8Array): TextEncoding | null {
  for (const encoding of ["utf-16le", "utf-16be"] as const) {
    const text = new TextDecoder(encoding).decode(sample.subarray(0, sample.length - (sample.length % 2)));
    if (text.length > 0 && (text.match(TEXT_LIKE)?.length ?? 0) / text.length > 0.9) return encoding;
  }
  return null;
}

/** Decodes text bytes in their detected encoding, dropping the BOM. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(bytes);
  // TextDecoder drops a BOM that matches its encoding.
  const text = new TextDecoder(encoding).decode(bytes);
  return { text, encoding };
}

/**
 * Share of characters no text document contains (C0 controls other than tab/newline/form feed, U+FFFD from bytes
 * that decode to nothing). Binary files renamed .txt score high.
 */
function junkShare(text: string): number {
  const sample = text.slice(0, 65_536);
  if (sample.length === 0) return 0;
  let junk = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0xfffd || code === 0x7f) {
      junk++;
    }
  }
  return junk / sample.length;
}

function stripJunk(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g, "");
}

/** Reads a plain-text file; refuses bytes that are not text at all. */
export function readPlainText(bytes: Uint8Array): { text: string; warnings: ParseWarning[] } {
  const { text } = decodeText(bytes);
  const share = junkShare(text);
  if (share > 0.05) throw readErrors.unsupported("无法识别的二进制文件");
  const warnings: ParseWarning[] = [];
  if (share > 0) {
    warnings.push({ code: "text_garbled", message: "文件中有少量无法识别的字符，已忽略，请核对识别结果" });
  }
  return { text: share > 0 ? stripJunk(text) : text, warnings };
}
