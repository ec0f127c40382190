import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, DEMO_PASSWORD, type TestApp } from "../test/helper.js";

const PER_MINUTE = 3;
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ FAZHI_LOGIN_ATTEMPTS_PER_MINUTE: String(PER_MINUTE) });
});
afterAll(() => t.close());

const login = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, remoteAddress });

describe("login rate limit", () => {
  it(`answers 429 rate_limited after ${PER_MINUTE} attempts a minute from one address, even with the right password`, async () => {
    for (let i = 0; i < PER_MINUTE; i++)
      expect((await login("unit01", "Wrong-pass-1", "10.0.0.1")).statusCode).toBe(401);
    const limited = await login("unit01", DEMO_PASSWORD, "10.0.0.1");
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: { code: "rate_limited", message: "操作过于频繁，请稍后再试" } });
    expect(limited.cookies).toHaveLength(0);
  });

  it("counts each address on its own", async () => {
    for (let i = 0; i < PER_MINUTE; i++) await login("unit02", "Wrong-pass-1", "10.0.0.2");
    expect((await login("unit02", DEMO_PASSWORD, "10.0.0.2")).statusCode).toBe(429);
    expect((await login("unit02", DEMO_PASSWORD, "10.0.0.3")).statusCode).toBe(200);
  });
});
