import { describe, expect, it } from "vitest";
import { sniffBinary } from "./detect.js";
import { defaultReadLimits, ReadClock } from "./limits.js";
import { type OcrEngine, recognisePdfPages, tiffPageCount } from "./ocr.js";
import { eraseRules, findRules, type GreyImage, parsePgm, soften, writePgm } from "./ocr-image.js";
import type { CommandRunner } from "./ocr-tools.js";
import {
  dropMisreadFooter,
  repairListNumbers,
  repairRowNumbers,
  tidyOcrText,
  tsvPages,
  unifyRunningLines,
  withinCells,
} from "./ocr-tsv.js";
import type { PdfLine } from "./pdf-layout.js";
import { hasNoTextLayer } from "./pdf-scan.js";
import { pageLines } from "./positioned.js";

const HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

/** A TSV as tesseract writes it: the page row, then one row per word (line rows are not needed by the reader). */
function tsv(
  words: Array<[line: number, left: number, top: number, width: number, height: number, conf: number, text: string]>,
) {
  const rows = [HEADER, "1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t"];
  for (const [line, left, top, width, height, conf, text] of words) {
    rows.push(`5\t1\t1\t1\t${line}\t1\t${left}\t${top}\t${width}\t${height}\t${conf}\t${text}`);
  }
  return rows.join("\n");
}

describe("tesseract TSV to positioned text", () => {
  it("places words in points from the top left, a line's words on one baseline", () => {
    const [page] = tsvPages(
      tsv([
        [1, 200, 100, 58, 29, 95, "加强"],
        [1, 260, 102, 29, 27, 93, "党的"],
        [1, 300, 104, 20, 20, 91, "60"],
      ]),
      200,
    );
    expect(page).toHaveLength(3);
    expect(page.find((word) => word.str === "加强")?.x).toBeCloseTo(72);
    const tops = new Set(page.map((word) => word.top.toFixed(3)));
    expect(tops.size).toBe(1);
    expect(page[0].size).toBeCloseTo((29 * 72) / 200, 0);
    expect(pageLines(page).map((line) => line.text)).toEqual(["加强党的60"]);
  });

  it("splits a tesseract line whose words sit on two heights (two table cells' lines)", () => {
    const [page] = tsvPages(
      tsv([
        [1, 200, 100, 58, 28, 95, "协作"],
        [1, 600, 140, 58, 28, 95, "单位"],
        [1, 200, 180, 58, 28, 95, "指导"],
      ]),
      200,
    );
    expect(pageLines(page).map((line) => line.text)).toEqual(["协作", "单位", "指导"]);
  });

  it("drops words read with little confidence and narrows a box stretched over its neighbours", () => {
    const [page] = tsvPages(
      tsv([
        [1, 200, 100, 300, 28, 95, "执法"],
        [1, 260, 100, 28, 28, 95, "人"],
        [1, 900, 100, 28, 28, 8, "㗊"],
      ]),
      200,
    );
    expect(page.map((word) => word.str)).toEqual(["执法", "人"]);
    expect(page[0].width).toBeLessThan((80 * 72) / 200);
  });

  it("takes a photo's scale from its width as an A4 page", () => {
    const [page] = tsvPages(tsv([[1, 827, 100, 50, 25, 90, "方案"]]));
    expect(page[0].x).toBeCloseTo(297.6, 0);
  });
});

