/**
 * A scanned plan imported over HTTP: its pages are recognised by OCR while the upload request is pending, and the
 * import's progress (page by page) is shown to the user who started it, under the id the browser chose, and to
 * nobody else.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportProgress, PlanDetail } from "../../shared/api.js";
import { multipartFile } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let coordinator: string;
let admin: string;

beforeAll(async () => {
  t = await buildTestApp();
  coordinator = await t.login("coordinator");
  admin = await t.login("admin");
});
afterAll(() => t.close());

const SCAN = readFileSync(new URL("../../core/parser/fixtures/seed000-scan.pdf", import.meta.url));

const progressOf = (importId: string, cookie: string) =>
  t.request({ method: "GET", url: `/api/plans/import-progress/${importId}`, cookie });

describe("import progress", () => {
  it("shows the pages of a scan being recognised to the user who imports it, and to nobody else", async () => {
    const importId = `scan-${Date.now().toString(36)}`;
    const form = multipartFile("扫描件.pdf", SCAN);
    const pending = t.request({
      method: "POST",
      url: "/api/plans/import",
      cookie: coordinator,
      payload: form.payload,
      headers: { ...form.headers, "x-import-id": importId },
    });
    let finished = false;
    void pending.then(() => {
      finished = true;
    });
    const seen: ImportProgress[] = [];
    while (!finished) {
      const response = await progressOf(importId, coordinator);
      if (response.statusCode === 200) seen.push(response.json<ImportProgress>());
      const other = await progressOf(importId, admin);
      expect(other.statusCode).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const response = await pending;
    expect(response.statusCode, response.body).toBe(201);
    const plan = response.json<PlanDetail>();
    expect(plan.tasks.length).toBeGreaterThan(0);
    expect(plan.tasks.every((task) => task.doubts.some((doubt) => doubt.includes("OCR")))).toBe(true);

    expect(seen.some((p) => p.stage === "ocr" && p.total === 2 && p.done < 2)).toBe(true);
    const done = await progressOf(importId, coordinator);
    expect(done.json()).toEqual({ stage: "done", done: 0, total: 0 });
    expect((await progressOf(importId, admin)).statusCode).toBe(404);
  }, 120_000);

  it("knows no import by an id nobody sent, and refuses an id of the wrong shape", async () => {
    expect((await progressOf("never-sent-1234", coordinator)).statusCode).toBe(404);
    expect((await progressOf("bad id!", coordinator)).statusCode).toBe(400);
    const form = multipartFile("方案.txt", "1. 推进依法行政。(责任单位:区司法局)");
    const bad = await t.request({
      method: "POST",
      url: "/api/plans/import",
      cookie: coordinator,
      payload: form.payload,
      headers: { ...form.headers, "x-import-id": "短" },
    });
    expect(bad.statusCode).toBe(400);
  });
});
