/**
 * The fazhi command as a user runs it: `node bin/fazhi.js` in a child process on one temporary data directory.
 * Opening a PGlite data directory costs seconds, so the steps below share one and run in order.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/fazhi.js", import.meta.url));
const DATA_DIR = mkdtempSync(path.join(tmpdir(), "fazhi-cli-"));
const DEMO_PASSWORD = "Cli-demo-pass-1";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The variables a developer's shell may hold that would point the CLI elsewhere. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env))
    if (name.startsWith("FAZHI_") || name === "DATABASE_URL" || name === "PORT") delete env[name];
  return { ...env, FAZHI_DATA_DIR: DATA_DIR, FAZHI_DEMO_PASSWORD: DEMO_PASSWORD, FAZHI_LOG_LEVEL: "warn" };
}

function fazhi(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...baseEnv(), ...options.env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** Runs `fazhi serve` on a free port while `use` gets its URL, then stops it. */
async function whileServing<T>(use: (url: string) => Promise<T>): Promise<T> {
  const child = spawn(process.execPath, [BIN, "serve"], { env: { ...baseEnv(), PORT: "0" } });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk) => {
        out += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1]);
      });
      child.on("close", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    return await use(url);
  } finally {
    const exited = new Promise((resolve) => child.once("close", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}

/** Signs in through a served instance with each password in turn: the answers' status codes. */
function loginThroughServer(username: string, passwords: string[]): Promise<number[]> {
  return whileServing(async (url) => {
    const statuses: number[] = [];
    for (const password of passwords) {
      const response = await fetch(`${url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password }),
      });
      statuses.push(response.status);
    }
    return statuses;
  });
}

afterAll(() => rmSync(DATA_DIR, { recursive: true, force: true }));

describe("fazhi CLI", () => {
  it("--help exits 0 and lists the commands", async () => {
    const { code, stdout } = await fazhi(["--help"]);
    expect(code).toBe(0);
    for (const command of ["serve", "migrate", "demo", "user add", "user reset-password"])
      expect(stdout).toContain(command);
  });

  it("an unknown command exits 2", async () => {
    expect((await fazhi(["frobnicate"])).code).toBe(2);
  });

  it("a bad setting exits 2 and names the variable", async () => {
    const { code, stderr } = await fazhi(["serve"], { env: { PORT: "not-a-port" } });
    expect(code).toBe(2);
    expect(stderr).toContain("PORT");
  });

  it("demo loads the district once; the second run creates nothing", async () => {
    const first = await fazhi(["demo"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/新增单位 [1-9]\d* 个/);
    const second = await fazhi(["demo"]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("新增单位 0 个、分组 0 个、账号 0 个");
  }, 60_000);

  it("jobs run sends the due notices of the demo plan once, at the time given", async () => {
    // the demo plan is of this year, some of its tasks due in two days and a few late: today at 10:00 in China
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const at = ["jobs", "run", "--now", `${today}T10:00:00+08:00`];
    const first = await fazhi(at);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/到期提醒 [1-9]\d* 条、催办 \d+ 条/);
    const again = await fazhi(at);
    expect(again.stdout).toContain("到期提醒 0 条、催办 0 条");
    const bad = await fazhi(["jobs", "run", "--now", "tomorrow"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--now");
  }, 60_000);

  it("user add creates a user from a password on standard input, who signs in; a weak password is refused", async () => {
    const added = await fazhi(
      ["user", "add", "--username", "cli-coord", "--role", "coordinator", "--unit", "区司法局", "--password-stdin"],
      { input: "Cli-pass-123\n" },
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain("cli-coord");
    expect(added.stdout).toContain("区司法局");
    expect(await loginThroughServer("cli-coord", ["Cli-pass-123"])).toEqual([200]);

    const weak = await fazhi(["user", "add", "--username", "cli-weak", "--role", "leader", "--password-stdin"], {
      input: "weak\n",
    });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/密码/);
  }, 60_000);

  it("user reset-password sets the password from standard input, and the user signs in with it", async () => {
    const reset = await fazhi(["user", "reset-password", "cli-coord"], { input: "Cli-newpass-456\n" });
    expect(reset.code, reset.stderr).toBe(0);
    expect(await loginThroughServer("cli-coord", ["Cli-pass-123", "Cli-newpass-456"])).toEqual([401, 200]);
  }, 60_000);

  it("refuses a second process on the data directory while the server runs (PGlite is one process's)", async () => {
    const second = await whileServing(() =>
      fazhi(["user", "add", "--username", "cli-late", "--role", "leader", "--password-stdin"], {
        input: "Cli-pass-123\n",
      }),
    );
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/正被另一个 fazhi 进程/);
  }, 60_000);

  it("a port in use exits 2 and names PORT", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = blocker.address() as AddressInfo;
      const { code, stderr } = await fazhi(["serve"], { env: { PORT: String(port) } });
      expect(code).toBe(2);
      expect(stderr).toContain("PORT");
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 60_000);

  it("production mode refuses to serve while demo accounts exist (exit 2)", async () => {
    const { code, stderr } = await fazhi(["serve"], {
      env: { FAZHI_MODE: "production", FAZHI_SESSION_SECRET: "5be1c09a7f3d42e6b8c4a01f9d27e3b6", PORT: "0" },
    });
    expect(code).toBe(2);
    expect(stderr).toContain("演示账号");
  }, 60_000);
});
