import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../server/root.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** `fazhi serve` on a data directory of its own (PGlite, demo mode), with what it prints and how it ends. */
function serve() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "fazhi-serve-"));
  dirs.push(dataDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FAZHI_DATA_DIR: dataDir,
    PORT: "0",
    FAZHI_DEMO_PASSWORD: "Serve-pass-2025",
  };
  delete env.DATABASE_URL;
  delete env.FAZHI_MODE;
  const child: ChildProcess = spawn(process.execPath, ["bin/fazhi.js", "serve"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run = { child, lock: path.join(dataDir, "pglite.pid"), output: "" };
  child.stdout?.on("data", (chunk: Buffer) => (run.output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (run.output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    ...run,
    exited,
    get output() {
      return run.output;
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 30_000) throw new Error("waited 30 s");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("fazhi serve", () => {
  it("stopped twice while it starts (npm passes the signal on), starts, closes the database and lets go of its data directory", async () => {
    const server = serve();
    // the data directory is locked first: the database is being opened, migrated and filled with demo data
    await until(() => existsSync(server.lock));
    server.child.kill("SIGTERM");
    server.child.kill("SIGTERM");
    expect(await server.exited, server.output).toBe(0);
    expect(server.output).toContain("正在关闭");
    expect(existsSync(server.lock)).toBe(false);
  }, 60_000);
});
