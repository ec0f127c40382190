import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  type ILevelsOptions,
  LevelFormat,
  LevelSuffix,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
} from "docx";
import { type ListKind, type SeedLine, seedLines, type TableTask, type TaskTableSeed } from "./seed-structure.js";

/** 三号 (16 pt) body text with a two-character first-line indent, as official documents are typeset. */
const FONT = "Noto Serif CJK SC";
const BODY_SIZE = 32;
const FIRST_LINE = 640;

const LIST_FORMATS: Record<ListKind, { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string }> = {
  chapter: { format: LevelFormat.CHINESE_COUNTING, text: "%1、" },
  section: { format: LevelFormat.CHINESE_COUNTING, text: "（%1）" },
  item: { format: LevelFormat.DECIMAL, text: "%1." },
  subitem: { format: LevelFormat.DECIMAL, text: "%1)" },
};

function level(kind: ListKind, start: number, suffix?: (typeof LevelSuffix)[keyof typeof LevelSuffix]): ILevelsOptions {
  return {
    level: 0,
    format: LIST_FORMATS[kind].format,
    text: LIST_FORMATS[kind].text,
    start,
    suffix,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 0, firstLine: FIRST_LINE } } },
  };
}

interface ListPlacement {
  reference: string;
  instance: number;
}

/**
 * Assigns each numbered line to a Word list so that Word shows the seed's own number: a list continues while the
 * numbers run on, a new instance restarts at 1, and a list of its own starts where a number jumps.
 */
function planLists(lines: SeedLine[]): {
  placements: Map<SeedLine, ListPlacement>;
  levels: Map<string, ILevelsOptions>;
} {
  const placements = new Map<SeedLine, ListPlacement>();
  const levels = new Map<string, ILevelsOptions>();
  const state = new Map<ListKind, { reference: string; instance: number; next: number }>();
  for (const line of lines) {
    if (line.kind === "plain") continue;
    const current = state.get(line.kind);
    let placement: { reference: string; instance: number; next: number };
    if (current && current.next === line.number) placement = current;
    else if (line.number === 1) placement = { reference: line.kind, instance: (current?.instance ?? 0) + 1, next: 1 };
    else placement = { reference: `${line.kind}-from-${line.number}`, instance: 1, next: line.number };
    // Chinese headings carry their own full-width punctuation; items get Word's default tab after "1.".
    const suffix = line.kind === "chapter" || line.kind === "section" ? LevelSuffix.NOTHING : undefined;
    if (!levels.has(placement.reference)) levels.set(placement.reference, level(line.kind, placement.next, suffix));
    placements.set(line, { reference: placement.reference, instance: placement.instance });
    state.set(line.kind, { ...placement, next: placement.next + 1 });
  }
  return { placements, levels };
}

function pageFurniture(headerText: string) {
  return {
    headers: {
      default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, text: headerText })] }),
    },
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
  };
}

const documentStyles = {
  default: {
    document: { run: { size: BODY_SIZE, font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT } } },
  },
};

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ text, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE } });
}

/** A Word document of the seed in which every number (一、 （一） 1. 1)) is Word's automatic list numbering. */
export async function numberedDocx(seed: string, headerText: string): Promise<Buffer> {
  const lines = seedLines(seed);
  const { placements, levels } = planLists(lines);
  const children = lines.map((line) => {
    const placement = placements.get(line);
    if (!placement) return bodyParagraph(line.text);
    return new Paragraph({
      text: line.text,
      alignment: AlignmentType.JUSTIFIED,
      numbering: { reference: placement.reference, level: 0, instance: placement.instance },
    });
  });
  const document = new Document({
    styles: documentStyles,
    numbering: { config: [...levels].map(([reference, options]) => ({ reference, levels: [options] })) },
    sections: [{ ...pageFurniture(headerText), children }],
  });
  return Packer.toBuffer(document);
}

/** A Word document of plain paragraphs, numbers typed as text. */
export async function plainDocx(paragraphs: string[], headerText: string): Promise<Buffer> {
  const document = new Document({
    styles: documentStyles,
    sections: [{ ...pageFurniture(headerText), children: paragraphs.map(bodyParagraph) }],
  });
  return Packer.toBuffer(document);
}

const TABLE_COLUMNS = ["序号", "工作任务", "牵头单位", "责任单位", "配合单位", "完成时限"] as const;

function cell(
  text: string,
  options: { span?: number; merge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] } = {},
) {
  return new TableCell({
    columnSpan: options.span,
    verticalMerge: options.merge,
    children: [new Paragraph({ children: [new TextRun({ text, size: 21 })] })],
  });
}

export interface TaskTableOptions {
  /** draw the grid, as most Word task tables do (a PDF of it then carries the row rules) */
  ruled?: boolean;
  /** merge runs of equal 完成时限 into one vertically merged cell */
  mergeDeadlines?: boolean;
}

const GRID_LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const GRID = {
  top: GRID_LINE,
  bottom: GRID_LINE,
  left: GRID_LINE,
  right: GRID_LINE,
  insideHorizontal: GRID_LINE,
  insideVertical: GRID_LINE,
};

/**
 * A Word document whose tasks sit in one table: a heading row per group and the row numbers as Word list
 * numbering (centred in their cells, as typed task tables have them).
 */
export async function taskTableDocx(
  seed: TaskTableSeed,
  headerText: string,
  options: TaskTableOptions = {},
): Promise<Buffer> {
  const rows = [new TableRow({ tableHeader: true, children: TABLE_COLUMNS.map((name) => cell(name)) })];
  let group = "";
  seed.tasks.forEach((task, index) => {
    if (task.group !== group) {
      rows.push(new TableRow({ children: [cell(task.group, { span: TABLE_COLUMNS.length })] }));
      group = task.group;
    }
    const deadline = task.fields.完成时限 ?? "";
    const sameDeadline = (other: TableTask | undefined) =>
      options.mergeDeadlines === true &&
      other?.group === task.group &&
      (other.fields.完成时限 ?? "") === deadline &&
      deadline !== "";
    const continues = sameDeadline(seed.tasks[index - 1]);
    const starts = !continues && sameDeadline(seed.tasks[index + 1]);
    const merge = continues ? VerticalMergeType.CONTINUE : starts ? VerticalMergeType.RESTART : undefined;
    rows.push(
      new TableRow({
        children: [
          new TableCell({
            verticalAlign: VerticalAlign.CENTER,
            children: [new Paragraph({ text: "", numbering: { reference: "row-number", level: 0 } })],
          }),
          cell(task.text),
          cell(task.fields.牵头单位 ?? ""),
          cell(task.fields.责任单位 ?? ""),
          cell(task.fields.配合单位 ?? ""),
          cell(continues ? "" : deadline, { merge }),
        ],
      }),
    );
  });
  const rowNumber: ILevelsOptions = { level: 0, format: LevelFormat.DECIMAL, text: "%1", suffix: LevelSuffix.NOTHING };
  const document = new Document({
    styles: documentStyles,
    numbering: { config: [{ reference: "row-number", levels: [rowNumber] }] },
    sections: [
      {
        ...pageFurniture(headerText),
        children: [
          ...seed.before.map((line) => bodyParagraph(line.raw)),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows,
            borders: options.ruled ? GRID : undefined,
          }),
          ...seed.after.map((line) => bodyParagraph(line.raw)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
