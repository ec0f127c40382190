/**
 * Backup and restore over the real app, on the test's database (PGlite or PostgreSQL by the project): a backup taken
 * while reports are being submitted restores, into a fresh database and data directory, every report whose submission
 * was answered before the backup began, with its files; and no report without all of its files.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createGunzip, gunzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { and, desc, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvidenceFile, ReportDetail } from "../../shared/api.js";
import { buildApp } from "../app.js";
import { loadConfig } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { auditEvents, files, reportFiles, reports } from "../db/schema.js";
import { FileStore } from "../files/store.js";
import { postReport, publishedPlan, TINY_PDF, unitByName } from "../test/factories.js";
import { ADMIN_URL } from "../test/global-setup.js";
import { buildTestApp, DEMO_PASSWORD, TEST_DB, type TestApp } from "../test/helper.js";
import { BackupError, type Manifest, writeBackup } from "./backup.js";
import { checkEvidenceFiles, describeCheck } from "./check.js";
import { restoreBackup } from "./restore.js";
import { tablesInLoadOrder } from "./tables.js";
import { readTar, TarWriter } from "./tar.js";

let t: TestApp;
let coordinator: string;
let township: string;
let admin: string;
const work = mkdtempSync(path.join(tmpdir(), "fazhi-backup-test-"));
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  coordinator = await t.login("coordinator");
  township = await t.login("township");
  admin = await t.login("admin");
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

/** An empty database of the project's kind: a new PGlite, or a new PostgreSQL database never migrated. */
async function emptyDatabase(): Promise<Database> {
  if (TEST_DB === "pglite") {
    const database = await openDatabase({ pglite: await PGlite.create() });
    cleanups.push(() => database.close());
    return database;
  }
  const name = `fazhi_t_${process.ppid}_restore_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  cleanups.push(async () => {
    await database.close();
    const drop = new pg.Client({ connectionString: ADMIN_URL });
    await drop.connect();
    await drop.query(`drop database if exists ${name} with (force)`);
    await drop.end();
  });
  return database;
}

/** A fresh data directory and the app on the restored database, as `fazhi serve` would run it there. */
async function appOn(database: Database, dataDir: string) {
  const config = loadConfig({
    ...{ FAZHI_DATA_DIR: dataDir, FAZHI_MODE: "demo", FAZHI_DEMO_PASSWORD: DEMO_PASSWORD },
    FAZHI_SESSION_SECRET: randomBytes(32).toString("hex"),
    FAZHI_LOG_LEVEL: "silent",
    FAZHI_LOGIN_ATTEMPTS_PER_MINUTE: "1000",
  });
  const app = await buildApp(database, config);
  await app.ready();
  cleanups.push(() => app.close());
  const login = async (username: string) => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password: DEMO_PASSWORD },
    });
    expect(response.statusCode, response.body).toBe(200);
    return `fazhi_session=${response.cookies.find((c) => c.name === "fazhi_session")?.value}`;
  };
  return { app, login };
}

/** The evidence store of the app under test. */
const sourceStore = () => new FileStore(path.join(t.config.dataDir, "files"));
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
/** A distinct small PDF per report and file: every evidence file of the burst is its own blob. */
const evidence = (label: string) =>
  Buffer.concat([TINY_PDF, Buffer.from(`% ${label} ${randomBytes(6).toString("hex")}\n`)]);
/** The file's address in URLs: its random token where the API gives one, else its id. */
const fileKey = (file: EvidenceFile) => ("token" in file && typeof file.token === "string" ? file.token : file.id);

async function manifestOf(archive: Buffer): Promise<Manifest> {
  async function* one() {
    yield gunzipSync(archive);
  }
  for await (const entry of readTar(one())) {
    const pieces: Buffer[] = [];
    for await (const piece of entry.body) pieces.push(piece);
    return JSON.parse(Buffer.concat(pieces).toString("utf8"));
  }
  throw new Error("empty archive");
}

describe("fazhi backup and fazhi restore", () => {
  it("restores a backup taken during a burst of submissions: every report answered before it began, with its files, and nothing partial", async () => {
    const townshipId = (await unitByName(t, "城关街道")).id;
    const assignmentIds: number[] = [];
    for (let i = 0; i < 12; i++) {
      assignmentIds.push((await publishedPlan(t, coordinator, [townshipId])).assignments[0].id);
    }
    const sent = assignmentIds.map((id, i) => ({
      assignmentId: id,
      contents: [evidence(`r${i}a`), evidence(`r${i}b`)],
      answeredAt: Number.POSITIVE_INFINITY,
      reportId: 0,
    }));
    const burst = sent.map(async (s, i) => {
      const response = await postReport(t, township, s.assignmentId, { text: `第 ${i} 份报告`, submit: "true" }, [
        { filename: `台账${i}-1.pdf`, content: s.contents[0] },
        { filename: `台账${i}-2.pdf`, content: s.contents[1] },
      ]);
      expect(response.statusCode, response.body).toBe(201);
      s.answeredAt = performance.now();
      s.reportId = response.json<ReportDetail>().id;
    });
    // the backup begins once a third of the burst has been answered, the rest still in flight
    await new Promise<void>((resolve) => {
      let answered = 0;
      for (const p of burst) void p.then(() => ++answered === 4 && resolve(), resolve);
    });
    const archive = path.join(work, "burst.tar.gz");
    const backupStartedAt = performance.now();
    const manifest = await writeBackup(archive, {
      database: t.database,
      store: sourceStore(),
    });
    await Promise.all(burst);
    const acknowledged = sent.filter((s) => s.answeredAt < backupStartedAt);
    expect(acknowledged.length).toBeGreaterThanOrEqual(4);
    expect(manifest).toMatchObject({ format: "fazhi-backup", database: TEST_DB, files: { missing: [] } });

    const target = await emptyDatabase();
    const dataDir = mkdtempSync(path.join(work, "restored-"));
    const store = new FileStore(path.join(dataDir, "files"));
    const restored = await restoreBackup(archive, { database: target, store });
    expect(restored.files).toBe(manifest.files.count);

    const { app, login } = await appOn(target, dataDir);
    const cookie = await login("township");
    for (const s of acknowledged) {
      const response = await app.inject({ method: "GET", url: `/api/reports/${s.reportId}`, headers: { cookie } });
      expect(response.statusCode, response.body).toBe(200);
      const report = response.json<ReportDetail>();
      expect(report.status).toBe("submitted");
      expect(report.files.map((f) => f.sha256).sort()).toEqual(s.contents.map(sha256).sort());
      for (const file of report.files) {
        const download = await app.inject({ method: "GET", url: `/api/files/${fileKey(file)}`, headers: { cookie } });
        expect(download.statusCode).toBe(200);
        expect(sha256(download.rawPayload)).toBe(file.sha256);
      }
    }
    // a report of the burst is in the backup whole or not at all: its row, its text and both its files
    for (const s of sent) {
      const [row] = await target.db.select().from(reports).where(eq(reports.id, s.reportId));
      if (!row) continue;
      const held = await target.db
        .select({ sha256: files.sha256 })
        .from(reportFiles)
        .innerJoin(files, eq(files.id, reportFiles.fileId))
        .where(eq(reportFiles.reportId, s.reportId));
      expect(held.map((f) => f.sha256).sort()).toEqual(s.contents.map(sha256).sort());
    }
    expect((await checkEvidenceFiles(target.db, store)).problems).toEqual([]);

    // the sequences go on after the restored rows: a new unit gets a new id
    const unit = await app.inject({
      method: "POST",
      url: "/api/units",
      headers: { cookie: await login("admin") },
      payload: { name: "恢复后新建的单位", type: "department" },
    });
    expect(unit.statusCode, unit.body).toBe(201);
    const [restore] = await target.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "system.restore"))
      .orderBy(desc(auditEvents.id));
    expect(restore).toMatchObject({ entityType: "system", actorId: null });
  }, 120_000);

  it("refuses a target that holds data unless forced, with a message saying what to do", async () => {
    const archive = path.join(work, "plain.tar.gz");
    await writeBackup(archive, { database: t.database, store: sourceStore() });
    const refusal = restoreBackup(archive, {
      database: t.database,
      store: sourceStore(),
    });
    await expect(refusal).rejects.toThrow(BackupError);
    await expect(refusal).rejects.toThrow(/目标不是空的.*--force/);

    const target = await emptyDatabase();
    const dataDir = mkdtempSync(path.join(work, "forced-"));
    const store = new FileStore(path.join(dataDir, "files"));
    await restoreBackup(archive, { database: target, store });
    await expect(restoreBackup(archive, { database: target, store })).rejects.toThrow(/--force/);
    const again = await restoreBackup(archive, { database: target, store, force: true });
    expect(again.rows).toBeGreaterThan(0);
    const { login } = await appOn(target, dataDir);
    await login("admin");
  }, 120_000);

  it("refuses an archive holding a damaged evidence file before touching the database", async () => {
    const archive = path.join(work, "good.tar.gz");
    const manifest = await writeBackup(archive, {
      database: t.database,
      store: sourceStore(),
    });
    expect(manifest.files.count).toBeGreaterThan(0);
    // the same archive with one evidence file's last byte changed
    const damaged = path.join(work, "damaged.tar.gz");
    const gzip = (await import("node:zlib")).createGzip();
    const out = (await import("node:fs")).createWriteStream(damaged);
    gzip.pipe(out);
    const tar = new TarWriter(gzip);
    let flipped = false;
    for await (const entry of readTar(createReadStream(archive).pipe(createGunzip()))) {
      const pieces: Buffer[] = [];
      for await (const piece of entry.body) pieces.push(Buffer.from(piece));
      const bytes = Buffer.concat(pieces);
      if (!flipped && entry.name.startsWith("files/")) {
        bytes[bytes.length - 1] ^= 1;
        flipped = true;
      }
      await tar.addBuffer(entry.name, bytes);
    }
    await tar.finish();
    gzip.end();
    await new Promise<void>((resolve) => out.once("close", () => resolve()));

    const target = await emptyDatabase();
    const store = new FileStore(path.join(mkdtempSync(path.join(work, "damaged-")), "files"));
    await expect(restoreBackup(damaged, { database: target, store })).rejects.toThrow(/已损坏.*未做任何恢复/);
    expect(await tablesInLoadOrder(target.db)).toEqual([]);
  }, 120_000);
});

describe("GET /api/backup", () => {
  it("gives the administrator the archive of the running server, and audits who took it", async () => {
    const response = await t.request({ method: "GET", url: "/api/backup", cookie: admin });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("application/gzip");
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="fazhi-backup-.*\.tar\.gz"/);
    const manifest = await manifestOf(response.rawPayload);
    expect(manifest.tables.find((table) => table.name === "users")?.rows).toBeGreaterThan(0);
    const me = (await t.request({ method: "GET", url: "/api/auth/me", cookie: admin })).json();
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "system.backup"), eq(auditEvents.actorId, me.user.id)));
    expect(event).toMatchObject({ entityType: "system", ip: "127.0.0.1" });
  });
});

describe("fazhi check", () => {
  it("names the evidence rows whose file is missing or damaged, with their reports", async () => {
    const store = sourceStore();
    const before = await checkEvidenceFiles(t.database.db, store);
    expect(before.problems).toEqual([]);
    expect(describeCheck(before).at(-1)).toMatch(/全部完好/);

    const [first, second] = await t.database.db
      .select({ id: files.id, sha256: files.sha256 })
      .from(files)
      .orderBy(desc(files.id))
      .limit(2);
    rmSync(store.pathOf(first.sha256));
    writeFileSync(
      store.pathOf(second.sha256),
      Buffer.concat([readFileSync(store.pathOf(second.sha256)), Buffer.from("x")]),
    );
    const after = await checkEvidenceFiles(t.database.db, store);
    expect(after.problems.map((p) => [p.fileId, p.problem]).sort()).toEqual(
      [
        [first.id, "missing"],
        [second.id, "damaged"],
      ].sort(),
    );
    expect(after.problems.every((p) => p.reportIds.length > 0)).toBe(true);
    const lines = describeCheck(after);
    expect(lines.join("\n")).toMatch(/缺少文件：证据材料 #\d+「台账.*」.*属于报告 #\d+/);
    expect(lines.at(-1)).toMatch(/1 条缺少文件，1 条文件已损坏/);
  });
});
