#!/usr/bin/env node
// The one test command (`npm test`): installs the system parts the tests need when they are missing,
// checks that PostgreSQL is reachable, then lint, type-check, migration drift, web build, all test projects.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const started = Date.now();
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(title) {
  console.log(`\n=== ${title} (${Math.round((Date.now() - started) / 1000)} s) ===`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`\nnpm test: "${[command, ...args].join(" ")}" failed (exit ${result.status ?? result.signal})`);
    console.log(`tests: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
    process.exit(1);
  }
  return result;
}

function hasFonts() {
  const result = spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" });
  return result.status === 0 && /Noto (Sans|Serif) CJK/.test(result.stdout);
}

/** Whether tesseract is installed with its simplified Chinese data (the OCR of scanned plans). */
function hasTesseract(language) {
  const result = spawnSync("tesseract", ["--list-langs"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return false;
  return language === undefined || `${result.stdout}${result.stderr}`.split(/\s+/).includes(language);
}

function ensureSystemPackages() {
  const missing = [];
  if (!existsSync("/usr/bin/chromium")) missing.push("chromium");
  if (!hasFonts()) missing.push("fonts-noto-cjk");
  // OCR of scanned plans: tesseract with its Chinese data, and pdftoppm to turn PDF pages into images
  if (!hasTesseract()) missing.push("tesseract-ocr");
  if (!hasTesseract("chi_sim")) missing.push("tesseract-ocr-chi-sim");
  if (spawnSync("pdftoppm", ["-v"]).error) missing.push("poppler-utils");
  if (missing.length === 0) return;
  console.log(`Installing ${missing.join(", ")} with apt-get (needed by the browser and OCR tests) …`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args) =>
    process.getuid?.() === 0 ? run("apt-get", args, { env }) : run("sudo", ["apt-get", ...args], { env });
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", ...missing, "fontconfig"]);
}

async function ensurePostgres() {
  const url = process.env.FAZHI_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query("show server_version");
    console.log(`PostgreSQL ${rows[0].server_version} reachable at ${url}`);
  } catch (error) {
    console.error(`npm test: PostgreSQL is unreachable at ${url}: ${error.message}`);
    console.error(
      "Every server test runs on PostgreSQL as well as PGlite; start PostgreSQL (see README) and run again.",
    );
    console.log("tests: 0 passed, 1 failed");
    process.exit(1);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Fails when the schema has changes that no checked-in migration holds. */
function checkMigrationDrift() {
  const dir = mkdtempSync(path.join(tmpdir(), "fazhi-drift-"));
  cpSync("drizzle", dir, { recursive: true });
  const before = readdirSync(dir).length;
  const result = spawnSync(
    "npx",
    ["drizzle-kit", "generate", "--dialect", "postgresql", "--schema", "./src/server/db/schema.ts", "--out", dir],
    { encoding: "utf8" },
  );
  const after = readdirSync(dir).length;
  rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0 || after !== before) {
    console.error(result.stdout, result.stderr);
    console.error(
      "npm test: the schema (src/server/db/schema.ts) differs from the migrations: run `npm run db:generate` and commit drizzle/",
    );
    console.log("tests: 0 passed, 1 failed");
    process.exit(1);
  }
  console.log("migrations match the schema");
}

function vitest(projects, label) {
  const report = path.join(tmpdir(), `fazhi-vitest-${process.pid}-${label}.json`);
  const args = [
    "vitest",
    "run",
    ...projects.flatMap((p) => ["--project", p]),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ];
  const result = spawnSync("npx", args, { stdio: "inherit" });
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + json.numTodoTests;
    rmSync(report);
  }
  if (result.status !== 0) {
    console.log(`tests: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
    process.exit(1);
  }
}

step("system packages");
ensureSystemPackages();
step("PostgreSQL");
await ensurePostgres();
step("lint (biome)");
run("npx", ["biome", "check", "."]);
step("type-check (tsc)");
run("npx", ["tsc", "--noEmit"]);
step("migrations");
checkMigrationDrift();
step("build (web app, CLI bundle)");
run("npm", ["run", "build"]);
step("unit and API tests (core, server on PGlite and PostgreSQL)");
vitest(["core", "server-pglite", "server-postgres"], "main");
step("browser tests (Chromium)");
vitest(["e2e"], "e2e");
step("the README's commands");
vitest(["readme"], "readme");

console.log(`\nnpm test: all green in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(
  `tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`,
);
