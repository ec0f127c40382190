/**
 * Builds the real app per test file on a fresh copy of the migrated database (PGlite or PostgreSQL, by the
 * vitest project), with the demo district loaded, and offers HTTP helpers that act as a given user.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import { buildApp } from "../app.js";
import type { Clock } from "../clock.js";
import { type Config, loadConfig } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { loadDemoData } from "../demo/load.js";
import { ADMIN_URL } from "./global-setup.js";

export const DEMO_PASSWORD = "Demo-pass-2025";
export const TEST_DB = (process.env.FAZHI_TEST_DB ?? "pglite") as "pglite" | "postgres";

async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (TEST_DB === "pglite") {
    const snapshot = readFileSync(inject("pgliteSnapshot"));
    const client = await PGlite.create({ loadDataDir: new Blob([snapshot]) });
    return { database: await openDatabase({ pglite: client }), drop: async () => {} };
  }
  const name = `fazhi_t_${process.ppid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject("pgTemplate")}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({ url: url.toString() }),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** logs in and returns the session cookie header */
  login(username: string, password?: string): Promise<string>;
  /** an HTTP request with a JSON body, as the holder of the cookie (or anonymously) */
  request(options: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function buildTestApp(
  env: Record<string, string> = {},
  options: { clock?: Clock; logStream?: { write(line: string): void } } = {},
): Promise<TestApp> {
  const { database, drop } = await freshDatabase();
  const config = loadConfig({
    FAZHI_DATA_DIR: mkdtempSync(path.join(tmpdir(), "fazhi-test-")),
    FAZHI_MODE: "demo",
    FAZHI_DEMO_PASSWORD: DEMO_PASSWORD,
    FAZHI_SESSION_SECRET: randomBytes(32).toString("hex"),
    FAZHI_LOG_LEVEL: "silent",
    FAZHI_LOGIN_ATTEMPTS_PER_MINUTE: "1000",
    ...env,
  });
  await loadDemoData(database.db, DEMO_PASSWORD);
  const app = await buildApp(database, config, options);
  await app.ready();

  const request: TestApp["request"] = ({ cookie, headers, ...options }) =>
    app.inject({ ...options, headers: { ...headers, ...(cookie ? { cookie } : {}) } });

  return {
    app,
    database,
    config,
    request,
    async login(username, password = DEMO_PASSWORD) {
      const response = await request({ method: "POST", url: "/api/auth/login", payload: { username, password } });
      if (response.statusCode !== 200)
        throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === "fazhi_session");
      if (!cookie) throw new Error("login set no session cookie");
      return `fazhi_session=${cookie.value}`;
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}
