/**
 * Builds the format fixtures of the plan parser from the seed plans: Word (auto-numbered, and a task table), PDF
 * (LibreOffice and Chromium), Excel, GBK text and a saved government web page, plus an encrypted PDF and the
 * 100-page PDF of the bench. The outputs are committed, so tests and CI never need LibreOffice or Chromium; run
 * this again only to change them: `tsx scripts/make-parser-fixtures.ts` (installs its apt packages when missing).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { encryptedDoc, headingStylesDocx, libreOfficeDoc, wordFeaturesDocx } from "./parser-fixtures/doc-builders.js";
import { numberedDocx, plainDocx, taskTableDocx } from "./parser-fixtures/docx-builders.js";
import { governmentPage, printableHtml } from "./parser-fixtures/html-builder.js";
import { ofdFromPdf, taskTableOfd } from "./parser-fixtures/ofd-builder.js";
import {
  chromiumPdf,
  encryptedPdf,
  ensureTools,
  libreOfficePdf,
  pdfPageCount,
} from "./parser-fixtures/pdf-builders.js";
import { pagePng, scannedPdf } from "./parser-fixtures/scan-builder.js";
import { taskTableSeed } from "./parser-fixtures/seed-structure.js";
import { taskTableXlsx } from "./parser-fixtures/xlsx-builder.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const seedsDir = process.env.FAZHI_SEEDS ?? resolve(root, "../shared/seeds");
const out = join(root, "src/core/parser/fixtures");
const benchOut = join(root, "bench/fixtures");

function seed(prefix: string): string {
  const name = readdirSync(seedsDir).find((file) => file.startsWith(`${prefix}_`) && file.endsWith(".txt"));
  if (!name) throw new Error(`seed ${prefix} not found in ${seedsDir}`);
  return readFileSync(join(seedsDir, name), "utf8");
}

function write(dir: string, name: string, data: string | Buffer): void {
  writeFileSync(join(dir, name), data);
  console.log(`${name.padEnd(28)} ${(statSync(join(dir, name)).size / 1024).toFixed(1).padStart(7)} KB`);
}

/**
 * The seed in GBK. GBK has no no-break space (the web copy of seed 004 has them in its signature block), so those
 * become spaces; anything else GBK cannot hold stops the build rather than turning into "?".
 */
function gbk(text: string): Buffer {
  const plain = text.replace(/\u00a0/g, " ");
  const encoded = iconv.encode(plain, "gbk");
  if (iconv.decode(encoded, "gbk") !== plain) throw new Error("seed text does not survive GBK encoding");
  return encoded;
}

