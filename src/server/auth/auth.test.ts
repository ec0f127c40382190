import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, notifications, sessions, users } from "../db/schema.js";
import { createUser, STRONG_PASSWORD, signedInUser } from "../test/factories.js";
import { buildTestApp, DEMO_PASSWORD, type TestApp } from "../test/helper.js";
import { loginFailed } from "./login.js";

const MAX_FAILURES = 3;
const IDLE_MINUTES = 30;
const ABSOLUTE_HOURS = 1;
let t: TestApp;
let admin: string;
/** the app's clock runs this far ahead of the real one (the injectable clock, src/server/clock.ts) */
let ahead = 0;

beforeAll(async () => {
  t = await buildTestApp(
    {
      FAZHI_LOGIN_MAX_FAILURES: String(MAX_FAILURES),
      FAZHI_SESSION_IDLE_MINUTES: String(IDLE_MINUTES),
      FAZHI_SESSION_ABSOLUTE_HOURS: String(ABSOLUTE_HOURS),
    },
    { clock: () => new Date(Date.now() + ahead) },
  );
  admin = await t.login("admin");
});
afterAll(() => t.close());
afterEach(() => {
  vi.useRealTimers();
  ahead = 0;
});

const login = (username: string, password: string) =>
  t.request({ method: "POST", url: "/api/auth/login", payload: { username, password } });
const me = (cookie: string) => t.request({ method: "GET", url: "/api/auth/me", cookie });
const auditOf = (userId: number) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.entityId, String(userId)));

