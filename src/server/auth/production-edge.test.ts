import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../test/helper.js";

let production: TestApp;
let demo: TestApp;

beforeAll(async () => {
  production = await buildTestApp({
    FAZHI_MODE: "production",
    FAZHI_PUBLIC_URL: "https://fazhi.example.gov.cn",
    HOST: "10.0.0.5",
    PORT: "3000",
  });
  demo = await buildTestApp();
});
afterAll(async () => {
  await production.close();
  await demo.close();
});

const withHost = (t: TestApp, host: string, url = "/api/auth/me", cookie?: string) =>
  t.request({ method: "GET", url, headers: { host }, cookie });

describe("Host header in production (DNS rebinding)", () => {
  it("refuses a name that is not the server's with 421 host_not_allowed", async () => {
    for (const url of ["/api/auth/me", "/api/units", "/", "/api/openapi.json"]) {
      const response = await withHost(production, "rebind.attacker.example", url);
      expect(response.statusCode, url).toBe(421);
      expect(response.json().error.code).toBe("host_not_allowed");
      expect(response.json().error.message).toMatch(/正式地址/);
    }
    // the right name at another port is another origin
    expect((await withHost(production, "fazhi.example.gov.cn:8443")).statusCode).toBe(421);
    const login = await production.request({
      method: "POST",
      url: "/api/auth/login",
      headers: { host: "rebind.attacker.example", origin: "http://rebind.attacker.example" },
      payload: { username: "admin", password: "x" },
    });
    expect(login.statusCode).toBe(421);
  });

  it("refuses a forwarded host that is not the server's, however the Host header reads", async () => {
    const response = await production.request({
      method: "GET",
      url: "/api/auth/me",
      headers: { host: "fazhi.example.gov.cn", "x-forwarded-host": "rebind.attacker.example" },
    });
    // no proxy is trusted here: the forwarded host is not believed, and the Host header is ours
    expect(response.statusCode).toBe(401);
  });

  it("answers FAZHI_PUBLIC_URL's host, the listen address and loopback names", async () => {
    for (const host of ["fazhi.example.gov.cn", "FAZHI.example.gov.cn", "10.0.0.5:3000", "127.0.0.1:3000", "localhost"])
      expect((await withHost(production, host)).statusCode, host).toBe(401);
  });

  it("keeps /api/health reachable for container probes at any address", async () => {
    expect((await withHost(production, "172.17.0.2:3000", "/api/health")).statusCode).toBe(200);
  });

  it("does not check the Host in demo mode", async () => {
    expect((await withHost(demo, "rebind.attacker.example", "/api/health")).statusCode).toBe(200);
    expect((await withHost(demo, "rebind.attacker.example")).statusCode).toBe(401);
  });
});

describe("API description in production", () => {
  const docs = ["/api/openapi.json", "/api/docs", "/api/docs/json", "/api/docs/yaml"];

  it("answers anonymous callers 401 unauthenticated", async () => {
    for (const url of docs) {
      const response = await production.request({ method: "GET", url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json().error.code).toBe("unauthenticated");
    }
  });

  it("serves any signed-in user", async () => {
    const cookie = await production.login("township");
    for (const url of docs) {
      const response = await production.request({ method: "GET", url, cookie });
      expect(response.statusCode, url).toBe(200);
    }
    const spec = await production.request({ method: "GET", url: "/api/openapi.json", cookie });
    expect(spec.json().openapi).toMatch(/^3\./);
  });

  it("stays open in demo mode", async () => {
    for (const url of docs) expect((await demo.request({ method: "GET", url })).statusCode, url).toBe(200);
  });
});
