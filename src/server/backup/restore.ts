/**
 * `fazhi restore`: a backup into an empty database and data directory (or, with force, over what they hold). The
 * archive is read once: its rows are set aside in a temporary folder and its evidence files are hashed as they are
 * written into the store, a damaged file stopping the restore before the database is touched. Then the schema of the
 * backup's migration is rebuilt, the rows loaded in one transaction (references first, sequences set past the
 * highest id), and the later migrations of this build applied.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { type Database, MIGRATIONS_DIR, type Queryable } from "../db/client.js";
import type { FileStore } from "../files/store.js";
import { BACKUP_FORMAT, BackupError, journal, type Manifest } from "./backup.js";
import { ident, rowsOf, serialColumns, tablesInLoadOrder } from "./tables.js";
import { readTar } from "./tar.js";

const SHA256 = /^[0-9a-f]{64}$/;

/** What the target holds: rows per non-empty table and the number of stored evidence files. */
async function contentsOf(db: Queryable, store: FileStore): Promise<{ rows: number; files: number }> {
  let rows = 0;
  for (const table of await tablesInLoadOrder(db)) {
    const [row] = await rowsOf<{ n: string | number }>(
      db,
      sql`select count(*) as n from (select 1 from ${ident(table.name)} limit 1) t`,
    );
    rows += Number(row?.n ?? 0);
  }
  let files = 0;
  for (const shard of (await readdir(store.root).catch(() => [])).filter((n) => /^[0-9a-f]{2}$/.test(n))) {
    files += (await readdir(path.join(store.root, shard))).filter((n) => SHA256.test(n)).length;
  }
  return { rows, files };
}

function checkManifest(manifest: Manifest): number {
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError("不是 fazhi 备份文件(缺少 fazhi 的备份说明)。");
  if (manifest.formatVersion > 1) throw new BackupError("备份文件来自更新版本的 fazhi：请升级 fazhi 后再恢复。");
  const index = journal().findIndex((entry) => entry.when === manifest.migration.createdAt);
  if (index < 0) {
    throw new BackupError(
      `备份的数据库版本(迁移 ${manifest.migration.tag})本程序不认识：请用 fazhi ${manifest.fazhiVersion} 或更新的版本恢复。`,
    );
  }
  return index;
}

/** Writes one archived evidence file into the store, refusing it when its bytes do not hash to its name. */
async function restoreFile(store: FileStore, sha256: string, body: AsyncIterable<Buffer>): Promise<void> {
  const staged = await store.stagingPath();
  try {
    const hash = createHash("sha256");
    const out = createWriteStream(staged, { flags: "wx" });
    for await (const piece of body) {
      hash.update(piece);
      if (!out.write(piece)) await once(out, "drain");
    }
    out.end();
    await once(out, "close");
    if (hash.digest("hex") !== sha256) {
      throw new BackupError(`备份文件已损坏：证据文件 ${sha256.slice(0, 12)}… 的内容与其哈希不符，未做任何恢复。`);
    }
    await store.adopt(staged, sha256);
  } finally {
    await rm(staged, { force: true });
  }
}

/** Reads the archive: its manifest, its rows set aside in `work`, its files into the store (verified). */
async function unpack(archive: string, work: string, store: FileStore): Promise<Manifest> {
  let manifest: Manifest | null = null;
  const seen = new Set<string>();
  try {
    for await (const entry of readTar(createReadStream(archive).pipe(createGunzip()))) {
      if (!manifest) {
        if (entry.name !== "manifest.json") throw new BackupError("不是 fazhi 备份文件(缺少 manifest.json)。");
        const chunks: Buffer[] = [];
        for await (const piece of entry.body) chunks.push(piece);
        manifest = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Manifest;
        checkManifest(manifest);
        continue;
      }
      const table = /^data\/([a-z0-9_]+)\.jsonl$/.exec(entry.name)?.[1];
      const sha256 = /^files\/([0-9a-f]{64})$/.exec(entry.name)?.[1];
      if (table) {
        const out = createWriteStream(path.join(work, `${table}.jsonl`));
        for await (const piece of entry.body) if (!out.write(piece)) await once(out, "drain");
        out.end();
        await once(out, "close");
        seen.add(`data/${table}`);
      } else if (sha256) {
        await restoreFile(store, sha256, entry.body);
        seen.add(`files/${sha256}`);
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`无法读取备份文件 ${archive}：${(error as Error).message}`);
  }
  if (!manifest) throw new BackupError("备份文件是空的。");
  const lost = manifest.tables.filter((t) => !seen.has(`data/${t.name}`));
  if (lost.length) throw new BackupError(`备份文件不完整：缺少表 ${lost.map((t) => t.name).join("、")} 的数据。`);
  return manifest;
}

/** Drops the application's tables and drizzle's bookkeeping: the target then migrates like a new database. */
async function emptySchema(db: Queryable): Promise<void> {
  const tables = await tablesInLoadOrder(db);
  if (tables.length) {
    await db.execute(sql.raw(`drop table ${tables.map((t) => `"${t.name}"`).join(", ")} cascade`));
  }
  await db.execute(sql`drop schema if exists drizzle cascade`);
}

/** A migrations folder of this build cut at the backup's migration: the schema its rows were taken from. */
async function migrationsUpTo(index: number, work: string): Promise<string> {
  const folder = path.join(work, "migrations");
  await cp(MIGRATIONS_DIR, folder, { recursive: true });
  const file = path.join(folder, "meta/_journal.json");
  const data = JSON.parse(await readFile(file, "utf8"));
  data.entries = data.entries.slice(0, index + 1);
  await writeFile(file, JSON.stringify(data));
  return folder;
}

const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

/** The table's JSON lines in batches (a JSON array text each). */
async function* batches(file: string): AsyncGenerator<{ json: string; rows: number }> {
  let lines: string[] = [];
  let bytes = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line) continue;
    lines.push(line);
    bytes += line.length;
    if (lines.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
      yield { json: `[${lines.join(",")}]`, rows: lines.length };
      lines = [];
      bytes = 0;
    }
  }
  if (lines.length) yield { json: `[${lines.join(",")}]`, rows: lines.length };
}

