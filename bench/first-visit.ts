/**
 * `npm run bench:first-visit`: how long each main page takes in Chromium until it is usable — its content drawn, no
 * spinner left — on a first visit (an empty browser cache: every script and style fetched) and warm (the cache
 * filled by that visit), on the built product with the demo data. Medians over BENCH_RUNS visits (default 5) per
 * page; figures written to bench/results/first-visit.json. Targets (issue 14): < 1500 ms first, < 800 ms warm.
 * Needs `npm run build` and Debian's Chromium (scripts/chromium.ts).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../scripts/chromium.js";
import { writeResults } from "./results.js";
import { machine, median, noteLoad } from "./stats.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3790);
const PASSWORD = "Bench-pass-2025";
const TARGET = { firstMs: 1500, warmMs: 800 };

const PAGES: { name: string; path: string; user: string }[] = [
  { name: "工作台", path: "/", user: "coordinator" },
  { name: "驾驶舱", path: "/dashboard", user: "coordinator" },
  { name: "方案管理", path: "/plans", user: "coordinator" },
  { name: "交办情况", path: "/assignments", user: "coordinator" },
  { name: "进展报告", path: "/reports", user: "coordinator" },
  { name: "督办单", path: "/supervision-orders", user: "coordinator" },
  { name: "通报", path: "/bulletins", user: "coordinator" },
  { name: "单位管理", path: "/units", user: "coordinator" },
  { name: "我的任务", path: "/assignments", user: "township" },
  { name: "用户管理", path: "/users", user: "admin" },
  { name: "审计日志", path: "/audit", user: "admin" },
];

function startProduct(dataDir: string): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FAZHI_DATA_DIR: dataDir,
      PORT: String(PORT),
      FAZHI_DEMO_PASSWORD: PASSWORD,
    };
    delete env.DATABASE_URL;
    delete env.FAZHI_MODE;
    const child = spawn(process.execPath, ["bin/fazhi.js", "start"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const stop = () =>
      new Promise<void>((done) => {
        child.once("exit", () => done());
        child.kill("SIGTERM");
      });
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/fazhi listening on/.test(output)) resolve(stop);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      if (!/fazhi listening on/.test(output)) reject(new Error(`fazhi start exited ${code}:\n${output}`));
    });
  });
}

const base = `http://127.0.0.1:${PORT}`;

/** A signed-in browser state for the user: the session cookie, nothing cached. */
async function signedIn(browser: Browser, user: string) {
  const context = await browser.newContext({ baseURL: base });
  const response = await context.request.post("/api/auth/login", { data: { username: user, password: PASSWORD } });
  if (!response.ok()) throw new Error(`login ${user}: ${response.status()} ${await response.text()}`);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** From the navigation's start until the page's content is drawn and nothing is loading any more. */
async function visit(page: Page, at: string): Promise<number> {
  await page.goto(at, { waitUntil: "commit" });
  await page.waitForFunction(
    () => {
      const content = document.querySelector(".ant-layout-content");
      if (!content || content.querySelector(".ant-spin-spinning, .ant-skeleton-active")) return false;
      return (
        content.querySelector(
          ".ant-table-row, .ant-table-placeholder, .ant-empty, .ant-statistic, .ant-list-item, [data-tray]",
        ) !== null
      );
    },
    undefined,
    { polling: "raf", timeout: 30_000 },
  );
  return page.evaluate(() => performance.now());
}

const dataDir = mkdtempSync(path.join(tmpdir(), "fazhi-bench-visit-"));
const stop = await startProduct(dataDir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const rows: { page: string; user: string; firstMs: number; warmMs: number; first: number[]; warm: number[] }[] = [];
try {
  const states = new Map<string, Awaited<ReturnType<typeof signedIn>>>();
  for (const user of new Set(PAGES.map((p) => p.user))) states.set(user, await signedIn(browser, user));
  for (const { name, path: at, user } of PAGES) {
    const first: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // a new context: an empty cache, as a first visit has
      const context = await browser.newContext({ baseURL: base, storageState: states.get(user) });
      const page = await context.newPage();
      first.push(await visit(page, at));
      warm.push(await visit(page, at));
      await context.close();
    }
    rows.push({ page: name, user, firstMs: Math.round(median(first)), warmMs: Math.round(median(warm)), first, warm });
    const row = rows.at(-1) as (typeof rows)[number];
    console.log(
      `${name.padEnd(6, "　")} first ${String(row.firstMs).padStart(5)} ms   warm ${String(row.warmMs).padStart(5)} ms`,
    );
  }
} finally {
  await browser.close();
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const worstFirst = Math.max(...rows.map((r) => r.firstMs));
const worstWarm = Math.max(...rows.map((r) => r.warmMs));
console.log(
  `slowest page, median of ${RUNS}: first visit ${worstFirst} ms (target < ${TARGET.firstMs}), warm ${worstWarm} ms (target < ${TARGET.warmMs})`,
);
noteLoad();
writeResults("first-visit", {
  at: new Date().toISOString(),
  runs: RUNS,
  machine: machine(),
  target: TARGET,
  pages: rows,
});
