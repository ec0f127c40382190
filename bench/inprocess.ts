/**
 * The app on a fresh PostgreSQL database with the demo district, driven through the HTTP pipeline in process
 * (app.inject): what the API benchmarks share.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { FastifyInstance } from "fastify";
import { seedPath } from "../src/core/parser/eval/seeds.js";
import { buildApp } from "../src/server/app.js";
import { type Config, loadConfig } from "../src/server/config.js";
import { type Database, openDatabase } from "../src/server/db/client.js";
import { loadDemoData } from "../src/server/demo/load.js";
import { multipartFile } from "../src/server/test/factories.js";
import type { PlanDetail } from "../src/shared/api.js";
import { freshDatabase } from "./postgres.js";

export const PASSWORD = "Bench-pass-2025";

/**
 * The 交办 of a seed plan in a benchmark: sent out at the start of its year, so that all its periods stand (the seeds
 * are plans of past years), and published again knowingly (the benchmarks import the same seeds many times).
 */
export const publishBody = (plan: Pick<PlanDetail, "version" | "year">) => ({
  version: plan.version,
  assignedOn: `${plan.year}-01-01`,
  confirmDuplicate: true,
});

export interface Bench {
  app: FastifyInstance;
  database: Database;
  /** the PostgreSQL database's URL */
  url: string;
  config: Config;
  registryUnits: number;
  login(username: string): Promise<string>;
  call<T = PlanDetail>(cookie: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object): Promise<T>;
  /** Imports a seed plan as the coordinator and answers the draft */
  importSeed(cookie: string, seed: string): Promise<PlanDetail>;
  /** What the coordinator does between import and publish: dismiss unknown phrases, give unit-less tasks a unit. */
  review(cookie: string, plan: PlanDetail): Promise<PlanDetail>;
  close(): Promise<void>;
}

export async function startBench(name: string, env: Record<string, string> = {}): Promise<Bench> {
  const url = await freshDatabase(name);
  const database = await openDatabase({ url });
  await database.migrate();
  const demo = await loadDemoData(database.db, PASSWORD);
  const config = loadConfig({
    FAZHI_DATA_DIR: mkdtempSync(join(tmpdir(), `${name}-`)),
    FAZHI_MODE: "demo",
    FAZHI_DEMO_PASSWORD: PASSWORD,
    FAZHI_LOG_LEVEL: "warn",
    FAZHI_LOGIN_ATTEMPTS_PER_MINUTE: "1000",
    ...env,
  });
  const app = await buildApp(database, config);
  await app.ready();

  const call: Bench["call"] = async (cookie, method, url, payload) => {
    const response = await app.inject({ method, url, payload, headers: { cookie } });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  let leadUnitId: number | null = null;
  const bench: Bench = {
    app,
    database,
    url,
    config,
    registryUnits: demo.created.units,
    call,
    async login(username) {
      const response = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password: PASSWORD },
      });
      if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.body}`);
      return `fazhi_session=${response.cookies.find((c) => c.name === "fazhi_session")?.value}`;
    },
    async importSeed(cookie, seed) {
      const file = seedPath(seed);
      const upload = multipartFile(basename(file), readFileSync(file));
      const response = await app.inject({
        method: "POST",
        url: "/api/plans/import",
        ...upload,
        headers: { ...upload.headers, cookie },
      });
      if (response.statusCode !== 201) throw new Error(`import ${seed}: ${response.statusCode} ${response.body}`);
      return response.json<PlanDetail>();
    },
    async review(cookie, plan) {
      leadUnitId ??= (await call<{ items: { id: number }[] }>(cookie, "GET", "/api/units?q=区司法局")).items[0].id;
      let current = plan;
      for (const { phrase } of plan.unresolved) {
        current = await call(cookie, "POST", `/api/plans/${plan.id}/phrases/dismiss`, { phrase, reason: "上级机关" });
      }
      for (const task of current.tasks.filter((t) => !t.units.some((u) => u.unitId !== null))) {
        const units = [{ unitId: leadUnitId, role: "lead", phrase: "区司法局", dismissedReason: null }];
        current = await call(cookie, "PATCH", `/api/plans/${plan.id}/tasks/${task.id}`, {
          version: task.version,
          units,
        });
      }
      return current;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
  return bench;
}
