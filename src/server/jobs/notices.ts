/**
 * The notice job: reminders before a period's due date and urging notices once it is overdue, to the people of the
 * unit that owes the report. Each notice is recorded by its key in the transaction that sends it, so it goes out
 * exactly once: a second run, or two runners at the same moment, send nothing new. In a plan's quiet hours nothing
 * of it is sent; the first run after them sends what is due. A unit hears once a run of each kind, however many of
 * its periods call for one (core/supervision/notice-text.ts).
 */

import { and, count, eq, inArray, lte, notInArray, sql } from "drizzle-orm";
import { addDays, chinaDay } from "../../core/calendar.js";
import { dueWithinDaysOf, noticeText } from "../../core/supervision/notice-text.js";
import { horizonDays, type Notice, noticeFor } from "../../core/supervision/notices.js";
import { assignmentsLink, periodLink } from "../../shared/links.js";
import { recordAudits } from "../audit/record.js";
import type { Db, Queryable } from "../db/client.js";
import { assignmentDueDates, assignments, noticeLog, plans, tasks, units, users } from "../db/schema.js";
import { arrayParam, existingValues, insertNewUnnest } from "../db/unnest.js";
import { type Addressed, notify } from "../notifications/notify.js";
import { type PlanRules, planRules } from "./rules.js";

/** What a page's notices came to. */
export interface NoticesSent {
  reminders: number;
  urges: number;
  notifications: number;
}

export type Due = {
  dueDateId: number;
  dueOn: string;
  label: string;
  assignmentId: number;
  planId: number;
  unitId: number;
  unitName: string;
  taskNumber: string;
  taskTitle: string | null;
  taskText: string;
  planTitle: string;
};

/** Periods read at a time (about: a page holds whole units): the pass holds one page, whatever the province's size. */
const PAGE = 5000;

/**
 * The periods still waiting for a report that fall due by the day's horizon (overdue ones included), of the plans
 * outside their quiet hours, a page at a time. A page holds all of a unit's periods, so that the unit hears of them
 * in one message: the units with such periods are counted first, then read a page of units at a time.
 */
export async function* duePeriods(db: Db, day: DueDay, page = PAGE): AsyncGenerator<Due[]> {
  const planIds = [...day.rules.active.keys()];
  if (planIds.length === 0) return;
  const d = assignmentDueDates;
  const waiting = and(
    inArray(d.state, ["open", "returned"]),
    lte(d.dueOn, day.until),
    notInArray(assignments.status, ["cancelled", "completed"]),
    inArray(assignments.planId, planIds),
  );
  const perUnit = await db
    .select({ unitId: assignments.unitId, periods: count() })
    .from(d)
    .innerJoin(assignments, eq(assignments.id, d.assignmentId))
    .where(waiting)
    .groupBy(assignments.unitId)
    .orderBy(assignments.unitId);
  const read = (unitIds: number[]): Promise<Due[]> =>
    db
      .select({
        dueDateId: d.id,
        dueOn: d.dueOn,
        label: d.label,
        assignmentId: assignments.id,
        planId: assignments.planId,
        unitId: assignments.unitId,
        unitName: units.name,
        taskNumber: tasks.number,
        taskTitle: tasks.title,
        taskText: tasks.text,
        planTitle: plans.title,
      })
      .from(d)
      .innerJoin(assignments, eq(assignments.id, d.assignmentId))
      .innerJoin(tasks, eq(tasks.id, assignments.taskId))
      .innerJoin(plans, eq(plans.id, assignments.planId))
      .innerJoin(units, eq(units.id, assignments.unitId))
      .where(and(waiting, sql`${assignments.unitId} = any(${arrayParam(unitIds, "int")})`))
      .orderBy(assignments.unitId, d.dueOn, d.id);
  let chunk: number[] = [];
  let size = 0;
  for (const { unitId, periods } of perUnit) {
    chunk.push(unitId);
    size += periods;
    if (size < page) continue;
    yield await read(chunk);
    chunk = [];
    size = 0;
  }
  if (chunk.length > 0) yield await read(chunk);
}

