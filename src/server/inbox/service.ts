/**
 * 工作台的待办: what waits for the caller. A unit: assignments to sign for, periods to report on (overdue or due within
 * 30 days), reports sent back; a lead unit also its cooperating units' reports to review. The coordinating office:
 * reports waiting for its review and extension requests to decide.
 *
 * Each tray is one query that carries its first TRAY_SIZE rows and the whole count (count(*) over ()): the inbox is
 * the first thing every user loads, and a district's office would otherwise read every waiting report to show 50.
 */
import { and, asc, desc, eq, inArray, ne, not, type SQL, sql } from "drizzle-orm";
import { addDays } from "../../core/calendar.js";
import type { Inbox, InboxOccurrence, InboxReport } from "../../shared/api.js";
import { assignmentPage, listAssignments, type SignalDay } from "../assignments/service.js";
import type { Actor } from "../auth/actor.js";
import type { Db } from "../db/client.js";
import { assignmentDueDates, assignments, extensionRequests, plans, reports, tasks, units } from "../db/schema.js";
import { listExtensionRequests } from "../extensions/service.js";
import { reviewQueueOf, runsPlans } from "../reports/access.js";
import { superseded } from "../reports/queries.js";

/** How many items each tray shows; the counts are whole. */
export const TRAY_SIZE = 50;
/** How far ahead a period counts as to report. */
const REPORT_AHEAD_DAYS = 30;

type Tray<T> = { items: T[]; count: number };
const EMPTY: Tray<never> = { items: [], count: 0 };

/** An assignment's first period still waiting for a report (open, or its report sent back). */
const firstAwaiting = sql<string | null>`(select min(${assignmentDueDates.dueOn}) from ${assignmentDueDates}
  where ${assignmentDueDates.assignmentId} = ${assignments.id} and ${assignmentDueDates.state} in ('open', 'returned'))`;

/** The unit's own assignments with a period waiting that falls due within REPORT_AHEAD_DAYS (or is overdue). */
async function toReportTray(db: Db, unitId: number, day: SignalDay): Promise<Tray<InboxOccurrence>> {
  const horizon = addDays(day.today, REPORT_AHEAD_DAYS);
  const { items, total } = await assignmentPage(
    db,
    and(eq(assignments.unitId, unitId), ne(assignments.status, "cancelled"), sql`${firstAwaiting} <= ${horizon}`),
    [sql`${firstAwaiting} asc`, asc(assignments.planId), asc(assignments.id)],
    { limit: TRAY_SIZE, offset: 0 },
    day,
  );
  const occurrences: InboxOccurrence[] = [];
  for (const assignment of items) {
    const dueDate = assignment.dueDates.find((d) => d.state === "open" || d.state === "returned");
    if (dueDate) occurrences.push({ assignment, dueDate });
  }
  return { items: occurrences, count: total };
}

/** Reports as the trays show them, the first TRAY_SIZE in `order`, with the whole count. */
async function reportTray(db: Db, where: SQL | undefined, order: SQL[]): Promise<Tray<InboxReport>> {
  const rows = await db
    .select({
      id: reports.id,
      assignmentId: reports.assignmentId,
      planId: assignments.planId,
      planTitle: sql<string>`(select ${plans.title} from ${plans} where ${plans.id} = ${assignments.planId})`,
      taskNumber: tasks.number,
      unitId: assignments.unitId,
      unitName: units.name,
      period: reports.period,
      status: reports.status,
      revision: reports.revision,
      submittedAt: reports.submittedAt,
      reviewComment: reports.reviewComment,
      version: reports.version,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(reports)
    .innerJoin(assignments, eq(assignments.id, reports.assignmentId))
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(where)
    .orderBy(...order)
    .limit(TRAY_SIZE);
  return {
    items: rows.map(({ total: _total, submittedAt, ...row }) => ({
      ...row,
      submittedAt: submittedAt?.toISOString() ?? null,
    })),
    count: rows[0]?.total ?? 0,
  };
}

async function unitTrays(db: Db, actor: Actor, day: SignalDay) {
  if (!actor.unit) return { toAcknowledge: EMPTY, toReport: EMPTY, returned: EMPTY };
  const unitId = actor.unit.id;
  const [acknowledge, toReport, returned] = await Promise.all([
    listAssignments(db, { mine: true, status: "new", limit: TRAY_SIZE }, actor, day),
    toReportTray(db, unitId, day),
    reportTray(db, and(eq(assignments.unitId, unitId), eq(reports.status, "returned"), not(superseded)), [
      desc(reports.updatedAt),
      desc(reports.id),
    ]),
  ]);
  return { toAcknowledge: { items: acknowledge.items, count: acknowledge.total }, toReport, returned };
}

/** Submitted reports the caller reviews, oldest first (reviewQueueOf in reports/access.ts). */
async function reviewTray(db: Db, actor: Actor): Promise<Tray<InboxReport>> {
  const where = reviewQueueOf(actor);
  if (!where) return EMPTY;
  return reportTray(db, and(eq(reports.status, "submitted"), where), [asc(reports.updatedAt), asc(reports.id)]);
}

/** Pending extension requests, the oldest first. */
async function extensionTray(db: Db, actor: Actor) {
  if (!runsPlans(actor)) return EMPTY;
  const first = await db
    .select({ id: extensionRequests.id, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(extensionRequests)
    .where(eq(extensionRequests.status, "pending"))
    .orderBy(asc(extensionRequests.createdAt), asc(extensionRequests.id))
    .limit(TRAY_SIZE);
  if (first.length === 0) return EMPTY;
  const ids = first.map((r) => r.id);
  const items = await listExtensionRequests(db, actor, inArray(extensionRequests.id, ids), TRAY_SIZE);
  return { items: items.reverse(), count: first[0].total };
}

export async function inboxOf(db: Db, actor: Actor, day: SignalDay): Promise<Inbox> {
  const [units, toReview, extensions] = await Promise.all([
    unitTrays(db, actor, day),
    reviewTray(db, actor),
    extensionTray(db, actor),
  ]);
  return {
    toAcknowledge: units.toAcknowledge.items,
    toReport: units.toReport.items,
    returned: units.returned.items,
    toReview: toReview.items,
    extensionRequests: extensions.items,
    counts: {
      toAcknowledge: units.toAcknowledge.count,
      toReport: units.toReport.count,
      returned: units.returned.count,
      toReview: toReview.count,
      extensionRequests: extensions.count,
    },
  };
}
