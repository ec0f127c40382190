/**
 * A task's units: one entry per unit and role, with the phrase the plan wrote (区司法局, 各乡镇), and the rule that a
 * unit holds one role per task (a lead unit named again in 各部门 is not also responsible for it). The server stores
 * entries by this rule; the review screen applies the same rule to tell what a save will take away.
 */
import type { TaskUnitRole } from "../../shared/domain.js";

export interface TaskUnitEntry {
  unitId: number | null;
  role: TaskUnitRole;
  phrase: string;
  dismissedReason: string | null;
}

const ROLE_RANK: Record<TaskUnitRole, number> = { lead: 0, responsible: 1, cooperating: 2 };

/**
 * One entry per unit, in its highest role (牵头 over 责任 over 配合), and one per unresolved phrase and role;
 * the order of first mention is kept.
 */
export function normaliseTaskUnits<T extends TaskUnitEntry>(entries: readonly T[]): TaskUnitEntry[] {
  const byUnit = new Map<number, TaskUnitEntry>();
  const unresolved = new Map<string, TaskUnitEntry>();
  const order: TaskUnitEntry[] = [];
  for (const { unitId, role, phrase: written, dismissedReason } of entries) {
    const phrase = written.trim();
    if (unitId === null) {
      const key = `${role}:${phrase}`;
      if (unresolved.has(key)) continue;
      const kept = { unitId, role, phrase, dismissedReason: dismissedReason?.trim() || null };
      unresolved.set(key, kept);
      order.push(kept);
      continue;
    }
    const held = byUnit.get(unitId);
    if (held && ROLE_RANK[held.role] <= ROLE_RANK[role]) continue;
    const kept = { unitId, role, phrase, dismissedReason: null };
    if (held) order.splice(order.indexOf(held), 1, kept);
    else order.push(kept);
    byUnit.set(unitId, kept);
  }
  return order;
}

/** Still waiting for a unit: no unit and no reason for leaving it out. */
export const isUnresolved = (entry: { unitId: number | null; dismissedReason: string | null }) =>
  entry.unitId === null && entry.dismissedReason === null;

/** "unitId:role" of every unit that has (or will have, once published) an assignment from these entries. */
export function assignmentKeys(entries: readonly TaskUnitEntry[]): Set<string> {
  return new Set(normaliseTaskUnits(entries).flatMap((e) => (e.unitId === null ? [] : [`${e.unitId}:${e.role}`])));
}
