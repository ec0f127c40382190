/** Reading supervision orders with what they are about, as the list, the page and the Word document show them. */
import { and, count, desc, eq, isNotNull, type SQL } from "drizzle-orm";
import { chinaDay } from "../../core/calendar.js";
import { chineseDay } from "../../core/documents/official-date.js";
import type { SupervisionOrder, SupervisionOrderListQuery } from "../../shared/api.js";
import { SUPERVISION_ORDER_LEVEL_LABELS, SUPERVISION_ORDER_STATUS_LABELS } from "../../shared/domain.js";
import { seesAll } from "../assignments/service.js";
import type { Actor } from "../auth/actor.js";
import type { Queryable } from "../db/client.js";
import { everyWordIn } from "../db/like.js";
import { assignmentDueDates, assignments, plans, supervisionOrders, tasks, units, users } from "../db/schema.js";
import { type ExportedList, type ListColumn, MAX_EXPORT_ROWS } from "../documents/list-workbook.js";
import { documentNumberOf } from "../documents/numbers.js";
import { notFound } from "../http/errors.js";

const joined = (db: Queryable) =>
  db
    .select({
      order: supervisionOrders,
      planTitle: plans.title,
      planIssuer: plans.issuer,
      unitName: units.name,
      taskId: tasks.id,
      taskNumber: tasks.number,
      taskText: tasks.text,
      periodState: assignmentDueDates.state,
      issuedByName: users.displayName,
    })
    .from(supervisionOrders)
    .innerJoin(plans, eq(plans.id, supervisionOrders.planId))
    .innerJoin(units, eq(units.id, supervisionOrders.unitId))
    .innerJoin(assignments, eq(assignments.id, supervisionOrders.assignmentId))
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .leftJoin(assignmentDueDates, eq(assignmentDueDates.id, supervisionOrders.dueDateId))
    .leftJoin(users, eq(users.id, supervisionOrders.issuedBy));

type Joined = Awaited<ReturnType<ReturnType<typeof joined>["execute"]>>[number];

export function presentOrder(row: Joined): SupervisionOrder {
  const { order } = row;
  return {
    id: order.id,
    level: order.level,
    status: order.status,
    docNumber: documentNumberOf("order", order),
    automatic: order.key !== null,
    plan: { id: order.planId, title: row.planTitle, issuer: row.planIssuer },
    unit: { id: order.unitId, name: row.unitName },
    assignmentId: order.assignmentId,
    task: { id: row.taskId, number: row.taskNumber, text: row.taskText },
    period: order.period,
    dueOn: order.dueOn,
    daysOverdue: order.daysOverdue,
    periodState: row.periodState,
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

/**
 * What the caller may see: the coordinating office and the leaders every order; a unit only the orders issued to
 * it, withdrawn ones included (a draft is the office's working paper, and a cancelled draft was never sent).
 */
function visibleTo(actor: Actor): SQL | undefined {
  if (seesAll(actor)) return undefined;
  if (!actor.unit) return eq(supervisionOrders.id, 0);
  return and(eq(supervisionOrders.unitId, actor.unit.id), isNotNull(supervisionOrders.number));
}

/** What a list (or its export) with this query holds, of what the caller may see. */
function ordersWhere(actor: Actor, query: SupervisionOrderListQuery): SQL | undefined {
  return and(
    visibleTo(actor),
    query.status ? eq(supervisionOrders.status, query.status) : undefined,
    query.level ? eq(supervisionOrders.level, query.level) : undefined,
    query.planId ? eq(supervisionOrders.planId, query.planId) : undefined,
    query.unitId ? eq(supervisionOrders.unitId, query.unitId) : undefined,
    // each word of the search in the order's title, unit, plan, or task number or text
    everyWordIn(query.q, [supervisionOrders.title, units.name, plans.title, tasks.number, tasks.text]),
  );
}

export async function listOrders(db: Queryable, actor: Actor, query: SupervisionOrderListQuery) {
  const scope = visibleTo(actor);
  const where = ordersWhere(actor, query);
  const [rows, [{ total }], [{ drafts }]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(desc(supervisionOrders.createdAt), desc(supervisionOrders.id))
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0),
    db
      .select({ total: count() })
      .from(supervisionOrders)
      .innerJoin(plans, eq(plans.id, supervisionOrders.planId))
      .innerJoin(units, eq(units.id, supervisionOrders.unitId))
      .innerJoin(assignments, eq(assignments.id, supervisionOrders.assignmentId))
      .innerJoin(tasks, eq(tasks.id, assignments.taskId))
      .where(where),
    db
      .select({ drafts: count() })
      .from(supervisionOrders)
      .where(and(scope, eq(supervisionOrders.status, "draft"))),
  ]);
  return { items: rows.map(presentOrder), total, drafts };
}

