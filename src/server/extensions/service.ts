/**
 * 延期申请: a unit asks to move one period's due date, with a reason; the coordinating office approves (the date moves
 * and stays moved when the task's deadline is edited later) or rejects. The request keeps the date it replaced, so
 * the due date's history is the list of approved requests.
 */
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { chineseDay } from "../../core/documents/official-date.js";
import type { ExtensionDecision, ExtensionRequest, ExtensionRequestCreate } from "../../shared/api.js";
import { getAssignment, recordDenied, seesAll } from "../assignments/service.js";
import { recordAudit } from "../audit/record.js";
import type { Actor } from "../auth/actor.js";
import type { Queryable } from "../db/client.js";
import { assignmentDueDates, assignments, extensionRequests, plans, tasks, units, users } from "../db/schema.js";
import { type Deps, signalDay } from "../deps.js";
import { AppError, badRequest, forbidden, notFound, versionConflict } from "../http/errors.js";
import { tellExtensionDecided } from "../notifications/steps.js";
import type { ChangeContext } from "../units/service.js";

const requester = alias(users, "requester");
/** The rule against self-approval, as for reports (reports/access.ts). */
const SELF_DECISION_REFUSAL = "本单位提出的延期申请须由其他督导人员审批（本单位以外的统筹协调人员或系统管理员）";
const decider = alias(users, "decider");

