import { describe, expect, it } from "vitest";
import { readDocument } from "./index.js";
import { type PdfLine, paragraphsFromPages, removePageFurniture } from "./pdf-layout.js";
import { fixture, seedParagraphs } from "./test-helpers.js";

const RADICALS = /[\u2e80-\u2eff\u2f00-\u2fdf]/u;

describe("pdf reader", () => {
  it("rebuilds the paragraphs of a LibreOffice PDF without page numbers or running headers", async () => {
    const read = await readDocument(fixture("seed000-libreoffice.pdf"), "seed000-libreoffice.pdf");
    const lines = read.text.split("\n");
    expect(lines.some((line) => /^-\s*\d+\s*-$/.test(line))).toBe(false);
    expect(lines).toEqual(seedParagraphs("seed000.txt"));
  });

  it("maps the Kangxi radicals of a Chromium-printed PDF and drops its header and footer", async () => {
    const read = await readDocument(fixture("seed004-chromium.pdf"), "seed004-chromium.pdf");
    expect(read.text).not.toMatch(RADICALS);
    const lines = read.text.split("\n");
    expect(lines).not.toContain("西宁市城北区人民政府办公室2025");
    expect(lines.some((line) => /^-\s*\d+\s*-$/.test(line))).toBe(false);
    // Chromium draws a typed space between two Chinese characters as a gap only (总书记 思想), so spaces are ignored.
    const squash = (line: string) => line.replace(/\s+/g, "");
    expect(lines.map(squash)).toEqual(seedParagraphs("seed004.txt").map(squash));
  });

  it("refuses an encrypted PDF with a message that says what to do", async () => {
    await expect(readDocument(fixture("encrypted.pdf"), "encrypted.pdf")).rejects.toMatchObject({
      name: "DocumentReadError",
      code: "encrypted",
      message: expect.stringContaining("解除密码"),
    });
  });

  it("answers a PDF without a text layer (a scan) with empty text and a warning", async () => {
    const scan = [
      "%PDF-1.4",
      "1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj",
      "2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj",
      "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj",
      "trailer <</Root 1 0 R>>",
      "%%EOF",
    ].join("\n");
    const read = await readDocument(new TextEncoder().encode(scan), "scan.pdf");
    expect(read.text).toBe("");
    expect(read.warnings.map((warning) => warning.code)).toEqual(["pdf_no_text"]);
  });

  it("refuses a truncated PDF as corrupt", async () => {
    const bytes = fixture("seed000-libreoffice.pdf").slice(0, 3000);
    await expect(readDocument(bytes, "cut.pdf")).rejects.toMatchObject({ code: "corrupt" });
  });
});

const line = (text: string, top: number, x = 72, right = 523): PdfLine => ({ text, x, right, top, size: 16 });

describe("pdf layout", () => {
  const body = ["正文第一行正文第一行正文第一行", "责任单位:各乡镇,各行政执法部门", "正文第三行", "责任单位:各乡镇"];
  const page = (n: number): PdfLine[] => [
    line("西宁市城北区人民政府办公室", 40, 300),
    ...body.map((text, index) => line(text, 90 + 23 * index)),
    line(`- ${n} -`, 800, 284, 312),
  ];

  it("removes page numbers and a header repeated on every page, keeping body lines that repeat at page ends", () => {
    const kept = removePageFurniture([page(1), page(2), page(3)]);
    expect(kept.map((lines) => lines.map((l) => l.text))).toEqual([body, body, body]);
  });

  it.each(["第 3 页", "第3页 共10页", "3 / 10", "— 3 —", "12"])("treats %s as a page number", (text) => {
    const pages = [[line("正文", 100), line(text, 800, 280, 300)], [line("其他正文", 100)]];
    expect(removePageFurniture(pages)[0].map((l) => l.text)).toEqual(["正文"]);
  });

  it("joins full lines, across a page break too, and starts paragraphs at numbers, labels, indents and short lines", () => {
    const pages = [
      [
        line("1.严格依法执法。行政执法主体、人员、职责、权限、依据", 100, 104),
        line("程序、救济渠道和行政执法事项清单、随机抽查事项清单", 123),
      ],
      [
        line("100%向社会公布并动态调整。", 100, 72, 300),
        line("责任单位:各乡镇,各行政执法部门", 123, 104, 380),
        line("2.规范执法程序。严格落实", 146, 104),
        line("(1)第一项", 169, 104),
      ],
    ];
    expect(paragraphsFromPages(pages)).toEqual([
      "1.严格依法执法。行政执法主体、人员、职责、权限、依据程序、救济渠道和行政执法事项清单、随机抽查事项清单100%向社会公布并动态调整。",
      "责任单位:各乡镇,各行政执法部门",
      "2.规范执法程序。严格落实",
      "(1)第一项",
    ]);
  });
});
