import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { openDatabase } from "../db/client.js";
import { buildTestApp, TEST_DB, type TestApp } from "../test/helper.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe("GET /api/health", () => {
  it("reports the database and the version without a session", async () => {
    const response = await t.request({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: "ok",
      database: TEST_DB,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it("answers unknown API paths with the one error shape", async () => {
    const response = await t.request({ method: "GET", url: "/api/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("not_found");
  });

  it("serves the OpenAPI document", async () => {
    const response = await t.request({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/units", "/api/auth/login", "/api/units/resolve"]),
    );
  });

  it("answers 503 database_unreachable when the database is down", async () => {
    const down = await openDatabase({ url: "postgres://nobody@127.0.0.1:1/none" });
    const app = await buildApp(down, t.config);
    try {
      const response = await app.inject({ method: "GET", url: "/api/health" });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ error: { code: "database_unreachable", message: "数据库无法连接" } });
    } finally {
      await app.close();
      await down.close();
    }
  });
});
