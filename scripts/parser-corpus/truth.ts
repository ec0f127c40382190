/** The annotation of a spec in the parser-truth schema, derived from the spec itself. */
import type { TruthTask } from "../../src/core/parser/eval/score.js";
import type { CorpusSpec, TaskSpec } from "./spec.js";
import { inlineDeadlines, printed } from "./spec.js";

export interface TruthFile {
  tasks: TruthTask[];
  notes: string;
}

const START = 16;

/**
 * A task's start: the first 16 characters of its own text. With a short title column the task text begins with
 * the title, and how a parser joins title and measures is its own choice, so the start is then the title alone.
 */
export function taskStart(task: TaskSpec): string {
  if (task.title) return task.title.slice(0, START);
  return printed(task.text).slice(0, START);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

export function truthTask(task: TaskSpec): TruthTask {
  const deadlines = [
    ...inlineDeadlines(task.text),
    ...(task.deadline ? [task.deadline] : []),
    ...(task.parts ?? []).flatMap((p) => [...inlineDeadlines(p.text), ...(p.deadline ? [p.deadline] : [])]),
  ];
  return {
    start: taskStart(task),
    lead: task.lead ?? [],
    others: [...(task.others ?? []), ...(task.cooperating ?? []), ...(task.tailUnits ?? [])],
    deadlines: unique(deadlines),
  };
}

/** Checks that the layout can show everything the truth claims, so a render never silently drops a unit or date. */
export function checkSpec(spec: CorpusSpec): void {
  const fail = (why: string) => {
    throw new Error(`spec ${spec.name}: ${why}`);
  };
  const tasks = spec.sections.flatMap((s) => s.tasks);
  if (tasks.length === 0) fail("no tasks");
  const layout = spec.layout;
  const positional =
    layout.kind === "table" ? layout.columns.some((c) => c.kind === "units") : layout.clause === "trailing-units";
  const marked = layout.leadMark !== undefined;
  if (positional && !marked && !spec.leadNote && !spec.leadNoteInline)
    fail("a units list with the lead first needs a lead note");
  for (const task of tasks) {
    for (const unit of task.tailUnits ?? [])
      if (!task.tail?.startsWith(`，${unit}`)) fail(`${unit} is not in the tail`);
    for (const unit of [...(task.lead ?? []), ...(task.others ?? []), ...(task.cooperating ?? [])])
      if (/[，,;；:：]|负责|配合|牵头/.test(unit) || unit.trim() !== unit) fail(`not a unit name: ${unit}`);
    if (positional && (task.lead ?? []).length > 1) fail("a lead-by-position list has one lead");
    if (positional && task.cooperating?.length) fail("a lead-by-position list has no 配合单位 apart");
    if (printed(task.text).split("\n")[0].length < START && !task.title)
      fail(`task text shorter than ${START}: ${task.text}`);
    if (layout.kind === "paragraphs" && task.text.includes("\n")) fail("a line break in a paragraph task");
    if (layout.kind === "paragraphs" && layout.numbering === "auto" && layout.sectionStyle === "item")
      fail("Word numbering of 1. headings over （1） tasks is not built");
    if (layout.kind === "table") {
      const kinds = new Set(layout.columns.map((c) => c.kind));
      if (task.title && !kinds.has("title")) fail("a title without a title column");
      if (task.deadline && !kinds.has("deadline")) fail("a deadline without a deadline column");
      if (task.lead?.length && !kinds.has("lead") && !kinds.has("units")) fail("a lead without a lead column");
      if (task.others?.length && !kinds.has("others") && !kinds.has("units")) fail("others without a units column");
      if (task.cooperating?.length && !kinds.has("cooperating")) fail("配合单位 without their column");
    } else {
      if (task.parts) fail("continuation parts in a paragraph layout");
      if (task.title) fail("a title in a paragraph layout");
      if (task.deadline && layout.clause === "trailing-verbs" && !task.deadline.endsWith("前"))
        fail("a verb clause says a time limit (…前完成) only");
    }
  }
}

export function specTruth(spec: CorpusSpec): TruthFile {
  checkSpec(spec);
  return { tasks: spec.sections.flatMap((s) => s.tasks.map(truthTask)), notes: spec.notes };
}
