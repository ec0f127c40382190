/**
 * One pass of the due jobs (runDueJobs) on a database, in a process of its own so that its memory is its own:
 * `tsx bench/job-pass.ts URL NOW` prints one JSON line: the pass's time, its result, the process's peak RSS (the
 * kernel's high-water mark) before and after, and the largest V8 heap seen while it ran. bench/dashboard.ts runs it.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/server/config.js";
import { openDatabase } from "../src/server/db/client.js";
import { runDueJobs } from "../src/server/jobs/run.js";

const [url, now] = process.argv.slice(2);
if (!url || !now) throw new Error("usage: tsx bench/job-pass.ts DATABASE_URL NOW");
const config = loadConfig({
  FAZHI_DATA_DIR: mkdtempSync(join(tmpdir(), "fazhi-bench-jobs-")),
  FAZHI_MODE: "demo",
  FAZHI_LOG_LEVEL: "warn",
  FAZHI_DEMO_PASSWORD: "Bench-pass-2025",
});
const database = await openDatabase({ url });
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const rssBeforeMb = mb(process.resourceUsage().maxRSS * 1024);
let heapPeak = process.memoryUsage().heapUsed;
let rssPeak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  heapPeak = Math.max(heapPeak, usage.heapUsed);
  rssPeak = Math.max(rssPeak, usage.rss);
}, 10);
const started = performance.now();
const result = await runDueJobs(database.db, config, new Date(now));
const ms = performance.now() - started;
clearInterval(sampler);
await database.close();
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    result,
    rssBeforeMb,
    peakRssMb: mb(Math.max(process.resourceUsage().maxRSS * 1024, rssPeak)),
    peakHeapMb: mb(heapPeak),
  }),
);