/** One order the caller may see; another unit's, or a draft to a unit, does not exist for them. */
export async function getOrder(db: Queryable, actor: Actor | null, id: number): Promise<SupervisionOrder> {
  const [row] = await joined(db).where(and(eq(supervisionOrders.id, id), actor ? visibleTo(actor) : undefined));
  if (!row) throw notFound("督办单");
  return presentOrder(row);
}

const day = (iso: string | null) => (iso ? chineseDay(iso) : null);

const ORDER_COLUMNS: ListColumn<SupervisionOrder>[] = [
  { header: "文号", width: 20, value: (o) => o.docNumber ?? "（未签发）" },
  { header: "等级", width: 8, value: (o) => SUPERVISION_ORDER_LEVEL_LABELS[o.level] },
  { header: "状态", width: 8, value: (o) => SUPERVISION_ORDER_STATUS_LABELS[o.status] },
  { header: "被督办单位", width: 20, value: (o) => o.unit.name },
  { header: "方案", width: 36, value: (o) => o.plan.title },
  { header: "任务编号", width: 8, value: (o) => o.task.number },
  { header: "督办事项", width: 50, value: (o) => o.task.text },
  { header: "报送期次", width: 16, value: (o) => o.period },
  { header: "完成时限", width: 16, value: (o) => day(o.dueOn) },
  { header: "逾期天数", width: 10, value: (o) => o.daysOverdue },
  { header: "整改时限", width: 16, value: (o) => day(o.replyBy) },
  { header: "签发时间", width: 16, value: (o) => (o.issuedAt ? chineseDay(chinaDay(new Date(o.issuedAt))) : null) },
  { header: "撤销原因", width: 24, value: (o) => o.cancelledReason },
];

/** The orders the list with this query holds (all of them, not a page), as the 导出Excel workbook. */
export async function ordersExport(
  db: Queryable,
  actor: Actor,
  query: SupervisionOrderListQuery,
): Promise<ExportedList<SupervisionOrder>> {
  const [rows, [plan], [unit]] = await Promise.all([
    joined(db)
      .where(ordersWhere(actor, query))
      .orderBy(desc(supervisionOrders.createdAt), desc(supervisionOrders.id))
      .limit(MAX_EXPORT_ROWS),
    query.planId ? db.select({ title: plans.title }).from(plans).where(eq(plans.id, query.planId)) : [],
    query.unitId ? db.select({ name: units.name }).from(units).where(eq(units.id, query.unitId)) : [],
  ]);
  return {
    name: "督办单",
    columns: ORDER_COLUMNS,
    rows: rows.map(presentOrder),
    filters: [
      query.status && `状态：${SUPERVISION_ORDER_STATUS_LABELS[query.status]}`,
      query.level && `等级：${SUPERVISION_ORDER_LEVEL_LABELS[query.level]}`,
      plan && `方案：${plan.title}`,
      unit && `单位：${unit.name}`,
      query.q?.trim() && `关键词：${query.q.trim()}`,
    ],
  };
}
