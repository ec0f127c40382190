/**
 * OCR of scans: the pages of a PDF without a text layer, and photos of pages (PNG, JPEG, TIFF). A PDF page is
 * rasterised in grey, its drawn rules found and wiped, and the rest recognised by tesseract; the words come back as
 * positioned text, so that lines, tables and paragraphs are rebuilt by the same step as a text PDF's. Pages run in
 * parallel, one tesseract thread each, under the read's clock, with progress reported page by page.
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { ParseWarning, ReadProgress, ReadResult } from "../types.js";
import type { ImageKind } from "./detect.js";
import { DocumentReadError, readErrors } from "./errors.js";
import type { ReadClock, ReadLimits } from "./limits.js";
import { eraseRules, findRules, parsePgm, soften, writePgm } from "./ocr-image.js";
import {
  type CommandRunner,
  missingOcrTool,
  type OcrToolProblem,
  rasterisePage,
  recognise,
  systemRunner,
} from "./ocr-tools.js";
import {
  dropMisreadFooter,
  repairListNumbers,
  tidyOcrText,
  tsvPages,
  unifyRunningLines,
  withinCells,
} from "./ocr-tsv.js";
import type { PdfPage } from "./pdf-layout.js";
import type { Rule } from "./pdf-rules.js";
import { pageLines, textFromPages } from "./positioned.js";

/** How scans are recognised: the programs' runner, the resolution pages are rasterised at, pages at once. */
export interface OcrEngine {
  runner: CommandRunner;
  dpi: number;
  concurrency: number;
}

/**
 * 200 dpi: on the fixtures' pages 300 dpi recognised no more tasks and took longer per page (bench/parser-ocr.ts
 * measures both); 150 dpi loses the strokes of small characters.
 */
export const defaultOcrEngine: OcrEngine = {
  runner: systemRunner,
  dpi: 200,
  concurrency: Math.max(1, availableParallelism()),
};

export interface OcrContext {
  clock: ReadClock;
  limits: ReadLimits;
  onProgress: (progress: ReadProgress) => void;
  engine?: OcrEngine;
}

/** A recognised page: its lines as a text PDF's would be, and the rules drawn on it (points from the top left). */
export interface ScannedPage {
  lines: PdfPage;
  rules: Rule[];
}

export interface ScanResult {
  /** by 0-based page index */
  pages: Map<number, ScannedPage>;
  warnings: ParseWarning[];
  /** OCR ran (false when the programs are missing) */
  recognised: boolean;
}

const MISSING: Record<OcrToolProblem, string> = {
  tesseract: "服务器未安装文字识别组件（tesseract-ocr、tesseract-ocr-chi-sim）",
  chi_sim: "服务器未安装中文文字识别数据（tesseract-ocr-chi-sim）",
  pdftoppm: "服务器未安装 PDF 转图片组件（poppler-utils）",
};

function unavailable(problem: OcrToolProblem, what: string): ParseWarning {
  return {
    code: "ocr_unavailable",
    message: `${what}，${MISSING[problem]}，无法识别；请管理员安装后重试（sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils），或上传 Word/文字版 PDF`,
  };
}

const RECOGNISED: ParseWarning = {
  code: "scan_recognised",
  message: "文件是扫描件或图片，文字由文字识别（OCR）得到，可能有错字或漏字，请对照原件逐条核对",
};

const NOTHING_RECOGNISED: ParseWarning = {
  code: "ocr_no_text",
  message: "扫描件中未能识别出文字（图像可能过于模糊、过暗或倾斜），请上传更清晰的扫描件，或上传 Word/文字版 PDF",
};

/** Recent scans by content: choosing column roles reads the same file again, and OCR is the slow part. */
const recent = new Map<string, ScanResult>();
const RECENT_SCANS = 4;

function remember(key: string, result: ScanResult): void {
  recent.delete(key);
  recent.set(key, result);
  while (recent.size > RECENT_SCANS) recent.delete(recent.keys().next().value as string);
}

/** Forgets the recent scans, so that the next read recognises its pages again (for benchmarks). */
export function forgetRecentScans(): void {
  recent.clear();
}

/** Runs `work` on every item, `concurrency` at a time, stopping at the first failure. */
async function eachAtOnce<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function asReadError(error: unknown, what: string): DocumentReadError {
  if (error instanceof DocumentReadError) return error;
  const detail = (error as { detail?: string }).detail ?? (error instanceof Error ? error.message : String(error));
  return readErrors.corrupt(what, `OCR: ${detail}`);
}

/** The scan's pages to recognise, within the limits: the first `ocrMaxPages`, or a refusal past `ocrRefusePages`. */
function pagesWithin(indexes: number[], limits: ReadLimits): { pages: number[]; warnings: ParseWarning[] } {
  if (indexes.length > limits.ocrRefusePages) {
    throw readErrors.tooManyPages(indexes.length, limits.ocrRefusePages, limits.ocrMaxPages);
  }
  if (indexes.length <= limits.ocrMaxPages) return { pages: indexes, warnings: [] };
  return {
    pages: indexes.slice(0, limits.ocrMaxPages),
    warnings: [
      {
        code: "scan_pages_capped",
        message: `扫描件共 ${indexes.length} 页，只识别了前 ${limits.ocrMaxPages} 页；其余页面的任务请拆分文件后另行导入，或手工补充`,
      },
    ],
  };
}

