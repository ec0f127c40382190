import { readErrors } from "./errors.js";
import type { SafeZip } from "./zip.js";

/** Photos and scans of pages, read by OCR. */
export type ImageKind = "png" | "jpeg" | "tiff";

export type DocumentFormat = "pdf" | "docx" | "doc" | "xlsx" | "ofd" | "html" | "text" | ImageKind;

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return signature.every((byte, index) => bytes[at + index] === byte);
}

function containsAscii(bytes: Uint8Array, needle: string, limit: number): boolean {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let at = 0; at <= end; at++) {
    for (let i = 0; i < needle.length; i++) if (bytes[at + i] !== needle.charCodeAt(i)) continue outer;
    return true;
  }
  return false;
}

const UNSUPPORTED_SIGNATURES: Array<[number[], string]> = [
  [[0x4d, 0x5a], "可执行程序"],
  [[0x7f, 0x45, 0x4c, 0x46], "可执行程序"],
  [[0x47, 0x49, 0x46, 0x38], "GIF 图片"],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], "RTF，请另存为 .docx"],
  [[0x52, 0x61, 0x72, 0x21], "RAR 压缩包"],
  [[0x37, 0x7a, 0xbc, 0xaf], "7z 压缩包"],
  [[0x1f, 0x8b], "gzip 压缩包"],
];

/**
 * The format of a binary file by its first bytes, or null for what is probably text. Known binary formats the
 * reader cannot handle are refused here with a message that names them.
 */
export function sniffBinary(bytes: Uint8Array): "pdf" | "zip" | "ole" | ImageKind | null {
  if (containsAscii(bytes, "%PDF-", 1024)) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  // An OLE compound file: Word 97–2003 and WPS documents, Excel 97–2003, or an encrypted .docx/.xlsx.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  for (const [signature, name] of UNSUPPORTED_SIGNATURES) {
    if (startsWith(bytes, signature)) throw readErrors.unsupported(name);
  }
  return null;
}

/** Tells a Word document, an Excel workbook and an OFD document apart by the parts the package holds. */
export function zipFormat(zip: SafeZip): "docx" | "xlsx" | "ofd" {
  const names = [...zip.entries.keys()];
  if (names.some((name) => name.startsWith("word/"))) return "docx";
  if (names.some((name) => name.startsWith("xl/"))) return "xlsx";
  if (zip.has("OFD.xml")) return "ofd";
  if (names.some((name) => name.startsWith("ppt/"))) throw readErrors.unsupported("PowerPoint 演示文稿");
  if (zip.has("content.xml")) throw readErrors.unsupported("ODF 文档，请另存为 .docx");
  throw readErrors.unsupported("压缩包");
}

const HTML_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|span|style|script|link)\b/i;

export function looksLikeHtml(text: string): boolean {
  return HTML_START.test(text.slice(0, 4096));
}

const EXTENSION_FORMATS: Record<string, DocumentFormat> = {
  pdf: "pdf",
  docx: "docx",
  doc: "doc",
  wps: "doc",
  xlsx: "xlsx",
  ofd: "ofd",
  html: "html",
  htm: "html",
  shtml: "html",
  txt: "text",
  png: "png",
  jpg: "jpeg",
  jpeg: "jpeg",
  tif: "tiff",
  tiff: "tiff",
};

/** The format a file name promises, if it names one this reader knows. */
export function formatFromName(filename: string): DocumentFormat | null {
  const extension = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  return EXTENSION_FORMATS[extension] ?? null;
}
