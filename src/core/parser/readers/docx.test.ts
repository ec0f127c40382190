import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readDocument } from "./index.js";
import { fixture, seedParagraphs } from "./test-helpers.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

async function docx(body: string, parts: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file("word/document.xml", `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const p = (text: string, pPr = "") =>
  `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

describe("docx reader", () => {
  it("gives back Word's automatic numbers in the auto-numbered fixture of seed 000", async () => {
    const read = await readDocument(fixture("seed000-numbered.docx"), "seed000-numbered.docx");
    const lines = read.text.split("\n");
    expect(lines).toContain("一、全力推进公正文明执法水平提升行动");
    expect(lines).toContain("四、全力推进示范创建引领行动");
    expect(lines.find((line) => line.startsWith("1. "))).toMatch(/^1\. 严格依法执法。/);
    // Seed 000 numbers its tasks 1–25 straight through its four sections.
    expect(lines.find((line) => line.startsWith("25. "))).toMatch(/^25\. 完善“示范\+督察”双向推进机制。/);
    const withoutTabSpace = lines.map((line) => line.replace(/^(\d+)\. /, "$1."));
    expect(withoutTabSpace).toEqual(seedParagraphs("seed000.txt"));
  });

  it("reads a task table row by row, repeating vertically merged cells and numbering rows", async () => {
    const read = await readDocument(fixture("seed002-table.docx"), "seed002-table.docx");
    const lines = read.text.split("\n");
    expect(lines).toContain("序号 | 工作任务 | 牵头单位 | 责任单位 | 配合单位 | 完成时限");
    expect(lines).toContain("(一)全面提升行政执法人员能力素质");
    const row2 = lines.find((line) => line.startsWith("2 | "));
    expect(row2?.split(" | ")).toEqual([
      "2",
      "充分发挥基层党组织战斗堡垒作用和党员先锋模范作用，不断强化执法队伍建设，促进执法业务提升。",
      "",
      "各行政执法部门〔单位〕、各乡镇〔街道〕",
      "",
      "长期坚持",
    ]);
    expect(lines.filter((line) => /^\d+ \| /.test(line))).toHaveLength(43);
    expect(lines.at(-1)).toMatch(/^（三）加强宣传,营造良好氛围。/);
  });

  it("takes numbering from paragraph styles, skips hidden and deleted text, keeps inserted text and line breaks", async () => {
    const numbering = `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>`;
    const styles = `<?xml version="1.0"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
    const body = [
      p("总体要求", '<w:pStyle w:val="Heading1"/>'),
      p("指导思想", '<w:pStyle w:val="Heading2"/>'),
      "<w:p><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins><w:r><w:br/><w:t>换行</w:t></w:r></w:p>",
      p("无编号", '<w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
      p("主要任务", '<w:pStyle w:val="Heading1"/>'),
      `<w:sdt><w:sdtContent>${p("控件中的段落")}</w:sdtContent></w:sdt>`,
    ].join("");
    const read = await readDocument(
      await docx(body, { "word/numbering.xml": numbering, "word/styles.xml": styles }),
      "a.docx",
    );
    expect(read.text.split("\n")).toEqual([
      "一、总体要求",
      "（一）指导思想",
      "可见插入",
      "换行",
      "无编号",
      "二、主要任务",
      "控件中的段落",
    ]);
  });

  it("reads text boxes once, before the paragraph they are anchored in", async () => {
    const box = `<w:txbxContent>${p("宁夏回族自治区人民政府办公厅文件")}</w:txbxContent>`;
    const anchored = `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>${box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>宁政办发〔2023〕21号</w:t></w:r></w:p>`;
    const read = await readDocument(await docx(anchored), "red-header.docx");
    expect(read.text.split("\n")).toEqual(["宁夏回族自治区人民政府办公厅文件", "宁政办发〔2023〕21号"]);
  });

  it("keeps a cell's paragraphs apart on the row's line and spans merged columns", async () => {
    const cell = (content: string, tcPr = "") => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${content}</w:tc>`;
    const table = `<w:tbl>
      <w:tr>${cell(p("序号"))}${cell(p("任务"))}${cell(p("牵头单位"))}</w:tr>
      <w:tr>${cell(p("一、依法行政"), '<w:gridSpan w:val="3"/>')}</w:tr>
      <w:tr>${cell(p("1"))}${cell(p("第一段") + p("第二段"))}${cell(p("区司法局"), '<w:vMerge w:val="restart"/>')}</w:tr>
      <w:tr>${cell(p("2"))}${cell(p("另一项"))}${cell(p(""), "<w:vMerge/>")}</w:tr>
    </w:tbl>`;
    const read = await readDocument(await docx(table), "t.docx");
    expect(read.text.split("\n")).toEqual([
      "序号 | 任务 | 牵头单位",
      "一、依法行政",
      "1 | 第一段 第二段 | 区司法局",
      "2 | 另一项 | 区司法局",
    ]);
  });
});
