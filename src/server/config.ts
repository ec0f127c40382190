/**
 * Configuration from environment variables, validated at boot by one schema. A bad value stops the start
 * with a message naming the variable (the CLI exits with code 2).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isWeakSecret } from "./users/password-strength.js";

export type Mode = "demo" | "production";

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  mode: Mode;
  sessionSecret: string;
  /** the demo accounts' password; null in production mode */
  demoPassword: string | null;
  /** true when fazhi made the demo password up: it is kept in the data directory and printed at start */
  demoPasswordGenerated: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  login: { maxFailures: number; lockMinutes: number; attemptsPerMinute: number };
  /** reverse proxies in front of the server whose X-Forwarded-For / -Proto to believe (0: none) */
  trustProxyHops: number;
  logLevel: LogLevel;
  /** largest evidence file accepted, in bytes */
  maxUploadBytes: number;
  /** most evidence files one request may carry */
  maxUploadFiles: number;
  /** how long reading one plan file may take, OCR of a scan included (FAZHI_PARSE_TIMEOUT_SECONDS) */
  parseTimeoutSeconds: number;
  /** most bytes one upload request may carry, all its files together */
  maxRequestBytes: number;
  /** days before a due date when a period with nothing reported turns yellow */
  yellowDays: number;
  /** the coordinating office's name, as supervision orders and bulletins are signed and headed */
  officeName: string;
  /** how often the server runs the due jobs (reminders, urging notices); 0: never (cron runs `fazhi jobs run`) */
  jobsIntervalMinutes: number;
  /** the mail server for email notices; null: no email is sent (nor queued) */
  smtp: SmtpConfig | null;
  /** the address people open fazhi at (https://fazhi.example.gov.cn): links in emails and robot messages; null: none */
  publicUrl: string | null;
}

export interface SmtpConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 */
  url: string;
  /** the sender, `address@example.gov.cn` or `名称 <address@example.gov.cn>` */
  from: string;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`配置错误 ${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

/**
 * The URL a variable holds, checked to be one and of these protocols (`postgres:`…); null when the variable is unset.
 * `example` shows a good value when the text is no URL at all (by default the message quotes what was given).
 */
function urlVar(env: Env, name: string, protocols: string[], example?: string): URL | null {
  const raw = env[name];
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, example ? `is not a URL (e.g. ${example})` : `is not a URL: "${raw}"`);
  }
  if (!protocols.includes(url.protocol)) {
    const starts = protocols.map((p) => `${p}//`).join(" or ");
    throw new ConfigError(name, `must start with ${starts}, got "${url.protocol}"`);
  }
  return url;
}

function databaseUrl(env: Env): string | null {
  return urlVar(env, "DATABASE_URL", ["postgres:", "postgresql:"]) === null ? null : (env.DATABASE_URL as string);
}

function mode(env: Env, hasDatabaseUrl: boolean): Mode {
  const raw = env.FAZHI_MODE;
  if (raw === undefined || raw === "") return hasDatabaseUrl ? "production" : "demo";
  if (raw !== "demo" && raw !== "production") {
    throw new ConfigError("FAZHI_MODE", `must be "demo" or "production", got "${raw}"`);
  }
  return raw;
}

function logLevel(env: Env): LogLevel {
  const raw = env.FAZHI_LOG_LEVEL || "info";
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError("FAZHI_LOG_LEVEL", `must be one of ${LOG_LEVELS.join(", ")}, got "${raw}"`);
  }
  return raw as LogLevel;
}

