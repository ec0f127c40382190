import { existsSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportDetail } from "../../shared/api.js";
import { createReport, publishedPlan, TINY_PDF } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";
import { FileStore } from "./store.js";
import { SWEEP_GRACE_MS, sweepOrphanFiles } from "./sweep.js";

const NOW = new Date("2026-05-20T04:00:00Z");

let t: TestApp;
let store: FileStore;
let report: ReportDetail;

beforeAll(async () => {
  t = await buildTestApp({}, { clock: () => NOW });
  store = new FileStore(path.join(t.config.dataDir, "files"));
  const coordinator = await t.login("coordinator");
  const township = await t.login("township");
  const me = (await t.request({ method: "GET", url: "/api/auth/me", cookie: township })).json();
  const [work] = (
    await publishedPlan(t, coordinator, [me.unit.id], {
      deadlines: [{ text: "2026年6月底前", kind: "date", due: "2026-06-30" }],
    })
  ).assignments;
  report = await createReport(t, township, work.id);
});
afterAll(() => t.close());

/** A file at `relative` under the store, last touched `age` ms ago. */
function leftBehind(relative: string, age: number, content: Buffer | string = "left behind") {
  const file = path.join(store.root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  const then = new Date(Date.now() - age);
  utimesSync(file, then, then);
  return file;
}

describe("the start-up sweep of the evidence store", () => {
  it("removes old temporary files and stored files no row names, and keeps named and recent ones", async () => {
    const old = SWEEP_GRACE_MS + 60_000;
    const named = path.join(store.root, report.files[0].sha256.slice(0, 2), report.files[0].sha256);
    utimesSync(named, new Date(Date.now() - old), new Date(Date.now() - old));
    const orphan = await store.put(Buffer.from("a file whose transaction never committed"));
    utimesSync(
      path.join(store.root, orphan.slice(0, 2), orphan),
      new Date(Date.now() - old),
      new Date(Date.now() - old),
    );
    const recentOrphan = await store.put(Buffer.from("a file whose transaction is committing now"));
    const staged = leftBehind(".staging/0123abcd.part", old);
    const recentStaged = leftBehind(".staging/4567ef01.part", 1000);
    const oldPart = leftBehind(`${orphan.slice(0, 2)}/${orphan}.a1b2c3.part`, old);

    const swept = await sweepOrphanFiles(t.database.db, store);

    expect(swept).toMatchObject({ temporary: 2, unreferenced: 1 });
    expect(existsSync(named)).toBe(true);
    expect(store.has(orphan)).toBe(false);
    expect(store.has(recentOrphan)).toBe(true);
    expect([existsSync(staged), existsSync(oldPart), existsSync(recentStaged)]).toEqual([false, false, true]);
    // the named file still downloads
    const download = await t.request({
      method: "GET",
      url: `/api/files/${report.files[0].token}`,
      cookie: await t.login("township"),
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(TINY_PDF)).toBe(true);
  });
});
