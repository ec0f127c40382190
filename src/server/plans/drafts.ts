/**
 * The tasks a parse gives, as rows to store, and a re-read of a plan's file that keeps the user's work: the tasks
 * edited by hand keep their edited fields, the tasks added by hand stay, the tasks removed by hand stay removed,
 * and the unit phrases mapped or dismissed by hand keep their decision.
 */
import type { Deadline, ParseResult, Target } from "../../core/parser/types.js";
import type { TaskUnitEntry } from "../../core/plans/task-units.js";
import type { TaskRow, TaskUnitRow } from "../db/schema.js";
import type { UnitResolver } from "../units/resolve.js";
import { expandPhrases } from "./task-units.js";

/** A field of a task that the user may change by hand; "added" marks a task written (or split off) by hand. */
export type TaskEditedField = "number" | "title" | "text" | "section" | "units" | "deadlines" | "targets" | "added";

/** A task to store: its section and parent are the parse's ids (a task added by hand has no parse id). */
export interface TaskDraft {
  parseId: string | null;
  sectionId: string | null;
  parentId: string | null;
  number: string;
  path: string[];
  title: string | null;
  text: string;
  source: { start: number; end: number } | null;
  deadlines: Deadline[];
  targets: Target[];
  confidence: number;
  doubts: string[];
  editedFields: string[];
  units: TaskUnitEntry[];
}

/**
 * How a task is recognised again in a new reading of the same file: the first 16 characters of its text, without
 * spaces and punctuation (a re-read with other column roles or another task level changes the numbering, the
 * units and the spans, but a task that is still there still begins with the same words).
 */
export function textKey(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, "").slice(0, 16);
}

/** What the user decided for a phrase no unit matched: the units it was mapped to, or the reason it was left out. */
export type PhraseDecisions = Map<string, TaskUnitEntry[]>;

/** The decisions of a plan's unit rows: the phrases the registry does not resolve that have a unit or a reason. */
export function phraseDecisions(rows: readonly TaskUnitRow[], resolver: UnitResolver): PhraseDecisions {
  const decisions: PhraseDecisions = new Map();
  for (const row of rows) {
    if (row.unitId === null && row.dismissedReason === null) continue;
    if (resolver.resolve(row.phrase).units.length > 0) continue;
    const list = decisions.get(row.phrase) ?? [];
    if (!list.some((e) => e.unitId === row.unitId && e.dismissedReason === row.dismissedReason)) {
      list.push({ unitId: row.unitId, role: row.role, phrase: row.phrase, dismissedReason: row.dismissedReason });
    }
    decisions.set(row.phrase, list);
  }
  return decisions;
}

function unitsOf(task: ParseResult["tasks"][number], resolver: UnitResolver, decisions: PhraseDecisions) {
  const entries = expandPhrases(
    { lead: task.leadUnits, responsible: task.responsibleUnits, cooperating: task.cooperatingUnits },
    resolver,
  );
  return entries.flatMap((entry) => {
    const decided = entry.unitId === null ? decisions.get(entry.phrase) : undefined;
    return decided ? decided.map((d) => ({ ...d, role: entry.role })) : [entry];
  });
}

/** The parse's tasks as drafts, their phrases resolved by the registry and by the decisions already made. */
export function draftsOf(parsed: ParseResult, resolver: UnitResolver, decisions: PhraseDecisions = new Map()) {
  return parsed.tasks.map(
    (task): TaskDraft => ({
      parseId: task.id,
      sectionId: task.sectionId,
      parentId: task.parentId,
      number: task.number,
      path: task.path,
      title: task.title,
      text: task.text,
      source: task.source,
      deadlines: task.deadlines,
      targets: task.targets,
      confidence: task.confidence,
      doubts: task.doubts,
      editedFields: [],
      units: unitsOf(task, resolver, decisions),
    }),
  );
}

