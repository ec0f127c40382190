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

declare module "fastify" {
  interface FastifyInstance {
    /** resolves when no pass of the due jobs is running (the server waits for it before it closes) */
    dueJobsIdle: () => Promise<void>;
  }
}

export function scheduleJobs(app: FastifyInstance, db: Db, config: Config, clock: Clock): void {
  let running: Promise<void> | null = null;
  app.decorate("dueJobsIdle", async () => {
    await running;
  });
  if (config.jobsIntervalMinutes === 0) return;
  const timers: NodeJS.Timeout[] = [];
  const tick = () => {
    // one pass at a time: a pass still running when the next is due makes that one wait for the interval after
    running ??= pass().finally(() => {
      running = null;
    });
  };
  const pass = async () => {
    try {
      const run = await runDueJobs(db, config, clock());
      if (run.reminders + run.urges + run.orders + run.delivered + run.deliveryFailures > 0) {
        app.log.info({ run }, "due jobs ran");
      }
    } catch (error) {
      app.log.error({ err: error }, "the due jobs failed; the next run tries again");
    }
  };
  app.addHook("onReady", async () => {
    timers.push(setTimeout(tick, FIRST_RUN_MS), setInterval(tick, config.jobsIntervalMinutes * 60_000));
    for (const timer of timers) timer.unref();
  });
  app.addHook("onClose", async () => {
    for (const timer of timers) clearTimeout(timer);
    // the database closes after the server: let a pass finish first
    await running;
  });
}
