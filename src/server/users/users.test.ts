import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../shared/api.js";
import { auditEvents, users } from "../db/schema.js";
import { auditCount, createUser, exportedSheet, STRONG_PASSWORD, unique, unitByName } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let admin: string;
let adminId: number;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login("admin");
  adminId = (await t.request({ method: "GET", url: "/api/auth/me", cookie: admin })).json().user.id;
});
afterAll(() => t.close());

const post = (payload: Record<string, unknown>) =>
  t.request({ method: "POST", url: "/api/users", payload, cookie: admin });
const patch = (id: number, payload: Record<string, unknown>, cookie = admin) =>
  t.request({ method: "PATCH", url: `/api/users/${id}`, payload, cookie });
const me = (cookie: string) => t.request({ method: "GET", url: "/api/auth/me", cookie });
const login = (username: string, password: string) =>
  t.request({ method: "POST", url: "/api/auth/login", payload: { username, password } });

describe("GET /api/users", () => {
  it("lists the accounts with their units, never a password hash", async () => {
    const response = await t.request({ method: "GET", url: "/api/users", cookie: admin });
    expect(response.statusCode).toBe(200);
    const { items, total } = response.json<{ items: User[]; total: number }>();
    expect(total).toBe(items.length);
    expect(items.find((u) => u.username === "department")).toMatchObject({
      unitName: "区市场监管分局",
      roles: ["unit_manager"],
      disabled: false,
      locked: false,
    });
    expect(response.body).not.toMatch(/argon2|password/i);
  });

  it("answers 404 for an unknown user", async () => {
    expect((await t.request({ method: "GET", url: "/api/users/999999", cookie: admin })).statusCode).toBe(404);
  });
});

