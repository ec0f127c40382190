/**
 * The job's share of supervision orders. A period X days overdue becomes an item of a yellow order, Y days of a red
 * one, each once (by the item's key, claimed in the transaction that writes it). A unit has one open draft per plan
 * and level: new items join it, so the office reviews one order per unit, not one per period. A red item takes its
 * period out of the unit's yellow draft; an item whose period has been reported since leaves its draft, and a draft
 * left with none is cancelled. The coordinator is told once a run how many new items wait.
 */
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Templates } from "../../core/documents/templates.js";
import { type OrderCall, orderFor } from "../../core/supervision/notices.js";
import { orderBody, orderTitle, replyByOf } from "../../core/supervision/order-text.js";
import { orderLink } from "../../shared/links.js";
import { type AuditEntry, recordAudits } from "../audit/record.js";
import type { Db, Queryable } from "../db/client.js";
import { assignmentDueDates, supervisionOrderItems, supervisionOrders, users } from "../db/schema.js";
import { arrayParam, existingValues, insertNewUnnest } from "../db/unnest.js";
import type { Due, DueDay } from "../jobs/notices.js";
import { notify } from "../notifications/notify.js";
import { officeTemplates } from "../settings/office.js";

const BATCH = 2500;

const RED = "order:red:";
/** The key of the yellow item of a red item's period. */
const yellowOf = (key: string) => `order:yellow:${key.slice(RED.length)}`;

const JOB = { actorId: null, ip: null } as const;

const REPORTED = "该期次已报送，无需督办";
const RAISED = "已升级为红牌督办";

/** The people who issue orders: told of new drafts. */
async function coordinators(db: Queryable): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`'coordinator' = any(${users.roles})`, eq(users.disabled, false)));
  return rows.map((row) => row.id);
}

const i = supervisionOrderItems;
const o = supervisionOrders;
const inDrafts = sql`${i.orderId} in (select ${o.id} from ${o} where ${o.status} = 'draft')`;

/**
 * Takes out of their drafts the items these conditions name (their periods reported, or raised to red), cancels the
 * drafts left with none, and answers the audit entries of both.
 */
