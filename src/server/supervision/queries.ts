/** Reading supervision orders with their items, as the list, the page and the Word document show them. */
import { and, asc, count, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { chinaDay } from "../../core/calendar.js";
import { chineseDay } from "../../core/documents/official-date.js";
import { taskReference } from "../../core/documents/task-reference.js";
import { itemLine } from "../../core/supervision/order-text.js";
import type { SupervisionOrder, SupervisionOrderItem, SupervisionOrderListQuery } from "../../shared/api.js";
import { SUPERVISION_ORDER_LEVEL_LABELS, SUPERVISION_ORDER_STATUS_LABELS } from "../../shared/domain.js";
import { seesAll } from "../assignments/service.js";
import type { Actor } from "../auth/actor.js";
import type { Queryable } from "../db/client.js";
import { everyWordIn } from "../db/like.js";
import {
  assignmentDueDates,
  assignments,
  plans,
  supervisionOrderItems,
  supervisionOrders,
  tasks,
  units,
  users,
} from "../db/schema.js";
import { type ExportedList, type ListColumn, MAX_EXPORT_ROWS } from "../documents/list-workbook.js";
import { documentNumberOf } from "../documents/numbers.js";
import { notFound } from "../http/errors.js";

const o = supervisionOrders;
const i = supervisionOrderItems;

const joined = (db: Queryable) =>
  db
    .select({
      order: o,
      planTitle: plans.title,
      planIssuer: plans.issuer,
      unitName: units.name,
      issuedByName: users.displayName,
    })
    .from(o)
    .innerJoin(plans, eq(plans.id, o.planId))
    .innerJoin(units, eq(units.id, o.unitId))
    .leftJoin(users, eq(users.id, o.issuedBy));

type Joined = Awaited<ReturnType<ReturnType<typeof joined>["execute"]>>[number];

/** The items of these orders, by order: the ones it holds oldest due first, then those taken out. */
async function itemsOf(db: Queryable, orderIds: number[]): Promise<Map<number, SupervisionOrderItem[]>> {
  const byOrder = new Map<number, SupervisionOrderItem[]>(orderIds.map((id) => [id, []]));
  if (orderIds.length === 0) return byOrder;
  const rows = await db
    .select({
      item: i,
      task: { id: tasks.id, number: tasks.number, title: tasks.title, text: tasks.text },
      periodState: assignmentDueDates.state,
    })
    .from(i)
    .innerJoin(assignments, eq(assignments.id, i.assignmentId))
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .leftJoin(assignmentDueDates, eq(assignmentDueDates.id, i.dueDateId))
    .where(inArray(i.orderId, orderIds))
    .orderBy(sql`${i.droppedReason} is not null`, asc(i.dueOn), asc(tasks.sortOrder), asc(i.id));
  for (const { item, task, periodState } of rows) {
    byOrder.get(item.orderId)?.push({
      id: item.id,
      assignmentId: item.assignmentId,
      task,
      taskReference: taskReference(task),
      period: item.period,
      dueOn: item.dueOn,
      daysOverdue: item.daysOverdue,
      periodState,
      droppedReason: item.droppedReason,
    });
  }
  return byOrder;
}

function presentOrder(row: Joined, items: SupervisionOrderItem[]): SupervisionOrder {
  const { order } = row;
  const held = items.filter((item) => item.droppedReason === null);
  return {
    id: order.id,
    level: order.level,
    status: order.status,
    docNumber: documentNumberOf("order", order),
    automatic: order.createdBy === null,
    plan: { id: order.planId, title: row.planTitle, issuer: row.planIssuer },
    unit: { id: order.unitId, name: row.unitName },
    items,
    itemCount: held.length,
    daysOverdue: Math.max(0, ...held.map((item) => item.daysOverdue)),
    title: order.title,
    body: order.body,
    replyBy: order.replyBy,
    cancelledReason: order.cancelledReason,
    issuedAt: order.issuedAt?.toISOString() ?? null,
    issuedBy: row.issuedByName,
    version: order.version,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

async function present(db: Queryable, rows: Joined[]): Promise<SupervisionOrder[]> {
  const items = await itemsOf(
    db,
    rows.map((row) => row.order.id),
  );
  return rows.map((row) => presentOrder(row, items.get(row.order.id) ?? []));
}

/**
 * What the caller may see: the coordinating office and the leaders every order; a unit only the orders issued to
 * it, withdrawn ones included (a draft is the office's working paper, and a cancelled draft was never sent).
 */
export function visibleTo(actor: Actor): SQL | undefined {
  if (seesAll(actor)) return undefined;
  if (!actor.unit) return eq(o.id, 0);
  return and(eq(o.unitId, actor.unit.id), isNotNull(o.number));
}

/** An item of the order whose task's number, title or text holds the pattern. */
const inItems = (pattern: string) =>
  sql`exists (select 1 from ${i} inner join ${assignments} on ${assignments.id} = ${i.assignmentId}
    inner join ${tasks} on ${tasks.id} = ${assignments.taskId}
    where ${i.orderId} = ${o.id} and (${tasks.number} ilike ${pattern} or ${tasks.title} ilike ${pattern}
      or ${tasks.text} ilike ${pattern}))`;

/** What a list (or its export) with this query holds, of what the caller may see. */
function ordersWhere(actor: Actor, query: SupervisionOrderListQuery): SQL | undefined {
  return and(
    visibleTo(actor),
    query.status ? eq(o.status, query.status) : undefined,
    query.level ? eq(o.level, query.level) : undefined,
    query.planId ? eq(o.planId, query.planId) : undefined,
    query.unitId ? eq(o.unitId, query.unitId) : undefined,
    // each word of the search in the order's title, unit or plan, or one of its items' tasks
    everyWordIn(query.q, [o.title, units.name, plans.title], inItems),
  );
}

export async function listOrders(db: Queryable, actor: Actor, query: SupervisionOrderListQuery) {
  const where = ordersWhere(actor, query);
  const [rows, [{ total }], [{ drafts }]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(desc(o.createdAt), desc(o.id))
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0),
    db
      .select({ total: count() })
      .from(o)
      .innerJoin(plans, eq(plans.id, o.planId))
      .innerJoin(units, eq(units.id, o.unitId))
      .where(where),
    db
      .select({ drafts: count() })
      .from(o)
      .where(and(visibleTo(actor), eq(o.status, "draft"))),
  ]);
  return { items: await present(db, rows), total, drafts };
}

/** One order the caller may see; another unit's, or a draft to a unit, does not exist for them. */
export async function getOrder(db: Queryable, actor: Actor | null, id: number): Promise<SupervisionOrder> {
  const [row] = await joined(db).where(and(eq(o.id, id), actor ? visibleTo(actor) : undefined));
  if (!row) throw notFound("督办单");
  const [order] = await present(db, [row]);
  return order;
}

const day = (iso: string | null) => (iso ? chineseDay(iso) : null);
const held = (order: SupervisionOrder) => order.items.filter((item) => item.droppedReason === null);

const ORDER_COLUMNS: ListColumn<SupervisionOrder>[] = [
  { header: "文号", width: 20, value: (r) => r.docNumber ?? "（未签发）" },
  { header: "等级", width: 8, value: (r) => SUPERVISION_ORDER_LEVEL_LABELS[r.level] },
  { header: "状态", width: 8, value: (r) => SUPERVISION_ORDER_STATUS_LABELS[r.status] },
  { header: "被督办单位", width: 20, value: (r) => r.unit.name },
  { header: "方案", width: 36, value: (r) => r.plan.title },
  { header: "事项数", width: 8, value: (r) => r.itemCount },
  { header: "督办事项", width: 60, value: (r) => held(r).map(itemLine).join("\n") },
  { header: "最长逾期天数", width: 12, value: (r) => r.daysOverdue },
  { header: "整改时限", width: 16, value: (r) => day(r.replyBy) },
  { header: "签发时间", width: 16, value: (r) => (r.issuedAt ? chineseDay(chinaDay(new Date(r.issuedAt))) : null) },
  { header: "撤销原因", width: 24, value: (r) => r.cancelledReason },
];

/** The orders the list with this query holds (all of them, not a page), as the 导出Excel workbook. */
export async function ordersExport(
  db: Queryable,
  actor: Actor,
  query: SupervisionOrderListQuery,
): Promise<ExportedList<SupervisionOrder>> {
  const [rows, [plan], [unit]] = await Promise.all([
    joined(db).where(ordersWhere(actor, query)).orderBy(desc(o.createdAt), desc(o.id)).limit(MAX_EXPORT_ROWS),
    query.planId ? db.select({ title: plans.title }).from(plans).where(eq(plans.id, query.planId)) : [],
    query.unitId ? db.select({ name: units.name }).from(units).where(eq(units.id, query.unitId)) : [],
  ]);
  return {
    name: "督办单",
    columns: ORDER_COLUMNS,
    rows: await present(db, rows),
    filters: [
      query.status && `状态：${SUPERVISION_ORDER_STATUS_LABELS[query.status]}`,
      query.level && `等级：${SUPERVISION_ORDER_LEVEL_LABELS[query.level]}`,
      plan && `方案：${plan.title}`,
      unit && `单位：${unit.name}`,
      query.q?.trim() && `关键词：${query.q.trim()}`,
    ],
  };
}