describe("POST /api/auth/login", () => {
  it("signs in with an httpOnly, SameSite=Lax session cookie and answers who the user is", async () => {
    const response = await login("coordinator", DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "fazhi_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(response.json()).toMatchObject({
      user: { username: "coordinator" },
      unit: { name: "区司法局" },
      roles: ["coordinator"],
    });
  });

  it("accepts the username in any case and with surrounding spaces", async () => {
    const response = await login("  Coordinator ", DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
  });

  it("answers a wrong password and an unknown user alike, in Chinese, and audits both", async () => {
    const user = await createUser(t, admin);
    const wrong = await login(user.username, "Wrong-pass-1");
    const unknown = await login("nobody-here", "Wrong-pass-1");
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: "invalid_credentials", message: loginFailed(t.config).message },
      });
      expect(response.json().error.message).toMatch(/^用户名或密码错误/);
      expect(response.cookies).toHaveLength(0);
    }
    const failed = (await auditOf(user.id)).filter((e) => e.action === "auth.login_failed");
    // whoever typed the wrong password is unknown: the account is the entity, not the actor
    expect(failed).toEqual([expect.objectContaining({ entityType: "user", actorId: null })]);
    const anonymous = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.login_failed"));
    expect(anonymous.some((e) => (e.after as { username?: string })?.username === "nobody-here")).toBe(true);
  });

  it("audits a successful login", async () => {
    const { user } = await signedInUser(t, admin);
    const logins = (await auditOf(user.id)).filter((e) => e.action === "auth.login");
    expect(logins).toEqual([expect.objectContaining({ actorId: user.id })]);
  });

  it(`locks the account after ${MAX_FAILURES} wrong passwords; the right one is refused while locked; an admin unlocks`, async () => {
    const user = await createUser(t, admin);
    for (let i = 1; i < MAX_FAILURES; i++) expect((await login(user.username, "Wrong-pass-1")).statusCode).toBe(401);
    const locking = await login(user.username, "Wrong-pass-1");
    // the lock is not told to whoever tries: the same answer as any wrong password
    expect(locking.statusCode).toBe(401);
    expect(locking.json()).toEqual((await login("nobody-here", "Wrong-pass-1")).json());

    const refused = await login(user.username, STRONG_PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual(locking.json());
    // the owner is told in the app
    const notices = await t.database.db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(notices).toEqual([
      expect.objectContaining({ kind: "security", title: "账号因多次密码错误被临时锁定", readAt: null }),
    ]);
    expect(notices[0].body).toContain(`连续 ${MAX_FAILURES} 次密码错误`);

    const listed = await t.request({ method: "GET", url: `/api/users/${user.id}`, cookie: admin });
    expect(listed.json()).toMatchObject({ locked: true });
    const unlock = await t.request({
      method: "PATCH",
      url: `/api/users/${user.id}`,
      payload: { version: listed.json().version, unlock: true },
      cookie: admin,
    });
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().locked).toBe(false);
    expect((await login(user.username, STRONG_PASSWORD)).statusCode).toBe(200);
    expect((await auditOf(user.id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(["auth.locked", "auth.login_refused", "user.update", "auth.login"]),
    );
  });

  /** How many of a user's sign-in attempts had the password hash checked: wrong ones audited so, and sign-ins. */
  const checkedGuesses = async (userId: number) =>
    (await auditOf(userId)).filter(
      (e) => e.action === "auth.login" || (e.after as { reason?: string } | null)?.reason === "wrong_password",
    ).length;

  it(`checks at most ${MAX_FAILURES} of 20 guesses sent at once from 20 addresses, the right one last: all refused`, async () => {
    const user = await createUser(t, admin);
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username: user.username, password: i === 19 ? STRONG_PASSWORD : `Wrong-pass-${i}` },
          remoteAddress: `10.13.0.${i + 1}`,
        }),
      ),
    );
    expect(guesses.map((r) => r.statusCode)).toEqual(Array(20).fill(401));
    expect(new Set(guesses.map((r) => r.body)).size).toBe(1);
    expect(await checkedGuesses(user.id)).toBeLessThanOrEqual(MAX_FAILURES);
    expect((await auditOf(user.id)).filter((e) => e.action === "auth.locked")).toHaveLength(1);
    // locked: the right password is refused without its hash being checked
    const before = await checkedGuesses(user.id);
    expect((await login(user.username, STRONG_PASSWORD)).statusCode).toBe(401);
    expect(await checkedGuesses(user.id)).toBe(before);
    expect((await t.request({ method: "GET", url: `/api/users/${user.id}`, cookie: admin })).json().locked).toBe(true);
  });

  it("the right password neither lifts nor shortens a lock; the lock ends by itself after FAZHI_LOGIN_LOCK_MINUTES", async () => {
    const user = await createUser(t, admin);
    for (let i = 0; i < MAX_FAILURES; i++) await login(user.username, "Wrong-pass-1");
    for (let i = 0; i < 3; i++) expect((await login(user.username, STRONG_PASSWORD)).statusCode).toBe(401);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    ahead = t.config.login.lockMinutes * 60_000 + 1000;
    expect((await login(user.username, STRONG_PASSWORD)).statusCode).toBe(200);
  });

  it("refuses a disabled user with the same answer as a wrong password, and disabling ends the user's open sessions", async () => {
    const { user, cookie } = await signedInUser(t, admin);
    expect((await me(cookie)).statusCode).toBe(200);
    const disable = await t.request({
      method: "PATCH",
      url: `/api/users/${user.id}`,
      payload: { version: user.version, disabled: true },
      cookie: admin,
    });
    expect(disable.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    const [session] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(session.revokedAt).not.toBeNull();

    const refused = await login(user.username, STRONG_PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error).toEqual({ code: "invalid_credentials", message: loginFailed(t.config).message });
  });

  it("validates the body", async () => {
    const response = await t.request({ method: "POST", url: "/api/auth/login", payload: { username: "admin" } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
  });
});

describe("sessions", () => {
  it("logout revokes the session: the old cookie is refused afterwards", async () => {
    const { user, cookie } = await signedInUser(t, admin);
    const response = await t.request({ method: "POST", url: "/api/auth/logout", cookie });
    expect(response.statusCode).toBe(204);
    expect(response.cookies.find((c) => c.name === "fazhi_session")?.value).toBe("");
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await auditOf(user.id)).map((e) => e.action)).toContain("auth.logout");
  });

  it("logout ends the session for good even while other requests with it are under way", async () => {
    const { user } = await signedInUser(t, admin);
    for (let i = 0; i < 10; i++) {
      const cookie = await t.login(user.username, STRONG_PASSWORD);
      await Promise.all([
        t.request({ method: "POST", url: "/api/auth/logout", cookie }),
        ...Array.from({ length: 4 }, () => me(cookie)),
      ]);
      expect((await me(cookie)).statusCode).toBe(401);
    }
  });

  it("logout without a session is harmless", async () => {
    expect((await t.request({ method: "POST", url: "/api/auth/logout" })).statusCode).toBe(204);
  });

  // time passes by the clock, not by editing rows: the server may keep sessions in memory for a few seconds
  const later = (minutes: number) => vi.setSystemTime(Date.now() + minutes * 60_000);

  it(`ends a session idle for longer than FAZHI_SESSION_IDLE_MINUTES (${IDLE_MINUTES})`, async () => {
    const { cookie } = await signedInUser(t, admin);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    later(IDLE_MINUTES - 1);
    expect((await me(cookie)).statusCode).toBe(200);
    // that request was activity: the idle time starts again
    later(IDLE_MINUTES - 1);
    expect((await me(cookie)).statusCode).toBe(200);
    later(IDLE_MINUTES + 1);
    const expired = await me(cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe("unauthenticated");
  });

  it(`ends a session ${ABSOLUTE_HOURS} hour after sign-in however active it is`, async () => {
    const { cookie } = await signedInUser(t, admin);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    let elapsed = 0;
    while (elapsed + IDLE_MINUTES - 5 < ABSOLUTE_HOURS * 60) {
      later(IDLE_MINUTES - 5);
      elapsed += IDLE_MINUTES - 5;
      expect((await me(cookie)).statusCode).toBe(200);
    }
    later(IDLE_MINUTES - 5);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("refuses a forged or tampered cookie", async () => {
    const cookie = await t.login("leader");
    expect((await me(`${cookie.slice(0, -2)}xx`)).statusCode).toBe(401);
    expect((await me("fazhi_session=not-a-session")).statusCode).toBe(401);
  });
});

describe("GET /api/auth/me", () => {
  it("answers the user, unit, roles and abilities", async () => {
    const response = await me(await t.login("township"));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: { id: expect.any(Number), username: "township", displayName: "城关街道管理员" },
      unit: { id: expect.any(Number), name: "城关街道", type: "township" },
      roles: ["unit_manager"],
      abilities: [
        "units.read",
        "assignments.read",
        "assignments.acknowledge",
        "reports.write",
        "reports.review",
        "reports.comment",
        "extensions.request",
      ],
    });
    const adminMe = (await me(admin)).json();
    expect(adminMe.unit).toBeNull();
    expect(adminMe.abilities).toEqual([
      "units.read",
      "units.manage",
      "users.manage",
      "audit.read",
      "plans.read",
      "plans.manage",
      "assignments.read",
      "assignments.read_all",
      "reports.review",
      "reports.comment",
      "supervision.manage",
      "channels.manage",
      "settings.manage",
      "jobs.run",
      "backup.run",
    ]);
  });

  it("answers 401 without a session", async () => {
    const response = await t.request({ method: "GET", url: "/api/auth/me" });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: "unauthenticated", message: "登录已失效，请重新登录" } });
  });
});

