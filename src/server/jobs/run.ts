/**
 * One pass of the due jobs at a moment: reminders and urging notices, supervision orders, the reviewers' digests of
 * the reports submitted in the past hours, then the outbox of emails and robot messages. The server's scheduler, `fazhi jobs run` and POST /api/jobs/run all call this.
 *
 * The waiting periods are read a page at a time, and each page gets its notices and then its orders: the pass holds
 * one page in memory however large the province.
 */
import type { JobRun } from "../../shared/api.js";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { configureOutbox } from "../delivery/enqueue.js";
import { deliverDue } from "../delivery/send.js";
import { sendReviewDigests } from "../notifications/steps.js";
import { draftOrders, refreshDrafts, tellTheOffice } from "../supervision/drafting.js";
import { dueDay, duePeriods, sendNotices } from "./notices.js";

export async function runDueJobs(db: Db, config: Config, now: Date): Promise<JobRun> {
  configureOutbox(config);
  const day = await dueDay(db, now);
  const sent = { reminders: 0, urges: 0, notifications: 0 };
  const drafted = { items: 0, orders: 0 };
  await refreshDrafts(db, day.today);
  for await (const periods of duePeriods(db, day)) {
    // the page's notices and orders write to tables of their own: on PostgreSQL they run side by side
    const [page, orders] = await Promise.all([sendNotices(db, day, periods), draftOrders(db, day, periods)]);
    sent.reminders += page.reminders;
    sent.urges += page.urges;
    sent.notifications += page.notifications;
    drafted.items += orders.items;
    drafted.orders += orders.orders;
  }
  await tellTheOffice(db, drafted);
  sent.notifications += await sendReviewDigests(db, now);
  const outbox = await deliverDue(db, config, now);
  return {
    at: now.toISOString(),
    held: day.rules.held.length,
    ...sent,
    orders: drafted.items,
    delivered: outbox.delivered,
    deliveryFailures: outbox.failures,
  };
}