/** Who hears about a unit's periods: its managers are urged; its managers and staff are reminded. */
export async function recipientsByUnit(db: Queryable, unitIds: number[]) {
  const byUnit = new Map<number, { id: number; manager: boolean }[]>();
  if (unitIds.length === 0) return byUnit;
  const rows = await db
    .select({ id: users.id, unitId: users.unitId, roles: users.roles })
    .from(users)
    .where(and(inArray(users.unitId, unitIds), eq(users.disabled, false)));
  for (const row of rows) {
    if (row.unitId === null) continue;
    const manager = row.roles.includes("unit_manager");
    if (!manager && !row.roles.includes("unit_staff")) continue;
    byUnit.set(row.unitId, [...(byUnit.get(row.unitId) ?? []), { id: row.id, manager }]);
  }
  return byUnit;
}

/** What the due jobs look at on a day: the published plans' rules, and how far ahead of today any rule reaches. */
export interface DueDay {
  today: string;
  rules: PlanRules;
  /** the last due date within reach of a reminder */
  until: string;
}

export async function dueDay(db: Db, now: Date): Promise<DueDay> {
  const rules = await planRules(db, now);
  const today = chinaDay(now);
  const horizon = Math.max(0, ...[...rules.active.values()].map(horizonDays));
  return { today, rules, until: addDays(today, horizon) };
}

/** Sends the notices a page of periods calls for that have not gone out yet, in one transaction. */
export async function sendNotices(db: Db, { today, rules }: DueDay, periods: Due[]): Promise<NoticesSent> {
  const due = periods.flatMap((period) => {
    const notice = noticeFor(period, today, rules.active.get(period.planId));
    return notice ? [{ period, notice }] : [];
  });
  const sent = await existingValues(
    db,
    noticeLog,
    noticeLog.key,
    due.map((d) => d.notice.key),
  );
  // in key order: two runners claiming the same keys then take them in the same order, and never deadlock
  const unsent = due.filter((d) => !sent.has(d.notice.key)).sort((a, b) => a.notice.key.localeCompare(b.notice.key));
  if (unsent.length === 0) return { reminders: 0, urges: 0, notifications: 0 };
  const recipients = await recipientsByUnit(db, [...new Set(unsent.map((d) => d.period.unitId))]);
  const pending = unsent.map((d) => ({
    ...d,
    people: (recipients.get(d.period.unitId) ?? []).filter((p) => d.notice.kind === "reminder" || p.manager),
  }));

  // the keys first (those another runner took meanwhile come back empty and are not sent), then the messages and
  // audit events of the keys this run holds
  return db.transaction(async (tx) => {
    const claimed = await insertNewUnnest<{ key: string }>(
      tx,
      noticeLog,
      noticeLog.key,
      [
        [noticeLog.key, "text", pending.map((d) => d.notice.key)],
        [noticeLog.assignmentId, "int", pending.map((d) => d.period.assignmentId)],
        [noticeLog.recipients, "int", pending.map((d) => d.people.length)],
      ],
      [noticeLog.key],
    );
    const ours = new Set(claimed.map((c) => c.key));
    const mine = pending.filter((d) => ours.has(d.notice.key));
    const notifications = await notify(tx, messagesOf(mine));
    await recordAudits(
      tx,
      mine.map(({ period, notice, people }) => ({
        actorId: null,
        action: `notice.${notice.kind}`,
        entityType: "assignment",
        entityId: period.assignmentId,
        after: { key: notice.key, period: period.label, dueOn: period.dueOn, recipients: people.map((p) => p.id) },
      })),
    );
    const urges = mine.filter((d) => d.notice.kind === "urge").length;
    return { reminders: mine.length - urges, urges, notifications };
  });
}

type Pending = { period: Due; notice: Notice; people: { id: number }[] };

/** One message per unit and kind: naming the period when it is one, listing them when several. */
function messagesOf(notices: Pending[]): Addressed[] {
  const groups = new Map<string, Pending[]>();
  for (const n of notices) {
    const key = `${n.period.unitId}:${n.notice.kind}`;
    const group = groups.get(key);
    if (group) group.push(n);
    else groups.set(key, [n]);
  }
  return [...groups.values()].map((group) => {
    const [{ period, notice, people }] = group;
    const facts = group.map((n) => ({ ...n.period, notice: n.notice }));
    const single = group.length === 1;
    const list = notice.kind === "urge" ? { overdue: true as const } : { dueWithinDays: dueWithinDaysOf(facts) };
    return {
      message: {
        kind: notice.kind,
        ...noticeText(facts),
        link: single ? periodLink(period.assignmentId, period.label) : assignmentsLink(list),
        assignmentId: single ? period.assignmentId : null,
      },
      userIds: people.map((p) => p.id),
      unitId: period.unitId,
    };
  });
}