async function dropFromDrafts(tx: Queryable, which: SQL, reason: string): Promise<AuditEntry[]> {
  const dropped = await tx
    .update(i)
    .set({ droppedReason: reason })
    .where(and(isNull(i.droppedReason), inDrafts, which))
    .returning({ orderId: i.orderId, key: i.key, period: i.period });
  if (dropped.length === 0) return [];
  const orderIds = [...new Set(dropped.map((item) => item.orderId))];
  const emptied = await tx
    .update(o)
    .set({ status: "cancelled", cancelledReason: reason, version: sql`${o.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(o.status, "draft"),
        inArray(o.id, orderIds),
        sql`not exists (select 1 from ${i} where ${i.orderId} = ${o.id} and ${i.droppedReason} is null)`,
      ),
    )
    .returning({ id: o.id });
  const cancelled = new Set(emptied.map((order) => order.id));
  const kept = orderIds.filter((id) => !cancelled.has(id));
  if (kept.length) {
    await tx
      .update(o)
      .set({ version: sql`${o.version} + 1`, updatedAt: new Date() })
      .where(inArray(o.id, kept));
  }
  return [
    ...kept.map((id) => ({
      ...JOB,
      action: "supervision_order.drop_item" as const,
      entityType: "supervision_order" as const,
      entityId: id,
      after: { reason, items: dropped.filter((item) => item.orderId === id).map((item) => item.key ?? item.period) },
    })),
    ...[...cancelled].map((id) => ({
      ...JOB,
      action: "supervision_order.cancel" as const,
      entityType: "supervision_order" as const,
      entityId: id,
      after: { reason },
    })),
  ];
}

/**
 * Brings the open drafts up to date before a run drafts more: items whose periods were reported since leave them (a
 * draft left with none is cancelled), and the others' days overdue are counted to today.
 */
export async function refreshDrafts(db: Db, today: string): Promise<number> {
  return db.transaction(async (tx) => {
    const reported = sql`exists (select 1 from ${assignmentDueDates} where ${assignmentDueDates.id} = ${i.dueDateId}
      and ${assignmentDueDates.state} in ('submitted', 'closed'))`;
    const audits = await dropFromDrafts(tx, reported, REPORTED);
    await tx
      .update(i)
      .set({ daysOverdue: sql`greatest(0, ${today}::date - ${i.dueOn})` })
      .where(and(isNull(i.droppedReason), inDrafts));
    await recordAudits(tx, audits);
    return audits.filter((audit) => audit.action === "supervision_order.cancel").length;
  });
}

type Pending = { period: Due; call: OrderCall };

/** The open draft a group of items joins: one per unit, plan and level. */
const groupOf = (unitId: number, planId: number, level: string) => `${unitId}:${planId}:${level}`;

/**
 * The open drafts of these groups, locked: those missing are made first (a unit with none open gets one). A draft
 * issued meanwhile by the office no longer counts, so a group can need a second try.
 */
async function draftsFor(tx: Queryable, heads: Pending[], today: string, templates: Templates) {
  const found = new Map<string, number>();
  const created = new Set<number>();
  for (let attempt = 0; attempt < 3 && found.size < heads.length; attempt++) {
    const missing = heads.filter((h) => !found.has(groupOf(h.period.unitId, h.period.planId, h.call.level)));
    const rows = missing.map(({ period, call }) => {
      const facts = { level: call.level, unitName: period.unitName, planTitle: period.planTitle };
      const replyBy = replyByOf(call.level, today);
      const title = orderTitle(facts, templates.orderTitle);
      return { ...period, level: call.level, title, body: orderBody(facts, replyBy, templates.orderBody), replyBy };
    });
    const column = <K extends keyof (typeof rows)[number]>(name: K) => rows.map((row) => row[name]);
    const made = await insertNewUnnest<{ id: number }>(
      tx,
      o,
      { columns: [o.unitId, o.planId, o.level], where: sql`status = 'draft'` },
      [
        [o.planId, "int", column("planId")],
        [o.unitId, "int", column("unitId")],
        [o.level, "text", column("level")],
        [o.title, "text", column("title")],
        [o.body, "text", column("body")],
        [o.replyBy, "date", column("replyBy")],
      ],
      [o.id],
    );
    for (const { id } of made) created.add(id);
    const open = await tx
      .select({ id: o.id, unitId: o.unitId, planId: o.planId, level: o.level })
      .from(o)
      .where(
        and(
          eq(o.status, "draft"),
          sql`(${o.unitId}, ${o.planId}, ${o.level}) in (select * from unnest(${arrayParam(column("unitId"), "int")},
            ${arrayParam(column("planId"), "int")}, ${arrayParam(column("level"), "text")}))`,
        ),
      )
      .orderBy(o.id)
      .for("update");
    for (const draft of open) found.set(groupOf(draft.unitId, draft.planId, draft.level), draft.id);
  }
  if (found.size < heads.length) throw new Error("supervision-order drafts kept changing while items were added");
  return { found, created };
}

export interface Drafted {
  /** items put into drafts, and the drafts among them that are new */
  items: number;
  orders: number;
}

/** Puts the periods of a page that call for an order, and were not put before, into their units' drafts. */
export async function draftOrders(db: Db, { today, rules }: DueDay, periods: Due[]): Promise<Drafted> {
  const due = periods.flatMap((period) => {
    const call = orderFor(period, today, rules.active.get(period.planId));
    return call ? [{ period, call }] : [];
  });
  const known = await existingValues(
    db,
    i,
    i.key,
    due.map((d) => d.call.key),
  );
  const pending = due.filter((d) => !known.has(d.call.key)).sort((a, b) => a.call.key.localeCompare(b.call.key));
  const drafted = { items: 0, orders: 0 };
  if (pending.length === 0) return drafted;
  const templates = await officeTemplates(db);
  for (let at = 0; at < pending.length; at += BATCH) {
    const batch = pending.slice(at, at + BATCH);
    const done = await db.transaction((tx) => draftBatch(tx, batch, today, templates));
    drafted.items += done.items;
    drafted.orders += done.orders;
  }
  return drafted;
}

async function draftBatch(tx: Queryable, batch: Pending[], today: string, templates: Templates): Promise<Drafted> {
  const heads = new Map<string, Pending>();
  for (const p of batch) {
    const group = groupOf(p.period.unitId, p.period.planId, p.call.level);
    if (!heads.has(group)) heads.set(group, p);
  }
  const sorted = [...heads.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, head]) => head);
  const { found, created } = await draftsFor(tx, sorted, today, templates);
  const rows = batch.map(({ period, call }) => ({
    orderId: found.get(groupOf(period.unitId, period.planId, call.level)) as number,
    key: call.key,
    assignmentId: period.assignmentId,
    dueDateId: period.dueDateId,
    period: period.label,
    dueOn: period.dueOn,
    daysOverdue: call.daysOverdue,
  }));
  const column = <K extends keyof (typeof rows)[number]>(name: K) => rows.map((row) => row[name]);
  // rows come back under their column names
  const made = await insertNewUnnest<{ order_id: number; key: string }>(
    tx,
    i,
    i.key,
    [
      [i.orderId, "int", column("orderId")],
      [i.key, "text", column("key")],
      [i.assignmentId, "int", column("assignmentId")],
      [i.dueDateId, "int", column("dueDateId")],
      [i.period, "text", column("period")],
      [i.dueOn, "date", column("dueOn")],
      [i.daysOverdue, "int", column("daysOverdue")],
    ],
    [i.orderId, i.key],
  );
  const keysOf = new Map<number, string[]>();
  for (const item of made) keysOf.set(item.order_id, [...(keysOf.get(item.order_id) ?? []), item.key]);
  // a draft made here whose items another run took meanwhile is not kept
  const unused = [...created].filter((id) => !keysOf.has(id));
  if (unused.length) await tx.delete(o).where(inArray(o.id, unused));
  const merged = [...keysOf.keys()].filter((id) => !created.has(id));
  if (merged.length) {
    await tx
      .update(o)
      .set({ version: sql`${o.version} + 1`, updatedAt: new Date() })
      .where(inArray(o.id, merged));
  }
  const audits: AuditEntry[] = [...keysOf].map(([id, keys]) => ({
    ...JOB,
    action: created.has(id) ? "supervision_order.draft" : "supervision_order.merge",
    entityType: "supervision_order",
    entityId: id,
    after: { items: keys },
  }));
  // a red item takes its period out of the unit's yellow draft (if it is in one that was not issued)
  const yellowKeys = made.filter((item) => item.key.startsWith(RED)).map((item) => yellowOf(item.key));
  if (yellowKeys.length) {
    audits.push(...(await dropFromDrafts(tx, sql`${i.key} = any(${arrayParam(yellowKeys, "text")})`, RAISED)));
  }
  await recordAudits(tx, audits);
  return { items: made.length, orders: [...created].filter((id) => keysOf.has(id)).length };
}

/** Tells the coordinators what new items wait: once a run, however many pages and batches it took. */
export async function tellTheOffice(db: Db, drafted: Drafted): Promise<void> {
  if (drafted.items === 0) return;
  const where =
    drafted.orders > 0
      ? `已列入督办单草稿（其中新拟 ${drafted.orders} 份，其余并入各单位已有的草稿）`
      : "已并入各单位已有的督办单草稿";
  await db.transaction(async (tx) =>
    notify(tx, [
      {
        message: {
          kind: "order",
          title: `督办单待签发：新增 ${drafted.items} 项督办事项`,
          body: `有 ${drafted.items} 项任务逾期已达督办标准，${where}，请审核后签发。`,
          link: orderLink(undefined, "?status=draft"),
        },
        userIds: await coordinators(tx),
        unitId: null,
      },
    ]),
  );
}
