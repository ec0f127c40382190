/**
 * The coordinator's work on supervision orders: putting a period under supervision by hand (it joins the unit's open
 * draft), editing a draft and taking items out of it, issuing drafts (numbered, the unit told) and cancelling orders,
 * one at a time or many at once (all or none). Every change is audited in its transaction; each carries the version
 * it read.
 */
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { chinaDay, daysBetween } from "../../core/calendar.js";
import { chineseDay } from "../../core/documents/official-date.js";
import { taskReference } from "../../core/documents/task-reference.js";
import { orderBody, orderTitle, replyByOf } from "../../core/supervision/order-text.js";
import type {
  SupervisionOrderCreate,
  SupervisionOrderPatch,
  SupervisionOrdersCancel,
  SupervisionOrdersIssue,
} from "../../shared/api.js";
import { SUPERVISION_ORDER_LEVEL_LABELS, type SupervisionOrderLevel } from "../../shared/domain.js";
import { orderLink } from "../../shared/links.js";
import { type AuditEntry, recordAudit, recordAudits } from "../audit/record.js";
import type { Db, Queryable } from "../db/client.js";
import {
  assignmentDueDates,
  assignments,
  plans,
  type SupervisionOrderRow,
  supervisionOrderItems,
  supervisionOrders,
  tasks,
  units,
} from "../db/schema.js";
import { documentNumberText, nextDocumentNumber } from "../documents/numbers.js";
import { AppError, badRequest, notFound, versionConflict } from "../http/errors.js";
import { recipientsByUnit } from "../jobs/notices.js";
import { notify } from "../notifications/notify.js";
import { officeTemplates } from "../settings/office.js";
import type { ChangeContext } from "../units/service.js";

const o = supervisionOrders;
const i = supervisionOrderItems;

/** Items a message to the unit names; the rest are counted. */
const LISTED = 5;

async function lockOrder(tx: Queryable, id: number, version: number): Promise<SupervisionOrderRow> {
  const [row] = await tx.select().from(o).where(eq(o.id, id)).for("update");
  if (!row) throw notFound("督办单");
  if (row.version !== version) throw versionConflict();
  return row;
}

function assertDraft(order: SupervisionOrderRow, what: string, name = "督办单") {
  if (order.status === "issued") throw badRequest(`${name}已签发，不能${what}`);
  if (order.status === "cancelled") throw badRequest(`${name}已撤销，不能${what}`);
}

/** What an order's words are drafted from: its unit and plan. */
async function factsOf(tx: Queryable, order: Pick<SupervisionOrderRow, "unitId" | "planId">) {
  const [[unit], [plan]] = await Promise.all([
    tx.select({ name: units.name }).from(units).where(eq(units.id, order.unitId)),
    tx.select({ title: plans.title }).from(plans).where(eq(plans.id, order.planId)),
  ]);
  return { unitName: unit.name, planTitle: plan.title };
}

/** The unit's open draft of this plan and level, locked; made (with drafted words) when it has none. */
async function openDraft(
  tx: Queryable,
  at: { unitId: number; planId: number; level: SupervisionOrderLevel },
  ctx: ChangeContext,
  today: string,
) {
  const where = and(eq(o.unitId, at.unitId), eq(o.planId, at.planId), eq(o.level, at.level), eq(o.status, "draft"));
  const [found] = await tx.select().from(o).where(where).for("update");
  if (found) return { order: found, created: false };
  const facts = { ...(await factsOf(tx, at)), level: at.level };
  const replyBy = replyByOf(at.level, today);
  const templates = await officeTemplates(tx);
  const title = orderTitle(facts, templates.orderTitle);
  const body = orderBody(facts, replyBy, templates.orderBody);
  const [made] = await tx
    .insert(o)
    .values({ ...at, title, body, replyBy, createdBy: ctx.actorId })
    .onConflictDoNothing()
    .returning();
  if (made) return { order: made, created: true };
  // another request made it meanwhile: join it
  const [other] = await tx.select().from(o).where(where).for("update");
  if (!other) throw versionConflict();
  return { order: other, created: false };
}

/** Puts a period under supervision by hand: it joins the unit's open draft of the plan and level, or starts one. */
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
    const { order, created } = await openDraft(
      tx,
      { unitId: assignment.unitId, planId: assignment.planId, level },
      ctx,
      today,
    );
    const [already] = await tx
      .select({ id: i.id })
      .from(i)
      .where(and(eq(i.orderId, order.id), eq(i.dueDateId, period.id), isNull(i.droppedReason)));
    if (already) {
      throw new AppError(409, "already_in_order", "该期次已在这份督办单草稿中", { orderId: order.id });
    }
    const [item] = await tx
      .insert(i)
      .values({
        orderId: order.id,
        assignmentId: assignment.id,
        dueDateId: period.id,
        period: period.label,
        dueOn: period.dueOn,
        daysOverdue: Math.max(0, daysBetween(period.dueOn, today)),
      })
      .returning();
    if (!created) {
      await tx
        .update(o)
        .set({ version: order.version + 1, updatedAt: new Date() })
        .where(eq(o.id, order.id));
    }
    await recordAudit(tx, {
      ...ctx,
      action: created ? "supervision_order.create" : "supervision_order.merge",
      entityType: "supervision_order",
      entityId: order.id,
      after: created ? { ...order, items: [item] } : { items: [item] },
    });
    return order.id;
  });
}

