/** The phrases a plan writes (区司法局, 各乡镇) turned into a task's unit entries by the registry. */

import { asc, eq } from "drizzle-orm";
import { normaliseTaskUnits, type TaskUnitEntry } from "../../core/plans/task-units.js";
import type { Queryable } from "../db/client.js";
import { taskUnits } from "../db/schema.js";
import type { UnitResolver } from "../units/resolve.js";

export function expandPhrases(
  phrases: { lead: string[]; responsible: string[]; cooperating: string[] },
  resolver: UnitResolver,
): TaskUnitEntry[] {
  const entries: TaskUnitEntry[] = [];
  for (const role of ["lead", "responsible", "cooperating"] as const) {
    for (const phrase of phrases[role]) {
      const { units } = resolver.resolve(phrase);
      if (units.length === 0) entries.push({ unitId: null, role, phrase, dismissedReason: null });
      for (const unit of units) entries.push({ unitId: unit.id, role, phrase, dismissedReason: null });
    }
  }
  return normaliseTaskUnits(entries);
}

/** A task's unit entries in their order. */
export async function taskUnitsOf(tx: Queryable, taskId: number): Promise<TaskUnitEntry[]> {
  return tx
    .select({
      unitId: taskUnits.unitId,
      role: taskUnits.role,
      phrase: taskUnits.phrase,
      dismissedReason: taskUnits.dismissedReason,
    })
    .from(taskUnits)
    .where(eq(taskUnits.taskId, taskId))
    .orderBy(asc(taskUnits.sortOrder), asc(taskUnits.id));
}
