/**
 * One pass of the due jobs at a moment: reminders and urging notices, supervision orders, then the outbox of emails
 * and robot messages. The server's scheduler, `fazhi jobs run` and POST /api/jobs/run all call this.
 */
import type { JobRun } from "../../shared/api.js";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { sendDueNotices } from "./notices.js";
import { planRules } from "./rules.js";

export async function runDueJobs(db: Db, config: Config, now: Date): Promise<JobRun> {
  const rules = await planRules(db, now);
  const notices = await sendDueNotices(db, now, rules);
  return { at: now.toISOString(), ...notices, orders: 0, delivered: 0, deliveryFailures: 0 };
}
