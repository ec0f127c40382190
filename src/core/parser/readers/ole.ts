/**
 * OLE compound files (the container of Word 97–2003, WPS, Excel 97–2003 and Office's password-protected
 * .docx/.xlsx): opened with `cfb`, told apart by the streams at their root.
 */
import CFB, { type CFB$Container } from "cfb";
import { readErrors } from "./errors.js";

export type OleFile = CFB$Container;

/** Opens the container; a damaged one (bad sector chains, a cut-off file) is refused as corrupt. */
export function openOle(bytes: Uint8Array): OleFile {
  try {
    return CFB.parse(bytes);
  } catch (error) {
    throw readErrors.corrupt("旧版 Office（.doc/.wps/.xls）", error instanceof Error ? error.message : String(error));
  }
}

/** A stream at the container's root (embedded objects have streams of the same names deeper down). */
export function rootStream(file: OleFile, name: string): Uint8Array | null {
  const root = file.FullPaths[0] ?? "";
  const index = file.FullPaths.indexOf(`${root}${name}`);
  const entry = index < 0 ? undefined : file.FileIndex[index];
  if (entry?.type !== 2) return null;
  const content = entry.content;
  return content instanceof Uint8Array ? content : Uint8Array.from(content);
}

/**
 * What an OLE file holds, for the readers that exist: a Word document (Kingsoft WPS writes .wps files in the same
 * Word 97 format), or a refusal that names what it is and how to save it readable.
 */
export function oleFormat(file: OleFile): "doc" {
  const has = (name: string) => rootStream(file, name) !== null;
  if (has("EncryptedPackage")) throw readErrors.encrypted();
  if (has("WordDocument")) return "doc";
  if (has("Workbook") || has("Book")) throw readErrors.unsupported("旧版 Excel 文件（.xls），请用“另存为”保存成 .xlsx");
  if (has("PowerPoint Document")) throw readErrors.unsupported("PowerPoint 演示文稿");
  // Microsoft Works also names its documents .wps: its text is in a CONTENTS (Works 6–9) or MN0 (Works 4) stream.
  if (has("CONTENTS") || has("MN0")) throw readErrors.unsupported("Microsoft Works 文档，请用“另存为”保存成 .docx");
  throw readErrors.unsupported("未知的 OLE 复合文档");
}
