/**
 * The notice job: reminders before a period's due date and urging notices once it is overdue, to the people of the
 * unit that owes the report. Each notice is recorded by its key in the transaction that sends it, so it goes out
 * exactly once: a second run, or two runners at the same moment, send nothing new. In a plan's quiet hours nothing
 * of it is sent; the first run after them sends what is due.
 */

import { and, eq, inArray, lte, notInArray, sql } from "drizzle-orm";
import { addDays, chinaDay } from "../../core/calendar.js";
import { horizonDays, type Notice, noticeFor } from "../../core/supervision/notices.js";
import { shorten } from "../../core/text/shorten.js";
import { periodLink } from "../../shared/links.js";
import { recordAudits } from "../audit/record.js";
import type { Db } from "../db/client.js";
import { assignmentDueDates, assignments, noticeLog, plans, tasks, users } from "../db/schema.js";
import { existingValues, insertNewUnnest } from "../db/unnest.js";
import { notify } from "../notifications/notify.js";
import { type PlanRules, planRules } from "./rules.js";

/** What a page's notices came to. */
export interface NoticesSent {
  reminders: number;
  urges: number;
  notifications: number;
}

/** Notices sent in one transaction. */
const BATCH = 2500;

export type Due = {
  dueDateId: number;
  dueOn: string;
  label: string;
  assignmentId: number;
  planId: number;
  unitId: number;
  taskNumber: string;
  taskText: string;
  planTitle: string;
};

function message(notice: Notice, due: Due) {
  const task = `《${due.planTitle}》任务 ${due.taskNumber}「${shorten(due.taskText, 30)}」`;
  return notice.kind === "urge"
    ? {
        title: `催办：任务 ${due.taskNumber}（${due.label}）已逾期`,
        body: `${task}的“${due.label}”已于 ${due.dueOn} 到期，尚未报送进展。请尽快报送；确有困难的，请申请延期。`,
      }
    : {
        title: `到期提醒：任务 ${due.taskNumber}（${due.label}）`,
        body: `${task}的“${due.label}”将于 ${due.dueOn} 到期（还有 ${notice.days} 天），请按时报送进展。`,
      };
}

/** Periods read at a time: the pass holds one page of them, whatever the size of the province. */
const PAGE = 5000;

/**
 * The periods still waiting for a report that fall due by the day's horizon (overdue ones included), of the plans
 * outside their quiet hours, a page at a time in the order of the index on waiting periods (due date, id).
 */
export async function* duePeriods(db: Db, day: DueDay, page = PAGE): AsyncGenerator<Due[]> {
  const planIds = [...day.rules.active.keys()];
  if (planIds.length === 0) return;
  const d = assignmentDueDates;
  let after: Due | undefined;
  for (;;) {
    const rows: Due[] = await db
      .select({
        dueDateId: d.id,
        dueOn: d.dueOn,
        label: d.label,
        assignmentId: assignments.id,
        planId: assignments.planId,
        unitId: assignments.unitId,
        taskNumber: tasks.number,
        taskText: tasks.text,
        planTitle: plans.title,
      })
      .from(d)
      .innerJoin(assignments, eq(assignments.id, d.assignmentId))
      .innerJoin(tasks, eq(tasks.id, assignments.taskId))
      .innerJoin(plans, eq(plans.id, assignments.planId))
      .where(
        and(
          inArray(d.state, ["open", "returned"]),
          lte(d.dueOn, day.until),
          after ? sql`(${d.dueOn}, ${d.id}) > (${after.dueOn}::date, ${after.dueDateId})` : undefined,
          notInArray(assignments.status, ["cancelled", "completed"]),
          inArray(assignments.planId, planIds),
        ),
      )
      .orderBy(d.dueOn, d.id)
      .limit(page);
    if (rows.length > 0) yield rows;
    if (rows.length < page) return;
    after = rows[rows.length - 1];
  }
}

/** Who hears about a unit's periods: its managers are urged; its managers and staff are reminded. */
export async function recipientsByUnit(db: Db, unitIds: number[]) {
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

/** Sends the notices a page of periods calls for that have not gone out yet. */
export async function sendNotices(db: Db, { today, rules }: DueDay, periods: Due[]): Promise<NoticesSent> {
  const run: NoticesSent = { reminders: 0, urges: 0, notifications: 0 };
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
  const recipients = await recipientsByUnit(db, [...new Set(unsent.map((d) => d.period.unitId))]);
  const pending = unsent.map((d) => ({
    ...d,
    people: (recipients.get(d.period.unitId) ?? []).filter((p) => d.notice.kind === "reminder" || p.manager),
  }));

  // a batch a transaction: the keys first (those another runner took meanwhile come back empty and are not sent),
  // then the notifications and audit events of the keys this run holds
  for (let at = 0; at < pending.length; at += BATCH) {
    const batch = pending.slice(at, at + BATCH);
    const sentNow = await db.transaction(async (tx) => {
      const claimed = await insertNewUnnest<{ key: string }>(
        tx,
        noticeLog,
        noticeLog.key,
        [
          [noticeLog.key, "text", batch.map((d) => d.notice.key)],
          [noticeLog.assignmentId, "int", batch.map((d) => d.period.assignmentId)],
          [noticeLog.recipients, "int", batch.map((d) => d.people.length)],
        ],
        [noticeLog.key],
      );
      const ours = new Set(claimed.map((c) => c.key));
      const mine = batch.filter((d) => ours.has(d.notice.key));
      const written = await notify(
        tx,
        mine.map(({ period, notice, people }) => ({
          message: {
            kind: notice.kind,
            ...message(notice, period),
            link: periodLink(period.assignmentId, period.label),
            assignmentId: period.assignmentId,
          },
          userIds: people.map((p) => p.id),
          unitId: period.unitId,
        })),
      );
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
      return { notices: mine, notifications: written };
    });
    for (const { notice } of sentNow.notices) {
      if (notice.kind === "urge") run.urges++;
      else run.reminders++;
    }
    run.notifications += sentNow.notifications;
  }
  return run;
}