describe("POST /api/users", () => {
  it("creates a user who can sign in, and audits it without the password hash", async () => {
    const unit = await unitByName(t, "区财政局");
    const username = unique("staff");
    const response = await post({
      username,
      displayName: "财政经办",
      roles: ["unit_staff"],
      unitId: unit.id,
      password: STRONG_PASSWORD,
    });
    expect(response.statusCode).toBe(201);
    const user = response.json<User>();
    expect(user).toMatchObject({ username, unitId: unit.id, unitName: "区财政局", roles: ["unit_staff"], version: 1 });
    expect((await login(username, STRONG_PASSWORD)).statusCode).toBe(200);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(user.id)));
    const created = events.filter((e) => e.action === "user.create");
    expect(created).toHaveLength(1);
    expect(created[0].actorId).toBe(adminId);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(JSON.stringify(events)).not.toContain(row.passwordHash);
    expect(JSON.stringify(events)).not.toMatch(/passwordHash|argon2/);
  });

  it("refuses a weak password", async () => {
    for (const password of ["short1", "onlyletters", "1234567890"]) {
      const response = await post({ username: unique("weak"), displayName: "弱密码", roles: ["leader"], password });
      expect(response.statusCode, password).toBe(400);
      expect(response.json().error.message).toMatch(/密码/);
    }
  });

  it("refuses an easily guessed password or one holding the username, saying why, on create, reset and change", async () => {
    for (const password of ["password1", "12345678a", "Qwerty-1234"]) {
      const response = await post({ username: unique("guess"), displayName: "易猜", roles: ["leader"], password });
      expect(response.statusCode, password).toBe(400);
      expect(response.json().error.message).toMatch(/^密码太容易被猜到/);
    }
    const username = unique("liming");
    const named = await post({ username, displayName: "李明", roles: ["leader"], password: `${username}-Xq-97!` });
    expect(named.statusCode).toBe(400);
    expect(named.json().error.message).toBe("密码不能包含用户名或姓名，请换一个别人猜不到的密码");

    const user = await createUser(t, admin);
    const reset = await patch(user.id, { version: user.version, password: `Az-${user.username}-91` });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.message).toMatch(/用户名/);
    const own = await t.login(user.username, STRONG_PASSWORD);
    const change = await t.request({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: STRONG_PASSWORD, newPassword: "password123" },
      cookie: own,
    });
    expect(change.statusCode).toBe(400);
    expect(change.json().error.message).toMatch(/^密码太容易被猜到/);
  });

  it("refuses unit roles without a unit, and a unit that does not exist", async () => {
    const noUnit = await post({
      username: unique("nounit"),
      displayName: "无单位",
      roles: ["unit_manager"],
      password: STRONG_PASSWORD,
    });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.message).toMatch(/单位/);
    const badUnit = await post({
      username: unique("badunit"),
      displayName: "坏单位",
      roles: ["unit_staff"],
      unitId: 999999,
      password: STRONG_PASSWORD,
    });
    expect(badUnit.statusCode).toBe(400);
  });

  it("refuses a username that is taken in any letter case (409)", async () => {
    const user = await createUser(t, admin);
    const response = await post({
      username: user.username.toUpperCase(),
      displayName: "重名",
      roles: ["leader"],
      password: STRONG_PASSWORD,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("duplicate");
    expect(
      (await post({ username: "ADMIN", displayName: "重名", roles: ["admin"], password: STRONG_PASSWORD })).statusCode,
    ).toBe(409);
  });

  it("answers two creations of one username at the same time with 201 and 409 duplicate", async () => {
    const payload = { username: unique("twice"), displayName: "双击", roles: ["leader"], password: STRONG_PASSWORD };
    const responses = await Promise.all([
      post(payload),
      post({ ...payload, username: payload.username.toUpperCase() }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it("validates usernames and roles", async () => {
    for (const payload of [
      { username: "有 空格", displayName: "x", roles: ["leader"], password: STRONG_PASSWORD },
      { username: unique("norole"), displayName: "x", roles: [], password: STRONG_PASSWORD },
      { username: unique("badrole"), displayName: "x", roles: ["root"], password: STRONG_PASSWORD },
      { username: unique("blank"), displayName: "  ", roles: ["leader"], password: STRONG_PASSWORD },
    ]) {
      const response = await post(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
    }
  });
});

describe("PATCH /api/users/:id", () => {
  it("changes roles and unit; the user's session sees the new roles", async () => {
    const user = await createUser(t, admin);
    const cookie = await t.login(user.username, STRONG_PASSWORD);
    const unit = await unitByName(t, "区审计局");
    const response = await patch(user.id, {
      version: 1,
      roles: ["unit_manager"],
      unitId: unit.id,
      displayName: "审计管理员",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      roles: ["unit_manager"],
      unitName: "区审计局",
      displayName: "审计管理员",
      version: 2,
    });
    expect((await me(cookie)).json()).toMatchObject({ roles: ["unit_manager"], unit: { name: "区审计局" } });
    expect(await auditCount(t, "user", user.id, "user.update")).toBe(1);
  });

  it("refuses taking the unit away from a unit role", async () => {
    const unit = await unitByName(t, "区统计局");
    const user = await createUser(t, admin, { roles: ["unit_staff"], unitId: unit.id });
    expect((await patch(user.id, { version: 1, unitId: null })).statusCode).toBe(400);
  });

  it("resets the password: the old one and the user's sessions end", async () => {
    const user = await createUser(t, admin);
    const cookie = await t.login(user.username, STRONG_PASSWORD);
    const response = await patch(user.id, { version: 1, password: "Reset-pass-456" });
    expect(response.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await login(user.username, STRONG_PASSWORD)).statusCode).toBe(401);
    expect((await login(user.username, "Reset-pass-456")).statusCode).toBe(200);
    expect(await auditCount(t, "user", user.id, "user.password_reset")).toBe(1);
    expect((await patch(user.id, { version: 2, password: "weak" })).statusCode).toBe(400);
  });

  it("disables and re-enables a user", async () => {
    const user = await createUser(t, admin);
    const disabled = await patch(user.id, { version: 1, disabled: true });
    expect(disabled.json()).toMatchObject({ disabled: true, version: 2 });
    // answered as a wrong password would be: whoever tries learns nothing of the account
    expect((await login(user.username, STRONG_PASSWORD)).statusCode).toBe(401);
    expect((await patch(user.id, { version: 2, disabled: false })).statusCode).toBe(200);
    expect((await login(user.username, STRONG_PASSWORD)).statusCode).toBe(200);
  });

  it("does not let admins disable themselves or drop their own admin role", async () => {
    const version = (await t.request({ method: "GET", url: `/api/users/${adminId}`, cookie: admin })).json().version;
    expect((await patch(adminId, { version, disabled: true })).statusCode).toBe(400);
    expect((await patch(adminId, { version, roles: ["coordinator"] })).statusCode).toBe(400);
    expect((await me(admin)).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, adminId));
    expect(row).toMatchObject({ disabled: false, roles: ["admin"], version });
  });

  it("answers a stale version with 409 and changes nothing", async () => {
    const user = await createUser(t, admin);
    await patch(user.id, { version: 1, displayName: "第一次" });
    const stale = await patch(user.id, { version: 1, displayName: "第二次" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ displayName: "第一次", version: 2 });
    expect(await auditCount(t, "user", user.id, "user.update")).toBe(1);
  });

  it("answers 404 for an unknown user", async () => {
    expect((await patch(999999, { version: 1, displayName: "无" })).statusCode).toBe(404);
  });
});

describe("GET /api/users/export.xlsx", () => {
  it("exports the accounts the search finds, with their units, roles and status in Chinese", async () => {
    const user = await createUser(t, admin);
    const response = await t.request({
      method: "GET",
      url: `/api/users/export.xlsx?q=${encodeURIComponent(user.username.toUpperCase())}`,
      cookie: admin,
    });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(decodeURIComponent(String(response.headers["content-disposition"]))).toMatch(/用户-\d{4}年/);
    const sheet = await exportedSheet(response);
    expect(String(sheet.getCell(2, 1).value)).toContain(`关键词：${user.username.toUpperCase()}`);
    expect(sheet.rowCount).toBe(4);
    expect([1, 2, 6, 7].map((c) => sheet.getCell(4, c).value)).toEqual([
      user.username,
      user.displayName,
      "启用",
      "从未登录",
    ]);
    expect(String(sheet.getCell(4, 4).value)).not.toBe("");
  });
});