/** Keeps the first `pages` pages of a PDF. */
function firstPages(pdf: Buffer, pages: number): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "fazhi-qpdf-"));
  try {
    writeFileSync(join(dir, "in.pdf"), pdf);
    execFileSync("qpdf", [join(dir, "in.pdf"), "--pages", ".", `1-${pages}`, "--", join(dir, "out.pdf")]);
    return readFileSync(join(dir, "out.pdf"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Scans of the committed text PDFs (LibreOffice prints of the seed .docx files), rasterised by pdftoppm at 200 dpi
 * in black and white and wrapped back into image-only PDFs: two pages of the ruled task table and of the numbered
 * paragraphs for the tests, a one-page PNG photo, and a 20-page scan of both for the OCR bench.
 */
function makeScans(): void {
  const table = readFileSync(join(out, "seed002-table-libreoffice.pdf"));
  const numbered = readFileSync(join(out, "seed000-libreoffice.pdf"));
  write(out, "seed002-table-scan.pdf", scannedPdf(table, 200, 1, 2));
  write(out, "seed000-scan.pdf", scannedPdf(numbered, 200, 2, 3));
  write(out, "seed000-photo.png", pagePng(numbered, 150, 2));
  const dir = mkdtempSync(join(tmpdir(), "fazhi-scan-"));
  try {
    writeFileSync(join(dir, "a.pdf"), scannedPdf(numbered, 200, 1, 10));
    writeFileSync(join(dir, "b.pdf"), scannedPdf(table, 200, 1, 10));
    execFileSync("qpdf", ["--empty", "--pages", join(dir, "a.pdf"), join(dir, "b.pdf"), "--", join(dir, "out.pdf")]);
    write(benchOut, "parser-scan-20-pages.pdf", readFileSync(join(dir, "out.pdf")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  ensureTools();
  // `--scans`: only the scans, from the committed PDFs, leaving every other fixture as it is
  if (process.argv.includes("--scans")) {
    makeScans();
    return;
  }
  mkdirSync(out, { recursive: true });
  mkdirSync(benchOut, { recursive: true });
  const seed000 = seed("000");
  const seed002 = seed("002");
  const seed004 = seed("004");
  write(out, "seed000.txt", seed000);
  write(out, "seed002.txt", seed002);
  write(out, "seed004.txt", seed004);

  const numbered = await numberedDocx(seed000, "中卫市沙坡头区人民政府办公室");
  write(out, "seed000-numbered.docx", numbered);
  const numberedPdf = libreOfficePdf(numbered);
  write(out, "seed000-libreoffice.pdf", numberedPdf);
  write(
    out,
    "seed000-libreoffice.ofd",
    await ofdFromPdf(numberedPdf, "沙坡头区法治政府建设“四大行动(2025年)”任务分工方案"),
  );
  write(out, "seed000-numbered.doc", await libreOfficeDoc(numbered));

  const table = taskTableSeed(seed002);
  const title002 = "吴忠市红寺堡区关于提升行政执法质量三年行动任务分工方案";
  const merged = await taskTableDocx(table, "红寺堡区人民政府办公室", { mergeDeadlines: true });
  write(out, "seed002-table.docx", merged);
  write(out, "seed002-table.doc", await libreOfficeDoc(merged));
  const ruled = await taskTableDocx(table, "红寺堡区人民政府办公室", { ruled: true });
  write(out, "seed002-table-libreoffice.pdf", libreOfficePdf(ruled));
  write(out, "seed002-tasks.xlsx", await taskTableXlsx(table, title002));
  write(out, "seed002-table.ofd", await taskTableOfd(table, title002));

  const title004 = "西宁市城北区2025年法治政府建设工作要点";
  write(out, "seed004-gbk.txt", gbk(seed004));
  write(out, "seed004-page.html", governmentPage(seed004, title004, "西宁市城北区人民政府"));
  write(out, "seed004-chromium.pdf", await chromiumPdf(printableHtml(seed004, title004), "西宁市城北区人民政府办公室"));

  const secret = await plainDocx(
    ["关于印发法治政府建设工作要点的通知", "1.加强党的领导。(责任单位:区司法局)"],
    "内部资料",
  );
  write(out, "encrypted.pdf", encryptedPdf(libreOfficePdf(secret)));
  write(out, "encrypted.doc", encryptedDoc(secret, "user-secret"));
  write(out, "word-features.doc", await libreOfficeDoc(await wordFeaturesDocx()));
  write(out, "heading-styles.doc", await libreOfficeDoc(await headingStylesDocx()));

  makeScans();

  write(benchOut, "parser-100-pages.pdf", await hundredPages([seed000, seed("001"), seed002, seed("003"), seed004]));
}

/** Paragraphs of all seeds, repeated until LibreOffice sets them on at least 100 pages, then cut to exactly 100. */
async function hundredPages(seeds: string[]): Promise<Buffer> {
  const paragraphs = seeds.flatMap((text) =>
    text
      .split(/\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  );
  const header = "法治政府建设文件汇编";
  let copies = 1;
  for (;;) {
    const pdf = libreOfficePdf(await plainDocx(Array.from({ length: copies }, () => paragraphs).flat(), header));
    const pages = pdfPageCount(pdf);
    if (pages >= 100) return firstPages(pdf, 100);
    copies = Math.ceil((copies * 100) / pages + 0.2);
  }
}

await main();
