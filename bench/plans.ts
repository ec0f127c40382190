/**
 * `npm run bench:plans`: the core loop on PostgreSQL, through the HTTP pipeline (in process). Import + publish of
 * seed 003 (82 tasks) against the demo registry, median of BENCH_RUNS runs (target < 2 s; the phrases the registry
 * does not know are dismissed between the two, untimed, as a coordinator would); then GET /api/assignments?mine=true
 * for a township with 10 published plans, p50/p95 of BENCH_REQUESTS requests (target p95 < 50 ms).
 * Figures in bench/results/plans.json.
 */
import { publishBody, startBench } from "./inprocess.js";
import { writeResults } from "./results.js";
import { machine, median, noteLoad, percentile, round } from "./stats.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const PUBLISHED_PLANS = 10;

const bench = await startBench("fazhi_bench_plans");
const { app, login, call, review } = bench;

const coordinator = await login("coordinator");
const imports: number[] = [];
const publishes: number[] = [];
let published = 0;
for (let run = 0; run < RUNS; run++) {
  let started = performance.now();
  const draft = await bench.importSeed(coordinator, "003");
  imports.push(performance.now() - started);
  const plan = await review(coordinator, draft);
  started = performance.now();
  await call(coordinator, "POST", `/api/plans/${plan.id}/publish`, publishBody(plan));
  publishes.push(performance.now() - started);
  published++;
}
// the other published plans the township's list draws on: seeds 000 and 004 in turn
for (let i = 0; published < PUBLISHED_PLANS; i++, published++) {
  const plan = await review(coordinator, await bench.importSeed(coordinator, i % 2 === 0 ? "000" : "004"));
  await call(coordinator, "POST", `/api/plans/${plan.id}/publish`, publishBody(plan));
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
  machine: machine(),
  registryUnits: bench.registryUnits,
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
console.log(`PostgreSQL, in-process HTTP, ${machine().cores} cores, registry of ${bench.registryUnits} units`);
console.log(
  `seed 003 (82 tasks): import ${figures.seed003.importMedianMs} ms + publish ${figures.seed003.publishMedianMs} ms, median of ${RUNS}: ${figures.seed003.importPlusPublishMedianMs} ms (target < 2000)`,
);
console.log(
  `GET /api/assignments?mine=true, township, ${PUBLISHED_PLANS} published plans, ${mineTotal} assignments: p50 ${figures.mine.p50Ms} ms, p95 ${figures.mine.p95Ms} ms (target < 50)`,
);
noteLoad();
const ok = figures.seed003.importPlusPublishMedianMs < 2000 && figures.mine.p95Ms < 50;
console.log(ok ? "targets met" : "targets NOT met on this run");
writeResults("plans", figures);
await bench.close();
