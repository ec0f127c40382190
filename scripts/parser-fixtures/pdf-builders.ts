import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../chromium.js";

/** Installs the Debian packages a builder needs when the machine lacks them (fresh CI and developer machines). */
export function ensureTools(): void {
  const missing: string[] = [];
  if (!existsSync("/usr/bin/soffice")) missing.push("libreoffice-writer-nogui");
  if (!existsSync("/usr/bin/qpdf")) missing.push("qpdf");
  if (!existsSync("/usr/bin/pdftoppm")) missing.push("poppler-utils");
  if (!existsSync(CHROMIUM)) missing.push("chromium");
  if (!existsSync("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")) missing.push("fonts-noto-cjk");
  if (missing.length === 0) return;
  console.log(`installing ${missing.join(" ")}`);
  execFileSync("apt-get", ["update"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", ...missing], { stdio: "inherit" });
}

/**
 * Converts a .docx with LibreOffice (`filter` as `--convert-to` takes it: "pdf", "doc:MS Word 97"), in a
 * throwaway profile so parallel runs do not share one.
 */
export function libreOfficeConvert(docx: Buffer, filter: string, extension: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "fazhi-lo-"));
  try {
    writeFileSync(join(dir, "in.docx"), docx);
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        filter,
        "--outdir",
        dir,
        join(dir, "in.docx"),
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
    return readFileSync(join(dir, `in.${extension}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Converts a .docx to PDF with LibreOffice. */
export function libreOfficePdf(docx: Buffer): Buffer {
  return libreOfficeConvert(docx, "pdf", "pdf");
}

/** Prints an HTML page to an A4 PDF with Chromium, with a running header and "- N -" page numbers. */
export async function chromiumPdf(html: string, headerText: string): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({
      format: "A4",
      margin: { top: "30mm", bottom: "25mm", left: "26mm", right: "24mm" },
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:9pt;width:100%;text-align:right;margin-right:24mm">${headerText}</div>`,
      footerTemplate:
        '<div style="font-size:10pt;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>',
    });
  } finally {
    await browser.close();
  }
}

/** Encrypts a PDF with a user password (AES-256), so it cannot be opened without the password. */
export function encryptedPdf(pdf: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "fazhi-qpdf-"));
  try {
    writeFileSync(join(dir, "in.pdf"), pdf);
    execFileSync("qpdf", [
      "--encrypt",
      "user-secret",
      "owner-secret",
      "256",
      "--",
      join(dir, "in.pdf"),
      join(dir, "out.pdf"),
    ]);
    return readFileSync(join(dir, "out.pdf"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfPageCount(pdf: Buffer): number {
  const dir = mkdtempSync(join(tmpdir(), "fazhi-qpdf-"));
  try {
    writeFileSync(join(dir, "in.pdf"), pdf);
    return Number(
      execFileSync("qpdf", ["--show-npages", join(dir, "in.pdf")])
        .toString()
        .trim(),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
