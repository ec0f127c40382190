/**
 * Who may do what with a progress report. Seeing one follows its assignment (the unit itself, the task's lead unit
 * for a cooperating unit, the coordinating office and the leaders); writing is the unit's own; reviewing is the
 * coordinating office's, or for a cooperating unit's report that of the task's lead unit, and never the submitting
 * unit's own.
 */
import { and, eq, inArray, isNull, ne, not, or, type SQL, sql } from "drizzle-orm";
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

/**
 * The rule against self-approval, as the reviewer reads it: a report is never reviewed by the person who submitted it
 * nor by anyone of the unit that wrote it. The office's own unit (区司法局) holds assignments too: its reports go to a
 * coordinator outside it or to the system administrator; the leader stays read only.
 */
export const SELF_REVIEW_REFUSAL = "本单位提交的报告须由其他督导人员审核（本单位以外的统筹协调人员或系统管理员）";
const OWN_SUBMISSION_REFUSAL = "您报送的报告须由他人审核";

/** Why the actor may not review the report; null when they may. `submittedBy` is who submitted it, if anyone. */
export function reviewRefusal(actor: Actor, scope: ReportScope, submittedBy: number | null): string | null {
  if (!can(actor.roles, "reports.review")) return "您没有审核进展报告的权限";
  if (isOwnUnit(actor, scope)) return SELF_REVIEW_REFUSAL;
  if (submittedBy === actor.userId) return OWN_SUBMISSION_REFUSAL;
  if (runsPlans(actor)) return null;
  if (reviewerOf(scope) === "lead" && actor.unit !== null && scope.leadUnitIds.includes(actor.unit.id)) return null;
  return scope.assignment.role === "cooperating"
    ? "配合单位的进展由牵头单位或司法局审核"
    : "进展报告由统筹单位（司法局）审核";
}

/** A lead assignment of the report's task, other than the report's unit's, and (when given) held by `unitId`. */
const ledBy = (unitId?: number) => sql`exists (select 1 from ${assignments} as "lead"
  where "lead"."task_id" = ${assignments.taskId} and "lead"."role" = 'lead' and "lead"."status" <> 'cancelled'
  and "lead"."unit_id" <> ${assignments.unitId}${unitId === undefined ? sql`` : sql` and "lead"."unit_id" = ${unitId}`})`;

/**
 * The reports waiting for the actor, as a condition on reports joined to their assignments; undefined when they
 * review none. The rule of reviewerOf and reviewRefusal written as SQL (change them together): the office those that
 * go to the coordinator, a lead unit its cooperating units'; never the actor's own unit's, nor one they submitted.
 */
export function reviewQueueOf(actor: Actor): SQL | undefined {
  const office = runsPlans(actor);
  if (!can(actor.roles, "reports.review") || (!office && !actor.unit)) return undefined;
  const cooperating = eq(assignments.role, "cooperating");
  return and(
    actor.unit ? ne(assignments.unitId, actor.unit.id) : undefined,
    or(isNull(reports.submittedBy), ne(reports.submittedBy, actor.userId)),
    office ? not(and(cooperating, ledBy()) as SQL) : and(cooperating, ledBy(actor.unit?.id)),
  );
}

/**
 * The coordinating office reviews any report, a lead unit's manager those of the units cooperating on its task; never
 * a report of their own unit or one they submitted.
 */
export const mayReview = (actor: Actor, scope: ReportScope, submittedBy: number | null) =>
  reviewRefusal(actor, scope, submittedBy) === null;

/**
 * What a reviewer is told about a waiting report they would review but for the rule against self-approval (the UI
 * shows it instead of the buttons); null for everyone else.
 */
export function selfReviewNote(actor: Actor, scope: ReportScope, submittedBy: number | null): string | null {
  const refusal = reviewRefusal(actor, scope, submittedBy);
  return refusal === SELF_REVIEW_REFUSAL || refusal === OWN_SUBMISSION_REFUSAL ? refusal : null;
}

/**
 * 撤回: the unit's manager (or the office's people, for the office's own unit) withdraws any of its reports; a unit_staff
 * only a draft they wrote or a report they submitted.
 */
export function mayWithdraw(actor: Actor, report: { createdBy: number | null; submittedBy: number | null }): boolean {
  if (can(actor.roles, "assignments.acknowledge")) return true;
  return (report.submittedBy ?? report.createdBy) === actor.userId;
}
