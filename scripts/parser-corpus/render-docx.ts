/**
 * Word documents of the corpus: real tables (gridSpan header cells, vMerge group, number and unit cells, the
 * header row marked to repeat on every page), or paragraphs whose numbers are typed or Word's automatic numbering.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  type ILevelsOptions,
  LevelFormat,
  LevelSuffix,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
} from "docx";
import { type Block, documentBlocks, type TableBlock } from "./model.js";
import type { CorpusSpec } from "./spec.js";

const FONT = "Noto Serif CJK SC";
const BODY_SIZE = 32;
const TABLE_SIZE = 21;
const FIRST_LINE = 640;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** Runs of one paragraph: the whole text, or (messy) pieces of 2–5 characters in alternating fonts. */
function runs(text: string, messy: boolean, options: { size?: number; bold?: boolean } = {}): TextRun[] {
  if (!messy) return [new TextRun({ text, ...options })];
  const pieces: TextRun[] = [];
  let at = 0;
  for (let i = 0; at < text.length; i++) {
    const length = 2 + ((i * 7 + text.length) % 4);
    const font =
      i % 2 === 0 ? undefined : { eastAsia: "仿宋_GB2312", ascii: "Times New Roman", hAnsi: "Times New Roman" };
    pieces.push(new TextRun({ text: text.slice(at, at + length), font, ...options }));
    at += length;
  }
  return pieces;
}

/** A cell's lines: a paragraph each, or (messy) one paragraph with line breaks. */
function cellParagraphs(
  text: string,
  messy: boolean,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
  bold: boolean | undefined,
): Paragraph[] {
  const lines = text.split("\n");
  if (!messy)
    return lines.map((line) => new Paragraph({ alignment, children: runs(line, false, { size: TABLE_SIZE, bold }) }));
  const children = lines.flatMap((line, i) => [
    ...(i > 0 ? [new TextRun({ text: "", break: 1, size: TABLE_SIZE })] : []),
    ...runs(line, true, { size: TABLE_SIZE, bold }),
  ]);
  return [new Paragraph({ alignment, children })];
}

function tableOf(block: TableBlock, pageWidth: number, messy: boolean): Table {
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        tableHeader: row.header === true,
        cantSplit: false,
        children: row.cells.map(
          (cell) =>
            new TableCell({
              columnSpan: cell.span,
              verticalMerge:
                cell.merge === "restart"
                  ? VerticalMergeType.RESTART
                  : cell.merge === "continue"
                    ? VerticalMergeType.CONTINUE
                    : undefined,
              verticalAlign: VerticalAlign.CENTER,
              // a line break in a cell's text is a paragraph of its own, as Word users type them
              children: cellParagraphs(
                cell.text,
                messy,
                row.header || row.repeat || cell.text.length < 6 ? AlignmentType.CENTER : AlignmentType.LEFT,
                row.header || row.repeat,
              ),
            }),
        ),
      }),
  );
  const widths = block.widths ?? new Array(block.columns).fill(1);
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: pageWidth, type: WidthType.DXA },
    columnWidths: widths.map((w) => Math.round((w / total) * pageWidth)),
    rows,
    borders: GRID,
  });
}

const AUTO_LEVELS: Record<string, ILevelsOptions> = {
  chapter: {
    level: 0,
    format: LevelFormat.CHINESE_COUNTING,
    text: "%1、",
    start: 1,
    suffix: LevelSuffix.NOTHING,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 0, firstLine: FIRST_LINE } } },
  },
  section: {
    level: 0,
    format: LevelFormat.CHINESE_COUNTING,
    text: "（%1）",
    start: 1,
    suffix: LevelSuffix.NOTHING,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 0, firstLine: FIRST_LINE } } },
  },
  item: {
    level: 0,
    format: LevelFormat.DECIMAL,
    text: "%1.",
    start: 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 0, firstLine: FIRST_LINE } } },
  },
};

function paragraphOf(block: Exclude<Block, TableBlock>, auto: boolean, messy: boolean): Paragraph {
  if (block.type === "title")
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
      children: [new TextRun({ text: block.text, size: 40 })],
    });
  if (block.type === "para")
    return new Paragraph({
      ...(messy ? { children: runs(block.text, true) } : { text: block.text }),
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: FIRST_LINE },
    });
  if (auto)
    return new Paragraph({
      text: block.text,
      alignment: AlignmentType.JUSTIFIED,
      // items run on through the document, as one Word list does
      numbering: { reference: block.level, level: 0 },
    });
  const number = messy ? block.number.replace(/^(\d+)\.$/, "$1．") : block.number;
  return new Paragraph({
    ...(messy ? { children: runs(number + block.text, true) } : { text: number + block.text }),
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
  });
}

/** The spec as a Word document; wide tables on landscape pages. */
export async function specDocx(spec: CorpusSpec): Promise<Buffer> {
  const blocks = documentBlocks(spec);
  const auto = spec.layout.kind === "paragraphs" && spec.layout.numbering === "auto";
  const wide = spec.layout.kind === "table" && spec.layout.columns.length >= 6;
  // the text width of an A4 page with Word's default margins, in twentieths of a point
  const pageWidth = wide ? 13_958 : 9_026;
  const messy = spec.messyWord === true;
  const children = blocks.map((block) =>
    block.type === "table" ? tableOf(block, pageWidth, messy) : paragraphOf(block, auto, messy),
  );
  const document = new Document({
    styles: { default: { document: { run: { size: BODY_SIZE, font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT } } } } },
    numbering: { config: Object.entries(AUTO_LEVELS).map(([reference, level]) => ({ reference, levels: [level] })) },
    sections: [
      {
        properties: wide ? { page: { size: { orientation: PageOrientation.LANDSCAPE } } } : {},
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["- ", PageNumber.CURRENT, " -"] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
