/**
 * Prepares one migrated database per test run that every test file copies: a PGlite snapshot, or a
 * PostgreSQL template database. PostgreSQL must be reachable: a server test never passes without it.
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/client.js";

export const ADMIN_URL = process.env.FAZHI_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

async function preparePglite(project: TestProject): Promise<() => Promise<void>> {
  const client = await PGlite.create();
  const database = await openDatabase({ pglite: client });
  await database.migrate();
  const snapshot = path.join(tmpdir(), `fazhi-test-pglite-${process.pid}.tar`);
  const dump = await client.dumpDataDir("none");
  writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("pgliteSnapshot", snapshot);
  project.provide("pgTemplate", "");
  return async () => {};
}

async function preparePostgres(project: TestProject): Promise<() => Promise<void>> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is unreachable at ${ADMIN_URL} (${(error as Error).message}). Server tests run on PostgreSQL too: start it (see README).`,
    );
  }
  const template = `fazhi_tpl_${process.pid}`;
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${template}`;
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  await database.close();
  project.provide("pgTemplate", template);
  project.provide("pgliteSnapshot", "");
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like $1 or datname = $2",
      [`fazhi_t_${process.pid}_%`, template],
    );
    for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
    await admin.end();
  };
}

export default async function setup(project: TestProject) {
  return project.name.endsWith("postgres") ? preparePostgres(project) : preparePglite(project);
}
