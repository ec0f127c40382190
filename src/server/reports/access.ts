/**
 * Who may do what with a progress report. Seeing one follows its assignment (the unit itself, the task's lead unit
 * for a cooperating unit, the coordinating office and the leaders); writing is the unit's own; reviewing is the
 * coordinating office's, or for a cooperating unit's report that of the task's lead unit.
 */
import { and, eq, inArray, ne, or, type SQL } from "drizzle-orm";
import { can } from "../../shared/domain.js";
import { visibleTo } from "../assignments/service.js";
import type { Actor } from "../auth/actor.js";
import type { Queryable } from "../db/client.js";
import { type AssignmentRow, assignments, reports } from "../db/schema.js";

/** An assignment with the units that lead its task, which decide who reviews its reports. */
export interface ReportScope {
  assignment: Pick<AssignmentRow, "id" | "unitId" | "role" | "taskId" | "planId" | "status">;
  leadUnitIds: number[];
}

/** The lead units of each task, from their open assignments. */
export async function leadUnitsOf(db: Queryable, taskIds: number[]): Promise<Map<number, number[]>> {
  const leads = new Map<number, number[]>();
  if (taskIds.length === 0) return leads;
  const rows = await db
    .select({ taskId: assignments.taskId, unitId: assignments.unitId })
    .from(assignments)
    .where(
      and(inArray(assignments.taskId, taskIds), eq(assignments.role, "lead"), ne(assignments.status, "cancelled")),
    );
  for (const row of rows) leads.set(row.taskId, [...(leads.get(row.taskId) ?? []), row.unitId]);
  return leads;
}

/** A cooperating unit's report goes to the task's lead unit; every other report to the coordinating office. */
export function reviewerOf(scope: ReportScope): "lead" | "coordinator" {
  const { unitId, role } = scope.assignment;
  return role === "cooperating" && scope.leadUnitIds.some((id) => id !== unitId) ? "lead" : "coordinator";
}

export const runsPlans = (actor: Actor) => can(actor.roles, "plans.manage");

export const isOwnUnit = (actor: Actor, scope: ReportScope) => actor.unit?.id === scope.assignment.unitId;

/** A draft is its unit's own until it is submitted: nobody else reads it, whoever may see the assignment. */
export const hidesDraft = (actor: Actor, scope: ReportScope, status: string) =>
  status === "draft" && !isOwnUnit(actor, scope);

/** hidesDraft as a condition on reports joined to their assignments. */
export const notAnotherUnitsDraft = (actor: Actor) =>
  or(ne(reports.status, "draft"), eq(assignments.unitId, actor.unit?.id ?? -1));

/**
 * The reports an actor sees, as a condition on reports joined to their assignments: those of the assignments they
 * see, but another unit's drafts. An evidence file is seen exactly when a report that holds it is.
 */
export const reportsVisibleTo = (actor: Actor): SQL | undefined =>
  and(visibleTo(actor) ?? undefined, notAnotherUnitsDraft(actor));

/** The coordinating office reviews any report; a lead unit those of the units cooperating on its task. */
export function mayReview(actor: Actor, scope: ReportScope): boolean {
  if (runsPlans(actor)) return true;
  return reviewerOf(scope) === "lead" && actor.unit !== null && scope.leadUnitIds.includes(actor.unit.id);
}
