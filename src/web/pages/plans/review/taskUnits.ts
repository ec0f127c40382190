import { assignmentKeys } from "../../../../core/plans/task-units";
import type { Task } from "../../../../shared/api";
import type { TaskUnitRole } from "../../../../shared/domain";

export type TaskUnitEntry = Task["units"][number];

/** The entries one phrase of the document gave: 各乡镇 stands for every township, 区司法局 for one unit. */
export type PhraseGroup = { phrase: string; entries: TaskUnitEntry[] };

export function unitsOfRole(units: readonly TaskUnitEntry[], role: TaskUnitRole): TaskUnitEntry[] {
  return units.filter((unit) => unit.role === role);
}

/** Groups a role's entries by phrase, in the order the phrases first appear. */
export function groupByPhrase(entries: readonly TaskUnitEntry[]): PhraseGroup[] {
  const groups = new Map<string, TaskUnitEntry[]>();
  for (const entry of entries) groups.set(entry.phrase, [...(groups.get(entry.phrase) ?? []), entry]);
  return [...groups].map(([phrase, members]) => ({ phrase, entries: members }));
}

/** The units that will receive the task when the plan is published (or have it already), one role per unit. */
export function assignedEntries(units: readonly TaskUnitEntry[]): TaskUnitEntry[] {
  const keys = assignmentKeys(units);
  return units.filter((unit) => keys.delete(`${unit.unitId}:${unit.role}`));
}