export interface StoredPlan {
  tasks: TaskRow[];
  units: TaskUnitRow[];
  /** the plan's sections by id, for a task whose section was changed by hand */
  sections: Map<number, { number: string; title: string }>;
  /** the text keys of the tasks the user deleted or merged into another */
  removed: string[];
}

/**
 * A new reading of a plan's file, with the user's work carried over. An edit "still applies" when the re-read has a
 * task with the same text key as the edited task (see textKey); that task then takes the edited fields (a section
 * chosen by hand is found again by its number and title) and keeps its other fields as re-read. An edited task whose
 * key the re-read no longer has is counted as a lost edit. A task added by hand stays, after the re-read task that
 * the task before it became; a re-read task whose key the user deleted or merged away is left out again.
 */
export function carryEdits(
  parsed: ParseResult,
  stored: StoredPlan,
  resolver: UnitResolver,
): { drafts: TaskDraft[]; keptEdits: number; lostEdits: number } {
  const removed = new Set(stored.removed);
  const fresh = draftsOf(parsed, resolver, phraseDecisions(stored.units, resolver)).filter(
    (draft) => !removed.has(textKey(draft.text)),
  );
  const byKey = new Map<string, number[]>();
  fresh.forEach((draft, index) => {
    const key = textKey(draft.text);
    byKey.set(key, [...(byKey.get(key) ?? []), index]);
  });
  const unitsByTask = new Map<number, TaskUnitEntry[]>();
  for (const row of stored.units) {
    const list = unitsByTask.get(row.taskId) ?? [];
    list.push({ unitId: row.unitId, role: row.role, phrase: row.phrase, dismissedReason: row.dismissedReason });
    unitsByTask.set(row.taskId, list);
  }
  const sectionOf = (sectionId: number | null) => {
    const section = sectionId === null ? undefined : stored.sections.get(sectionId);
    if (!section) return null;
    return parsed.sections.find((s) => s.number === section.number && s.title === section.title)?.id ?? null;
  };

  // the hand-added tasks to put after each re-read task (-1: before the first)
  const addedAfter = new Map<number, TaskDraft[]>();
  let anchor = -1;
  let keptEdits = 0;
  let lostEdits = 0;
  for (const task of stored.tasks) {
    const edited = new Set(task.editedFields);
    if (edited.has("added")) {
      const list = addedAfter.get(anchor) ?? [];
      list.push({
        parseId: null,
        sectionId: sectionOf(task.sectionId) ?? fresh[anchor]?.sectionId ?? null,
        parentId: null,
        number: task.number,
        path: task.path,
        title: task.title,
        text: task.text,
        source: null,
        deadlines: task.deadlines,
        targets: task.targets,
        confidence: task.confidence,
        doubts: task.doubts,
        editedFields: task.editedFields,
        units: unitsByTask.get(task.id) ?? [],
      });
      addedAfter.set(anchor, list);
      continue;
    }
    const index = byKey.get(textKey(task.text))?.shift();
    if (index === undefined) {
      if (edited.size > 0) lostEdits++;
      continue;
    }
    anchor = index;
    if (edited.size === 0) continue;
    keptEdits++;
    const draft = fresh[index];
    fresh[index] = {
      ...draft,
      number: edited.has("number") ? task.number : draft.number,
      title: edited.has("title") ? task.title : draft.title,
      text: edited.has("text") ? task.text : draft.text,
      sectionId: edited.has("section") ? sectionOf(task.sectionId) : draft.sectionId,
      units: edited.has("units") ? (unitsByTask.get(task.id) ?? []) : draft.units,
      deadlines: edited.has("deadlines") ? task.deadlines : draft.deadlines,
      targets: edited.has("targets") ? task.targets : draft.targets,
      editedFields: task.editedFields,
    };
  }
  const drafts = [
    ...(addedAfter.get(-1) ?? []),
    ...fresh.flatMap((draft, index) => [draft, ...(addedAfter.get(index) ?? [])]),
  ];
  return { drafts, keptEdits, lostEdits };
}
