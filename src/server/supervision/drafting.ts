/**
 * The job's share of supervision orders: a period X days overdue gets a yellow order drafted, Y days a red one,
 * each once (by key, claimed in the transaction that writes it). A red draft replaces a yellow one not yet issued;
 * a draft whose period has since been reported is cancelled. The coordinator is told once a run how many new
 * drafts wait.
 */
import { and, eq, exists, inArray, sql } from "drizzle-orm";
import { orderFor } from "../../core/supervision/notices.js";
import { orderBody, orderTitle, replyByOf } from "../../core/supervision/order-text.js";
import { orderLink } from "../../shared/links.js";
import { type AuditEntry, recordAudits } from "../audit/record.js";
import type { Db, Queryable } from "../db/client.js";
import { assignmentDueDates, supervisionOrders, users } from "../db/schema.js";
import { arrayParam, existingValues, insertNewUnnest } from "../db/unnest.js";
import type { Due, DueDay } from "../jobs/notices.js";
import { notify } from "../notifications/notify.js";

const BATCH = 2500;

const RED = "order:red:";
/** The key of the yellow order of a red order's period. */
const yellowOf = (key: string) => `order:yellow:${key.slice(RED.length)}`;

const JOB = { actorId: null, ip: null } as const;

/** The people who issue orders: told of new drafts. */
async function coordinators(db: Queryable): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`'coordinator' = any(${users.roles})`, eq(users.disabled, false)));
  return rows.map((row) => row.id);
}

/** Cancels the drafts that no longer fit their period: reported since, or its work finished or cancelled. */
export async function cancelOutdatedDrafts(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const cancelled = await tx
      .update(supervisionOrders)
      .set({
        status: "cancelled",
        cancelledReason: "该期次已报送，无需督办",
        version: sql`${supervisionOrders.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(supervisionOrders.status, "draft"),
          exists(
            tx
              .select({ id: assignmentDueDates.id })
              .from(assignmentDueDates)
              .where(
                and(
                  eq(assignmentDueDates.id, supervisionOrders.dueDateId),
                  inArray(assignmentDueDates.state, ["submitted", "closed"]),
                ),
              ),
          ),
        ),
      )
      .returning({ id: supervisionOrders.id, key: supervisionOrders.key });
    await recordAudits(
      tx,
      cancelled.map((order) => ({
        ...JOB,
        action: "supervision_order.cancel",
        entityType: "supervision_order",
        entityId: order.id,
        after: { key: order.key, reason: "该期次已报送，无需督办" },
      })),
    );
    return cancelled.length;
  });
}

/** Drafts the orders a page of periods calls for that were not drafted before; answers how many it drafted. */
export async function draftOrders(db: Db, { today, rules }: DueDay, periods: Due[]): Promise<number> {
  const due = periods.flatMap((period) => {
    const call = orderFor(period, today, rules.active.get(period.planId));
    return call ? [{ period, call }] : [];
  });
  const known = await existingValues(
    db,
    supervisionOrders,
    supervisionOrders.key,
    due.map((d) => d.call.key),
  );
  const pending = due.filter((d) => !known.has(d.call.key)).sort((a, b) => a.call.key.localeCompare(b.call.key));
  if (pending.length === 0) return 0;

  let drafted = 0;
  for (let at = 0; at < pending.length; at += BATCH) {
    const batch = pending.slice(at, at + BATCH);
    drafted += await db.transaction(async (tx) => {
      const rows = batch.map(({ period, call }) => draftRow(period, call, today));
      const column = <K extends keyof (typeof rows)[number]>(name: K) => rows.map((row) => row[name]);
      const o = supervisionOrders;
      const made = await insertNewUnnest<{ id: number; key: string }>(
        tx,
        o,
        o.key,
        [
          [o.key, "text", column("key")],
          [o.planId, "int", column("planId")],
          [o.assignmentId, "int", column("assignmentId")],
          [o.unitId, "int", column("unitId")],
          [o.dueDateId, "int", column("dueDateId")],
          [o.period, "text", column("period")],
          [o.dueOn, "date", column("dueOn")],
          [o.level, "text", column("level")],
          [o.daysOverdue, "int", column("daysOverdue")],
          [o.title, "text", column("title")],
          [o.body, "text", column("body")],
          [o.replyBy, "date", column("replyBy")],
        ],
        [o.id, o.key],
      );
      if (made.length === 0) return 0;
      const audits: AuditEntry[] = made.map((order) => ({
        ...JOB,
        action: "supervision_order.draft",
        entityType: "supervision_order",
        entityId: order.id,
        after: { key: order.key },
      }));
      // a red draft replaces the yellow one of its period that was never issued (if one was drafted)
      const yellowKeys = made.filter((order) => order.key.startsWith(RED)).map((order) => yellowOf(order.key));
      if (yellowKeys.length) {
        const replaced = await tx
          .update(supervisionOrders)
          .set({
            status: "cancelled",
            cancelledReason: "已升级为红牌督办",
            version: sql`${supervisionOrders.version} + 1`,
            updatedAt: new Date(),
          })
          .where(
            and(
              eq(supervisionOrders.status, "draft"),
              sql`${supervisionOrders.key} = any(${arrayParam(yellowKeys, "text")})`,
            ),
          )
          .returning({ id: supervisionOrders.id });
        for (const { id } of replaced) {
          audits.push({
            ...JOB,
            action: "supervision_order.cancel",
            entityType: "supervision_order",
            entityId: id,
            after: { reason: "已升级为红牌督办" },
          });
        }
      }
      await recordAudits(tx, audits);
      return made.length;
    });
  }
  return drafted;
}

/** Tells the coordinators how many new drafts wait: once a run, however many pages and batches it took. */
export async function tellTheOffice(db: Db, drafted: number): Promise<void> {
  if (drafted === 0) return;
  await db.transaction(async (tx) =>
    notify(tx, [
      {
        message: {
          kind: "order",
          title: `督办单待签发：新增 ${drafted} 份`,
          body: `有 ${drafted} 项任务逾期已达督办标准，系统已生成督办单草稿，请审核后签发。`,
          link: orderLink(undefined, "?status=draft"),
        },
        userIds: await coordinators(tx),
        unitId: null,
      },
    ]),
  );
}

function draftRow(period: Due, call: NonNullable<ReturnType<typeof orderFor>>, today: string) {
  const facts = {
    level: call.level,
    unitName: period.unitName,
    planTitle: period.planTitle,
    taskNumber: period.taskNumber,
    taskText: period.taskText,
    period: period.label,
    dueOn: period.dueOn,
    daysOverdue: call.daysOverdue,
    today,
  };
  const replyBy = replyByOf(call.level, today);
  return {
    key: call.key,
    planId: period.planId,
    assignmentId: period.assignmentId,
    unitId: period.unitId,
    dueDateId: period.dueDateId,
    period: period.label,
    dueOn: period.dueOn,
    level: call.level,
    daysOverdue: call.daysOverdue,
    title: orderTitle(facts),
    body: orderBody(facts, replyBy),
    replyBy,
  };
}
