/**
 * The server's own scheduler: the due jobs every few minutes (FAZHI_JOBS_INTERVAL_MINUTES), one run at a time, from
 * shortly after the start until the server closes. Several server processes may all run it: every notice is still
 * sent once (see notices.ts).
 */
import type { FastifyInstance } from "fastify";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { runDueJobs } from "./run.js";

/** The first run waits a little, so a start is not slowed by it. */
const FIRST_RUN_MS = 30_000;

export function scheduleJobs(app: FastifyInstance, db: Db, config: Config, clock: Clock): void {
  if (config.jobsIntervalMinutes === 0) return;
  let running = false;
  const timers: NodeJS.Timeout[] = [];
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const run = await runDueJobs(db, config, clock());
      if (run.reminders + run.urges + run.orders + run.delivered + run.deliveryFailures > 0) {
        app.log.info({ run }, "due jobs ran");
      }
    } catch (error) {
      app.log.error({ err: error }, "the due jobs failed; the next run tries again");
    } finally {
      running = false;
    }
  };
  app.addHook("onReady", async () => {
    timers.push(
      setTimeout(() => void tick(), FIRST_RUN_MS),
      setInterval(() => void tick(), config.jobsIntervalMinutes * 60_000),
    );
    for (const timer of timers) timer.unref();
  });
  app.addHook("onClose", async () => {
    for (const timer of timers) clearTimeout(timer);
  });
}
