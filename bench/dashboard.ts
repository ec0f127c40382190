/**
 * `npm run bench:dashboard`: the province scale on PostgreSQL. A synthetic province (bench/province.ts: 3,000 units,
 * 100,000 assignments, 500,000 reports) on top of the demo district, then
 * - GET /api/dashboard through the HTTP pipeline (in process), p50/p95 of BENCH_REQUESTS requests per filter (target
 *   p95 < 200 ms): the office without a filter, by year, by plan, by plan and year; a province unit's own view; and
 *   of BENCH_COMPUTED requests each after a change (an audit event), with how long until the numbers count it;
 * - the due-jobs pass at 10:00 China time today as the product runs it on its own, `fazhi jobs run --now` (the
 *   bundled command, started afresh: its time and peak RSS are the whole process's, measured by bench/rusage.mjs),
 *   on a fresh copy of the province: the first pass (everything due is sent) and a repeat pass (nothing new), medians
 *   of BENCH_JOB_RUNS copies (target < 10 s and < 300 MB).
 * Figures in bench/results/dashboard.json.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { chinaDay } from "../src/core/calendar.js";
import type { Dashboard } from "../src/shared/api.js";
import { startBench } from "./inprocess.js";
import { dropDatabase, freshDatabase } from "./postgres.js";
import { generateProvince } from "./province.js";
import { writeResults } from "./results.js";
import { machine, median, noteLoad, percentile, round } from "./stats.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
/** requests each after a change, when the answer must be computed again */
const COMPUTED = Number(process.env.BENCH_COMPUTED ?? 10);
const JOB_RUNS = Number(process.env.BENCH_JOB_RUNS ?? process.env.BENCH_RUNS ?? 3);
const NAME = "fazhi_bench_dashboard";
const ROOT = join(import.meta.dirname, "..");

const bench = await startBench(NAME);
const today = chinaDay(new Date());
const { counts, ms: generationMs } = await generateProvince(bench.url, today);
console.log(
  `province generated in ${(generationMs / 1000).toFixed(1)} s: ${counts.units} units, ${counts.assignments} assignments, ${counts.dueDates} periods (${counts.overduePeriods} overdue), ${counts.reports} reports`,
);

// a province unit's manager signs in with the demo password
const admin = new pg.Client({ connectionString: bench.url });
await admin.connect();
await admin.query(
  `update users set password_hash = (select password_hash from users where username = 'township') where username = 'p0m'`,
);
const [{ id: provincePlan }] = (await admin.query(`select min(id)::int as id from plans where title like '模拟省%'`))
  .rows as { id: number }[];
/** A change, as far as the dashboard's kept answers can tell: an audit event (every change writes one). */
const change = () => admin.query(`insert into audit_events (action, entity_type) values ('bench.change', 'bench')`);

const coordinator = await bench.login("coordinator");
const provinceUnit = await bench.login("p0m");
const year = Number(today.slice(0, 4));
const cases = [
  { name: "office, no filter", cookie: coordinator, query: "" },
  { name: `office, year ${year}`, cookie: coordinator, query: `?year=${year}` },
  { name: "office, one plan", cookie: coordinator, query: `?planId=${provincePlan}` },
  { name: `office, one plan and year ${year}`, cookie: coordinator, query: `?planId=${provincePlan}&year=${year}` },
  { name: "a province unit, no filter", cookie: provinceUnit, query: "" },
];
const dashboard = [];
for (const c of cases) {
  const board = await bench.call<Dashboard>(c.cookie, "GET", `/api/dashboard${c.query}`);
  for (let i = 0; i < 3; i++) await bench.call(c.cookie, "GET", `/api/dashboard${c.query}`);
  // kept: nothing changed since the last request, the answer is served as it was computed
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await bench.call(c.cookie, "GET", `/api/dashboard${c.query}`);
    times.push(performance.now() - started);
  }
  // after a change (before every request): the answer served (the kept one while newer numbers are counted, see
  // src/server/db/change-cache.ts), and how long until a request gets the numbers that count the change
  const afterChange: number[] = [];
  const untilFresh: number[] = [];
  let servedKept = 0;
  for (let i = 0; i < COMPUTED; i++) {
    await change();
    const started = performance.now();
    let answer = await bench.call<Dashboard>(c.cookie, "GET", `/api/dashboard${c.query}`);
    afterChange.push(performance.now() - started);
    if (answer.refreshing) servedKept++;
    while (answer.refreshing) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      answer = await bench.call<Dashboard>(c.cookie, "GET", `/api/dashboard${c.query}`);
    }
    untilFresh.push(performance.now() - started);
  }
  const figures = {
    name: c.name,
    assignments: board.totals.assignments,
    units: board.units.length,
    overdue: board.totals.overdue,
    requests: REQUESTS,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    afterChangeRequests: COMPUTED,
    afterChangeP50Ms: round(percentile(afterChange, 50)),
    afterChangeP95Ms: round(percentile(afterChange, 95)),
    servedKept,
    freshP50Ms: round(percentile(untilFresh, 50)),
    freshP95Ms: round(percentile(untilFresh, 95)),
  };
  dashboard.push(figures);
  console.log(
    `GET /api/dashboard${c.query} (${c.name}: ${figures.assignments} assignments, ${figures.units} units): p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms (target p95 < 200); after a change: p50 ${figures.afterChangeP50Ms} ms, p95 ${figures.afterChangeP95Ms} ms (${servedKept} of ${COMPUTED} answered with the kept numbers while counting), counted afresh after p50 ${figures.freshP50Ms} ms, p95 ${figures.freshP95Ms} ms`,
  );
}
// 进展报告 (GET /api/reports): the office's first page of every report, and what waits for its review
const reportLists = [];
for (const [name, query] of [
  ["office, first page", "?limit=20"],
  ["office, 待我审核", "?toReview=true&limit=20"],
  ["a province unit, first page", "?limit=20"],
] as const) {
  const cookie = name.startsWith("office") ? coordinator : provinceUnit;
  await bench.call(cookie, "GET", `/api/reports${query}`);
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await bench.call(cookie, "GET", `/api/reports${query}`);
    times.push(performance.now() - started);
  }
  const figures = { name, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)) };
  reportLists.push(figures);
  console.log(
    `GET /api/reports${query} (${name}, ${counts.reports} reports): p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms`,
  );
}
await bench.close();
await admin.end();

