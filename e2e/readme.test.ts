/**
 * The README's commands, run as a newcomer would type them: `npm start` in demo mode (fresh and existing data
 * directory), on PostgreSQL, the production sequence (migrate, user add, serve), the CLI help and the measuring scripts.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const PG_ADMIN = process.env.FAZHI_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The environment of a newcomer's shell: none of the project's variables set unless the step sets them. */
function shellEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (key.startsWith("FAZHI_") || key === "DATABASE_URL" || key === "PORT") delete env[key];
  return { ...env, ...extra };
}

interface Running {
  child: ChildProcess;
  output: () => string;
  readyMs: number;
  stop: () => Promise<void>;
}

/** Starts a long-running command and waits until it prints that it listens. */
async function startUntilListening(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Running> {
  const started = Date.now();
  const child = spawn(command, args, { cwd: ROOT, env, stdio: "pipe", detached: true });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    // npm start runs node under npm: signal the whole process group
    process.kill(-(child.pid as number), "SIGTERM");
    await gone;
  };
  cleanups.push(stop);
  const deadline = Date.now() + 90_000;
  while (!/fazhi listening on/.test(output)) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(" ")} exited ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`not listening within 90 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, output: () => output, readyMs: Date.now() - started, stop };
}

async function loginStatus(base: string, username: string, password: string): Promise<number> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return response.status;
}

async function freshPgDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const cleanup = new pg.Client({ connectionString: PG_ADMIN });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  });
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return url.toString();
}

describe("README: npm start", () => {
  it("starts the demo on a fresh data directory, prints the accounts and a password that signs in, and restarts", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "fazhi-readme-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const env = shellEnv({ FAZHI_DATA_DIR: dataDir, PORT: String(port) });

    const first = await startUntilListening("npm", ["start"], env);
    const printed = first.output();
    for (const account of ["admin", "coordinator", "leader", "township", "department"])
      expect(printed).toContain(account);
    const password = /password: (\S+)/.exec(printed)?.[1] ?? "";
    expect(password).toBe(readFileSync(path.join(dataDir, "demo-password"), "utf8").trim());
    const base = `http://127.0.0.1:${port}`;
    expect(await loginStatus(base, "township", password)).toBe(200);
    const page = await fetch(`${base}/units`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("法治政府建设督导平台");
    await first.stop();

    const second = await startUntilListening("npm", ["start"], env);
    expect(await loginStatus(base, "township", password)).toBe(200);
    await second.stop();
    console.log(`npm start ready: fresh data directory ${first.readyMs} ms, existing ${second.readyMs} ms`);
  });

  it("runs on PostgreSQL with DATABASE_URL and FAZHI_MODE=demo", async () => {
    const url = await freshPgDatabase(`fazhi_readme_demo_${process.pid}`);
    const port = await freePort();
    const running = await startUntilListening(
      "npm",
      ["start"],
      shellEnv({
        DATABASE_URL: url,
        FAZHI_MODE: "demo",
        FAZHI_DEMO_PASSWORD: "Readme-pass-1",
        PORT: String(port),
        FAZHI_DATA_DIR: mkdtempSync(path.join(tmpdir(), "fazhi-readme-pg-")),
      }),
    );
    expect(running.output()).toContain("postgres");
    expect(await loginStatus(`http://127.0.0.1:${port}`, "coordinator", "Readme-pass-1")).toBe(200);
    await running.stop();
  });
});

describe("README: production on PostgreSQL", () => {
  it("migrates, adds the first administrator from standard input and serves without demo data", async () => {
    const url = await freshPgDatabase(`fazhi_readme_prod_${process.pid}`);
    const port = await freePort();
    const env = shellEnv({
      DATABASE_URL: url,
      FAZHI_SESSION_SECRET: "c81f4a9e2d7b06e35fa1c94d0b7e2a68",
      PORT: String(port),
    });
    const npx = (args: string[], input?: string) =>
      spawnSync("npx", ["fazhi", ...args], { cwd: ROOT, env, input, encoding: "utf8" });

    expect(npx(["migrate"]).status).toBe(0);
    const added = npx(
      ["user", "add", "--username", "admin", "--role", "admin", "--password-stdin"],
      "A-strong-passw0rd\n",
    );
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toContain("已创建用户 admin");
    const running = await startUntilListening("npx", ["fazhi", "serve"], env);
    const base = `http://127.0.0.1:${port}`;
    expect(await loginStatus(base, "admin", "A-strong-passw0rd")).toBe(200);
    expect(await loginStatus(base, "coordinator", "A-strong-passw0rd")).toBe(401);
    await running.stop();
  });
});

