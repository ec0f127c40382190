/**
 * The parser corpus of issue #12 as data: each spec describes one task-division document (its title, paragraphs,
 * sections, tasks with their units and deadlines, and how it is laid out); the renderers turn a spec into the files
 * offices send, and the truth is derived from the same spec, so the text and its annotation cannot disagree.
 *
 * Inline deadline phrases are written in braces inside task text ("{2027年6月底前}完成清理"): the renderers drop the
 * braces, the truth lists the phrase.
 */

import type { CorpusFormat } from "../../src/core/parser/eval/corpus.js";

/** What a table column holds. */
export type ColumnKind =
  | "number"
  | "group"
  | "title"
  | "text"
  | "lead"
  | "others"
  /** 配合单位, beside a 责任单位 column */
  | "cooperating"
  /** lead and others in one list, the lead first (a note says so) */
  | "units"
  | "deadline"
  | "leader"
  | "contact"
  | "remark";

export interface Column {
  header: string;
  kind: ColumnKind;
}

/** How the rows of a table are flattened when the table is written as plain text (a web page copied as text). */
export type FlatStyle =
  /** "a | b | c |": each row on a line, closing bar */
  | "bars-closing"
  /** "a | b | c": each row on a line */
  | "bars"
  /** one cell per line, a line holding "|" between cells */
  | "cell-lines"
  /** cells separated by single spaces */
  | "spaces"
  /** one line per row, each cell after its header as a label: "责任单位:X 配合单位:A、B" */
  | "labels"
  /** cells separated by tabs, as Excel cells pasted into a text file or an e-mail */
  | "tabs"
  /** one cell a line and nothing between, as a table copied out of a PDF viewer (empty cells left out) */
  | "lines";

export interface TableLayout {
  kind: "table";
  columns: Column[];
  /**
   * sections as merged group cells, as full-width heading rows, as rows holding 一 in the number column and the
   * heading in the text column (as Excel sheets have them), as a paragraph before a table of their own, or none
   */
  sections: "group-column" | "heading-rows" | "number-rows" | "separate-tables" | "none";
  /** a header cell spanning two adjacent columns: [index of the first column, the spanning header's text] */
  spanHeader?: [number, string];
  /** a two-row header: [index of the first column, text of the upper cell spanning two columns] */
  twoRowHeader?: [number, string];
  /** the header row typed again every n data rows, as a table pasted from pages of a PDF */
  repeatHeaderEvery?: number;
  /** title rows above the header in the spreadsheet (the document title, a 填报单位 line) */
  sheetTitleRows?: string[];
  /** how the text renders flatten the table */
  flat?: FlatStyle;
  /** the data row number cell: "1" or "1." */
  numberStyle?: "plain" | "dot";
  /** columns whose equal values on consecutive tasks of a section are one cell merged down over them */
  mergeRuns?: ColumnKind[];
  /** unit cells hold one unit a line (a paragraph each in Word) instead of a 、 list */
  unitLines?: boolean;
  /** the lead marked inside a units cell, e.g. "（牵头）" after it: "区司法局（牵头）、区财政局" */
  leadMark?: string;
  /** the spreadsheet's notes sheet comes before the task sheet */
  notesSheetFirst?: boolean;
  /** in the spreadsheet, a deadline that is a whole date (2026年6月30日) is a date cell shown in that format */
  dateCells?: boolean;
  /** what an empty unit or deadline cell shows: "—", "/" or "无", as many tables fill them */
  emptyMark?: string;
}

/** How a numbered item carries its units in a paragraph document. */
export type ClauseStyle =
  /** "（牵头单位：X；责任单位：A、B）" after the text */
  | "trailing-labels"
  /** "（X牵头，A、B配合）" after the text */
  | "trailing-verbs"
  /** "（责任单位：X、A、B）" with a lead-by-position note */
  | "trailing-units"
  /** labelled lines under the item: 牵头单位： / 责任单位： / 完成时限： */
  | "label-lines"
  /** one line after the item holding every label: "牵头领导:张三 责任单位:X 配合单位:A、B 完成时限:…" */
  | "label-row"
  /** the labels on the item's own line after its text: "…机制。牵头部门：X；配合部门：A、B；时间要求：…。" */
  | "inline-labels";

