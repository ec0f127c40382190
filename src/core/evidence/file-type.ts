/**
 * What an evidence file really is, told by its content (magic bytes and, for zip and OLE containers, the parts they
 * hold), never by its name: a program renamed 方案.pdf is refused. Only the types offices file as 台账 are allowed.
 */
import { defaultReadLimits } from "../parser/readers/limits.js";
import { listZipEntries } from "../parser/readers/zip.js";
import { cleanName } from "../text/invisible.js";

export interface EvidenceType {
  /** the extension the type is saved with */
  extension: "pdf" | "docx" | "xlsx" | "doc" | "xls" | "jpg" | "png" | "ofd";
  mediaType: string;
  /** PDF and images can be shown in the browser */
  previewable: boolean;
}

const TYPES: Record<EvidenceType["extension"], EvidenceType> = {
  pdf: { extension: "pdf", mediaType: "application/pdf", previewable: true },
  docx: {
    extension: "docx",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    previewable: false,
  },
  xlsx: {
    extension: "xlsx",
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    previewable: false,
  },
  doc: { extension: "doc", mediaType: "application/msword", previewable: false },
  xls: { extension: "xls", mediaType: "application/vnd.ms-excel", previewable: false },
  jpg: { extension: "jpg", mediaType: "image/jpeg", previewable: true },
  png: { extension: "png", mediaType: "image/png", previewable: true },
  ofd: { extension: "ofd", mediaType: "application/ofd", previewable: false },
};

/** Whether a stored file of this media type opens in the browser (PDF, images). */
export const isPreviewable = (mediaType: string) =>
  Object.values(TYPES).some((type) => type.mediaType === mediaType && type.previewable);

/** The file types allowed as evidence, as the upload form lists them. */
export const EVIDENCE_EXTENSIONS = Object.keys(TYPES) as EvidenceType["extension"][];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

/** Whether a UTF-16LE stream name (WordDocument, Workbook) appears in the first megabyte of an OLE file. */
function hasOleStream(bytes: Uint8Array, name: string): boolean {
  const needle = Array.from(name).flatMap((char) => [char.charCodeAt(0), 0]);
  const end = Math.min(bytes.length, 1024 * 1024) - needle.length;
  outer: for (let at = 0; at <= end; at++) {
    for (let i = 0; i < needle.length; i++) if (bytes[at + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}

function zipType(bytes: Uint8Array): EvidenceType | null {
  let names: string[];
  try {
    names = listZipEntries(bytes, defaultReadLimits).map((entry) => entry.name);
  } catch {
    // a damaged archive, or one that declares more than it may inflate to: not a document we keep
    return null;
  }
  if (names.includes("[Content_Types].xml")) {
    if (names.some((name) => name.startsWith("word/"))) return TYPES.docx;
    if (names.some((name) => name.startsWith("xl/"))) return TYPES.xlsx;
  }
  if (names.includes("OFD.xml")) return TYPES.ofd;
  return null;
}

/** The evidence type of a file's content, or null when it is none of the allowed types. */
export function evidenceType(bytes: Uint8Array): EvidenceType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return TYPES.pdf;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPES.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return TYPES.jpg;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipType(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (hasOleStream(bytes, "WordDocument")) return TYPES.doc;
    if (hasOleStream(bytes, "Workbook") || hasOleStream(bytes, "Book")) return TYPES.xls;
  }
  return null;
}

/**
 * A file name safe to store and to send back: no folders, no control, invisible (zero-width, bidi override) or
 * reserved characters, at most 120 characters, and the extension of the type the content really has.
 */
export function sanitiseFilename(name: string, type: EvidenceType): string {
  const base =
    cleanName(name)
      .split(/[\\/]/)
      .pop()
      ?.replace(/[<>:"|?*]/g, "")
      .replace(/\s+/g, " ")
      .trim() ?? "";
  const stem =
    base
      .replace(/\.[A-Za-z0-9]{1,5}$/, "")
      .replace(/^[.\s]+/, "")
      .slice(0, 120) || "材料";
  return `${stem}.${type.extension}`;
}