describe("tidying OCR text", () => {
  it.each([
    ["于 60 学时的 公共 法律", "于60学时的公共法律"],
    ["责任单位:各乡镇,各部门", "责任单位：各乡镇，各部门"],
    ["方案(2023-2025年)", "方案（2023-2025年）"],
    ["3. ”规范执法文书使用", "3.规范执法文书使用"],
    ["13，强化公平竞争", "13.强化公平竞争"],
    ["20.，有序推动 “三项制度”", "20.有序推动“三项制度”"],
    ["1、加强领导", "1、加强领导"],
    ["2025 年是实施之年", "2025年是实施之年"],
    ["15 日内报送", "15日内报送"],
    ["Word and PDF 文件", "Word and PDF文件"],
    ["序号 | 工作任务 | 牵头单位", "序号 | 工作任务 | 牵头单位"],
  ])("%s → %s", (raw, tidy) => {
    expect(tidyOcrText(raw)).toBe(tidy);
  });

  it("gives a list number its lost point where a gap follows it, but not a table's 序号 cell", () => {
    const words = (x: number) => [
      { str: "4", x: 72, top: 100, width: 6, size: 10.5 },
      { str: "加强资格管理", x, top: 100, width: 63, size: 10.5 },
    ];
    expect(repairListNumbers(pageLines(words(90)))[0].text).toBe("4.加强资格管理");
    expect(repairListNumbers(pageLines(words(80)))[0].text).toBe("4加强资格管理");
    const border = { top: 80, bottom: 120, left: 84, right: 84.5 };
    expect(repairListNumbers(pageLines(words(90)), [border])[0].text).toBe("4加强资格管理");
  });

  it("reads a running header misread on one page as the same header", () => {
    const line = (text: string, top: number): PdfLine => ({ text, x: 72, right: 300, top, size: 10 });
    const pages = [
      [line("红寺堡区人民政府办公室", 50), line("正文第一页的内容", 100)],
      [line("红寺堡区人民政府公室", 50), line("正文第二页的内容", 100)],
      [line("红寺堡区人民政府办公室", 50), line("正文第三页的内容", 100)],
    ];
    expect(unifyRunningLines(pages).map((page) => page[0].text)).toEqual(Array(3).fill("红寺堡区人民政府办公室"));
    expect(unifyRunningLines(pages)[1][1].text).toBe("正文第二页的内容");
  });

  it("reads a table's misread row numbers as the next number, keeping clean numbers and continuation rows", () => {
    const rows = [
      "序号 | 工作任务",
      "1 | 甲",
      "^ | 乙",
      " | 乙的续行",
      "]3 | 丙",
      "1]4 | 丁",
      "]9 | 戊",
      "9 | 己",
      "?0 | 庚",
    ];
    expect(repairRowNumbers(rows.join("\n")).split("\n")).toEqual([
      "序号 | 工作任务",
      "1 | 甲",
      "2 | 乙",
      " | 乙的续行",
      "3 | 丙",
      "4 | 丁",
      "]9 | 戊",
      "9 | 己",
      "10 | 庚",
    ]);
  });

  it("keeps a list number tesseract was unsure of, and drops other unsure words", () => {
    const [page] = tsvPages(
      tsv([
        [1, 200, 100, 40, 28, 9.8, "14.，"],
        [1, 300, 100, 58, 28, 95, "强化"],
        [1, 400, 100, 28, 28, 3, "巩"],
      ]),
      200,
    );
    expect(page.map((word) => word.str)).toEqual(["14.，", "强化"]);
  });

  it("drops a page number misread as marks at the page's foot, not a row number beside its row", () => {
    const line = (text: string, top: number): PdfLine => ({ text, x: 72, right: 300, top, size: 10 });
    const body = [line("1.加强党的领导。", 100), line("责任单位：各乡镇", 115)];
    expect(dropMisreadFooter([...body, line("-】]-", 800)]).map((l) => l.text)).toEqual(body.map((l) => l.text));
    expect(dropMisreadFooter([...body, line("12", 122)])).toHaveLength(3);
    expect(dropMisreadFooter([...body, line("附件：任务清单", 800)])).toHaveLength(3);
  });

  it("keeps words off a table's vertical borders, so neighbouring cells stay apart", () => {
    const border = { top: 0, bottom: 800, left: 222.4, right: 222.8 };
    const [left, right] = withinCells(
      [
        { str: "行政", x: 200, top: 100, width: 22, size: 10 },
        { str: "司法局", x: 224, top: 100, width: 30, size: 10 },
      ],
      [border],
    );
    expect(right.x - (left.x + left.width)).toBeGreaterThan(8);
  });
});

/** A white page with a ruled 3×2 table and a short dark stroke (a character's) inside it. */
function ruledPage(): GreyImage {
  const width = 600;
  const height = 400;
  const pixels = new Uint8Array(width * height).fill(255);
  const ink = (x: number, y: number) => {
    pixels[y * width + x] = 0;
  };
  for (const y of [50, 51, 150, 151, 250, 251]) for (let x = 50; x <= 550; x++) ink(x, y);
  for (const x of [50, 51, 200, 201, 550, 551]) for (let y = 50; y <= 251; y++) ink(x, y);
  for (let x = 100; x < 130; x++) ink(x, 100);
  return { width, height, pixels };
}

