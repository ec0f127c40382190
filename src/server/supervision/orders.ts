/**
 * The coordinator's work on supervision orders: drafting one by hand, editing a draft, issuing it (which numbers it
 * and tells the unit), cancelling. Every change is audited in its transaction; edits carry the version they read.
 */
import { and, eq, ne } from "drizzle-orm";
import { chinaDay, daysBetween } from "../../core/calendar.js";
import { chineseDay } from "../../core/documents/official-date.js";
import { orderBody, orderTitle, replyByOf } from "../../core/supervision/order-text.js";
import type {
  SupervisionOrderCancel,
  SupervisionOrderCreate,
  SupervisionOrderIssue,
  SupervisionOrderPatch,
} from "../../shared/api.js";
import { SUPERVISION_ORDER_LEVEL_LABELS } from "../../shared/domain.js";
import { orderLink } from "../../shared/links.js";
import { recordAudit } from "../audit/record.js";
import type { Db, Queryable } from "../db/client.js";
import {
  assignmentDueDates,
  assignments,
  plans,
  type SupervisionOrderRow,
  supervisionOrders,
  tasks,
  units,
} from "../db/schema.js";
import { documentNumberText, nextDocumentNumber } from "../documents/numbers.js";
import { badRequest, notFound, versionConflict } from "../http/errors.js";
import { recipientsByUnit } from "../jobs/notices.js";
import { notify } from "../notifications/notify.js";
import type { ChangeContext } from "../units/service.js";

async function lockOrder(tx: Queryable, id: number, version: number): Promise<SupervisionOrderRow> {
  const [row] = await tx.select().from(supervisionOrders).where(eq(supervisionOrders.id, id)).for("update");
  if (!row) throw notFound("督办单");
  if (row.version !== version) throw versionConflict();
  return row;
}

function assertDraft(order: SupervisionOrderRow, what: string) {
  if (order.status === "issued") throw badRequest(`督办单已签发，不能${what}`);
  if (order.status === "cancelled") throw badRequest(`督办单已撤销，不能${what}`);
}

/** What the order's words are drafted from: its unit, plan, task and period. */
async function factsOf(tx: Queryable, order: Pick<SupervisionOrderRow, "unitId" | "planId" | "assignmentId">) {
  const [row] = await tx
    .select({ unitName: units.name, planTitle: plans.title, taskNumber: tasks.number, taskText: tasks.text })
    .from(assignments)
    .innerJoin(units, eq(units.id, assignments.unitId))
    .innerJoin(plans, eq(plans.id, assignments.planId))
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .where(eq(assignments.id, order.assignmentId));
  return row;
}

export async function createOrder(db: Db, input: SupervisionOrderCreate, ctx: ChangeContext, now: Date) {
  const today = chinaDay(now);
  const level = input.level ?? "blue";
  return db.transaction(async (tx) => {
    const [assignment] = await tx
      .select()
      .from(assignments)
      .where(and(eq(assignments.id, input.assignmentId), ne(assignments.status, "cancelled")));
    if (!assignment) throw notFound("任务交办记录");
    const [period] = await tx
      .select()
      .from(assignmentDueDates)
      .where(and(eq(assignmentDueDates.assignmentId, assignment.id), eq(assignmentDueDates.label, input.period)));
    if (!period) throw notFound(`期次「${input.period}」`);
    if (period.state === "closed") throw badRequest("该期次的进展已审核通过，无需督办");
    const facts = await factsOf(tx, { ...assignment, assignmentId: assignment.id });
    const daysOverdue = Math.max(0, daysBetween(period.dueOn, today));
    const replyBy = replyByOf(level, today);
    const wording = { ...facts, level, period: period.label, dueOn: period.dueOn, daysOverdue, today };
    const [order] = await tx
      .insert(supervisionOrders)
      .values({
        planId: assignment.planId,
        assignmentId: assignment.id,
        unitId: assignment.unitId,
        dueDateId: period.id,
        period: period.label,
        dueOn: period.dueOn,
        level,
        daysOverdue,
        title: orderTitle(wording),
        body: orderBody(wording, replyBy),
        replyBy,
        createdBy: ctx.actorId,
      })
      .returning();
    await recordAudit(tx, {
      ...ctx,
      action: "supervision_order.create",
      entityType: "supervision_order",
      entityId: order.id,
      after: order,
    });
    return order.id;
  });
}

