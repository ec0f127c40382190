/** A PGlite data directory copied (or restored) from a running server starts: its lock names another directory. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { openConfiguredDatabase } from "../boot.js";
import { loadConfig } from "../config.js";

it("opens a copied data directory whose pglite.pid names a live process holding the original", async () => {
  const original = mkdtempSync(path.join(tmpdir(), "fazhi-original-"));
  const copy = mkdtempSync(path.join(tmpdir(), "fazhi-copy-"));
  // the lock as the running server wrote it, copied along with the folder; its process (vitest's parent) is alive
  writeFileSync(path.join(copy, "pglite.pid"), JSON.stringify({ pid: process.ppid, dir: original, host: hostname() }));
  const database = await openConfiguredDatabase(loadConfig({ FAZHI_DATA_DIR: copy, FAZHI_LOG_LEVEL: "silent" }));
  // before, the live pid kept the copy locked: the start was refused (数据目录…正被另一个 fazhi 进程使用)
  expect(database.kind).toBe("pglite");
  await database.close();
}, 60_000);