/** Recognises one rasterised PDF page. */
async function recognisePage(
  engine: OcrEngine,
  path: string,
  index: number,
  context: OcrContext,
  signal: AbortSignal,
): Promise<ScannedPage> {
  const { clock } = context;
  const raster = await clock.race(rasterisePage(engine.runner, path, index + 1, engine.dpi, signal));
  const image = parsePgm(raster);
  if (!image) throw readErrors.corrupt("PDF", `pdftoppm gave no grey image for page ${index + 1}`);
  clock.check();
  const rules = findRules(image, engine.dpi);
  const clean = writePgm(soften(eraseRules(image, rules, engine.dpi)));
  const tsv = await clock.race(recognise(engine.runner, clean, engine.dpi, signal));
  const words = withinCells(tsvPages(tsv, engine.dpi)[0] ?? [], rules);
  return { lines: dropMisreadFooter(repairListNumbers(pageLines(words), rules)), rules };
}

/**
 * Recognises the scanned pages of a PDF (0-based indexes, of `pageCount` pages). Without tesseract, its Chinese data or pdftoppm, no page
 * is recognised and the warning says what to install.
 */
export async function recognisePdfPages(
  bytes: Uint8Array,
  indexes: number[],
  pageCount: number,
  context: OcrContext,
): Promise<ScanResult> {
  const engine = context.engine ?? defaultOcrEngine;
  const problem = await missingOcrTool(engine.runner, true);
  if (problem) {
    const what = indexes.length === pageCount ? "该 PDF 是扫描件" : `该 PDF 中有 ${indexes.length} 页是扫描图片`;
    return { pages: new Map(), warnings: [unavailable(problem, what)], recognised: false };
  }
  const { pages, warnings } = pagesWithin(indexes, context.limits);
  const key = `${createHash("sha256").update(bytes).digest("hex")}:${engine.dpi}:${pages.join(",")}`;
  const known = recent.get(key);
  if (known) {
    context.onProgress({ stage: "ocr", done: pages.length, total: pages.length });
    return known;
  }
  context.clock.extend(context.limits.ocrTimeLimitMs);
  const dir = await mkdtemp(join(tmpdir(), "fazhi-ocr-"));
  const abort = new AbortController();
  try {
    const path = join(dir, "scan.pdf");
    await writeFile(path, bytes);
    const scanned = new Map<number, ScannedPage>();
    context.onProgress({ stage: "ocr", done: 0, total: pages.length });
    await eachAtOnce(pages, engine.concurrency, async (index) => {
      scanned.set(index, await recognisePage(engine, path, index, context, abort.signal));
      context.onProgress({ stage: "ocr", done: scanned.size, total: pages.length });
    });
    const empty = [...scanned.values()].every((page) => page.lines.length === 0);
    const result = {
      pages: scanned,
      warnings: [...warnings, empty ? NOTHING_RECOGNISED : RECOGNISED],
      recognised: true,
    };
    remember(key, result);
    return result;
  } catch (error) {
    throw asReadError(error, "PDF");
  } finally {
    // pages still being recognised after a failure or the time limit are stopped, not left running
    abort.abort();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The number of pages (image file directories) of a TIFF, or 1 when its structure cannot be followed. */
export function tiffPageCount(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  let offset = bytes.length >= 8 ? view.getUint32(4, little) : 0;
  let pages = 0;
  const seen = new Set<number>();
  while (offset > 0 && offset + 2 <= bytes.length && !seen.has(offset)) {
    seen.add(offset);
    pages++;
    const entries = view.getUint16(offset, little);
    const nextAt = offset + 2 + entries * 12;
    if (nextAt + 4 > bytes.length) break;
    offset = view.getUint32(nextAt, little);
  }
  return Math.max(1, pages);
}

/**
 * Reads a photo or scan saved as an image (every page of a multi-page TIFF). A photo is rarely straight enough for
 * its table borders to be found, so its tables are rebuilt from the words' positions alone.
 */
export async function readImage(bytes: Uint8Array, kind: ImageKind, context: OcrContext): Promise<ReadResult> {
  const engine = context.engine ?? defaultOcrEngine;
  const problem = await missingOcrTool(engine.runner, false);
  if (problem) return { text: "", warnings: [unavailable(problem, "图片需要文字识别")] };
  const total = kind === "tiff" ? tiffPageCount(bytes) : 1;
  // one tesseract call reads every page of a TIFF: a longer one is not cut but refused
  if (total > context.limits.ocrMaxPages) {
    throw readErrors.tooManyPages(total, context.limits.ocrMaxPages, context.limits.ocrMaxPages);
  }
  context.clock.extend(context.limits.ocrTimeLimitMs);
  const abort = new AbortController();
  try {
    context.onProgress({ stage: "ocr", done: 0, total });
    const tsv = await context.clock.race(recognise(engine.runner, bytes, undefined, abort.signal));
    context.onProgress({ stage: "ocr", done: total, total });
    const pages = unifyRunningLines(tsvPages(tsv).map((page) => dropMisreadFooter(repairListNumbers(pageLines(page)))));
    const text = tidyOcrText(await textFromPages(pages, () => []));
    return { text, warnings: [text.trim() === "" ? NOTHING_RECOGNISED : RECOGNISED], ocr: true };
  } catch (error) {
    throw asReadError(error, "图片");
  } finally {
    abort.abort();
  }
}
