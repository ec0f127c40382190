/**
 * `npm run bench:plans`: the core loop on PostgreSQL, through the HTTP pipeline (in process). Import + publish of
 * seed 003 (82 tasks) against the demo registry, median of BENCH_RUNS runs (target < 2 s; the phrases the registry
 * does not know are dismissed between the two, untimed, as a coordinator would); then GET /api/assignments?mine=true
 * for a township with 10 published plans, p50/p95 of BENCH_REQUESTS requests (target p95 < 50 ms).
 * Figures in bench/results/plans.json.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { seedPath } from "../src/core/parser/eval/seeds.js";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { openDatabase } from "../src/server/db/client.js";
import { loadDemoData } from "../src/server/demo/load.js";
import { multipartFile } from "../src/server/test/factories.js";
import type { PlanDetail } from "../src/shared/api.js";
import { freshDatabase } from "./postgres.js";
import { writeResults } from "./results.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const PUBLISHED_PLANS = 10;
const PASSWORD = "Bench-pass-2025";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const round = (ms: number) => Math.round(ms * 10) / 10;

const database = await openDatabase({ url: await freshDatabase("fazhi_bench_plans") });
await database.migrate();
const demo = await loadDemoData(database.db, PASSWORD);
const config = loadConfig({
  FAZHI_DATA_DIR: join(tmpdir(), "fazhi-bench-plans"),
  FAZHI_MODE: "demo",
  FAZHI_DEMO_PASSWORD: PASSWORD,
  FAZHI_LOG_LEVEL: "warn",
  FAZHI_LOGIN_ATTEMPTS_PER_MINUTE: "1000",
});
const app = await buildApp(database, config);
await app.ready();

async function login(username: string): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "fazhi_session");
  return `fazhi_session=${cookie?.value}`;
}

async function call(cookie: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
  const response = await app.inject({ method, url, payload, headers: { cookie } });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json<PlanDetail>();
}

/** What the coordinator does between import and publish: dismiss unknown phrases, give unit-less tasks a unit. */
async function review(cookie: string, plan: PlanDetail, leadUnitId: number): Promise<PlanDetail> {
  let current = plan;
  for (const { phrase } of plan.unresolved) {
    current = await call(cookie, "POST", `/api/plans/${plan.id}/phrases/dismiss`, { phrase, reason: "上级机关" });
  }
  for (const task of current.tasks.filter((t) => !t.units.some((u) => u.unitId !== null))) {
    const units = [{ unitId: leadUnitId, role: "lead", phrase: "区司法局", dismissedReason: null }];
    current = await call(cookie, "PATCH", `/api/plans/${plan.id}/tasks/${task.id}`, { version: task.version, units });
  }
  return current;
}

const coordinator = await login("coordinator");
const justice = (await call(coordinator, "GET", "/api/units?q=区司法局")) as unknown as { items: { id: number }[] };
const file = seedPath("003");
const bytes = readFileSync(file);
const imports: number[] = [];
const publishes: number[] = [];
let published = 0;
for (let run = 0; run < RUNS; run++) {
  const upload = multipartFile(basename(file), bytes);
  let started = performance.now();
  const response = await app.inject({
    method: "POST",
    url: "/api/plans/import",
    ...upload,
    headers: { ...upload.headers, cookie: coordinator },
  });
  if (response.statusCode !== 201) throw new Error(`import: ${response.statusCode} ${response.body}`);
  imports.push(performance.now() - started);
  const plan = await review(coordinator, response.json<PlanDetail>(), justice.items[0].id);
  started = performance.now();
  await call(coordinator, "POST", `/api/plans/${plan.id}/publish`, { version: plan.version });
  publishes.push(performance.now() - started);
  published++;
}
// the other published plans the township's list draws on: seeds 000 and 004 in turn
for (let i = 0; published < PUBLISHED_PLANS; i++, published++) {
  const seed = seedPath(i % 2 === 0 ? "000" : "004");
  const upload = multipartFile(basename(seed), readFileSync(seed));
  const response = await app.inject({
    method: "POST",
    url: "/api/plans/import",
    ...upload,
    headers: { ...upload.headers, cookie: coordinator },
  });
  const plan = await review(coordinator, response.json<PlanDetail>(), justice.items[0].id);
  await call(coordinator, "POST", `/api/plans/${plan.id}/publish`, { version: plan.version });
}

const township = await login("township");
const first = await app.inject({ method: "GET", url: "/api/assignments?mine=true", headers: { cookie: township } });
const mineTotal = first.json<{ total: number }>().total;
for (let i = 0; i < 20; i++)
  await app.inject({ method: "GET", url: "/api/assignments?mine=true", headers: { cookie: township } });
const lists: number[] = [];
for (let i = 0; i < REQUESTS; i++) {
  const started = performance.now();
  const response = await app.inject({
    method: "GET",
    url: "/api/assignments?mine=true",
    headers: { cookie: township },
  });
  lists.push(performance.now() - started);
  if (response.statusCode !== 200) throw new Error(`list: ${response.statusCode}`);
}

const figures = {
  at: new Date().toISOString(),
  machine: { cores: cpus().length, loadAverage1m: loadavg()[0], node: process.version },
  registryUnits: demo.created.units,
  seed003: {
    runs: RUNS,
    importMedianMs: round(median(imports)),
    publishMedianMs: round(median(publishes)),
    importPlusPublishMedianMs: round(median(imports.map((ms, i) => ms + publishes[i]))),
    targetMs: 2000,
  },
  mine: {
    publishedPlans: PUBLISHED_PLANS,
    assignments: mineTotal,
    requests: REQUESTS,
    p50Ms: round(percentile(lists, 50)),
    p95Ms: round(percentile(lists, 95)),
    targetP95Ms: 50,
  },
};
console.log(`PostgreSQL, in-process HTTP, ${cpus().length} cores, registry of ${demo.created.units} units`);
console.log(
  `seed 003 (82 tasks): import ${figures.seed003.importMedianMs} ms + publish ${figures.seed003.publishMedianMs} ms, median of ${RUNS}: ${figures.seed003.importPlusPublishMedianMs} ms (target < 2000)`,
);
console.log(
  `GET /api/assignments?mine=true, township, ${PUBLISHED_PLANS} published plans, ${mineTotal} assignments: p50 ${figures.mine.p50Ms} ms, p95 ${figures.mine.p95Ms} ms (target < 50)`,
);
if (loadavg()[0] > cpus().length)
  console.log(`note: the machine was busy (load average ${loadavg()[0].toFixed(1)}); figures are noisy`);
const ok = figures.seed003.importPlusPublishMedianMs < 2000 && figures.mine.p95Ms < 50;
console.log(ok ? "targets met" : "targets NOT met on this run");
writeResults("plans", figures);
await app.close();
await database.close();
