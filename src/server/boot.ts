/** Opening the configured database and starting the server: shared by `fazhi serve`, `fazhi start` and tests. */
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { systemClock } from "./clock.js";
import type { Config } from "./config.js";
import { type Database, openDatabase } from "./db/client.js";
import { users } from "./db/schema.js";
import { type DemoLoadResult, hasDemoAccounts, loadDemoData } from "./demo/load.js";
import { loadDemoPlan } from "./demo/plan.js";
import { fileStoreOf } from "./files/store.js";
import { sweepOrphanFiles } from "./files/sweep.js";

export class StartRefused extends Error {}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

interface LockHolder {
  pid: number;
  /** the data directory's real path and the machine it was locked on: a copy elsewhere is not locked */
  dir?: string;
  host?: string;
}

const lockHolder = (dataDir: string): Required<LockHolder> => ({
  pid: process.pid,
  dir: realpathSync(dataDir),
  host: hostname(),
});

/** The lock's holder; a bare pid (the lock of earlier builds) counts as this directory on this machine. */
function readLock(file: string): LockHolder {
  const text = readFileSync(file, "utf8").trim();
  if (/^\d+$/.test(text)) return { pid: Number(text), dir: realpathSync(path.dirname(file)), host: hostname() };
  try {
    const lock = JSON.parse(text) as LockHolder;
    return { pid: Number(lock.pid), dir: lock.dir, host: lock.host };
  } catch {
    return { pid: 0 };
  }
}

/** How long to wait for another process to let go of the data directory: one that is shutting down soon does. */
const LOCK_WAIT_MS = 8_000;

/**
 * PGlite holds the database in the memory of one process and writes it back to the data directory: a second
 * process on the same directory (`fazhi user add` while `npm start` runs) would not be seen by the first, and one
 * would overwrite the other's changes. So one process at a time; a lock left by a process that died is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "pglite.pid");
  const here = lockHolder(dataDir);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      writeFileSync(file, JSON.stringify(here), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const lock = readLock(file);
    const holder = lock.pid;
    // the same pid is a lock from an earlier run (in a container every run may be pid 1); a lock written for another
    // directory or on another machine came with a copied or restored folder, whatever process has that pid here
    if (holder === process.pid || !isRunning(holder) || lock.dir !== here.dir || lock.host !== here.host) {
      rmSync(file, { force: true });
    } else if (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    } else {
      throw new StartRefused(
        `数据目录 ${dataDir} 正被另一个 fazhi 进程(pid ${holder})使用：请先停止它再运行；多个进程共用数据请使用 PostgreSQL (DATABASE_URL)。`,
      );
    }
  }
}

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ url: config.databaseUrl });
  const unlock = await lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({ dataDir: path.join(config.dataDir, "pglite") });
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

export interface Started {
  app: FastifyInstance;
  database: Database;
  url: string;
  demo: DemoLoadResult | null;
}

/** Listens; a port in use or an address not on this machine is a setting to change, said as such, not a crash. */
async function listen(app: FastifyInstance, config: Config): Promise<string> {
  try {
    return await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new StartRefused(`端口 ${config.port} 已被占用 (PORT)：请停止占用它的程序，或用 PORT 指定另一个端口。`);
    }
    if (code === "EADDRNOTAVAIL") {
      throw new StartRefused(`本机没有地址 ${config.host} (HOST)：请检查 HOST 的设置。`);
    }
    throw error;
  }
}

/** Migrates, loads demo data into an empty database in demo mode, refuses demo accounts in production, listens. */
export async function startServer(config: Config): Promise<Started> {
  // the HTTP application's modules load while the database opens (its WebAssembly compiles off the main thread)
  const appModule = import("./app.js");
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    let demo: DemoLoadResult | null = null;
    if (config.mode === "demo" && config.demoPassword) {
      const [anyUser] = await database.db.select({ id: users.id }).from(users).limit(1);
      demo = anyUser ? null : await loadDemoData(database.db, config.demoPassword);
      if (demo) await loadDemoPlan({ db: database.db, clock: systemClock, config, files: fileStoreOf(config) });
    } else if (await hasDemoAccounts(database.db)) {
      throw new StartRefused(
        "生产模式下不能启动：数据库中仍有演示账号。请用管理员账号停用它们或重置其密码(fazhi user reset-password 用户名)，或使用新的数据库。",
      );
    }
    const app = await (await appModule).buildApp(database, config, { scheduleJobs: true });
    // what a crash or a failed commit left in the evidence store goes before the first request
    const swept = await sweepOrphanFiles(database.db, fileStoreOf(config));
    if (swept.temporary + swept.unreferenced > 0) app.log.info({ swept }, "evidence store swept of orphaned files");
    const address = await listen(app, config);
    return { app, database, url: address.replace("://[::1]", "://localhost"), demo };
  } catch (error) {
    await database.close();
    throw error;
  }
}
