/**
 * Word documents in the layout of Chinese official documents (党政机关公文格式, GB/T 9704-2012), approximated:
 * - A4 paper; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 mm × 225 mm).
 * - 版头: the issuer's mark (发文机关标志) in red 小标宋 centred, the document number (发文字号) centred below it, and a
 *   red rule under the number; without an issuer the number stands alone, without the rule.
 * - Title (标题): 2号 (22 pt) 方正小标宋简体, centred, two lines below the header.
 * - Addressee (主送机关): 3号 仿宋, flush left, one line below the title.
 * - Body (正文): 3号 (16 pt) 仿宋_GB2312, first line indented by two characters, fixed 28 pt line spacing;
 *   headings 一、 in 黑体 and （一） in 楷体_GB2312, at body size; a line break in a paragraph's text starts a new paragraph.
 * - Tables: 仿宋 12 pt with single borders, a bold header row repeated on each page, numbers centred.
 * - Signature (发文机关署名) and date (成文日期, 2026年12月1日) right-aligned, four characters in from the right.
 * - Page numbers (页码): 4号 宋体 "— 1 —" in the footer, odd pages right and even pages left, one character in.
 * Fonts are named as the standard names them, with Times New Roman for Latin letters and digits; Word puts its own
 * substitute (usually SimSun) in place of a font the machine does not have.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { Block } from "../../core/documents/blocks.js";
import { officialDate } from "../../core/documents/official-date.js";

export interface OfficialDocument {
  /** 发文机关标志, e.g. XX区法治政府建设领导小组办公室: printed in red with a red rule under the number */
  issuer?: string;
  /** 发文字号, e.g. 通报〔2026〕第1号 */
  docNumber?: string;
  title: string;
  /** 主送机关, e.g. 各乡镇、各部门： */
  addressee?: string;
  blocks: Block[];
  /** 发文机关署名 above the date */
  signature?: string;
  /** 成文日期, yyyy-mm-dd */
  date: string;
}

/** The fonts the standard names (方正小标宋简体 for titles, 仿宋_GB2312 for the body…). */
const OFFICIAL_FONTS = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  table: "仿宋_GB2312",
  pageNumber: "宋体",
  latin: "Times New Roman",
} as const;

const RED = "FF0000";
/** half-points, as Word counts font sizes */
const SIZE = { issuer: 52, title: 44, body: 32, table: 24, pageNumber: 28 } as const;
const PT = 20; // twips per point
const BODY_CHAR = 16 * PT; // one 3号 character, for indents given in characters
const LINE = 28 * PT;
/** millimetres to twips, rounded (docx's own helper truncates, which makes A4 a twip short) */
const mm = (value: number) => Math.round((value * 1440) / 25.4);
const TEXT_WIDTH = mm(210 - 28 - 26);

const font = (eastAsia: string) => ({ ascii: OFFICIAL_FONTS.latin, hAnsi: OFFICIAL_FONTS.latin, eastAsia });
const fixedLine = { line: LINE, lineRule: LineRuleType.EXACT };

const run = (text: string, options: { font: string; size: number; bold?: boolean; color?: string }) =>
  new TextRun({ text, font: font(options.font), size: options.size, bold: options.bold, color: options.color });

const bodyRun = (text: string) => run(text, { font: OFFICIAL_FONTS.body, size: SIZE.body });

/** An empty body line, for the blank lines the standard puts between the parts. */
const blankLine = () => new Paragraph({ spacing: fixedLine, children: [bodyRun("")] });

function header(doc: OfficialDocument): Paragraph[] {
  const out: Paragraph[] = [];
  const rule = { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 12 } };
  if (doc.issuer) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 2 * LINE },
        children: [run(doc.issuer, { font: OFFICIAL_FONTS.title, size: SIZE.issuer, color: RED })],
      }),
    );
  }
  if (doc.docNumber) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: fixedLine,
        border: doc.issuer ? rule : undefined,
        children: [bodyRun(doc.docNumber)],
      }),
    );
  } else if (doc.issuer) {
    out.push(new Paragraph({ spacing: fixedLine, border: rule, children: [] }));
  }
  if (out.length > 0) out.push(blankLine(), blankLine());
  return out;
}

function title(text: string): Paragraph[] {
  return text.split(/\n/).map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 35 * PT, lineRule: LineRuleType.EXACT },
        children: [run(line, { font: OFFICIAL_FONTS.title, size: SIZE.title })],
      }),
  );
}

const bodyParagraph = (text: string, children: ParagraphChild[] = [bodyRun(text)]) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: fixedLine,
    indent: { firstLine: 2 * BODY_CHAR },
    children,
  });

function heading(level: 1 | 2, text: string): Paragraph {
  const face = level === 1 ? OFFICIAL_FONTS.heading1 : OFFICIAL_FONTS.heading2;
  return bodyParagraph(text, [run(text, { font: face, size: SIZE.body })]);
}

const cellText = (value: string | number) => (typeof value === "number" ? String(value) : value);

function tableCell(value: string | number, width: number, head: boolean): TableCell {
  const centred = head || typeof value === "number" || value.length <= 6;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: cellText(value)
      .split(/\n/)
      .map(
        (line) =>
          new Paragraph({
            alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [run(line, { font: OFFICIAL_FONTS.table, size: SIZE.table, bold: head })],
          }),
      ),
  });
}

/** Column widths in twips: the given proportions (or equal ones) of the text width. */
function columnWidths(count: number, widths?: number[]): number[] {
  const weights = widths && widths.length === count && widths.every((w) => w > 0) ? widths : Array(count).fill(1);
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
}

function table(block: Extract<Block, { kind: "table" }>): Table {
  const widths = columnWidths(block.columns.length, block.widths);
  const line = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.columns.map((name, i) => tableCell(name, widths[i], true)),
      }),
      ...block.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: block.columns.map((_, i) => tableCell(row[i] ?? "", widths[i], false)),
          }),
      ),
    ],
  });
}

function blocks(list: Block[]): (Paragraph | Table)[] {
  return list.flatMap((block): (Paragraph | Table)[] => {
    if (block.kind === "heading") return [heading(block.level, block.text)];
    if (block.kind === "table") return [table(block), blankLine()];
    return block.text
      .split(/\n+/)
      .filter((line) => line.trim() !== "")
      .map((line) => bodyParagraph(line.trim()));
  });
}

function closing(doc: OfficialDocument): Paragraph[] {
  const right = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: fixedLine,
      indent: { right: 4 * BODY_CHAR },
      children: [bodyRun(text)],
    });
  return [blankLine(), blankLine(), ...(doc.signature ? [right(doc.signature)] : []), right(officialDate(doc.date))];
}

function pageNumberFooter(alignment: "right" | "left"): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === "right" ? { right: SIZE.pageNumber * 10 } : { left: SIZE.pageNumber * 10 },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: font(OFFICIAL_FONTS.pageNumber),
            size: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });
}

/** The document as a .docx file. */
export async function buildOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  const children = [
    ...header(doc),
    ...title(doc.title),
    blankLine(),
    ...(doc.addressee ? [new Paragraph({ spacing: fixedLine, children: [bodyRun(doc.addressee)] })] : []),
    ...blocks(doc.blocks),
    ...closing(doc),
  ];
  const document = new Document({
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(OFFICIAL_FONTS.body), size: SIZE.body },
          paragraph: { spacing: fixedLine },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              // the page number's line sits about 7 mm below the text area
              footer: mm(22),
            },
          },
        },
        footers: { default: pageNumberFooter("right"), even: pageNumberFooter("left") },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