/** A draft's edits. A new level with no new words redrafts the words for that level. */
export async function updateOrder(db: Db, id: number, patch: SupervisionOrderPatch, ctx: ChangeContext, now: Date) {
  await db.transaction(async (tx) => {
    const before = await lockOrder(tx, id, patch.version);
    assertDraft(before, "修改");
    const level = patch.level ?? before.level;
    const replyBy = patch.replyBy ?? (patch.level ? replyByOf(level, chinaDay(now)) : before.replyBy);
    if (replyBy < chinaDay(now)) throw badRequest("整改时限不能早于今天");
    let { title, body } = before;
    if (patch.level && patch.level !== before.level && !patch.title && !patch.body) {
      const facts = await factsOf(tx, before);
      const wording = { ...facts, ...before, level, today: chinaDay(now) };
      title = orderTitle(wording);
      body = orderBody(wording, replyBy);
    }
    const [after] = await tx
      .update(supervisionOrders)
      .set({
        level,
        replyBy,
        title: patch.title?.trim() ?? title,
        body: patch.body?.trim() ?? body,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(supervisionOrders.id, id))
      .returning();
    await recordAudit(tx, {
      ...ctx,
      action: "supervision_order.update",
      entityType: "supervision_order",
      entityId: id,
      before,
      after,
    });
  });
}

/** Tells the managers of the order's unit (and the unit's robots) that it was issued or withdrawn. */
async function tellTheUnit(tx: Queryable, order: SupervisionOrderRow, title: string, body: string) {
  const people = (await recipientsByUnit(tx, [order.unitId])).get(order.unitId) ?? [];
  await notify(tx, [
    {
      message: { kind: "order", title, body, link: orderLink(order.id), assignmentId: order.assignmentId },
      userIds: people.filter((p) => p.manager).map((p) => p.id),
      unitId: order.unitId,
    },
  ]);
}

/** Issues a draft: its number for the year, and a message to the unit's managers (and the unit's robots). */
export async function issueOrder(db: Db, id: number, input: SupervisionOrderIssue, ctx: ChangeContext, now: Date) {
  await db.transaction(async (tx) => {
    const before = await lockOrder(tx, id, input.version);
    assertDraft(before, "再次签发");
    if (before.replyBy < chinaDay(now)) throw badRequest("整改时限已过，请修改整改时限后再签发");
    if (before.dueDateId) {
      const [period] = await tx
        .select({ state: assignmentDueDates.state })
        .from(assignmentDueDates)
        .where(eq(assignmentDueDates.id, before.dueDateId));
      if (period?.state === "closed") throw badRequest("该期次的进展已审核通过，无需再签发督办单，请撤销");
    }
    const year = Number(chinaDay(now).slice(0, 4));
    const number = await nextDocumentNumber(tx, "order", year);
    const [after] = await tx
      .update(supervisionOrders)
      .set({
        status: "issued",
        year,
        number,
        issuedAt: now,
        issuedBy: ctx.actorId,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(supervisionOrders.id, id))
      .returning();
    await tellTheUnit(
      tx,
      before,
      `${SUPERVISION_ORDER_LEVEL_LABELS[before.level]}：${documentNumberText("order", year, number)}`,
      `${before.title}。请于${chineseDay(before.replyBy)}前完成整改并报送进展。`,
    );
    await recordAudit(tx, {
      ...ctx,
      action: "supervision_order.issue",
      entityType: "supervision_order",
      entityId: id,
      before,
      after,
    });
  });
}

/** Cancels a draft, or withdraws an issued order (the unit is told). The number of an issued one stays taken. */
export async function cancelOrder(db: Db, id: number, input: SupervisionOrderCancel, ctx: ChangeContext) {
  await db.transaction(async (tx) => {
    const before = await lockOrder(tx, id, input.version);
    if (before.status === "cancelled") throw badRequest("督办单已撤销");
    const reason = input.reason.trim();
    const [after] = await tx
      .update(supervisionOrders)
      .set({ status: "cancelled", cancelledReason: reason, version: before.version + 1, updatedAt: new Date() })
      .where(eq(supervisionOrders.id, id))
      .returning();
    if (before.status === "issued" && before.year && before.number) {
      await tellTheUnit(
        tx,
        before,
        `督办单已撤销：${documentNumberText("order", before.year, before.number)}`,
        `${before.title}已撤销。原因：${reason}`,
      );
    }
    await recordAudit(tx, {
      ...ctx,
      action: "supervision_order.cancel",
      entityType: "supervision_order",
      entityId: id,
      before,
      after,
    });
  });
}
