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
}

/** What a format reader hands to the text parser. */
export interface ReadResult {
  text: string;
  warnings: ParseWarning[];
}
