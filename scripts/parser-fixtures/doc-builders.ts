import JSZip from "jszip";
import { libreOfficeConvert } from "./pdf-builders.js";

/**
 * The docx library gives every list a w:startOverride, and LibreOffice 7.4 exports such a list to .doc as a
 * one-paragraph list of its own followed by the rest, so the numbers read 1, 1, 2, 3… (LibreOffice shows them so
 * too). A list typed in Word carries no override; it is removed so that the .doc numbers its rows as the .docx.
 */
async function withoutStartOverrides(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const numbering = zip.file("word/numbering.xml");
  if (!numbering) return docx;
  const xml = await numbering.async("string");
  zip.file(
    "word/numbering.xml",
    xml.replace(/<w:lvlOverride\b[^>]*>\s*<w:startOverride\b[^>]*\/>\s*<\/w:lvlOverride>/g, ""),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A Word 97–2003 .doc of a .docx, written by LibreOffice's "MS Word 97" filter. */
export async function libreOfficeDoc(docx: Buffer): Promise<Buffer> {
  return libreOfficeConvert(await withoutStartOverrides(docx), "doc:MS Word 97", "doc");
}
