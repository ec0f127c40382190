import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readDocument } from "./index.js";
import { deltas } from "./ofd.js";
import { fixture, seedParagraphs } from "./test-helpers.js";

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';

/** A one-document OFD package with these page bodies (the inside of each page's Layer). */
async function ofdPackage(
  pages: string[],
  options: { docRoot?: string; pageLocation?: (index: number) => string; prefix?: boolean } = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  const docRoot = options.docRoot ?? "Doc_0/Document.xml";
  const location = options.pageLocation ?? ((index: number) => `Pages/Page_${index}/Content.xml`);
  zip.file(
    "OFD.xml",
    `<ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocRoot>${docRoot}</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  );
  const entries = pages.map((_, index) => `<ofd:Page ID="${index + 1}" BaseLoc="${location(index)}"/>`).join("");
  zip.file("Doc_0/Document.xml", `<ofd:Document ${NS}><ofd:Pages>${entries}</ofd:Pages></ofd:Document>`);
  pages.forEach((body, index) => {
    const page = `<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="1">${body}</ofd:Layer></ofd:Content></ofd:Page>`;
    zip.file(
      `Doc_0/Pages/Page_${index}/Content.xml`,
      options.prefix === false ? page.replace(/ofd:/g, "").replace(`xmlns:ofd`, "xmlns") : page,
    );
  });
  return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
}

function text(x: number, y: number, content: string, extra = ""): string {
  return `<ofd:TextObject ID="9" Boundary="${x} ${y} 150 6" Size="4.2"${extra}><ofd:TextCode X="0" Y="4.2" DeltaX="g ${Array.from(content).length - 1} 4.2">${content}</ofd:TextCode></ofd:TextObject>`;
}

describe("OFD reader", () => {
  it("reads the title, joined paragraphs and the rebuilt task table of an OFD, without page numbers", async () => {
    const started = performance.now();
    const read = await readDocument(fixture("seed002-table.ofd"), "seed002-table.ofd");
    const elapsed = performance.now() - started;
    expect(read.format).toBe("ofd");
    expect(read.warnings).toEqual([]);
    const lines = read.text.split("\n");
    const seed = seedParagraphs("seed002.txt");
    // The intro paragraph, wrapped over several lines on the page, is one line again.
    expect(lines).toContain(seed[1]);
    expect(lines.filter((line) => line.startsWith("序号 | 工作任务"))).toEqual([
      "序号 | 工作任务 | 牵头单位 | 责任单位 | 配合单位 | 完成时限",
    ]);
    expect(lines.some((line) => /^1 \| 始终把加强党的政治建设放在首位.*\| 长期坚持$/.test(line))).toBe(true);
    expect(lines.some((line) => /^-\s*\d+\s*-$/.test(line))).toBe(false);
    expect(elapsed).toBeLessThan(2_000);
  });

  it("rebuilds the paragraphs of a plan laid out as its LibreOffice PDF, without running header or page numbers", async () => {
    const read = await readDocument(fixture("seed000-libreoffice.ofd"), "seed000-libreoffice.ofd");
    expect(read.text.split("\n")).toEqual(seedParagraphs("seed000.txt"));
  });

  it("stops at the time limit", async () => {
    await expect(readDocument(fixture("seed002-table.ofd"), "plan.ofd", { timeLimitMs: -1 })).rejects.toMatchObject({
      code: "timeout",
    });
  });

  it("places text by Boundary, TextCode X/Y and DeltaX, and splits a run at a wide DeltaX gap", async () => {
    const gap = `<ofd:TextObject ID="3" Boundary="20 40 170 6" Size="4.2"><ofd:TextCode X="0" Y="4.2" DeltaX="4.2 4.2 40 4.2">甲乙丙丁戊</ofd:TextCode></ofd:TextObject>`;
    const read = await readDocument(await ofdPackage([text(20, 30, "第一行文字") + gap]), "a.ofd");
    expect(read.text.split("\n")).toEqual(["第一行文字", "甲乙丙 丁戊"]);
  });

  it("reads pages named by absolute paths and packages written without the ofd: prefix", async () => {
    const absolute = await ofdPackage([text(20, 30, "绝对路径的页面")], {
      docRoot: "/Doc_0/Document.xml",
      pageLocation: (index) => `/Doc_0/Pages/Page_${index}/Content.xml`,
    });
    expect((await readDocument(absolute, "a.ofd")).text).toBe("绝对路径的页面");
    const plain = await ofdPackage([text(20, 30, "默认命名空间")], { prefix: false });
    expect((await readDocument(plain, "b.ofd")).text).toBe("默认命名空间");
  });

  it("applies a TextObject's CTM to its position and size", async () => {
    const scaled = text(0, 0, "缩放后的文字", ' CTM="2 0 0 2 0 0"');
    const read = await readDocument(await ofdPackage([text(20, 80, "下方文字") + scaled]), "c.ofd");
    expect(read.text.split("\n")).toEqual(["缩放后的文字", "下方文字"]);
  });

  it("expands DeltaX's g form", () => {
    expect(deltas("1 g 3 2.5 4")).toEqual([1, 2.5, 2.5, 2.5, 4]);
    expect(deltas(undefined)).toEqual([]);
    // As many as the text needs, however many a crafted file claims.
    expect(deltas("g 1000000000 1", 3)).toEqual([1, 1, 1]);
  });

  it("answers an OFD without text (a scan) with empty text and the no-text warning", async () => {
    const image = '<ofd:ImageObject ID="4" Boundary="0 0 210 297" ResourceID="5"/>';
    const read = await readDocument(await ofdPackage([image]), "scan.ofd");
    expect(read.text).toBe("");
    expect(read.warnings.map((warning) => warning.code)).toEqual(["no_text"]);
  });

  it("refuses an OFD without DocRoot or with a missing page as corrupt", async () => {
    const noRoot = new JSZip();
    noRoot.file("OFD.xml", `<ofd:OFD ${NS}><ofd:DocBody/></ofd:OFD>`);
    await expect(
      readDocument(new Uint8Array(await noRoot.generateAsync({ type: "uint8array" })), "x.ofd"),
    ).rejects.toMatchObject({ code: "corrupt", message: expect.stringContaining("OFD") });
    const missing = await ofdPackage([text(20, 30, "正文")], { pageLocation: () => "Pages/Nowhere/Content.xml" });
    await expect(readDocument(missing, "y.ofd")).rejects.toMatchObject({ code: "corrupt" });
  });

  it("refuses page blocks nested past any sensible depth as corrupt, not as a crash", async () => {
    const depth = 200_000;
    const nested = `${"<ofd:PageBlock>".repeat(depth)}${text(20, 30, "正文")}${"</ofd:PageBlock>".repeat(depth)}`;
    await expect(readDocument(await ofdPackage([nested]), "deep.ofd")).rejects.toMatchObject({ code: "corrupt" });
  });

  it("keeps the zip limits: a page that inflates past the cap is refused", async () => {
    const big = await ofdPackage([text(20, 30, "正文".repeat(200_000))]);
    await expect(readDocument(big, "big.ofd", { maxUnzippedBytes: 100_000 })).rejects.toMatchObject({
      code: "zip_bomb",
    });
  });
});