describe("README: the command line and the measuring scripts", () => {
  it("npx fazhi --help lists every command", () => {
    const help = spawnSync("npx", ["fazhi", "--help"], { cwd: ROOT, encoding: "utf8" });
    expect(help.status).toBe(0);
    for (const command of ["serve", "migrate", "demo", "user add", "user reset-password", "parse", "jobs run"])
      expect(help.stdout).toContain(command);
  });

  it("npm run eval:parser meets the accuracy targets", () => {
    const run = spawnSync("npm", ["run", "eval:parser"], { cwd: ROOT, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("all targets met");
    expect(run.stdout).toContain("corpus: all targets met in every format");
  });

  it("npm run bench:parser, bench, bench:plans, bench:reports, bench:start, bench:first-visit, bench:dashboard and bench:parser-ocr print their figures and write them to the results folder", () => {
    // short runs into a folder of their own: the checked-in figures come from full runs on a quiet machine
    const results = mkdtempSync(path.join(tmpdir(), "fazhi-bench-results-"));
    const env = {
      ...process.env,
      BENCH_RESULTS_DIR: results,
      BENCH_SECONDS: "1",
      BENCH_RUNS: "1",
      BENCH_REQUESTS: "20",
      BENCH_REPORTS: "3",
      // npm run bench: a burst of 10 submissions, not 200
      BENCH_BURST: "10",
    };
    const parser = spawnSync("npm", ["run", "bench:parser"], { cwd: ROOT, encoding: "utf8", env });
    expect(parser.status).toBe(0);
    expect(parser.stdout).toMatch(/100-page PDF/);
    const api = spawnSync("npm", ["run", "bench"], { cwd: ROOT, encoding: "utf8", env });
    expect(api.status).toBe(0);
    expect(api.stdout).toMatch(/GET \/api\/units\s+\d+ req\/s/);
    const plans = spawnSync("npm", ["run", "bench:plans"], { cwd: ROOT, encoding: "utf8", env });
    expect(plans.status, plans.stderr).toBe(0);
    expect(plans.stdout).toMatch(/seed 003 \(82 tasks\): import [\d.]+ ms \+ publish [\d.]+ ms/);
    const reports = spawnSync("npm", ["run", "bench:reports"], { cwd: ROOT, encoding: "utf8", env });
    expect(reports.status, reports.stderr).toBe(0);
    expect(reports.stdout).toMatch(/report with a 5 MB PDF, 3 submissions: p50 [\d.]+ ms/);
    expect(reports.stdout).toMatch(/progress page in Chromium, navigation to every cell drawn, median of 1: [\d.]+ ms/);
    const start = spawnSync("npm", ["run", "bench:start"], { cwd: ROOT, encoding: "utf8", env });
    expect(start.status, start.stderr).toBe(0);
    expect(start.stdout).toMatch(/fresh data directory \d+ ms .*existing \d+ ms/);
    const visits = spawnSync("npm", ["run", "bench:first-visit"], { cwd: ROOT, encoding: "utf8", env });
    expect(visits.status, visits.stderr).toBe(0);
    expect(visits.stdout).toMatch(/slowest page, median of 1: first visit \d+ ms \(target < 1500\), warm \d+ ms/);
    const province = spawnSync("npm", ["run", "bench:dashboard"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...env, BENCH_SCALE: "0.01", BENCH_REQUESTS: "3", BENCH_COMPUTED: "2", BENCH_JOB_RUNS: "1" },
    });
    expect(province.status, province.stderr).toBe(0);
    expect(province.stdout).toMatch(/GET \/api\/dashboard \(office, no filter: \d+ assignments/);
    expect(province.stdout).toMatch(/job pass, first .*: median of 1 \d+ ms, peak RSS [\d.]+ MB/);
    const ocr = spawnSync("npm", ["run", "bench:parser-ocr"], { cwd: ROOT, encoding: "utf8", env });
    expect(ocr.status, ocr.stderr).toBe(0);
    expect(ocr.stdout).toMatch(/20-page scan OCR'd and parsed in median [\d.]+ s over 1 runs/);
    for (const name of [
      "parser",
      "parser-pdf",
      "parser-ocr",
      "api",
      "plans",
      "reports",
      "start",
      "first-visit",
      "dashboard",
    ])
      expect(existsSync(path.join(results, `${name}.json`))).toBe(true);
  }, 420_000);
});

describe("README: 备份与恢复", () => {
  it.each(["pglite", "postgres"] as const)(
    "backs up, restores into a fresh database and data directory, and checks, on %s",
    async (kind) => {
      const dirs = [0, 1].map(() => mkdtempSync(path.join(tmpdir(), "fazhi-readme-backup-")));
      cleanups.push(() => {
        for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      });
      const urls =
        kind === "postgres"
          ? [
              await freshPgDatabase(`fazhi_readme_backup_a_${process.pid}`),
              await freshPgDatabase(`fazhi_readme_backup_b_${process.pid}`),
            ]
          : [];
      const env = (i: number) =>
        shellEnv({
          FAZHI_DATA_DIR: dirs[i],
          FAZHI_DEMO_PASSWORD: "Readme-pass-1",
          ...(urls[i] ? { DATABASE_URL: urls[i], FAZHI_MODE: "demo" } : {}),
        });
      const npx = (i: number, args: string[]) =>
        spawnSync("npx", ["fazhi", ...args], { cwd: ROOT, env: env(i), encoding: "utf8" });
      const archive = path.join(dirs[0], "fazhi-backup.tar.gz");
      expect(npx(0, ["migrate"]).status).toBe(0);
      const demo = npx(0, ["demo"]);
      expect(demo.status, demo.stderr).toBe(0);
      const backup = npx(0, ["backup", archive]);
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stdout).toContain("已备份到");
      const restore = npx(1, ["restore", archive]);
      expect(restore.status, restore.stderr).toBe(0);
      expect(restore.stdout).toContain("已从");
      const again = npx(1, ["restore", archive]);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain("--force");
      const check = npx(1, ["check"]);
      expect(check.status, check.stderr).toBe(0);
      expect(check.stdout).toContain("全部完好");
    },
    300_000,
  );
});
