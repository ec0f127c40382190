import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/** A LibreOffice Basic macro that opens a document and stores it as Word 97 with a password. */
const SAVE_ENCRYPTED = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveEncrypted(source As String, target As String, secret As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  document = StarDesktop.loadComponentFromURL(source, &quot;_blank&quot;, 0, load())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = &quot;MS Word 97&quot;
  store(1).Name = &quot;Password&quot;
  store(1).Value = secret
  document.storeToURL(target, store())
  document.close(True)
End Sub
</script:module>
`;

/**
 * A password-protected .doc, encrypted by LibreOffice as Word does (RC4, the FIB's fEncrypted bit set).
 * --convert-to cannot pass a password, so a Basic macro in a throwaway profile stores the document.
 */
export function encryptedDoc(docx: Buffer, password: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "fazhi-lo-"));
  const profile = `-env:UserInstallation=file://${dir}/profile`;
  try {
    writeFileSync(join(dir, "in.docx"), docx);
    execFileSync("soffice", [profile, "--headless", "--terminate_after_init"], { stdio: "pipe", timeout: 120_000 });
    writeFileSync(join(dir, "profile/user/basic/Standard/Module1.xba"), SAVE_ENCRYPTED);
    const call = `macro:///Standard.Module1.SaveEncrypted("file://${dir}/in.docx","file://${dir}/out.doc","${password}")`;
    execFileSync("soffice", [profile, "--headless", call], { stdio: "pipe", timeout: 120_000 });
    return readFileSync(join(dir, "out.doc"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
