import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Header,
  InsertedTextRun,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  VerticalMergeType,
} from "docx";
import JSZip from "jszip";
import { libreOfficeConvert } from "./pdf-builders.js";

/**
 * The docx library gives every list a w:startOverride, and LibreOffice 7.4 exports such a list to .doc as a
 * one-paragraph list of its own followed by the rest, so the numbers read 1, 1, 2, 3… (LibreOffice shows them so
 * too). A list typed in Word carries no override; it is removed so that the .doc numbers its rows as the .docx.
 */
async function withoutStartOverrides(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const numbering = zip.file("word/numbering.xml");
  if (!numbering) return docx;
  const xml = await numbering.async("string");
  zip.file(
    "word/numbering.xml",
    xml.replace(/<w:lvlOverride\b[^>]*>\s*<w:startOverride\b[^>]*\/>\s*<\/w:lvlOverride>/g, ""),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A Word 97–2003 .doc of a .docx, written by LibreOffice's "MS Word 97" filter. */
export async function libreOfficeDoc(docx: Buffer): Promise<Buffer> {
  return libreOfficeConvert(await withoutStartOverrides(docx), "doc:MS Word 97", "doc");
}

/** A LibreOffice Basic macro that opens a document and stores it as Word 97 with a password. */
const SAVE_ENCRYPTED = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveEncrypted(source As String, target As String, secret As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  document = StarDesktop.loadComponentFromURL(source, &quot;_blank&quot;, 0, load())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = &quot;MS Word 97&quot;
  store(1).Name = &quot;Password&quot;
  store(1).Value = secret
  document.storeToURL(target, store())
  document.close(True)
End Sub
</script:module>
`;

/**
 * A password-protected .doc, encrypted by LibreOffice as Word does (RC4, the FIB's fEncrypted bit set).
 * --convert-to cannot pass a password, so a Basic macro in a throwaway profile stores the document.
 */
export function encryptedDoc(docx: Buffer, password: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "fazhi-lo-"));
  const profile = `-env:UserInstallation=file://${dir}/profile`;
  try {
    writeFileSync(join(dir, "in.docx"), docx);
    execFileSync("soffice", [profile, "--headless", "--terminate_after_init"], { stdio: "pipe", timeout: 120_000 });
    writeFileSync(join(dir, "profile/user/basic/Standard/Module1.xba"), SAVE_ENCRYPTED);
    const call = `macro:///Standard.Module1.SaveEncrypted("file://${dir}/in.docx","file://${dir}/out.doc","${password}")`;
    execFileSync("soffice", [profile, "--headless", call], { stdio: "pipe", timeout: 120_000 });
    return readFileSync(join(dir, "out.doc"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const REVISION = { author: "fixture", date: "2025-01-01T00:00:00Z" };

/**
 * A short Word document of what a .doc reader must tell apart from body text: a hyperlink (a field in .doc), a
 * footnote, hidden text, tracked deletions and insertions, a tab, a line break, a text box, a task table with a
 * table nested in a cell, and a table whose two-row header has a cell spanning two columns and cells merged down. Its body text is `WORD_FEATURES_TEXT` of the tests, as the .docx reader gives it.
 */
export async function wordFeaturesDocx(): Promise<Buffer> {
  const cell = (children: Array<Paragraph | Table>) => new TableCell({ children });
  const text = (value: string) => new Paragraph({ children: [new TextRun(value)] });
  const nested = new Table({
    rows: [new TableRow({ children: [cell([text("审查要点")]), cell([text("备案要点")])] })],
  });
  const document = new Document({
    footnotes: { 1: { children: [text("脚注里的说明不属于正文")] } },
    sections: [
      {
        headers: { default: new Header({ children: [text("页眉里的单位名称")] }) },
        children: [
          text("关于做好合法性审查工作的通知"),
          new Paragraph({
            children: [
              new TextRun("详见"),
              new ExternalHyperlink({ link: "https://example.org/", children: [new TextRun("司法局网站")] }),
              new TextRun("公布的清单。"),
            ],
          }),
          new Paragraph({
            children: [new TextRun("各单位按期报送材料"), new FootnoteReferenceRun(1), new TextRun("。")],
          }),
          new Paragraph({
            children: [
              new TextRun("公开的内容"),
              new TextRun({ text: "隐藏的内容", vanish: true }),
              new TextRun("继续写。"),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun("保留的文字"),
              new DeletedTextRun({ text: "删去的文字", id: 1, ...REVISION }),
              new InsertedTextRun({ text: "新加的文字", id: 2, ...REVISION }),
            ],
          }),
          new Paragraph({ children: [new TextRun("第一栏"), new TextRun({ children: [new Tab(), "第二栏"] })] }),
          new Paragraph({ children: [new TextRun("换行之前"), new TextRun({ text: "换行之后", break: 1 })] }),
          new Textbox({
            style: { width: "120pt", height: "40pt", position: "absolute", marginLeft: "300pt", marginTop: "0pt" },
            children: [text("文本框里的发文机关")],
          }),
          new Table({
            rows: [
              new TableRow({ children: [cell([text("序号")]), cell([text("工作任务")]), cell([text("责任单位")])] }),
              new TableRow({
                children: [cell([text("1")]), cell([text("开展规范性文件清理"), nested]), cell([text("区司法局")])],
              }),
            ],
          }),
          text("以上任务按期完成。"),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ verticalMerge: VerticalMergeType.RESTART, children: [text("序号")] }),
                  new TableCell({ verticalMerge: VerticalMergeType.RESTART, children: [text("工作任务")] }),
                  new TableCell({ columnSpan: 2, children: [text("责任单位")] }),
                  new TableCell({ verticalMerge: VerticalMergeType.RESTART, children: [text("完成时限")] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ verticalMerge: VerticalMergeType.CONTINUE, children: [text("")] }),
                  new TableCell({ verticalMerge: VerticalMergeType.CONTINUE, children: [text("")] }),
                  cell([text("牵头单位")]),
                  cell([text("配合单位")]),
                  new TableCell({ verticalMerge: VerticalMergeType.CONTINUE, children: [text("")] }),
                ],
              }),
              new TableRow({
                children: [
                  cell([text("1")]),
                  cell([text("开展执法检查")]),
                  cell([text("区司法局")]),
                  cell([text("各镇街")]),
                  cell([text("2026年6月底前")]),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * A short plan whose numbers come from paragraph styles linked to a list (一、 for the 标题 1 style, 1. for 标题 2),
 * as Word users number headings. LibreOffice writes the list reference on each paragraph and in its style; the
 * tests remove the paragraphs' copy to read what Word writes, the number in the style alone.
 */
export async function headingStylesDocx(): Promise<Buffer> {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: "headings",
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", suffix: LevelSuffix.NOTHING },
            { level: 1, format: LevelFormat.DECIMAL, text: "%2.", suffix: LevelSuffix.NOTHING },
          ],
        },
      ],
    },
    styles: {
      paragraphStyles: [
        { id: "Heading1Numbered", name: "标题 1", paragraph: { numbering: { reference: "headings", level: 0 } } },
        { id: "Heading2Numbered", name: "标题 2", paragraph: { numbering: { reference: "headings", level: 1 } } },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: "区法治政府建设工作要点" }),
          new Paragraph({ text: "总体要求", style: "Heading1Numbered" }),
          new Paragraph({ text: "加强组织领导。(责任单位:区司法局)", style: "Heading2Numbered" }),
          new Paragraph({ text: "压实工作责任。(责任单位:各镇街)", style: "Heading2Numbered" }),
          new Paragraph({ text: "主要任务", style: "Heading1Numbered" }),
          new Paragraph({ text: "规范行政执法。(责任单位:各行政执法部门)", style: "Heading2Numbered" }),
          new Paragraph({ text: "以上任务年底前完成。" }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
