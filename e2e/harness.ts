/**
 * Browser-test harness: runs the real product as a user would (`node bin/fazhi.js serve` in demo mode on a fresh
 * data directory and a free port) and drives Debian's Chromium through playwright-core.
 * The test command builds the web app first; this file only checks that the build is there.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  type APIRequestContext,
  type APIResponse,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from "playwright-core";
import { onTestFinished } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS } from "../scripts/chromium.js";
import { chinaDay } from "../src/core/calendar.js";

export const DEMO_PASSWORD = "Demo-pass-2025";

const ROOT = resolve(import.meta.dirname, "..");
const START_TIMEOUT_MS = 90_000;

export type Product = {
  baseUrl: string;
  /** Everything the server printed so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once("exit", () => done()));
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`);
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts `fazhi serve` in demo mode and resolves once it listens and /api/health answers. */
export async function startProduct(): Promise<Product> {
  if (!existsSync(join(ROOT, "dist/web/index.html"))) {
    throw new Error("dist/web/index.html is missing: build the web app first with `npx vite build`.");
  }
  const dataDir = await mkdtemp(join(tmpdir(), "fazhi-e2e-data-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  // Demo mode on the embedded database, whatever the calling shell points at.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.FAZHI_MODE;
  delete env.FAZHI_SESSION_SECRET;
  Object.assign(env, {
    FAZHI_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    FAZHI_DEMO_PASSWORD: DEMO_PASSWORD,
    // the due jobs run when a test runs them (POST /api/jobs/run), not at a moment of the scheduler's choosing
    FAZHI_JOBS_INTERVAL_MINUTES: "0",
  });

  const child = spawn(process.execPath, ["bin/fazhi.js", "serve"], { cwd: ROOT, env, stdio: "pipe" });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  const ready = `fazhi listening on ${baseUrl}`;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `fazhi serve exited (code ${child.exitCode}, signal ${child.signalCode}) before it was ready:\n${output}`,
      );
    }
    if (output.includes(ready) && (await healthy(baseUrl))) return { baseUrl, output: () => output, stop };
    await new Promise((wait) => setTimeout(wait, 200));
  }
  await stop();
  throw new Error(`fazhi serve was not ready within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
}

export type Browser = {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page: a working app has none. */
  pageErrors: string[];
};

const FAILURE_DIR = join(tmpdir(), "fazhi-e2e-failures");
let failureCount = 0;

/**
 * A fresh Chromium profile (no cookies) with one page on the product's base URL. Call it inside a test: the browser
 * closes when the test ends, and a failing test leaves a screenshot of the page in /tmp/fazhi-e2e-failures.
 */
export async function openBrowser(product: Product): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium fonts-noto-cjk\`.`);
  }
  const profile = await mkdtemp(join(tmpdir(), "fazhi-e2e-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    baseURL: product.baseUrl,
    locale: "zh-CN",
    viewport: { width: 1440, height: 900 },
    args: CHROMIUM_ARGS,
  });
  // Generous: on a 2-core machine the server hashes passwords (argon2) while Chromium renders, and CI may run
  // other test projects at the same time.
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  onTestFinished(async ({ task }) => {
    if (task.result?.state === "fail") {
      await mkdir(FAILURE_DIR, { recursive: true });
      const name = task.name.replace(/[^\p{L}\p{N}]+/gu, "_").slice(0, 60);
      const file = join(FAILURE_DIR, `${++failureCount}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.error(`screenshot of the failed test's page (${page.url()}): ${file}`);
    }
    await context.close();
    await rm(profile, { recursive: true, force: true });
  });
  return { context, page, pageErrors };
}

/**
 * Matches a button's accessible name. antd puts a space between the two characters of a two-character Chinese
 * label (登录 → "登 录"), and a loading icon that is still fading out adds "loading" in front of the label.
 */
export function label(text: string): RegExp {
  const pattern = [...text].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s*");
  return new RegExp(`^(loading\\s*)?${pattern}\\s*$`);
}

/** Fills the login form and submits it; does not wait for the outcome. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel("用户名", { exact: true }).fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  // A button that is still busy with the previous attempt ignores clicks: wait until it is idle.
  const button = page.getByRole("button", { name: label("登录") }).and(page.locator(":not(.ant-btn-loading)"));
  await button.click();
}

/** Logs in from the login page and waits for the app frame (the user menu in the header). */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await submitLogin(page, username, password);
  await page.getByTestId("user-menu").waitFor();
}

/**
 * The option of this title in the open list of an antd Select, once the list has finished sliding open: an option
 * clicked while it still moves can be missed.
 */
export function openOption(page: Page, title: string): Locator {
  return page
    .locator('.ant-select-dropdown:visible:not([class*="slide-up-appear"]):not([class*="slide-up-enter"])')
    .locator(`.ant-select-item-option[title="${title}"]`);
}

/**
 * Picks an option in an antd Select, opened by clicking the field with this label, and waits until the field shows
 * it. Long lists are virtual (only the visible options exist in the page), so for those pass `search`: the option's
 * text is typed and the first match taken with Enter.
 */
