/** Reading supervision orders with what they are about, as the list, the page and the Word document show them. */
import { and, count, desc, eq, isNotNull, type SQL } from "drizzle-orm";
import type { SupervisionOrder, SupervisionOrderListQuery } from "../../shared/api.js";
import { seesAll } from "../assignments/service.js";
import type { Actor } from "../auth/actor.js";
import type { Queryable } from "../db/client.js";
import { assignmentDueDates, assignments, plans, supervisionOrders, tasks, units, users } from "../db/schema.js";
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

export async function listOrders(db: Queryable, actor: Actor, query: SupervisionOrderListQuery) {
  const scope = visibleTo(actor);
  const where = and(
    scope,
    query.status ? eq(supervisionOrders.status, query.status) : undefined,
    query.level ? eq(supervisionOrders.level, query.level) : undefined,
    query.planId ? eq(supervisionOrders.planId, query.planId) : undefined,
    query.unitId ? eq(supervisionOrders.unitId, query.unitId) : undefined,
  );
  const [rows, [{ total }], [{ drafts }]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(desc(supervisionOrders.createdAt), desc(supervisionOrders.id))
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0),
    db.select({ total: count() }).from(supervisionOrders).where(where),
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
