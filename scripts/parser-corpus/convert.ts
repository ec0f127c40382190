/**
 * Batch conversions of the corpus: LibreOffice (docx → pdf, docx → doc, xlsx → pdf) in one run each, Chromium prints
 * in one browser.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../chromium.js";

/**
 * Converts Word documents or Excel workbooks (by name; `from` is their extension) to `target` ("pdf" or "doc") with
 * one LibreOffice run in a throwaway profile.
 */
export function libreOfficeConvert(
  docs: Map<string, Buffer>,
  target: "pdf" | "doc",
  from: "docx" | "xlsx" = "docx",
): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "fazhi-corpus-lo-"));
  try {
    const inputs = [...docs].map(([name, bytes]) => {
      writeFileSync(join(dir, `${name}.${from}`), bytes);
      return join(dir, `${name}.${from}`);
    });
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        target === "doc" ? "doc:MS Word 97" : "pdf",
        "--outdir",
        join(dir, "out"),
        ...inputs,
      ],
      { stdio: "pipe", timeout: 600_000 },
    );
    return new Map([...docs.keys()].map((name) => [name, readFileSync(join(dir, "out", `${name}.${target}`))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints HTML pages (by name) to A4 PDFs in one Chromium, landscape where asked, with "- N -" page numbers. */
export async function chromiumPrint(
  pages: Map<string, { html: string; landscape: boolean }>,
): Promise<Map<string, Buffer>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const out = new Map<string, Buffer>();
  try {
    const page = await browser.newPage();
    for (const [name, { html, landscape }] of pages) {
      await page.setContent(html, { waitUntil: "load" });
      out.set(
        name,
        await page.pdf({
          format: "A4",
          landscape,
          margin: { top: "25mm", bottom: "20mm", left: "22mm", right: "20mm" },
          displayHeaderFooter: true,
          headerTemplate: "<span></span>",
          footerTemplate:
            '<div style="font-size:10pt;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>',
        }),
      );
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** LibreOffice Calc, which prints the workbooks, is a package of its own beside Writer. */
export function ensureCalc(): void {
  if (existsSync("/usr/lib/libreoffice/program/libsclo.so")) return;
  console.log("installing libreoffice-calc-nogui");
  execFileSync("apt-get", ["update"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "libreoffice-calc-nogui"], { stdio: "inherit" });
}
