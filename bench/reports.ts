/**
 * `npm run bench:reports`: the reporting loop on PostgreSQL through the HTTP pipeline (in process).
 * - a township submits a report with a 5 MB PDF (each one different, so every file is written), p50/p95 of
 *   BENCH_REPORTS submissions (target p95 < 300 ms); each is withdrawn, untimed, to report again;
 * - GET /api/plans/:id/progress for seed 003 published to the demo registry, median/p95 of BENCH_REQUESTS (target
 *   < 100 ms);
 * - the progress page in Chromium: from navigation to every cell of the matrix drawn, median of BENCH_RUNS
 *   (target < 1 s), when the web app is built (dist/web).
 * Figures in bench/results/reports.json.
 */
import { randomBytes } from "node:crypto";
import { multipartForm, TINY_PDF } from "../src/server/test/factories.js";
import type { Assignment, PlanProgress, ReportDetail } from "../src/shared/api.js";
import { publishBody, startBench } from "./inprocess.js";
import { renderProgressPage } from "./progress-page.js";
import { writeResults } from "./results.js";
import { machine, median, noteLoad, percentile, round } from "./stats.js";

const REPORTS = Number(process.env.BENCH_REPORTS ?? 40);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FILE_MB = 5;

const bench = await startBench("fazhi_bench_reports");
const { app, login, call } = bench;
const coordinator = await login("coordinator");
const township = await login("township");

const plan = await bench.review(coordinator, await bench.importSeed(coordinator, "003"));
await call(coordinator, "POST", `/api/plans/${plan.id}/publish`, publishBody(plan));
const mine = await call<{ items: Assignment[] }>(township, "GET", `/api/assignments?planId=${plan.id}&mine=true`);
const target = mine.items[0];
if (!target) throw new Error("the township has no assignment in seed 003");

// a 5 MB PDF: the header of a real one, then bytes that differ every time
const pdf = () => Buffer.concat([TINY_PDF, randomBytes(FILE_MB * 1024 * 1024 - TINY_PDF.length)]);
const submissions: number[] = [];
for (let i = 0; i < REPORTS + 3; i++) {
  const form = multipartForm({ text: `第${i + 1}次报送：已按要求完成。`, submit: "true" }, [
    { filename: "台账.pdf", content: pdf() },
  ]);
  const started = performance.now();
  const response = await app.inject({
    method: "POST",
    url: `/api/assignments/${target.id}/reports`,
    payload: form.payload,
    headers: { ...form.headers, cookie: township, "idempotency-key": `bench-${i}-${randomBytes(6).toString("hex")}` },
  });
  const ms = performance.now() - started;
  if (response.statusCode !== 201) throw new Error(`report: ${response.statusCode} ${response.body}`);
  if (i >= 3) submissions.push(ms); // the first ones warm up
  const report = response.json<ReportDetail>();
  await call(township, "POST", `/api/reports/${report.id}/withdraw`, { version: report.version });
}

const progressUrl = `/api/plans/${plan.id}/progress`;
const progress = await call<PlanProgress>(coordinator, "GET", progressUrl);
for (let i = 0; i < 20; i++) await call(coordinator, "GET", progressUrl);
const matrix: number[] = [];
for (let i = 0; i < REQUESTS; i++) {
  const started = performance.now();
  await call(coordinator, "GET", progressUrl);
  matrix.push(performance.now() - started);
}

// the page draws one cell per task and unit (a unit in two roles on one task has one cell)
const places = new Set(progress.cells.map((cell) => `${cell.taskId}:${cell.unitId}`)).size;
const page = await renderProgressPage(bench, plan.id, places, RUNS);

const figures = {
  at: new Date().toISOString(),
  machine: machine(),
  submit: {
    fileMb: FILE_MB,
    reports: REPORTS,
    p50Ms: round(percentile(submissions, 50)),
    p95Ms: round(percentile(submissions, 95)),
    targetP95Ms: 300,
  },
  progress: {
    tasks: progress.tasks.length,
    units: progress.units.length,
    cells: progress.cells.length,
    requests: REQUESTS,
    medianMs: round(median(matrix)),
    p95Ms: round(percentile(matrix, 95)),
    targetMs: 100,
  },
  render: page,
};
console.log(`PostgreSQL, in-process HTTP, ${machine().cores} cores`);
console.log(
  `report with a ${FILE_MB} MB PDF, ${REPORTS} submissions: p50 ${figures.submit.p50Ms} ms, p95 ${figures.submit.p95Ms} ms (target p95 < 300)`,
);
console.log(
  `progress matrix of seed 003 (${progress.tasks.length} tasks × ${progress.units.length} units, ${progress.cells.length} assignments): median ${figures.progress.medianMs} ms, p95 ${figures.progress.p95Ms} ms (target < 100)`,
);
console.log(
  page
    ? `progress page in Chromium, navigation to every cell drawn, median of ${page.runs}: ${page.medianMs} ms (target < 1000)`
    : "progress page: the web app is not built (npm run build:web); not measured",
);
noteLoad();
const ok = figures.submit.p95Ms < 300 && figures.progress.p95Ms < 100 && (page === null || page.medianMs < 1000);
console.log(ok ? "targets met" : "targets NOT met on this run");
writeResults("reports", figures);
await bench.close();
