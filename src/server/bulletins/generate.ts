/**
 * What a 通报 finds for a plan and a range of due dates, as of one day: per unit the periods due, done, overdue and
 * returned, and its completion rate; the overdue periods; the returned reports. The counts are the dashboard's: a
 * period is due once its date has come (or when it was closed early), done when closed, overdue when its signal is
 * red (core/reports/signals.ts) on work still open. Cancelled assignments are left out.
 */
import { and, asc, between, eq, inArray, ne } from "drizzle-orm";
import { chinaDay, daysBetween } from "../../core/calendar.js";
import { completionRate, occurrenceSignal } from "../../core/reports/signals.js";
import type { BulletinContent } from "../../shared/api.js";
import type { Queryable } from "../db/client.js";
import { assignmentDueDates, assignments, reports, tasks, units } from "../db/schema.js";

interface Range {
  planId: number;
  periodStart: string;
  periodEnd: string;
}

async function periodsIn(db: Queryable, range: Range) {
  return db
    .select({
      dueOn: assignmentDueDates.dueOn,
      label: assignmentDueDates.label,
      state: assignmentDueDates.state,
      assignmentId: assignments.id,
      assignmentStatus: assignments.status,
      unitId: units.id,
      unitName: units.name,
      taskNumber: tasks.number,
      taskTitle: tasks.title,
      taskText: tasks.text,
    })
    .from(assignmentDueDates)
    .innerJoin(assignments, eq(assignments.id, assignmentDueDates.assignmentId))
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(
      and(
        eq(assignments.planId, range.planId),
        ne(assignments.status, "cancelled"),
        between(assignmentDueDates.dueOn, range.periodStart, range.periodEnd),
      ),
    )
    .orderBy(asc(units.sortOrder), asc(units.name), asc(tasks.sortOrder), asc(assignmentDueDates.dueOn));
}

/** Every returned report on a period of the range: a resubmitted one too, since it was sent back all the same. */
async function returnedIn(db: Queryable, range: Range) {
  return db
    .select({
      reportId: reports.id,
      assignmentId: assignments.id,
      unitId: units.id,
      unitName: units.name,
      taskNumber: tasks.number,
      period: reports.period,
      reviewedAt: reports.reviewedAt,
      reason: reports.reviewComment,
    })
    .from(reports)
    .innerJoin(assignments, eq(assignments.id, reports.assignmentId))
    .innerJoin(
      assignmentDueDates,
      and(eq(assignmentDueDates.assignmentId, reports.assignmentId), eq(assignmentDueDates.label, reports.period)),
    )
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(
      and(
        eq(assignments.planId, range.planId),
        ne(assignments.status, "cancelled"),
        eq(reports.status, "returned"),
        between(assignmentDueDates.dueOn, range.periodStart, range.periodEnd),
      ),
    )
    .orderBy(asc(units.sortOrder), asc(units.name), asc(tasks.sortOrder), asc(reports.reviewedAt));
}

type UnitTally = BulletinContent["units"][number];

/** Best rate first, as bulletins rank units; then fewer overdue; then the registry's order (kept by the query). */
const byRate = (a: UnitTally, b: UnitTally) => b.rate - a.rate || a.overdue - b.overdue;

export async function findings(db: Queryable, range: Range, today: string, yellowDays: number) {
  const [periods, returnedRows] = await Promise.all([periodsIn(db, range), returnedIn(db, range)]);
  const tallies = new Map<number, UnitTally>();
  const overdue: BulletinContent["overdue"] = [];
  for (const p of periods) {
    const signal = occurrenceSignal({ dueOn: p.dueOn, state: p.state }, today, yellowDays);
    const tally = tallies.get(p.unitId) ?? {
      unitId: p.unitId,
      unitName: p.unitName,
      due: 0,
      done: 0,
      overdue: 0,
      returned: 0,
      rate: 0,
    };
    tallies.set(p.unitId, tally);
    if (p.dueOn <= today || signal === "done") tally.due++;
    if (signal === "done") tally.done++;
    if (signal === "red" && p.assignmentStatus !== "completed") {
      tally.overdue++;
      overdue.push({
        assignmentId: p.assignmentId,
        unitName: p.unitName,
        taskNumber: p.taskNumber,
        taskTitle: p.taskTitle,
        taskText: p.taskText,
        period: p.label,
        dueOn: p.dueOn,
        daysOverdue: daysBetween(p.dueOn, today),
      });
    }
  }
  for (const r of returnedRows) {
    const tally = tallies.get(r.unitId);
    if (tally) tally.returned++;
  }
  const unitRows = [...tallies.values()]
    .filter((t) => t.due > 0)
    .map((t) => ({ ...t, rate: completionRate(t.due, t.done) ?? 0 }))
    .sort(byRate);
  const content: BulletinContent = {
    units: unitRows,
    overdue: overdue.sort((a, b) => b.daysOverdue - a.daysOverdue),
    returned: returnedRows.map((r) => ({
      reportId: r.reportId,
      assignmentId: r.assignmentId,
      unitName: r.unitName,
      taskNumber: r.taskNumber,
      period: r.period,
      returnedAt: r.reviewedAt ? chinaDay(r.reviewedAt) : today,
      reason: r.reason ?? "",
    })),
  };
  return content;
}

/** The units a bulletin names (listed with a rate, or for an overdue period or a returned report). */
export async function unitsNamed(db: Queryable, content: BulletinContent) {
  const assignmentIds = [...content.overdue, ...content.returned].map((item) => item.assignmentId);
  const flagged = assignmentIds.length
    ? await db
        .selectDistinct({ unitId: assignments.unitId })
        .from(assignments)
        .where(inArray(assignments.id, [...new Set(assignmentIds)]))
    : [];
  const flaggedIds = new Set(flagged.map((row) => row.unitId));
  const all = new Set([...content.units.map((u) => u.unitId), ...flaggedIds]);
  return { all: [...all], flagged: flaggedIds };
}