/** Loads the rows, references first; references a row may make to a row loaded later wait for a second pass. */
async function loadRows(tx: Queryable, manifest: Manifest, work: string): Promise<void> {
  const expected = new Map(manifest.tables.map((t) => [t.name, t.rows]));
  for (const table of await tablesInLoadOrder(tx)) {
    if (!expected.has(table.name)) continue;
    const file = path.join(work, `${table.name}.jsonl`);
    const name = ident(table.name);
    const drop = sql`${`{${table.deferred.map((c) => `"${c}"`).join(",")}}`}::text[]`;
    let loaded = 0;
    for await (const batch of batches(file)) {
      const records = table.deferred.length
        ? sql`(select jsonb_agg(e - ${drop}) from jsonb_array_elements(${batch.json}::jsonb) e)`
        : sql`${batch.json}::jsonb`;
      await tx.execute(sql`insert into ${name} select * from jsonb_populate_recordset(null::${name}, ${records})`);
      loaded += batch.rows;
    }
    if (loaded !== expected.get(table.name)) {
      throw new BackupError(
        `备份文件不完整：表 ${table.name} 应有 ${expected.get(table.name)} 行，只读到 ${loaded} 行。`,
      );
    }
    if (!table.deferred.length) continue;
    if (!table.primaryKey.length) throw new Error(`table ${table.name} refers to itself but has no primary key`);
    const set = sql.raw(table.deferred.map((c) => `"${c}" = x."${c}"`).join(", "));
    const on = sql.raw(table.primaryKey.map((c) => `t."${c}" = x."${c}"`).join(" and "));
    for await (const batch of batches(file)) {
      await tx.execute(
        sql`update ${name} t set ${set} from jsonb_populate_recordset(null::${name}, ${batch.json}::jsonb) x where ${on}`,
      );
    }
  }
  for (const { table, column } of await serialColumns(tx)) {
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${`"${table}"`}, ${column}), coalesce((select max(${ident(column)}) from ${ident(table)}), 0) + 1, false)`,
    );
  }
}

export interface RestoreOptions {
  database: Database;
  store: FileStore;
  /** restore over a database or data directory that holds data */
  force?: boolean;
}

export interface RestoreResult {
  manifest: Manifest;
  rows: number;
  files: number;
}

/** Restores the backup at `archive`; a target that holds data is refused unless `force`. */
export async function restoreBackup(archive: string, options: RestoreOptions): Promise<RestoreResult> {
  const { database, store } = options;
  const found = await contentsOf(database.db, store);
  if (!options.force && (found.rows > 0 || found.files > 0)) {
    throw new BackupError(
      `目标不是空的：数据库中已有数据${found.files ? `，数据目录中已有 ${found.files} 个证据文件` : ""}。` +
        "恢复会删除数据库中的现有数据；请换用新的数据库和数据目录，或确认覆盖后加 --force 重新运行。",
    );
  }
  const work = await mkdtemp(path.join(tmpdir(), "fazhi-restore-"));
  try {
    const manifest = await unpack(archive, work, store);
    const index = checkManifest(manifest);
    await emptySchema(database.db);
    await database.migrate(await migrationsUpTo(index, work));
    await database.db.transaction(async (tx) => {
      await loadRows(tx, manifest, work);
      await recordAudit(tx, {
        actorId: null,
        action: "system.restore",
        entityType: "system",
        after: {
          backupCreatedAt: manifest.createdAt,
          fromDatabase: manifest.database,
          migration: manifest.migration.tag,
          rows: Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows])),
          files: manifest.files.count,
          forced: Boolean(options.force),
        },
      });
    });
    await database.migrate();
    return {
      manifest,
      rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
      files: manifest.files.count,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