// the job passes, each on a fresh copy of the province, by the bundled command (built now, so that it is current)
execFileSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")], { cwd: ROOT, stdio: "inherit" });
type Pass = { ms: number; peakRssMb: number; printed: string };
const now = new Date(`${today}T10:00:00+08:00`).toISOString();
const usage = join(mkdtempSync(join(tmpdir(), "fazhi-bench-jobs-")), "rusage.json");
const pass = (url: string): Pass => {
  const printed = execFileSync(
    process.execPath,
    ["--import", join(ROOT, "bench/rusage.mjs"), join(ROOT, "bin/fazhi.js"), "jobs", "run", "--now", now],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        DATABASE_URL: url,
        FAZHI_MODE: "demo",
        FAZHI_DATA_DIR: dirname(usage),
        FAZHI_BENCH_RUSAGE: usage,
      },
    },
  ).trim();
  return { ...JSON.parse(readFileSync(usage, "utf8")), printed };
};
const firsts: Pass[] = [];
const repeats: Pass[] = [];
const copies: number[] = [];
for (let run = 0; run < JOB_RUNS; run++) {
  let started = performance.now();
  const copy = await freshDatabase(`${NAME}_jobs`, NAME);
  copies.push(performance.now() - started);
  started = performance.now();
  firsts.push(pass(copy));
  repeats.push(pass(copy));
  console.log(
    `job pass ${run + 1}: first ${firsts[run].ms} ms (peak RSS ${firsts[run].peakRssMb} MB), repeat ${repeats[run].ms} ms (peak RSS ${repeats[run].peakRssMb} MB)`,
  );
}
await dropDatabase(`${NAME}_jobs`);

const summary = (passes: Pass[]) => ({
  runs: passes.length,
  medianMs: median(passes.map((p) => p.ms)),
  medianPeakRssMb: median(passes.map((p) => p.peakRssMb)),
  printed: passes[0]?.printed,
});
const figures = {
  at: new Date().toISOString(),
  machine: machine(),
  today,
  province: counts,
  generationMs: Math.round(generationMs),
  dashboard,
  dashboardTargetP95Ms: 200,
  reportLists,
  jobs: { first: summary(firsts), repeat: summary(repeats), copyMedianMs: Math.round(median(copies)) },
  jobsTarget: { ms: 10_000, rssMb: 300 },
};
const { first, repeat } = figures.jobs;
console.log(`PostgreSQL, ${machine().cores} cores; job pass at ${now} (10:00 China time)`);
console.log(
  `job pass, first (${first.printed}): median of ${first.runs} ${first.medianMs} ms, peak RSS ${first.medianPeakRssMb} MB (target < 10000 ms, < 300 MB)`,
);
console.log(`job pass, repeat: median of ${repeat.runs} ${repeat.medianMs} ms, peak RSS ${repeat.medianPeakRssMb} MB`);
noteLoad();
const ok =
  dashboard.every((d) => d.p95Ms < 200 && d.afterChangeP95Ms < 200) &&
  [first, repeat].every((p) => p.medianMs < 10_000 && p.medianPeakRssMb < 300);
const scale = Number(process.env.BENCH_SCALE ?? 1);
if (scale !== 1) console.log(`BENCH_SCALE=${scale}: a smaller province than the targets are set for`);
else console.log(ok ? "targets met" : "targets NOT met on this run");
writeResults("dashboard", figures);
