/**
 * Factories for the records a test needs, made through the API so that they pass the same rules as real
 * ones. Names carry a counter, so tests in one file never collide.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { and, count, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { seedPath } from "../../core/parser/eval/seeds.js";
import type { Assignment, PlanDetail, Unit, UnitCreate, User, UserCreate } from "../../shared/api.js";
import { auditEvents, units } from "../db/schema.js";
import type { TestApp } from "./helper.js";

let sequence = 0;
/** A name no other record of this test run has. */
export const unique = (prefix: string) => `${prefix}${++sequence}${Date.now().toString(36).slice(-4)}`;

export const STRONG_PASSWORD = "Strong-pass-123";

function expectCreated<T>(response: LightMyRequestResponse, what: string): T {
  if (response.statusCode !== 201) throw new Error(`creating ${what} failed: ${response.statusCode} ${response.body}`);
  return response.json<T>();
}

export async function createUnit(t: TestApp, admin: string, overrides: Partial<UnitCreate> = {}): Promise<Unit> {
  const payload: UnitCreate = { name: unique("测试单位"), type: "department", ...overrides };
  const response = await t.request({ method: "POST", url: "/api/units", payload, cookie: admin });
  return expectCreated<Unit>(response, `unit ${payload.name}`);
}

export async function createUser(t: TestApp, admin: string, overrides: Partial<UserCreate> = {}): Promise<User> {
  const payload: UserCreate = {
    username: unique("user"),
    displayName: "测试用户",
    roles: ["leader"],
    password: STRONG_PASSWORD,
    ...overrides,
  };
  const response = await t.request({ method: "POST", url: "/api/users", payload, cookie: admin });
  return expectCreated<User>(response, `user ${payload.username}`);
}

/** A user with the given roles who is signed in: the user record and the session cookie. */
export async function signedInUser(
  t: TestApp,
  admin: string,
  overrides: Partial<UserCreate> = {},
): Promise<{ user: User; cookie: string }> {
  const user = await createUser(t, admin, overrides);
  return { user, cookie: await t.login(user.username, overrides.password ?? STRONG_PASSWORD) };
}

export async function unitByName(t: TestApp, name: string) {
  const [row] = await t.database.db.select().from(units).where(eq(units.name, name));
  if (!row) throw new Error(`no unit named ${name}`);
  return row;
}

/** How many audit events there are for one entity (and action, when given). */
export async function auditCount(t: TestApp, entityType: string, entityId: number | string, action?: string) {
  const [{ n }] = await t.database.db
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, entityType),
        eq(auditEvents.entityId, String(entityId)),
        action ? eq(auditEvents.action, action) : undefined,
      ),
    );
  return n;
}

/** A multipart/form-data body with one file in the field `file`, as a browser's upload sends it. */
export function multipartFile(filename: string, content: Buffer | string, field = "file") {
  const boundary = `----fazhi${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

export async function importFile(t: TestApp, cookie: string, filename: string, content: Buffer | string) {
  return t.request({ method: "POST", url: "/api/plans/import", cookie, ...multipartFile(filename, content) });
}

/** Imports one of the seed plans ("000" … "004") as a draft. */
export async function importSeed(t: TestApp, cookie: string, id: string): Promise<PlanDetail> {
  const path = seedPath(id);
  return expectCreated<PlanDetail>(await importFile(t, cookie, basename(path), readFileSync(path)), `plan ${id}`);
}

/** A plan made by hand with one task for each given unit (as lead of the first, responsible for the rest). */
export async function createPlan(t: TestApp, cookie: string, unitIds: number[] = []): Promise<PlanDetail> {
  const created = expectCreated<PlanDetail>(
    await t.request({
      method: "POST",
      url: "/api/plans",
      cookie,
      payload: { title: unique("测试方案"), year: 2026 },
    }),
    "plan",
  );
  if (unitIds.length === 0) return created;
  const units = unitIds.map((unitId, i) => ({
    unitId,
    role: i === 0 ? "lead" : "responsible",
    phrase: `单位${unitId}`,
    dismissedReason: null,
  }));
  const task = { number: "1", text: "依法履行职责。", units, deadlines: [{ text: "长期坚持", kind: "ongoing" }] };
  const response = await t.request({ method: "POST", url: `/api/plans/${created.id}/tasks`, cookie, payload: task });
  return expectCreated<PlanDetail>(response, "task");
}

/** A published plan with one task for the given units, and its assignments. */
export async function publishedPlan(t: TestApp, cookie: string, unitIds: number[]) {
  const plan = await createPlan(t, cookie, unitIds);
  const response = await t.request({
    method: "POST",
    url: `/api/plans/${plan.id}/publish`,
    cookie,
    payload: { version: plan.version },
  });
  if (response.statusCode !== 200) throw new Error(`publishing failed: ${response.statusCode} ${response.body}`);
  const list = await t.request({ method: "GET", url: `/api/assignments?planId=${plan.id}`, cookie });
  return { plan: response.json<PlanDetail>(), assignments: list.json<{ items: Assignment[] }>().items };
}
