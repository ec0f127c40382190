import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../db/schema.js";
import { buildTestApp, DEMO_PASSWORD, type TestApp } from "../test/helper.js";

async function lastLoginIp(t: TestApp): Promise<string | null> {
  const [event] = await t.database.db
    .select({ ip: auditEvents.ip })
    .from(auditEvents)
    .where(eq(auditEvents.action, "auth.login"))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return event?.ip ?? null;
}

const forwardedLogin = (t: TestApp) =>
  t.request({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: "leader", password: DEMO_PASSWORD },
    headers: { "x-forwarded-for": "10.1.2.3", "x-forwarded-proto": "https" },
  });

describe("FAZHI_TRUST_PROXY", () => {
  let direct: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    direct = await buildTestApp();
    proxied = await buildTestApp({ FAZHI_TRUST_PROXY: "1" });
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
  });

  it("ignores forwarding headers by default: a client cannot choose the address that is audited", async () => {
    expect((await forwardedLogin(direct)).statusCode).toBe(200);
    expect(await lastLoginIp(direct)).toBe("127.0.0.1");
  });

  it("believes the proxy in front when told to: the audit records the user's address", async () => {
    expect((await forwardedLogin(proxied)).statusCode).toBe(200);
    expect(await lastLoginIp(proxied)).toBe("10.1.2.3");
  });
});
