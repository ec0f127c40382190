/**
 * Factories for the records a test needs, made through the API so that they pass the same rules as real
 * ones. Names carry a counter, so tests in one file never collide.
 */
import { and, count, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import type { Unit, UnitCreate, User, UserCreate } from "../../shared/api.js";
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
