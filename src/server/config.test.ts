import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const dataDir = () => path.join(mkdtempSync(path.join(tmpdir(), "fazhi-config-")), "data");
const SECRET = "9f4c2e71b0d84a6fa3e5c1d7082b6e94";

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  it("has defaults: demo mode on PGlite in ./data, port 3000 on 127.0.0.1", () => {
    const dir = dataDir();
    const config = loadConfig({ FAZHI_DATA_DIR: dir });
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: null,
      dataDir: dir,
      mode: "demo",
      session: { idleMinutes: 120, absoluteHours: 12 },
      login: { maxFailures: 5, lockMinutes: 15, attemptsPerMinute: 20 },
    });
  });

  it("is production by default with a DATABASE_URL", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://u@db/fazhi", FAZHI_SESSION_SECRET: SECRET });
    expect(config).toMatchObject({ mode: "production", demoPassword: null, sessionSecret: SECRET });
  });

  it.each([
    ["PORT", { PORT: "abc" }],
    ["PORT", { PORT: "70000" }],
    ["PORT", { PORT: "-1" }],
    ["DATABASE_URL", { DATABASE_URL: "not a url" }],
    ["DATABASE_URL", { DATABASE_URL: "mysql://u@db/fazhi" }],
    ["FAZHI_MODE", { FAZHI_MODE: "dev" }],
    ["HOST", { HOST: "bad host!" }],
    ["FAZHI_LOG_LEVEL", { FAZHI_LOG_LEVEL: "loud" }],
    ["FAZHI_SESSION_IDLE_MINUTES", { FAZHI_SESSION_IDLE_MINUTES: "0" }],
    ["FAZHI_LOGIN_MAX_FAILURES", { FAZHI_LOGIN_MAX_FAILURES: "five" }],
    ["FAZHI_DEMO_PASSWORD", { FAZHI_DEMO_PASSWORD: "short" }],
    ["FAZHI_SESSION_SECRET", { FAZHI_MODE: "production" }],
    ["FAZHI_SESSION_SECRET", { FAZHI_MODE: "production", FAZHI_SESSION_SECRET: "too-short" }],
    ["FAZHI_SESSION_SECRET", { FAZHI_MODE: "production", FAZHI_SESSION_SECRET: "a".repeat(32) }],
    ["FAZHI_SESSION_SECRET", { FAZHI_MODE: "production", FAZHI_SESSION_SECRET: "0123456789abcdef0123456789abcdef" }],
    ["FAZHI_SMTP_URL", { FAZHI_SMTP_URL: "http://mail.example.gov.cn", FAZHI_SMTP_FROM: "fazhi@example.gov.cn" }],
    ["FAZHI_SMTP_URL", { FAZHI_SMTP_URL: "not a url", FAZHI_SMTP_FROM: "fazhi@example.gov.cn" }],
    ["FAZHI_SMTP_FROM", { FAZHI_SMTP_URL: "smtps://u:p@mail.example.gov.cn" }],
    ["FAZHI_SMTP_FROM", { FAZHI_SMTP_URL: "smtps://u:p@mail.example.gov.cn", FAZHI_SMTP_FROM: "司法局" }],
    ["FAZHI_SMTP_FROM", { FAZHI_SMTP_FROM: "fazhi@example.gov.cn" }],
    ["FAZHI_PUBLIC_URL", { FAZHI_PUBLIC_URL: "ftp://fazhi.example.gov.cn" }],
  ])("names %s when it is wrong (%j)", (variable, env) => {
    const dir = dataDir();
    const error = configError({ FAZHI_DATA_DIR: dir, ...env });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    // a refused start leaves nothing behind
    expect(existsSync(dir)).toBe(false);
  });

  it("makes the demo session secret and demo password once and keeps them in the data directory", () => {
    const dir = dataDir();
    const first = loadConfig({ FAZHI_DATA_DIR: dir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.demoPassword).toMatch(/^.{8,}$/);
    expect(first.demoPasswordGenerated).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["demo-password", "session-secret"]);
    expect(readFileSync(path.join(dir, "demo-password"), "utf8").trim()).toBe(first.demoPassword);
    const second = loadConfig({ FAZHI_DATA_DIR: dir });
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(second.demoPassword).toBe(first.demoPassword);
  });

  it("sends no email without FAZHI_SMTP_URL, and takes the mail server and sender when given", () => {
    expect(loadConfig({ FAZHI_DATA_DIR: dataDir() })).toMatchObject({ smtp: null, publicUrl: null });
    const config = loadConfig({
      FAZHI_DATA_DIR: dataDir(),
      FAZHI_SMTP_URL: "smtps://fazhi:secret@mail.example.gov.cn:465",
      FAZHI_SMTP_FROM: "区司法局 <fazhi@example.gov.cn>",
      FAZHI_PUBLIC_URL: "https://fazhi.example.gov.cn/",
    });
    expect(config.smtp).toEqual({
      url: "smtps://fazhi:secret@mail.example.gov.cn:465",
      from: "区司法局 <fazhi@example.gov.cn>",
    });
    expect(config.publicUrl).toBe("https://fazhi.example.gov.cn");
  });

  it("never repeats the mail server's password in its message", () => {
    const error = configError({
      FAZHI_DATA_DIR: dataDir(),
      FAZHI_SMTP_URL: "smtp://u:hunter2@[bad",
      FAZHI_SMTP_FROM: "a@b.cn",
    });
    expect(error.message).not.toContain("hunter2");
  });

  it("uses FAZHI_DEMO_PASSWORD when it is given", () => {
    const config = loadConfig({ FAZHI_DATA_DIR: dataDir(), FAZHI_DEMO_PASSWORD: "Given-pass-1" });
    expect(config).toMatchObject({ demoPassword: "Given-pass-1", demoPasswordGenerated: false });
  });
});
