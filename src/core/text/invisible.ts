/**
 * Characters that must not reach storage: C0/C1 control characters (NUL breaks PostgreSQL text and every log line),
 * and the invisible format characters that disguise a name (zero-width joiners, bidi overrides: `报告\u202Egpj.pdf`
 * shows as `报告fdp.jpg`). One place, used by the schema edge and by file names.
 */

/** Control characters other than tab, line feed and carriage return, which long texts legitimately hold. */
export const CONTROL_CHAR_CLASS = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F";

/** Zero-width characters, the BOM, and bidirectional embeddings, overrides, isolates and marks. */
export const INVISIBLE_CHAR_CLASS = "\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\u061C\\uFEFF";

const CONTROL = new RegExp(`[${CONTROL_CHAR_CLASS}]`, "u");
const INVISIBLE_ALL = new RegExp(`[${INVISIBLE_CHAR_CLASS}]`, "gu");
const CONTROL_ALL = new RegExp(`[${CONTROL_CHAR_CLASS}]`, "gu");

/** Whether a text holds a control character (tab, line feed and carriage return allowed). */
export function hasControlChars(text: string): boolean {
  return CONTROL.test(text);
}

/** The text without invisible format characters, so what is stored reads as it shows. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_ALL, "");
}

/** A name as it may be stored: no control characters (of any kind) and no invisible format characters. */
export function cleanName(text: string): string {
  return stripInvisible(text)
    .replace(CONTROL_ALL, "")
    .replace(/[\t\r\n]+/g, " ");
}
