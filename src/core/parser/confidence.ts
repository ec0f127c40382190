import { looksLikeUnit } from "./table-columns.js";
import type { ParsedTask, ParseWarning } from "./types.js";

/**
 * How sure the parser is of each task, and why not: the review screen shows the doubtful ones first. Each doubt
 * lowers the confidence by its factor; a task without doubts is 1.
 */

export interface TaskFacts {
  task: ParsedTask;
  /** the task is a row of a table whose columns were told by their cells, not by the header names */
  guessedColumns: boolean;
  /** the task was written without a number (a plain line that a block of labels follows) */
  unnumbered: boolean;
}

interface DocumentFacts {
  /** share of the document's tasks that name units */
  withUnits: number;
  /** share of the document's tasks that have a deadline */
  withDeadlines: number;
  warnings: ParseWarning[];
}

/** Below this, a task is doubtful: the review screen marks it 待核对 and lists it first. */
export const DOUBTFUL = 0.8;

function unitsOf(task: ParsedTask): string[] {
  return [...task.leadUnits, ...task.responsibleUnits, ...task.cooperatingUnits];
}

function doubtsOf(facts: TaskFacts, doc: DocumentFacts): Array<[string, number]> {
  const { task } = facts;
  const doubts: Array<[string, number]> = [];
  const units = unitsOf(task);
  if (units.length === 0 && doc.withUnits >= 0.5) doubts.push(["未识别到承办单位，请核对单位是否漏识别", 0.6]);
  const odd = units.filter((u) => !looksLikeUnit(u));
  if (odd.length > 0) doubts.push([`“${odd[0]}”不像单位名称，请核对`, 0.7]);
  if (task.deadlines.length === 0 && doc.withDeadlines >= 0.6) doubts.push(["未识别到完成时限", 0.85]);
  const unparsed = task.deadlines.find((d) => d.rule?.unparsed === true);
  if (unparsed) doubts.push([`完成时限“${unparsed.text}”无法识别为日期或周期`, 0.8]);
  const length = task.text.replace(/\s/g, "").length;
  if (length < 6) doubts.push(["任务内容过短，可能是标题或残缺的条目", 0.7]);
  else if (length > 600) doubts.push(["任务内容很长，可能合并了几项任务", 0.8]);
  const gap = doc.warnings.find(
    (w) => w.code.startsWith("numbering_") && w.start !== undefined && w.start === task.source.start,
  );
  if (gap) doubts.push(["编号不连续，前面可能漏了任务", 0.75]);
  if (facts.guessedColumns) doubts.push(["表格的列含义由内容推断，请在“识别设置”中核对", 0.9]);
  if (facts.unnumbered) doubts.push(["任务没有编号，按文中格式推断", 0.9]);
  return doubts;
}

/** Gives every task its confidence and doubts. */
export function rateTasks(all: TaskFacts[], warnings: ParseWarning[]): ParsedTask[] {
  const n = Math.max(1, all.length);
  const doc: DocumentFacts = {
    withUnits: all.filter((f) => unitsOf(f.task).length > 0).length / n,
    withDeadlines: all.filter((f) => f.task.deadlines.length > 0).length / n,
    warnings,
  };
  return all.map((facts) => {
    const doubts = doubtsOf(facts, doc);
    const confidence = doubts.reduce((c, [, factor]) => c * factor, 1);
    return {
      ...facts.task,
      confidence: Math.round(confidence * 100) / 100,
      doubts: doubts.map(([text]) => text),
    };
  });
}