export async function chooseOption(page: Page, fieldLabel: string, option: string, search = false): Promise<void> {
  const field = page.getByLabel(fieldLabel, { exact: true });
  await field.click();
  const choice = openOption(page, option);
  if (search) {
    await field.fill(option);
    await choice.waitFor();
    await field.press("Enter");
  } else {
    await choice.click();
  }
  const item = page.locator(".ant-form-item").filter({ has: field });
  await item.locator(".ant-select").getByText(option, { exact: true }).first().waitFor();
}

/** The side menu's entries, in order. */
export async function menuEntries(page: Page): Promise<string[]> {
  const items = page.locator(".ant-layout-sider .ant-menu-item");
  return (await items.allTextContents()).map((text) => text.trim());
}

/** A button's name when an icon stands before its label (antd names it after the icon first: "upload 导入方案"). */
export function withIcon(text: string): RegExp {
  return new RegExp(`(^|\\s)${[...text].join("\\s*")}\\s*$`);
}

/**
 * The open modal dialog that says this, once its opening motion (antd's zoom) is over: a click on a button while it
 * still moves can land beside it, most of all on a busy machine, and the dialog then stays open.
 */
export function modal(page: Page, text: string): Locator {
  return page
    .locator('[role="dialog"]:not([class*="zoom-appear"]):not([class*="zoom-enter"])')
    .filter({ hasText: text });
}

/**
 * Answers an open Popconfirm with its button of this name, once the popup has zoomed in (a click while it moves can
 * land beside the button on a busy machine), and waits for it to close.
 */
export async function confirmPopup(page: Page, button: string): Promise<void> {
  const popup = page.locator(
    '.ant-popconfirm:not(.ant-popover-hidden):not([class*="zoom-big-appear"]):not([class*="zoom-big-enter"])',
  );
  await popup.getByRole("button", { name: label(button) }).click();
  await popup.waitFor({ state: "hidden" });
}

/** Clicks the button (导出Excel) that downloads a workbook; answers the file's name and its first sheet. */
export async function downloadSheet(page: Page, button: string) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: withIcon(button) }).click(),
  ]);
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  return { filename: download.suggestedFilename(), sheet: workbook.worksheets[0] };
}

/** Waits for the toast that says this. */
export async function toast(page: Page, text: string): Promise<void> {
  await page.locator(".ant-message-notice").filter({ hasText: text }).first().waitFor();
}

/** Drops a file onto an upload area, as a user dragging it from the file manager does. */
export async function dropFile(page: Page, target: Locator, bytes: Buffer, name: string, type: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name, type }) => {
      const content = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type }));
      return transfer;
    },
    { base64: bytes.toString("base64"), name, type },
  );
  await target.dispatchEvent("dragenter", { dataTransfer });
  await target.dispatchEvent("dragover", { dataTransfer });
  await target.dispatchEvent("drop", { dataTransfer });
}

/** The JSON an API call answered, or an error naming the call when it failed. */
export async function json<T>(answer: APIResponse): Promise<T> {
  if (!answer.ok()) throw new Error(`${answer.url()} answered ${answer.status()}: ${await answer.text()}`);
  return (await answer.json()) as T;
}

/**
 * Publishes a plan with one task (or one per text) for 城关街道 (or the units named) due on a day, through the API with the session of
 * a browser the coordinator signed in with (the demo plan gives the township no task with a plain date). Returns the
 * plan's id.
 */
export async function publishTownshipTask(
  request: APIRequestContext,
  plan: { title: string; text: string | string[]; due: string; unitNames?: string[] },
): Promise<number> {
  const units = await Promise.all(
    (plan.unitNames ?? ["城关街道"]).map(async (name) => {
      const found = await json<{ items: { id: number; name: string }[] }>(
        await request.get("/api/units", { params: { q: name } }),
      );
      const unit = found.items.find((u) => u.name === name);
      if (!unit) throw new Error(`the demo registry has no ${name}`);
      return { unitId: unit.id, role: "responsible", phrase: name, dismissedReason: null };
    }),
  );
  const created = await json<{ id: number }>(
    await request.post("/api/plans", { data: { title: plan.title, year: Number(plan.due.slice(0, 4)) } }),
  );
  // one task, or one per text (numbered 1, 2, …), each after the one before
  let withTask = { version: 0, tasks: [] as { id: number }[] };
  for (const [i, text] of [plan.text].flat().entries()) {
    withTask = await json<{ version: number; tasks: { id: number }[] }>(
      await request.post(`/api/plans/${created.id}/tasks`, {
        data: {
          afterTaskId: withTask.tasks.at(-1)?.id ?? null,
          number: String(i + 1),
          text,
          units,
          deadlines: [{ text: `${plan.due}前`, kind: "date", due: plan.due }],
        },
      }),
    );
  }
  // sent out on paper at the start of its year (or today, if that is later): its date is due, and chased, when it passes
  const today = chinaDay(new Date());
  const assignedOn = `${plan.due.slice(0, 4)}-01-01` < today ? `${plan.due.slice(0, 4)}-01-01` : today;
  await json(
    await request.post(`/api/plans/${created.id}/publish`, { data: { version: withTask.version, assignedOn } }),
  );
  return created.id;
}
