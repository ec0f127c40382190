import JSZip from "jszip";
import mammoth from "mammoth";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { officialDate, officialDocx } from "./official.js";

/** The document as mammoth reads it: paragraphs' text in order, and each table's rows of cell text. */
async function readBack(buffer: Buffer) {
  const { value } = await mammoth.convertToHtml({ buffer });
  const html = parse(value);
  const tables = html
    .querySelectorAll("table")
    .map((table) =>
      table.querySelectorAll("tr").map((row) => row.querySelectorAll("td, th").map((cell) => cell.text.trim())),
    );
  for (const table of html.querySelectorAll("table")) table.remove();
  const paragraphs = html
    .querySelectorAll("p")
    .map((p) => p.text.trim())
    .filter((text) => text !== "");
  return { paragraphs, tables };
}

const DOC = {
  issuer: "示例区法治政府建设领导小组办公室",
  docNumber: "通报〔2026〕第1号",
  title: "关于《示例方案》2026年第三季度任务落实情况的通报",
  addressee: "各乡镇、各部门：",
  blocks: [
    { kind: "paragraph" as const, text: "现将有关情况通报如下。\n请各单位认真对照整改。" },
    { kind: "heading" as const, level: 1 as const, text: "一、总体情况" },
    { kind: "heading" as const, level: 2 as const, text: "（一）完成情况" },
    {
      kind: "table" as const,
      columns: ["序号", "单位", "完成率"],
      rows: [
        [1, "区司法局", "100%"],
        [2, "城关街道", "50%"],
      ],
      widths: [1, 4, 2],
    },
  ],
  signature: "示例区法治政府建设领导小组办公室",
  date: "2026-12-01",
};

describe("officialDocx", () => {
  it("writes the header, title, addressee, body, headings, table, signature and date in order", async () => {
    const { paragraphs, tables } = await readBack(await officialDocx(DOC));
    expect(paragraphs).toEqual([
      "示例区法治政府建设领导小组办公室",
      "通报〔2026〕第1号",
      "关于《示例方案》2026年第三季度任务落实情况的通报",
      "各乡镇、各部门：",
      "现将有关情况通报如下。",
      "请各单位认真对照整改。",
      "一、总体情况",
      "（一）完成情况",
      "示例区法治政府建设领导小组办公室",
      "2026年12月1日",
    ]);
    expect(tables).toEqual([
      [
        ["序号", "单位", "完成率"],
        ["1", "区司法局", "100%"],
        ["2", "城关街道", "50%"],
      ],
    ]);
  });

  it("lays the page out as the standard says: A4, margins, fonts, sizes, red rule, page number", async () => {
    const zip = await JSZip.loadAsync(await officialDocx(DOC));
    const xml = await zip.file("word/document.xml")?.async("string");
    expect(xml).toBeDefined();
    // A4 in twips, margins 37/35/28/26 mm
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toMatch(/w:bottom="1984"/);
    expect(xml).toMatch(/w:left="1587"/);
    expect(xml).toMatch(/w:right="1474"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    expect(xml).toMatch(/<w:sz w:val="44"\/>/); // 2号 title
    expect(xml).toMatch(/<w:sz w:val="32"\/>/); // 3号 body
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="FF0000"/); // red rule under the number
    expect(xml).toContain('<w:ind w:firstLine="640"/>'); // two characters of 16 pt
    expect(xml).toMatch(/w:line="560" w:lineRule="exact"/); // 28 pt
    const footers = Object.keys(zip.files).filter((name) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers).toHaveLength(2);
    const footer = await zip.file(footers[0])?.async("string");
    expect(footer).toContain("— ");
    expect(footer).toContain("PAGE");
  });

  it("leaves out the parts not given, and has no red rule without an issuer", async () => {
    const buffer = await officialDocx({
      docNumber: "督办〔2026〕第3号",
      title: "督办单",
      blocks: [{ kind: "paragraph", text: "请于五日内报送整改情况。" }],
      date: "2026-03-05",
    });
    const { paragraphs, tables } = await readBack(buffer);
    expect(paragraphs).toEqual(["督办〔2026〕第3号", "督办单", "请于五日内报送整改情况。", "2026年3月5日"]);
    expect(tables).toEqual([]);
    const xml = await (await JSZip.loadAsync(buffer)).file("word/document.xml")?.async("string");
    expect(xml).not.toContain("FF0000");
  });

  it("re-exports the date in official style", () => {
    expect(officialDate("2026-12-01")).toBe("2026年12月1日");
  });
});