describe("rules in a page image", () => {
  it("finds the borders of a ruled table in points, and not a character's stroke", () => {
    const rules = findRules(ruledPage(), 200);
    const horizontal = rules.filter((rule) => rule.bottom - rule.top < 2.5 && rule.right - rule.left > 10);
    const vertical = rules.filter((rule) => rule.right - rule.left < 2.5 && rule.bottom - rule.top > 10);
    expect(horizontal.map((rule) => Math.round(rule.top))).toEqual([18, 54, 90]);
    expect(vertical.map((rule) => Math.round(rule.left))).toEqual([18, 72, 198]);
    expect(rules).toHaveLength(6);
  });

  it("wipes the borders and leaves the characters", () => {
    const page = ruledPage();
    const clean = eraseRules(page, findRules(page, 200), 200);
    expect(clean.pixels[50 * page.width + 300]).toBe(255);
    expect(clean.pixels[100 * page.width + 110]).toBe(0);
    expect(page.pixels[50 * page.width + 300]).toBe(0);
  });

  it("softens the hard edges of a black-and-white scan into grey", () => {
    const soft = soften(ruledPage());
    expect(soft.pixels[50 * 600 + 300]).toBeGreaterThan(0);
    expect(soft.pixels[50 * 600 + 300]).toBeLessThan(255);
    expect(soft.pixels[10 * 600 + 10]).toBe(255);
  });

  it("reads and writes binary PGM", () => {
    const page = ruledPage();
    const again = parsePgm(writePgm(page));
    expect(again?.width).toBe(600);
    expect(again?.pixels).toEqual(page.pixels);
    expect(parsePgm(new TextEncoder().encode("P2 1 1 255 0"))).toBeNull();
  });
});

