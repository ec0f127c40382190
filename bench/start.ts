/**
 * `npm run bench:start`: how long `npm start` takes until it listens, on a fresh data directory (after install:
 * the web app is built) and on an existing one. Medians over BENCH_RUNS runs (default 3); figures written to
 * bench/results/start.json. Targets: < 10 s fresh, < 3 s existing.
 */

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeResults } from "./results.js";
import { median, noteLoad } from "./stats.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function timeUntilListening(dataDir: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FAZHI_DATA_DIR: dataDir,
      PORT: String(port),
      FAZHI_DEMO_PASSWORD: "Bench-pass-2025",
    };
    delete env.DATABASE_URL;
    delete env.FAZHI_MODE;
    const child = spawn("npm", ["start"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/fazhi listening on/.test(output)) {
        const elapsed = performance.now() - started;
        child.once("exit", () => resolve(elapsed));
        process.kill(-(child.pid as number), "SIGTERM");
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      if (!/fazhi listening on/.test(output)) reject(new Error(`npm start exited ${code}:\n${output}`));
    });
  });
}

/** npm exits before its node child has closed the database: wait for the data directory's lock to go. */
async function released(dataDir: string): Promise<void> {
  const lock = path.join(dataDir, "pglite.pid");
  for (let waited = 0; existsSync(lock) && waited < 30_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const fresh: number[] = [];
const existing: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "fazhi-bench-start-"));
  const port = 3700 + run;
  fresh.push(await timeUntilListening(dataDir, port));
  await released(dataDir);
  existing.push(await timeUntilListening(dataDir, port));
  await released(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
}

const figures = { freshMs: Math.round(median(fresh)), existingMs: Math.round(median(existing)) };
console.log(
  `npm start until listening, median of ${RUNS}: fresh data directory ${figures.freshMs} ms (target < 10000), existing ${figures.existingMs} ms (target < 3000)`,
);
noteLoad();
writeResults("start", {
  at: new Date().toISOString(),
  runs: RUNS,
  loadAverage1m: loadavg()[0],
  ...figures,
  fresh,
  existing,
});
