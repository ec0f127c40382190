/** Opens the database: PostgreSQL through `pg` when a URL is given, otherwise PGlite persisted in a directory. */

import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { ROOT } from "../root.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database itself or an open transaction. */
export type Queryable = Db | Tx;

export const MIGRATIONS_DIR = path.join(ROOT, "drizzle");

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  /** applies the migrations (of another folder: a restore rebuilds the schema a backup was taken at) */
  migrate(migrationsFolder?: string): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string } | { pglite: PGlite } | { dataDir: string };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ("url" in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection closed by the server (a restart, an administrator's terminate, a dropped database) has
    // already left the pool, and the next query opens a new one; unhandled, the pool's error event ends the process.
    pool.on("error", (error) => process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`));
    const db = drizzleNodePg(pool, { schema });
    return {
      db,
      kind: "postgres",
      migrate: (folder = MIGRATIONS_DIR) => migrateNodePg(db, { migrationsFolder: folder }),
      close: () => pool.end(),
    };
  }
  const client = "pglite" in target ? target.pglite : await PGlite.create(target.dataDir);
  const db = drizzlePglite(client, { schema });
  return {
    db,
    kind: "pglite",
    migrate: (folder = MIGRATIONS_DIR) => migratePglite(db, { migrationsFolder: folder }),
    close: () => client.close(),
  };
}
