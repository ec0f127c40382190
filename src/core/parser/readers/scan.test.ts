/**
 * Scans recognised for real, with the tesseract and poppler programs `npm test` installs: an image-only PDF of a
 * ruled task table and a PNG photo of a numbered page (both made from the seed fixtures by
 * scripts/make-parser-fixtures.ts), and the same scan on a machine without the programs.
 */
import { afterEach, describe, expect, it } from "vitest";
import { parseDocument } from "../index.js";
import { readDocument } from "./index.js";
import { fixture } from "./test-helpers.js";

describe("scans read by OCR", () => {
  it("rebuilds a scanned ruled task table and marks its tasks as read by OCR", async () => {
    const progress: string[] = [];
    const result = await parseDocument(fixture("seed002-table-scan.pdf"), "seed002-table-scan.pdf", {
      onProgress: ({ stage, done, total }) => progress.push(`${stage} ${done}/${total}`),
    });
    expect(progress).toEqual(["ocr 0/2", "ocr 1/2", "ocr 2/2"]);
    expect(result.warnings.map((w) => w.code)).toContain("scan_recognised");
    expect(result.text).toContain("序号 | 工作任务 | 牵头单位 | 责任单位 | 配合单位 | 完成时限");
    const training = result.tasks.find((task) => task.text.startsWith("开展分类分级分层培训"));
    expect(training?.deadlines.map((d) => d.text)).toContain("2024年6月15日前并长期坚持");
    const qualification = result.tasks.find((task) => task.text.startsWith("严格落实行政执法人员资格管理"));
    expect(qualification?.leadUnits).toEqual(["司法局"]);
    expect(result.tasks.every((task) => task.ocr && task.doubts.some((doubt) => doubt.includes("OCR")))).toBe(true);
  }, 60_000);

  it("reads a photo of a numbered page, its lead and responsible units", async () => {
    const result = await parseDocument(fixture("seed000-photo.png"), "方案照片.png");
    expect(result.format).toBe("png");
    const task = result.tasks.find((t) => t.text.startsWith("规范执法文书使用"));
    expect(task?.number).toBe("3");
    expect(task?.ocr).toBe(true);
    expect(task?.leadUnits).toEqual(["区司法局（行政执法协调监督局）"]);
    expect(task?.responsibleUnits).toEqual(["各乡镇", "各行政执法部门"]);
  }, 60_000);
});

describe("scans on a machine without OCR", () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it("says what to install, in Chinese, and never that the file was empty", async () => {
    process.env.PATH = "/nonexistent";
    const read = await readDocument(fixture("seed000-scan.pdf"), "扫描件.pdf");
    expect(read.text).toBe("");
    expect(read.warnings.map((w) => w.code)).toEqual(["ocr_unavailable"]);
    expect(read.warnings[0].message).toBe(
      "该 PDF 是扫描件，服务器未安装文字识别组件（tesseract-ocr、tesseract-ocr-chi-sim），无法识别；请管理员安装后重试" +
        "（sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils），或上传 Word/文字版 PDF",
    );
    const photo = await readDocument(fixture("seed000-photo.png"), "照片.png");
    expect(photo.warnings[0].message).toMatch(/^图片需要文字识别，服务器未安装文字识别组件/);
  });
});