describe("telling scans", () => {
  it("takes photos of pages for OCR, not for an unsupported format", () => {
    expect(sniffBinary(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe("png");
    expect(sniffBinary(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffBinary(Uint8Array.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBe("tiff");
    expect(() => sniffBinary(Uint8Array.from([0x47, 0x49, 0x46, 0x38]))).toThrow(/GIF/);
  });

  it("counts the pages of a TIFF by its image directories", () => {
    const bytes = new Uint8Array(64);
    const view = new DataView(bytes.buffer);
    bytes.set([0x49, 0x49, 0x2a, 0x00]);
    view.setUint32(4, 8, true);
    view.setUint16(8, 0, true); // no entries; the next directory follows
    view.setUint32(10, 20, true);
    view.setUint16(20, 0, true);
    view.setUint32(22, 0, true);
    expect(tiffPageCount(bytes)).toBe(2);
  });

  it("sees no text layer in a page of a page number or a stamp's few characters", () => {
    const line = (text: string): PdfLine => ({ text, x: 0, right: 10, top: 10, size: 10 });
    expect(hasNoTextLayer([])).toBe(true);
    expect(hasNoTextLayer([line("- 3 -")])).toBe(true);
    expect(hasNoTextLayer([line("红寺堡区人民政府办公室")])).toBe(true);
    expect(hasNoTextLayer([line("1.严格依法执法。行政执法主体、人员、职责、权限")])).toBe(false);
  });
});

const CLOCK = () => new ReadClock(60_000);
const missing = Object.assign(new Error("spawn tesseract ENOENT"), { code: "ENOENT" });

/** A runner standing in for the programs: tesseract lists `languages` and reads every image as `words`. */
function fakeRunner(languages: string[], words = "加强"): { runner: CommandRunner; calls: string[] } {
  const calls: string[] = [];
  const runner: CommandRunner = async (command, args) => {
    calls.push(`${command} ${args[0]}`);
    if (command === "tesseract" && args[0] === "--list-langs")
      return Buffer.from(`List of languages\n${languages.join("\n")}\n`);
    if (command === "pdftoppm" && args[0] === "-v") return Buffer.from("pdftoppm version 22.12.0");
    if (command === "pdftoppm") return Buffer.from(writePgm(ruledPage()));
    return Buffer.from(tsv([[1, 100, 60, 58, 29, 95, words]]));
  };
  return { runner, calls };
}

const engine = (runner: CommandRunner): OcrEngine => ({ runner, dpi: 200, concurrency: 2 });

describe("recognising the scanned pages of a PDF", () => {
  const bytes = new TextEncoder().encode(`%PDF-1.4 test ${Math.random()}`);

  it("says in Chinese what to install when tesseract is missing, and recognises nothing", async () => {
    const runner: CommandRunner = async () => {
      throw missing;
    };
    const context = { clock: CLOCK(), limits: defaultReadLimits, onProgress: () => {}, engine: engine(runner) };
    const result = await recognisePdfPages(bytes, [0, 1], 2, context);
    expect(result.recognised).toBe(false);
    expect(result.pages.size).toBe(0);
    expect(result.warnings[0]).toMatchObject({ code: "ocr_unavailable" });
    expect(result.warnings[0].message).toMatch(
      /该 PDF 是扫描件.*tesseract-ocr、tesseract-ocr-chi-sim.*Word\/文字版 PDF/,
    );
  });

  it("names the Chinese data when only that is missing", async () => {
    const { runner } = fakeRunner(["eng", "osd"]);
    const context = { clock: CLOCK(), limits: defaultReadLimits, onProgress: () => {}, engine: engine(runner) };
    const result = await recognisePdfPages(bytes, [3], 10, context);
    expect(result.warnings[0].message).toMatch(/该 PDF 中有 1 页是扫描图片.*中文文字识别数据（tesseract-ocr-chi-sim）/);
  });

  it("recognises each page with its rules, telling the progress page by page", async () => {
    const { runner } = fakeRunner(["chi_sim", "eng"]);
    const progress: string[] = [];
    const context = {
      clock: CLOCK(),
      limits: defaultReadLimits,
      onProgress: (p: { done: number; total: number }) => progress.push(`${p.done}/${p.total}`),
      engine: engine(runner),
    };
    const result = await recognisePdfPages(new TextEncoder().encode(`%PDF-1.4 ${Math.random()}`), [0, 2], 3, context);
    expect(result.recognised).toBe(true);
    expect([...result.pages.keys()].sort()).toEqual([0, 2]);
    expect(result.pages.get(0)?.lines.map((line) => line.text)).toEqual(["加强"]);
    expect(result.pages.get(0)?.rules.length).toBe(6);
    expect(progress).toEqual(["0/2", "1/2", "2/2"]);
    expect(result.warnings.map((w) => w.code)).toEqual(["scan_recognised"]);
  });

  it("recognises the first pages of a long scan with a warning, and refuses a very long one", async () => {
    const { runner, calls } = fakeRunner(["chi_sim"]);
    const limits = { ...defaultReadLimits, ocrMaxPages: 3, ocrRefusePages: 10 };
    const context = { clock: CLOCK(), limits, onProgress: () => {}, engine: engine(runner) };
    const pages = Array.from({ length: 8 }, (_, i) => i);
    const capped = await recognisePdfPages(new TextEncoder().encode(`%PDF ${Math.random()}`), pages, 8, context);
    expect(capped.pages.size).toBe(3);
    expect(calls.filter((call) => call === "tesseract stdin")).toHaveLength(3);
    expect(capped.warnings[0]).toMatchObject({ code: "scan_pages_capped" });
    expect(capped.warnings[0].message).toMatch(/共 8 页，只识别了前 3 页/);
    const long = Array.from({ length: 11 }, (_, i) => i);
    await expect(recognisePdfPages(bytes, long, 11, context)).rejects.toMatchObject({
      code: "too_many_pages",
      message: expect.stringMatching(/扫描件共 11 页.*拆分为每份不超过 3 页/),
    });
  });

  it("stops at the time limit, however long the programs take", async () => {
    const runner: CommandRunner = async (_command, args) => {
      if (args[0] === "--list-langs") return Buffer.from("chi_sim");
      if (args[0] === "-v") return Buffer.from("");
      return new Promise(() => {});
    };
    const limits = { ...defaultReadLimits, ocrTimeLimitMs: 300 };
    const context = { clock: new ReadClock(100), limits, onProgress: () => {}, engine: engine(runner) };
    await expect(
      recognisePdfPages(new TextEncoder().encode(`%PDF ${Math.random()}`), [0], 1, context),
    ).rejects.toMatchObject({ code: "timeout" });
  });
});