describe("POST /api/auth/password", () => {
  const change = (cookie: string, currentPassword: string, newPassword: string) =>
    t.request({ method: "POST", url: "/api/auth/password", payload: { currentPassword, newPassword }, cookie });

  it("refuses a wrong current password and a weak new one", async () => {
    const { cookie } = await signedInUser(t, admin);
    const wrong = await change(cookie, "Wrong-pass-1", "Another-pass-2");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe("当前密码不正确");
    const weak = await change(cookie, STRONG_PASSWORD, "short");
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/密码/);
  });

  it("changes the password, ends the user's other sessions and audits it", async () => {
    const { user, cookie } = await signedInUser(t, admin);
    const other = await t.login(user.username, STRONG_PASSWORD);
    const response = await change(cookie, STRONG_PASSWORD, "Brand-new-pass-9");
    expect(response.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect((await login(user.username, STRONG_PASSWORD)).statusCode).toBe(401);
    expect((await login(user.username, "Brand-new-pass-9")).statusCode).toBe(200);
    const events = (await auditOf(user.id)).filter((e) => e.action === "user.password_changed");
    expect(events).toHaveLength(1);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(JSON.stringify(events)).not.toContain(row.passwordHash);
  });
});

describe("request safety", () => {
  it("refuses cross-site changes by Origin and by Sec-Fetch-Site", async () => {
    const cookie = await t.login("coordinator");
    for (const headers of [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }]) {
      const response = await t.request({
        method: "POST",
        url: "/api/units",
        payload: { name: "跨站单位", type: "other" },
        headers,
        cookie,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("cross_site_request");
    }
    const sameOrigin = await t.request({
      method: "POST",
      url: "/api/units/resolve",
      payload: { phrases: ["区司法局"] },
      headers: { origin: "http://localhost:80", host: "localhost:80", "sec-fetch-site": "same-origin" },
      cookie,
    });
    expect(sameOrigin.statusCode).toBe(200);
  });

  it("refuses a cross-site login too (login CSRF)", async () => {
    const response = await t.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin", password: DEMO_PASSWORD },
      headers: { origin: "https://evil.example" },
    });
    expect(response.statusCode).toBe(403);
  });

  it("answers a text/plain POST with 415", async () => {
    const response = await t.request({
      method: "POST",
      url: "/api/units",
      payload: JSON.stringify({ name: "文本单位", type: "other" }),
      headers: { "content-type": "text/plain" },
      cookie: await t.login("coordinator"),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe("unsupported_media_type");
  });

  it("answers malformed JSON with 400 in the one error shape", async () => {
    const response = await t.request({
      method: "POST",
      url: "/api/units",
      payload: "{not json",
      headers: { "content-type": "application/json" },
      cookie: await t.login("coordinator"),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(response.body).not.toMatch(/at \w+ \(/);
  });

  it("answers a body over 1 MB with 413", async () => {
    const response = await t.request({
      method: "POST",
      url: "/api/units/resolve",
      payload: { phrases: ["区司法局".repeat(100_000)] },
      cookie: await t.login("leader"),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("payload_too_large");
  });

  it("sends the security headers", async () => {
    const response = await t.request({ method: "GET", url: "/api/health" });
    expect(response.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(response.headers["content-security-policy"]).toMatch(/default-src 'self'/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBeDefined();
  });
});
