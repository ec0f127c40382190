import { openConfiguredDatabase } from "../../server/boot.js";
import { runDueJobs } from "../../server/jobs/run.js";
import { withConfig } from "../config.js";

const USAGE = `Usage: fazhi jobs run [--now ISO-TIME]

Runs the due jobs once (reminders before due dates, urging notices for overdue periods, supervision orders for
periods long overdue, emails and robot messages waiting to go out) and prints what was done.
Each notice goes out once: running again sends nothing new. --now runs as at that moment (e.g. 2025-07-01T09:00:00+08:00).
With the embedded database, stop the server first (or use POST /api/jobs/run as an administrator).`;

export const jobsCommand = {
  summary: "run the due jobs once: reminders, urging notices, supervision orders, outgoing messages",
  run: async (args: string[]) => {
    const [action, ...rest] = args;
    if (action !== "run") {
      console.error(USAGE);
      return action === "--help" || action === "-h" ? 0 : 2;
    }
    const nowAt = rest.indexOf("--now");
    const raw = nowAt >= 0 ? rest[nowAt + 1] : undefined;
    const now = raw ? new Date(raw) : new Date();
    if (nowAt >= 0 && (!raw || Number.isNaN(now.getTime()))) {
      console.error(`fazhi jobs run: --now needs a time such as 2025-07-01T09:00:00+08:00, got "${raw ?? ""}"`);
      return 2;
    }
    return withConfig(async (config) => {
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        const run = await runDueJobs(database.db, config, now);
        const held = run.held ? `；${run.held} 个方案处于免打扰时段，其消息稍后发送` : "";
        console.log(
          `${now.toISOString()}：到期提醒 ${run.reminders} 条、催办 ${run.urges} 条、督办单 ${run.orders} 份，` +
            `通知 ${run.notifications} 人次，外发 ${run.delivered} 条(失败 ${run.deliveryFailures} 条)${held}`,
        );
        return 0;
      } finally {
        await database.close();
      }
    });
  },
};