export interface ParagraphLayout {
  kind: "paragraphs";
  clause: ClauseStyle;
  /** typed numbers, Word automatic numbering, or no numbers at all (a task is what a block of labelled lines follows) */
  numbering: "typed" | "auto" | "none";
  /** the section headings' numbering: 一、, （一）, or 1. (then the tasks are （1） items under them) */
  sectionStyle?: "chapter" | "section" | "item";
  /** task numbers start again at 1 under each heading */
  restartItems?: boolean;
  /** an empty paragraph after each task's block, as many offices space them */
  blankBetween?: boolean;
  /** task number punctuation for typed numbers */
  itemStyle?: "dot" | "comma" | "paren" | "cn-paren";
  /** the labels of the clause fields, when not 牵头单位 / 责任单位 / 配合单位 / 完成时限 / 牵头领导 / 联系人 */
  labels?: Partial<Record<"lead" | "others" | "cooperating" | "deadline" | "leader" | "contact", string>>;
  /** the colon after a label: full-width (default) or ASCII */
  colon?: "：" | ":";
  /** the lead marked inside a （责任单位：…） clause, e.g. "（牵头）" after it */
  leadMark?: string;
}

export type Layout = TableLayout | ParagraphLayout;

/** A later row of a task in a table (under its merged 序号 and unit cells), or a later sentence of its text. */
export interface TaskPart {
  text: string;
  deadline?: string;
}

export interface TaskSpec {
  /** a short title shown in its own column before the measures (category 3) */
  title?: string;
  text: string;
  lead?: string[];
  others?: string[];
  /** 配合单位 named apart from the 责任单位 (others in the truth) */
  cooperating?: string[];
  /** the 完成时限 value as written */
  deadline?: string;
  /**
   * a tail after the units: "，乡镇人民政府按职责分工分别负责" names a unit (tailUnits, others in the truth, as units marked
   * 负责 / 协助 are) followed by words that are never part of a unit's name; "，按职责分工负责" names none
   */
  tail?: string;
  tailUnits?: string[];
  /** people named beside the task (主管领导, 主要责任人, 联系人): never units */
  leader?: string;
  contact?: string;
  /** rows continuing this task under merged cells */
  parts?: TaskPart[];
}

export interface SectionSpec {
  /** the heading without its number, e.g. "深化行政执法体制改革"; empty for a table without sections */
  title: string;
  tasks: TaskSpec[];
}

export interface CorpusSpec {
  /** file stem, e.g. "t01-minsheng" */
  name: string;
  /** one line on what the document is and the categories of issue #12 it exercises */
  about: string;
  categories: number[];
  issuer: string;
  title: string;
  /** paragraphs before the tasks: the 通知 text, the 总体要求 */
  intro: string[];
  /** a lead-by-position note, printed under the title or above the table (or after the tasks, with leadNoteAfter) */
  leadNote?: string;
  leadNoteAfter?: boolean;
  /** a lead-by-position note written inside the first task's unit clause, carried by 下同 */
  leadNoteInline?: string;
  /** the text renders are copied from the issuer's site: navigation, information table and footer come along */
  web?: boolean;
  /** the document opens with an information table (索引号 / 发布机构 / 发文日期 / 文号), as saved from a site */
  metaTable?: boolean;
  /** what stands between units in a list: 、 (default), ， or an ideographic space (as web copies often have it) */
  unitSeparator?: "、" | "，" | "\u3000";
  /** text renders with Windows line ends and paragraphs indented by two ideographic spaces, as copied from Word */
  wordText?: boolean;
  /** the saved web page is Word's "save as web page" markup (MsoNormal paragraphs, spans, o:p) */
  wordHtml?: boolean;
  /**
   * the Word file as years of editing leave one: text split into many runs of changing fonts, line breaks (not
   * paragraphs) inside cells, typed numbers with a full-width point (1．)
   */
  messyWord?: boolean;
  /** the saved page is an old site's: the whole page laid out in nested tables, the article in a cell */
  tableLayoutPage?: boolean;
  sections: SectionSpec[];
  /** paragraphs after the tasks: 工作要求, 附件 lists, the signature */
  after: string[];
  layout: Layout;
  formats: CorpusFormat[];
  /** the document's quirks, copied into the truth file's notes */
  notes: string;
}

/** A unit list as written with 、 between units, split outside brackets: "各镇（街道）、区财政局". */
export function units(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of list) {
    if ("(（〔".includes(ch)) depth++;
    if (")）〕".includes(ch)) depth--;
    if (ch === "、" && depth === 0) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

const INLINE = /\{([^{}]+)\}/g;

/** Task text as printed: the inline deadline markers without their braces. */
export function printed(text: string): string {
  return text.replace(INLINE, "$1");
}

/** The inline deadline phrases of a text, in order; a text may hold line breaks (paragraphs of one table cell). */
export function inlineDeadlines(text: string): string[] {
  return [...text.matchAll(INLINE)].map((m) => m[1]);
}
