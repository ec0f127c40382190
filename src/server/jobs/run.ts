/**
 * One pass of the due jobs at a moment: reminders and urging notices, supervision orders, then the outbox of emails
 * and robot messages. The server's scheduler, `fazhi jobs run` and POST /api/jobs/run all call this.
 */
import type { JobRun } from "../../shared/api.js";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { configureOutbox } from "../delivery/enqueue.js";
import { deliverDue } from "../delivery/send.js";
import { draftDueOrders } from "../supervision/drafting.js";
import { dueToday, sendDueNotices } from "./notices.js";

export async function runDueJobs(db: Db, config: Config, now: Date): Promise<JobRun> {
  configureOutbox(config);
  // the periods are read once for both: notices, and orders for those long overdue
  const due = await dueToday(db, now);
  const notices = await sendDueNotices(db, now, due);
  const orders = await draftDueOrders(db, now, due);
  const outbox = await deliverDue(db, config, now);
  return {
    at: now.toISOString(),
    ...notices,
    orders: orders.drafted,
    delivered: outbox.delivered,
    deliveryFailures: outbox.failures,
  };
}
