/**
 * 工作台的待办: what waits for the caller. A unit: assignments to sign for, periods to report on (overdue or due within
 * 30 days), reports sent back; a lead unit also its cooperating units' reports to review. The coordinating office:
 * reports waiting for its review and extension requests to decide.
 */
import { and, eq, not } from "drizzle-orm";
import { addDays } from "../../core/calendar.js";
import type { Inbox, InboxOccurrence, Report } from "../../shared/api.js";
import { listAssignments, type SignalDay, visibleTo } from "../assignments/service.js";
import type { Actor } from "../auth/actor.js";
import type { Db } from "../db/client.js";
import { assignments, extensionRequests, reports } from "../db/schema.js";
import { listExtensionRequests } from "../extensions/service.js";
import { runsPlans } from "../reports/access.js";
import { loadReports, superseded } from "../reports/queries.js";

/** How many items each tray shows; the counts are whole. */
export const TRAY_SIZE = 50;
/** How far ahead a period counts as to report. */
const REPORT_AHEAD_DAYS = 30;

function tray<T>(items: T[]): { items: T[]; count: number } {
  return { items: items.slice(0, TRAY_SIZE), count: items.length };
}

async function unitTrays(db: Db, actor: Actor, day: SignalDay) {
  if (!actor.unit) return { toAcknowledge: tray([]), toReport: tray([]), returned: tray<Report>([]) };
  const { items } = await listAssignments(db, { mine: true, limit: 1000 }, actor, day);
  const horizon = addDays(day.today, REPORT_AHEAD_DAYS);
  const toReport: InboxOccurrence[] = [];
  for (const assignment of items) {
    const dueDate = assignment.dueDates.find(
      (d) => (d.state === "open" || d.state === "returned") && d.dueOn <= horizon,
    );
    if (dueDate) toReport.push({ assignment, dueDate });
  }
  toReport.sort((a, b) => a.dueDate.dueOn.localeCompare(b.dueDate.dueOn));
  const returned = await loadReports(
    db,
    actor,
    and(eq(assignments.unitId, actor.unit.id), eq(reports.status, "returned"), not(superseded)),
  );
  return {
    toAcknowledge: tray(items.filter((a) => a.status === "new")),
    toReport: tray(toReport),
    returned: tray(returned),
  };
}

/** Submitted reports the caller reviews: the office those it reviews, a lead unit its cooperating units'. */
async function reviewTray(db: Db, actor: Actor) {
  const office = runsPlans(actor);
  if (!office && !actor.unit) return tray<Report>([]);
  const scope = office ? undefined : and(eq(assignments.role, "cooperating"), visibleTo(actor) ?? undefined);
  const submitted = await loadReports(db, actor, and(eq(reports.status, "submitted"), scope), { limit: 1000 });
  const mine = submitted.filter((r) => r.can.review && (office ? r.reviewer === "coordinator" : r.reviewer === "lead"));
  return tray(mine.reverse());
}

export async function inboxOf(db: Db, actor: Actor, day: SignalDay): Promise<Inbox> {
  const [units, toReview, pending] = await Promise.all([
    unitTrays(db, actor, day),
    reviewTray(db, actor),
    runsPlans(actor)
      ? listExtensionRequests(db, actor, eq(extensionRequests.status, "pending"), 1000)
      : Promise.resolve([]),
  ]);
  const extensions = tray(pending.reverse());
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