/** A sender address: `a@b.c` or `名称 <a@b.c>`. */
const MAIL_FROM = /^(?:[^<>]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

function smtp(env: Env): SmtpConfig | null {
  const url = urlVar(env, "FAZHI_SMTP_URL", ["smtp:", "smtps:"], "smtps://user:password@smtp.example.gov.cn:465");
  const from = env.FAZHI_SMTP_FROM?.trim();
  if (!url) {
    if (from) throw new ConfigError("FAZHI_SMTP_FROM", "is set, but FAZHI_SMTP_URL (the mail server) is not");
    return null;
  }
  if (!url.hostname) throw new ConfigError("FAZHI_SMTP_URL", "names no mail server host");
  if (!from) throw new ConfigError("FAZHI_SMTP_FROM", "is required with FAZHI_SMTP_URL (the sender address)");
  if (!MAIL_FROM.test(from)) {
    throw new ConfigError("FAZHI_SMTP_FROM", `must be an address such as fazhi@example.gov.cn, got "${from}"`);
  }
  return { url: env.FAZHI_SMTP_URL as string, from };
}

function publicUrl(env: Env): string | null {
  const url = urlVar(env, "FAZHI_PUBLIC_URL", ["http:", "https:"]);
  if (!url) return null;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** A secret kept in the data directory, made once: demo mode's session secret and demo password. */
function keptSecret(dataDir: string, file: string, make: () => string): string {
  const target = path.join(dataDir, file);
  try {
    return readFileSync(target, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const value = make();
    writeFileSync(target, `${value}\n`, { mode: 0o600 });
    return value;
  }
}

function readablePassword(): string {
  // no look-alike characters (0/O, 1/l/I): people type it from the terminal
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(12);
  let out = "";
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}9a`;
}

export function loadConfig(env: Env = process.env): Config {
  const url = databaseUrl(env);
  const resolvedMode = mode(env, url !== null);
  const dataDir = path.resolve(env.FAZHI_DATA_DIR || "./data");
  const host = env.HOST || "127.0.0.1";
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw new ConfigError("HOST", `is not a host name or address: "${host}"`);
  const port = integer(env, "PORT", 3000, 0, 65535);
  const session = {
    idleMinutes: integer(env, "FAZHI_SESSION_IDLE_MINUTES", 120, 1, 60 * 24 * 30),
    absoluteHours: integer(env, "FAZHI_SESSION_ABSOLUTE_HOURS", 12, 1, 24 * 90),
  };
  const login = {
    maxFailures: integer(env, "FAZHI_LOGIN_MAX_FAILURES", 5, 1, 100),
    lockMinutes: integer(env, "FAZHI_LOGIN_LOCK_MINUTES", 15, 1, 24 * 60),
    attemptsPerMinute: integer(env, "FAZHI_LOGIN_ATTEMPTS_PER_MINUTE", 20, 1, 100000),
  };
  const level = logLevel(env);
  const trustProxyHops = integer(env, "FAZHI_TRUST_PROXY", 0, 0, 10);
  const maxUploadBytes = integer(env, "FAZHI_MAX_UPLOAD_MB", 50, 1, 1024) * 1024 * 1024;
  const maxUploadFiles = integer(env, "FAZHI_MAX_UPLOAD_FILES", 20, 1, 100);
  const parseTimeoutSeconds = integer(env, "FAZHI_PARSE_TIMEOUT_SECONDS", 300, 1, 3600);
  const maxRequestBytes = integer(env, "FAZHI_MAX_REQUEST_MB", 200, 1, 10240) * 1024 * 1024;
  const yellowDays = integer(env, "FAZHI_YELLOW_DAYS", 3, 0, 60);
  const jobsIntervalMinutes = integer(env, "FAZHI_JOBS_INTERVAL_MINUTES", 15, 0, 24 * 60);
  const mail = smtp(env);
  const linkBase = publicUrl(env);
  const officeName = (env.FAZHI_OFFICE_NAME ?? "").trim() || "法治政府建设工作领导小组办公室";
  if (officeName.length > 60) throw new ConfigError("FAZHI_OFFICE_NAME", "must be at most 60 characters");

  const givenSecret = env.FAZHI_SESSION_SECRET ?? "";
  if (resolvedMode === "production" && givenSecret.length < 32) {
    throw new ConfigError("FAZHI_SESSION_SECRET", "is required in production mode and must be at least 32 characters");
  }
  // whoever guesses the secret can forge nothing alone, but with a copy of the database could sign in as anyone
  if (resolvedMode === "production" && isWeakSecret(givenSecret)) {
    throw new ConfigError(
      "FAZHI_SESSION_SECRET",
      "is too easy to guess (repeated or sequential characters, words, dates); use a random value such as `openssl rand -hex 32`",
    );
  }
  const givenDemoPassword = resolvedMode === "demo" ? env.FAZHI_DEMO_PASSWORD : undefined;
  if (givenDemoPassword && givenDemoPassword.length < 8) {
    throw new ConfigError("FAZHI_DEMO_PASSWORD", "must be at least 8 characters");
  }

  // secrets are made only now, when every value is known to be good: a refused start leaves no files behind
  const sessionSecret = givenSecret || keptSecret(dataDir, "session-secret", () => randomBytes(32).toString("hex"));
  let demoPassword: string | null = null;
  if (resolvedMode === "demo")
    demoPassword = givenDemoPassword || keptSecret(dataDir, "demo-password", readablePassword);

  return {
    port,
    host,
    trustProxyHops,
    databaseUrl: url,
    dataDir,
    mode: resolvedMode,
    sessionSecret,
    demoPassword,
    demoPasswordGenerated: resolvedMode === "demo" && !givenDemoPassword,
    session,
    login,
    logLevel: level,
    maxUploadBytes,
    maxUploadFiles,
    parseTimeoutSeconds,
    maxRequestBytes,
    yellowDays,
    officeName,
    jobsIntervalMinutes,
    smtp: mail,
    publicUrl: linkBase,
  };
}