function selectRequests(db: Queryable) {
  return db
    .select({
      request: extensionRequests,
      planId: assignments.planId,
      planTitle: sql<string>`(select ${plans.title} from ${plans} where ${plans.id} = ${assignments.planId})`,
      unitId: assignments.unitId,
      taskNumber: tasks.number,
      unitName: units.name,
      requestedByName: requester.displayName,
      decidedByName: decider.displayName,
    })
    .from(extensionRequests)
    .innerJoin(assignments, eq(assignments.id, extensionRequests.assignmentId))
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .leftJoin(requester, eq(requester.id, extensionRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, extensionRequests.decidedBy));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectRequests>["execute"]>>[number];

function present({ request: r, ...row }: Selected): ExtensionRequest {
  return {
    id: r.id,
    assignmentId: r.assignmentId,
    planId: row.planId,
    planTitle: row.planTitle,
    taskNumber: row.taskNumber,
    unitId: row.unitId,
    unitName: row.unitName,
    period: r.period,
    currentDueOn: r.currentDueOn,
    requestedDueOn: r.requestedDueOn,
    reason: r.reason,
    status: r.status,
    requestedByName: row.requestedByName,
    decidedByName: row.decidedByName,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionComment: r.decisionComment,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Extension requests the actor may see: all for those who see every assignment, else their own unit's. */
export async function listExtensionRequests(db: Queryable, actor: Actor, where: SQL | undefined, limit = 200) {
  const visible = seesAll(actor) ? undefined : eq(assignments.unitId, actor.unit?.id ?? -1);
  const rows = await selectRequests(db)
    .where(and(visible, where))
    .orderBy(desc(extensionRequests.createdAt), desc(extensionRequests.id))
    .limit(limit);
  return rows.map(present);
}

export async function getExtensionRequest(db: Queryable, id: number): Promise<ExtensionRequest> {
  const [row] = await selectRequests(db).where(eq(extensionRequests.id, id));
  if (!row) throw notFound("延期申请");
  return present(row);
}

export async function requestExtension(
  deps: Deps,
  assignmentId: number,
  input: ExtensionRequestCreate,
  actor: Actor,
  ctx: ChangeContext,
): Promise<number> {
  const assignment = await getAssignment(deps.db, assignmentId, actor, signalDay(deps), ctx);
  if (actor.unit?.id !== assignment.unitId) {
    await recordDenied(deps.db, ctx, assignmentId, { reason: "not_own_unit", action: "extension.request" });
    throw forbidden("只有本单位的管理员可以为本单位的任务申请延期");
  }
  if (assignment.status === "cancelled" || assignment.status === "completed") {
    throw new AppError(409, "assignment_closed", "该任务已办结或已取消，无需申请延期");
  }
  const period = input.period ?? assignment.dueDates.find((d) => d.state === "open" || d.state === "returned")?.label;
  const occurrence = assignment.dueDates.find((d) => d.label === period);
  if (!occurrence) throw badRequest(period ? `该任务没有“${period}”这一期次` : "该任务没有可以延期的期次");
  if (occurrence.state === "closed")
    throw new AppError(409, "period_closed", `“${occurrence.label}”已审核通过，无需延期`);
  if (input.requestedDueOn <= occurrence.dueOn) {
    throw badRequest(`申请延至的日期应晚于现在的截止日期（${chineseDay(occurrence.dueOn)}）`);
  }
  return deps.db.transaction(async (tx) => {
    const [pending] = await tx
      .select({ id: extensionRequests.id })
      .from(extensionRequests)
      .where(
        and(
          eq(extensionRequests.assignmentId, assignmentId),
          eq(extensionRequests.period, occurrence.label),
          eq(extensionRequests.status, "pending"),
        ),
      );
    if (pending) throw new AppError(409, "extension_pending", `“${occurrence.label}”已有一份延期申请在审批中`);
    const [created] = await tx
      .insert(extensionRequests)
      .values({
        assignmentId,
        period: occurrence.label,
        currentDueOn: occurrence.dueOn,
        requestedDueOn: input.requestedDueOn,
        reason: input.reason.trim(),
        requestedBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      ...ctx,
      action: "extension.request",
      entityType: "extension_request",
      entityId: created.id,
      after: created,
    });
    return created.id;
  });
}

/**
 * The coordinating office decides (the route admits only those who run plans), never on a request of its own unit's
 * nor one it made: that goes to a coordinator outside the unit or the system administrator, as its reports do. Of two
 * decisions at once the second finds the request decided (409).
 */
export async function decideExtension(
  deps: Deps,
  id: number,
  decision: ExtensionDecision,
  actor: Actor,
  ctx: ChangeContext,
) {
  const [asked] = await deps.db
    .select({ requestedBy: extensionRequests.requestedBy, assignmentId: assignments.id, unitId: assignments.unitId })
    .from(extensionRequests)
    .innerJoin(assignments, eq(assignments.id, extensionRequests.assignmentId))
    .where(eq(extensionRequests.id, id));
  if (!asked) throw notFound("延期申请");
  if (asked.requestedBy === actor.userId || asked.unitId === actor.unit?.id) {
    await recordDenied(deps.db, ctx, asked.assignmentId, { reason: "own_unit", action: "extension.decide" });
    throw forbidden(SELF_DECISION_REFUSAL);
  }
  await deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(extensionRequests).where(eq(extensionRequests.id, id)).for("update");
    if (!before) throw notFound("延期申请");
    if (before.status !== "pending") throw new AppError(409, "already_decided", "该延期申请已审批");
    if (decision.version !== before.version) throw versionConflict();
    const now = new Date();
    const [after] = await tx
      .update(extensionRequests)
      .set({
        status: decision.approve ? "approved" : "rejected",
        decidedBy: actor.userId,
        decidedAt: now,
        decisionComment: decision.comment?.trim() || null,
        version: before.version + 1,
      })
      .where(eq(extensionRequests.id, id))
      .returning();
    await recordAudit(tx, {
      ...ctx,
      action: decision.approve ? "extension.approve" : "extension.reject",
      entityType: "extension_request",
      entityId: id,
      before,
      after,
    });
    await tellExtensionDecided(tx, after);
    if (!decision.approve) return;
    const [due] = await tx
      .update(assignmentDueDates)
      .set({ dueOn: before.requestedDueOn, extended: true })
      .where(and(eq(assignmentDueDates.assignmentId, before.assignmentId), eq(assignmentDueDates.label, before.period)))
      .returning();
    await recordAudit(tx, {
      ...ctx,
      action: "assignment.extend",
      entityType: "assignment",
      entityId: before.assignmentId,
      before: { period: before.period, dueOn: before.currentDueOn },
      after: { period: before.period, dueOn: due?.dueOn ?? before.requestedDueOn, extensionRequestId: id },
    });
  });
}