/** How many items a draft still holds. */
async function heldCount(tx: Queryable, orderId: number): Promise<number> {
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(i)
    .where(and(eq(i.orderId, orderId), isNull(i.droppedReason)));
  return n;
}

/** A draft's edits. A new level with no new words redrafts the words for that level; items can be taken out. */
export async function updateOrder(db: Db, id: number, patch: SupervisionOrderPatch, ctx: ChangeContext, now: Date) {
  await db.transaction(async (tx) => {
    const before = await lockOrder(tx, id, patch.version);
    assertDraft(before, "修改");
    const today = chinaDay(now);
    const level = patch.level ?? before.level;
    const replyBy = patch.replyBy ?? (patch.level ? replyByOf(level, today) : before.replyBy);
    if (replyBy < today) throw badRequest("整改时限不能早于今天");
    if (level !== before.level) {
      const [other] = await tx
        .select({ id: o.id })
        .from(o)
        .where(
          and(eq(o.unitId, before.unitId), eq(o.planId, before.planId), eq(o.level, level), eq(o.status, "draft")),
        );
      if (other) {
        throw new AppError(
          409,
          "draft_exists",
          `该单位在该方案下已有${SUPERVISION_ORDER_LEVEL_LABELS[level]}的督办单草稿，请在那份草稿中办理`,
          { orderId: other.id },
        );
      }
    }
    let { title, body } = before;
    if (level !== before.level && !patch.title && !patch.body) {
      const facts = { ...(await factsOf(tx, before)), level };
      const templates = await officeTemplates(tx);
      title = orderTitle(facts, templates.orderTitle);
      body = orderBody(facts, replyBy, templates.orderBody);
    }
    let dropped: number[] = [];
    if (patch.dropItems?.length) {
      const rows = await tx
        .update(i)
        .set({ droppedReason: "统筹部门移出" })
        .where(and(eq(i.orderId, id), inArray(i.id, patch.dropItems), isNull(i.droppedReason)))
        .returning({ id: i.id });
      dropped = rows.map((row) => row.id);
      if ((await heldCount(tx, id)) === 0) {
        throw badRequest("督办单至少要保留一项督办事项；无需督办的，请撤销督办单");
      }
    }
    const [after] = await tx
      .update(o)
      .set({
        level,
        replyBy,
        title: patch.title?.trim() ?? title,
        body: patch.body?.trim() ?? body,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(o.id, id))
      .returning();
    await recordAudit(tx, {
      ...ctx,
      action: "supervision_order.update",
      entityType: "supervision_order",
      entityId: id,
      before,
      after: dropped.length ? { ...after, droppedItems: dropped } : after,
    });
  });
}

/** Tells the managers of the order's unit (and the unit's robots) that it was issued or withdrawn. */
async function tellTheUnit(
  tx: Queryable,
  order: SupervisionOrderRow,
  title: string,
  body: string,
  assignmentId: number | null,
) {
  const people = (await recipientsByUnit(tx, [order.unitId])).get(order.unitId) ?? [];
  await notify(tx, [
    {
      message: { kind: "order", title, body, link: orderLink(order.id), assignmentId },
      userIds: people.filter((p) => p.manager).map((p) => p.id),
      unitId: order.unitId,
    },
  ]);
}

/** The items an order holds, with their tasks, oldest due first. */
async function heldItems(tx: Queryable, orderId: number) {
  return tx
    .select({
      id: i.id,
      assignmentId: i.assignmentId,
      period: i.period,
      dueOn: i.dueOn,
      state: assignmentDueDates.state,
      task: { number: tasks.number, title: tasks.title, text: tasks.text },
    })
    .from(i)
    .innerJoin(assignments, eq(assignments.id, i.assignmentId))
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .leftJoin(assignmentDueDates, eq(assignmentDueDates.id, i.dueDateId))
    .where(and(eq(i.orderId, orderId), isNull(i.droppedReason)))
    .orderBy(asc(i.dueOn), asc(tasks.sortOrder), asc(i.id));
}

type Locked = SupervisionOrderRow & { unitName: string };

/**
 * The orders asked for, locked in id order, each at the version the office saw: all of them, or a refusal that
 * names the units whose orders are missing or changed.
 */
async function lockOrders(tx: Queryable, asked: { id: number; version: number }[]): Promise<Locked[]> {
  const ids = [...new Set(asked.map((a) => a.id))];
  const rows = await tx
    .select({ order: o, unitName: units.name })
    .from(o)
    .innerJoin(units, eq(units.id, o.unitId))
    .where(inArray(o.id, ids))
    .orderBy(asc(o.id))
    .for("update", { of: o });
  if (rows.length < ids.length) {
    throw new AppError(404, "not_found", "所选督办单中有的不存在或已被删除，请刷新后重新选择");
  }
  const version = new Map(asked.map((a) => [a.id, a.version]));
  const stale = rows.filter((row) => row.order.version !== version.get(row.order.id));
  if (stale.length) {
    throw new AppError(
      409,
      "version_conflict",
      `${stale.map((row) => row.unitName).join("、")}的督办单已被他人修改，请刷新后重试`,
      { orderIds: stale.map((row) => row.order.id) },
    );
  }
  const byId = new Map(rows.map((row) => [row.order.id, { ...row.order, unitName: row.unitName }]));
  return ids.map((id) => byId.get(id) as Locked);
}

/** Issues one locked draft: items answered since leave it, the rest are counted to today; numbered; the unit told. */
async function issueLocked(tx: Queryable, before: Locked, name: string, ctx: ChangeContext, now: Date) {
  assertDraft(before, "再次签发", name);
  const today = chinaDay(now);
  if (before.replyBy < today) throw badRequest(`${name}的整改时限已过，请修改整改时限后再签发`);
  const items = await heldItems(tx, before.id);
  const answered = items.filter((item) => item.state === "submitted" || item.state === "closed");
  const open = items.filter((item) => !answered.includes(item));
  if (open.length === 0) throw badRequest(`${name}的督办事项均已报送，无需签发，请撤销`);
  if (answered.length) {
    await tx
      .update(i)
      .set({ droppedReason: "签发前已报送" })
      .where(
        inArray(
          i.id,
          answered.map((item) => item.id),
        ),
      );
  }
  await tx
    .update(i)
    .set({ daysOverdue: sql`greatest(0, ${today}::date - ${i.dueOn})` })
    .where(and(eq(i.orderId, before.id), isNull(i.droppedReason)));
  const year = Number(today.slice(0, 4));
  const number = await nextDocumentNumber(tx, "order", year);
  const [after] = await tx
    .update(o)
    .set({
      status: "issued",
      year,
      number,
      issuedAt: now,
      issuedBy: ctx.actorId,
      version: before.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(o.id, before.id))
    .returning();
  const listed = open
    .slice(0, LISTED)
    .map((item, n) => `${n + 1}. ${taskReference(item.task)}（${item.period}），完成时限${chineseDay(item.dueOn)}`);
  const more = open.length > LISTED ? `\n……等 ${open.length} 项。` : "";
  await tellTheUnit(
    tx,
    before,
    `${SUPERVISION_ORDER_LEVEL_LABELS[before.level]}：${documentNumberText("order", year, number)}`,
    `${before.title}。督办事项：\n${listed.join("\n")}${more}\n请于${chineseDay(before.replyBy)}前完成整改并报送进展。`,
    open.length === 1 ? open[0].assignmentId : null,
  );
  const { unitName: _, ...row } = before;
  return {
    ...ctx,
    action: "supervision_order.issue" as const,
    entityType: "supervision_order" as const,
    entityId: before.id,
    before: row,
    after: answered.length ? { ...after, droppedItems: answered.map((item) => item.id) } : after,
  };
}

/** Cancels one locked draft, or withdraws an issued order (the unit is told). An issued one's number stays taken. */
async function cancelLocked(tx: Queryable, before: Locked, name: string, reason: string, ctx: ChangeContext) {
  if (before.status === "cancelled") throw badRequest(`${name}已撤销`);
  const [after] = await tx
    .update(o)
    .set({ status: "cancelled", cancelledReason: reason, version: before.version + 1, updatedAt: new Date() })
    .where(eq(o.id, before.id))
    .returning();
  if (before.status === "issued" && before.year && before.number) {
    await tellTheUnit(
      tx,
      before,
      `督办单已撤销：${documentNumberText("order", before.year, before.number)}`,
      `${before.title}已撤销。原因：${reason}`,
      null,
    );
  }
  const { unitName: _, ...row } = before;
  return {
    ...ctx,
    action: "supervision_order.cancel" as const,
    entityType: "supervision_order" as const,
    entityId: before.id,
    before: row,
    after,
  };
}

/** How a refusal names an order: plainly when it is the only one, by its unit among many. */
const nameOf = (order: Locked, many: boolean) => (many ? `${order.unitName}的督办单` : "督办单");

/** Issues drafts, numbered in the order given: all of them, or none (a refusal names the order that stopped it). */
export async function issueOrders(db: Db, input: SupervisionOrdersIssue, ctx: ChangeContext, now: Date) {
  return db.transaction(async (tx) => {
    const orders = await lockOrders(tx, input.items);
    const audits: AuditEntry[] = [];
    for (const order of orders) audits.push(await issueLocked(tx, order, nameOf(order, orders.length > 1), ctx, now));
    await recordAudits(tx, audits);
    return orders.length;
  });
}

/** Cancels orders with one reason: all of them, or none. */
export async function cancelOrders(db: Db, input: SupervisionOrdersCancel, ctx: ChangeContext) {
  const reason = input.reason.trim();
  return db.transaction(async (tx) => {
    const orders = await lockOrders(tx, input.items);
    const audits: AuditEntry[] = [];
    for (const order of orders) {
      audits.push(await cancelLocked(tx, order, nameOf(order, orders.length > 1), reason, ctx));
    }
    await recordAudits(tx, audits);
    return orders.length;
  });
}
