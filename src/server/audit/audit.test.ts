import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditList } from "../../shared/api.js";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "../../shared/audit.js";
import { auditEvents } from "../db/schema.js";
import { createUnit, createUser, exportedSheet } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let admin: string;
let coordinator: string;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login("admin");
  coordinator = await t.login("coordinator");
});
afterAll(() => t.close());

const audit = async (query: string, cookie = coordinator) => {
  const response = await t.request({ method: "GET", url: `/api/audit?${query}`, cookie });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<AuditList>();
};

describe("GET /api/audit", () => {
  it("filters by entity, newest first, with the actor's name", async () => {
    const unit = await createUnit(t, coordinator);
    await t.request({
      method: "PATCH",
      url: `/api/units/${unit.id}`,
      payload: { version: 1, sortOrder: 9 },
      cookie: admin,
    });
    const { items, total } = await audit(`entityType=unit&entityId=${unit.id}`);
    expect(total).toBe(2);
    expect(items.map((e) => e.action)).toEqual(["unit.update", "unit.create"]);
    expect(items[0]).toMatchObject({
      actorName: "系统管理员",
      actionLabel: "修改单位",
      entityType: "unit",
      entityTypeLabel: "单位",
      entityId: String(unit.id),
      ip: "127.0.0.1",
    });
    expect(items[1]).toMatchObject({
      actorName: "司法局统筹员",
      before: null,
      after: expect.objectContaining({ name: unit.name }),
    });
  });

  it("filters by actor and by action", async () => {
    const user = await createUser(t, admin);
    await t.login(user.username, "Strong-pass-123");
    const mine = await audit(`actorId=${user.id}`);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e) => e.actorId === user.id)).toBe(true);
    const logins = await audit("action=auth.login&limit=500");
    expect(logins.items.every((e) => e.action === "auth.login")).toBe(true);
    expect(logins.items.some((e) => e.actorId === user.id)).toBe(true);
  });

  it("filters by time", async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    const unit = await createUnit(t, coordinator);
    const after = new Date(Date.now() + 1000).toISOString();
    const inside = await audit(`entityType=unit&entityId=${unit.id}&from=${before}&to=${after}`);
    expect(inside.total).toBe(1);
    expect((await audit(`entityType=unit&entityId=${unit.id}&from=${after}`)).total).toBe(0);
    expect((await audit(`entityType=unit&entityId=${unit.id}&to=${before}`)).total).toBe(0);
  });

  it("pages", async () => {
    const all = await audit("limit=500");
    expect(all.total).toBeGreaterThan(3);
    const page = await audit("limit=2&offset=1");
    expect(page.total).toBe(all.total);
    expect(page.items.map((e) => e.id)).toEqual(all.items.slice(1, 3).map((e) => e.id));
  });

  it("validates the filters", async () => {
    for (const query of ["from=yesterday", "limit=0", "limit=501", "actorId=abc", "offset=-1"]) {
      const response = await t.request({ method: "GET", url: `/api/audit?${query}`, cookie: admin });
      expect(response.statusCode, query).toBe(400);
    }
  });

  it("never contains a password hash", async () => {
    const user = await createUser(t, admin);
    await t.request({
      method: "PATCH",
      url: `/api/users/${user.id}`,
      payload: { version: 1, password: "Another-pass-9" },
      cookie: admin,
    });
    const { items } = await audit(`entityType=user&entityId=${user.id}`, admin);
    expect(items.map((e) => e.action).sort()).toEqual(["user.create", "user.password_reset"]);
    expect(JSON.stringify(items)).not.toMatch(/argon2|passwordHash|password_hash/);
  });
});

describe("GET /api/audit/actors", () => {
  it("lists every account for the coordinator's 操作人 filter, without anything secret", async () => {
    const response = await t.request({ method: "GET", url: "/api/audit/actors", cookie: coordinator });
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{ items: Record<string, unknown>[] }>();
    expect(items.map((a) => a.username)).toEqual(expect.arrayContaining(["admin", "coordinator", "township"]));
    for (const actor of items) expect(Object.keys(actor).sort()).toEqual(["displayName", "id", "username"]);
  });
});

describe("the audit log as Excel", () => {
  it("holds the events the filters find, with their labels and the filters in words", async () => {
    const unit = await createUnit(t, coordinator);
    const response = await t.request({
      method: "GET",
      url: `/api/audit/export.xlsx?entityType=unit&entityId=${unit.id}`,
      cookie: coordinator,
    });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(decodeURIComponent(String(response.headers["content-disposition"]))).toMatch(/审计日志-\d{4}年/);
    const sheet = await exportedSheet(response);
    expect(String(sheet.getCell(2, 1).value)).toContain(`筛选：对象类型：单位；对象ID：${unit.id}`);
    expect(sheet.rowCount).toBe(4);
    expect([2, 3, 4, 5].map((c) => sheet.getCell(4, c).value)).toEqual([
      "司法局统筹员",
      "新建单位",
      "单位",
      String(unit.id),
    ]);
    expect(String(sheet.getCell(4, 1).value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });
});

describe("the audit log's labels", () => {
  it("names every action and object type the server records in Chinese", async () => {
    const han = /\p{Script=Han}/u;
    for (const labels of [AUDIT_ACTIONS, AUDIT_ENTITY_TYPES]) {
      for (const [code, label] of Object.entries(labels)) expect(label, code).toMatch(han);
      expect(new Set(Object.values(labels)).size, "two codes with one label").toBe(Object.keys(labels).length);
    }
    // what this database holds after the tests above (and the accounts' sign-ins) is all labelled
    const recorded = await t.database.db
      .selectDistinct({ action: auditEvents.action, entityType: auditEvents.entityType })
      .from(auditEvents);
    expect(recorded.length).toBeGreaterThan(3);
    for (const { action, entityType } of recorded) {
      expect(Object.hasOwn(AUDIT_ACTIONS, action), action).toBe(true);
      expect(Object.hasOwn(AUDIT_ENTITY_TYPES, entityType), entityType).toBe(true);
    }
  });

  it("names each action code the server's sources write, template codes included", () => {
    // recordAudit takes an AuditAction, so tsc refuses an unknown literal; this catches one that a cast lets by
    const root = fileURLToPath(new URL("..", import.meta.url));
    const sources = readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => readFileSync(path.join(root, f), "utf8"));
    const written = new Set<string>();
    for (const text of sources) {
      for (const [, code] of text.matchAll(/action(?:: |\(\w+, )"([a-z_]+\.[a-z_]+)"/g)) written.add(code);
      for (const [, prefix] of text.matchAll(/action: `([a-z_]+)\.\$\{/g)) {
        expect(
          Object.keys(AUDIT_ACTIONS).some((code) => code.startsWith(`${prefix}.`)),
          prefix,
        ).toBe(true);
      }
    }
    expect(written.size).toBeGreaterThan(30);
    for (const code of written) expect(Object.hasOwn(AUDIT_ACTIONS, code), code).toBe(true);
  });
});
