/**
 * `fazhi backup` and GET /api/backup: the database and the evidence files in one tar.gz, consistent while the server
 * runs. The rows come from one REPEATABLE READ READ ONLY transaction (one snapshot: a report and its files are in
 * it together or not at all), table by table as JSON lines through a cursor, so the database is never held in memory;
 * then the evidence files those rows name are copied. Files are content-addressed and written before the row that
 * names them commits, and only files no row names are ever removed, so every file the snapshot names is on disk.
 */

import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";
import { mkdtemp, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { type Database, MIGRATIONS_DIR, type Queryable } from "../db/client.js";
import type { FileStore } from "../files/store.js";
import { VERSION } from "../version.js";
import { appliedMigration, ident, rowsOf, tablesInLoadOrder } from "./tables.js";
import { TarWriter } from "./tar.js";

export const BACKUP_FORMAT = "fazhi-backup";
export const BACKUP_FORMAT_VERSION = 1;

/** What a backup holds, written first in the archive as manifest.json. */
export interface Manifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  fazhiVersion: string;
  createdAt: string;
  database: Database["kind"];
  /** the newest migration applied: a restore rebuilds that schema, loads the rows, then migrates on */
  migration: { tag: string; createdAt: number; count: number };
  /** in load order: every row's references come before it */
  tables: { name: string; rows: number }[];
  files: { count: number; bytes: number; missing: string[] };
}

interface JournalEntry {
  tag: string;
  when: number;
}

/** The migrations this build knows, oldest first. */
export function journal(folder = MIGRATIONS_DIR): JournalEntry[] {
  return JSON.parse(readFileSync(path.join(folder, "meta/_journal.json"), "utf8")).entries;
}

const FETCH_ROWS = 500;

/** One table's rows as JSON lines (PostgreSQL's own to_jsonb: bytea, arrays, times and jsonb survive the trip). */
async function dumpTable(tx: Queryable, table: string, primaryKey: string[], file: string): Promise<number> {
  const out = createWriteStream(file);
  const order = primaryKey.length ? sql.raw(` order by ${primaryKey.map((c) => `"${c}"`).join(", ")}`) : sql``;
  await tx.execute(
    sql`declare fazhi_backup no scroll cursor for select to_jsonb(t) as row from ${ident(table)} t${order}`,
  );
  let count = 0;
  try {
    for (;;) {
      const rows = await rowsOf<{ row: unknown }>(tx, sql.raw(`fetch ${FETCH_ROWS} from fazhi_backup`));
      if (!rows.length) break;
      count += rows.length;
      const lines = `${rows.map((r) => (typeof r.row === "string" ? r.row : JSON.stringify(r.row))).join("\n")}\n`;
      if (!out.write(lines)) await once(out, "drain");
    }
  } finally {
    await tx.execute(sql`close fazhi_backup`);
    out.end();
    await once(out, "close");
  }
  return count;
}

export interface BackupOptions {
  database: Database;
  store: FileStore;
  /** who asked (null: the command line) and from where, for the audit event */
  actorId?: number | null;
  ip?: string | null;
  now?: () => Date;
}

/** Writes the backup to `target` (a .tar.gz) and answers its manifest. */
export async function writeBackup(target: string, options: BackupOptions): Promise<Manifest> {
  const { database, store } = options;
  const known = journal();
  const work = await mkdtemp(path.join(tmpdir(), "fazhi-backup-"));
  try {
    const createdAt = (options.now ?? (() => new Date()))().toISOString();
    const snapshot = await database.db.transaction(
      async (tx) => {
        const migration = await appliedMigration(tx);
        if (!migration) throw new BackupError("数据库尚未初始化(没有执行过迁移)，没有可备份的数据。");
        const entry = known.find((e) => e.when === migration.createdAt);
        if (!entry) throw new BackupError("数据库的版本比本程序新：请用升级后的 fazhi 备份。");
        const tables: Manifest["tables"] = [];
        for (const table of await tablesInLoadOrder(tx)) {
          const rows = await dumpTable(tx, table.name, table.primaryKey, path.join(work, `${table.name}.jsonl`));
          tables.push({ name: table.name, rows });
        }
        const sha256s = (
          await rowsOf<{ sha256: string }>(tx, sql`select distinct sha256 from files order by sha256`)
        ).map((row) => row.sha256);
        return { migration: { tag: entry.tag, ...migration }, tables, sha256s };
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );

    const present: { sha256: string; size: number }[] = [];
    const missing: string[] = [];
    for (const sha256 of snapshot.sha256s) {
      const info = await stat(store.pathOf(sha256)).catch(() => null);
      if (info?.isFile()) present.push({ sha256, size: info.size });
      else missing.push(sha256);
    }
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      fazhiVersion: VERSION,
      createdAt,
      database: database.kind,
      migration: snapshot.migration,
      tables: snapshot.tables,
      files: { count: present.length, bytes: present.reduce((sum, f) => sum + f.size, 0), missing },
    };

    const partial = `${target}.part`;
    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(partial));
    try {
      const tar = new TarWriter(gzip);
      await tar.addBuffer("manifest.json", Buffer.from(JSON.stringify(manifest, null, 2)));
      for (const table of manifest.tables) {
        const file = path.join(work, `${table.name}.jsonl`);
        await tar.addFile(`data/${table.name}.jsonl`, file, (await stat(file)).size);
      }
      for (const file of present) {
        await tar.addFile(`files/${file.sha256}`, store.pathOf(file.sha256), file.size);
      }
      await tar.finish();
      gzip.end();
      await written;
    } catch (error) {
      gzip.destroy();
      await written.catch(() => {});
      await rm(partial, { force: true });
      throw error;
    }
    // the finished archive appears under its name at once: a half-written one never does
    await rename(partial, target);

    await recordAudit(database.db, {
      actorId: options.actorId ?? null,
      ip: options.ip ?? null,
      action: "system.backup",
      entityType: "system",
      after: {
        createdAt,
        migration: manifest.migration.tag,
        rows: Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows])),
        files: manifest.files.count,
        missingFiles: missing.length,
      },
    });
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** A backup or restore that cannot be done as asked: the message says why and what to do. */
export class BackupError extends Error {}
