/** The parser's output: the contract that the plan import and the review screen rely on (issue #3). */

export interface ParseWarning {
  code: string;
  message: string;
  /** offset into the normalised text, when the warning concerns one place */
  start?: number;
}

export interface Section {
  id: string;
  /** as numbered in the document, e.g. "一" */
  number: string;
  title: string;
  parentId: string | null;
}

export type DeadlineKind = "date" | "recurring" | "ongoing" | "relative" | "until";

export interface Deadline {
  /** the phrase as written */
  text: string;
  kind: DeadlineKind;
  /** ISO date (yyyy-mm-dd) for kind date and until */
  due?: string;
  /** machine-readable rule for recurring and relative deadlines */
  rule?: Record<string, unknown>;
}

export interface Target {
  text: string;
  metric: string;
  op: ">=" | "<=" | "=";
  value: number;
  unit: string;
  period?: string;
}

export interface SectionTarget extends Target {
  sectionId: string | null;
}

export interface ParsedTask {
  id: string;
  number: string;
  path: string[];
  sectionId: string | null;
  parentId: string | null;
  title: string | null;
  text: string;
  leadUnits: string[];
  responsibleUnits: string[];
  cooperatingUnits: string[];
  deadlines: Deadline[];
  targets: Target[];
  source: { start: number; end: number };
  /** how sure the parser is of this task (its numbering, its unit clause, its deadlines), 0 to 1 */
  confidence: number;
  /** why it is less than sure, in Chinese, for the review screen; empty when sure */
  doubts: string[];
  /** the task's text was read from a scan by OCR */
  ocr?: boolean;
}

/** What a table column holds, as the parser reads it or as the user sets it on the review screen. */
export type ColumnRole = "number" | "group" | "text" | "lead" | "responsible" | "cooperating" | "deadline" | "ignored";

/** A task table as the parser read it: its columns, the role of each, and a sample of its cells. */
export interface TableLayout {
  /** the header layout's key (header cells without spaces, simplified, joined by "|"), for remembering a mapping */
  signature: string;
  /** the header cells as written */
  headers: string[];
  /** one role per header cell */
  roles: ColumnRole[];
  /** the roles were given in ParseOptions.columnRoles, not guessed */
  mapped: boolean;
  /** the first body rows, a cell per header */
  samples: string[][];
  /** number of body rows */
  rows: number;
}

/** A numbering style found in a paragraph document, offered as a choice of "what the tasks are". */
export interface NumberingLevel {
  /** a NumberStyle ("arabic", "cnParen", …) or "paragraph" */
  style: string;
  /** how an item of this style begins, e.g. "1." or "（一）" */
  example: string;
  count: number;
}

/** How the user tells the parser to read a document it was unsure of. */
export interface ParseOptions {
  /** column roles by table signature: a mapping chosen on the review screen or remembered from an earlier file */
  columnRoles?: Record<string, ColumnRole[]>;
  /** the numbering style whose items are the tasks, or "paragraph" for every paragraph under a heading */
  taskStyle?: string;
}

export interface ParseResult {
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  date: string | null;
  sections: Section[];
  tasks: ParsedTask[];
  sectionTargets: SectionTarget[];
  text: string;
  warnings: ParseWarning[];
  /** the task tables found, with their column roles */
  tables: TableLayout[];
  /** the numbering styles of the document's items, for choosing what the tasks are */
  numberingLevels: NumberingLevel[];
  /** the style whose items became tasks (chosen by the parser or given in ParseOptions.taskStyle) */
  taskStyle: string | null;
}

/** What a format reader hands to the text parser. */
export interface ReadResult {
  text: string;
  warnings: ParseWarning[];
  /** the text was recognised from page images by OCR */
  ocr?: boolean;
}

/** How far a long read (OCR of a scan) has come, for a progress bar. */
export interface ReadProgress {
  /** e.g. "ocr" */
  stage: string;
  done: number;
  total: number;
}
