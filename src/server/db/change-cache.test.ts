import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordAudit } from "../audit/record.js";
import { buildTestApp, TEST_DB, type TestApp } from "../test/helper.js";
import { ChangeCache } from "./change-cache.js";
import { auditEvents } from "./schema.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const change = () =>
  recordAudit(t.database.db, { actorId: null, action: "unit.update", entityType: "unit", entityId: "change" });

/** A computation that runs until the test lets it finish. */
function held<T>(value: T) {
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let calls = 0;
  return {
    compute: async () => {
      calls++;
      await done;
      return value;
    },
    finish,
    calls: () => calls,
  };
}

describe("the dashboard's kept answers", () => {
  it("keeps an answer until a change, then shows it while a slow refresh runs, and the new one after", async () => {
    const cache = new ChangeCache<string>(t.database.db, { staleAfterMs: 20 });
    const first = held("one");
    const answering = cache.get("k", "day", first.compute);
    first.finish();
    expect(await answering).toMatchObject({ value: "one", refreshing: false });
    const kept = await cache.get("k", "day", async () => "not asked");
    expect(kept).toMatchObject({ value: "one", refreshing: false });

    await change();
    const second = held("two");
    // the refresh takes longer than a request waits: the kept answer, marked as refreshing; one computation
    expect(await cache.get("k", "day", second.compute)).toEqual({ ...kept, refreshing: true });
    expect(await cache.get("k", "day", second.compute)).toEqual({ ...kept, refreshing: true });
    expect(second.calls()).toBe(1);
    second.finish();
    const fresh = await cache.get("k", "day", async () => "not asked");
    expect(fresh).toMatchObject({ value: "two", refreshing: false });
    expect(fresh.computedAt.getTime()).toBeGreaterThanOrEqual(kept.computedAt.getTime());

    // a refresh done within the wait is answered at once
    await change();
    expect(await cache.get("k", "day", async () => "three")).toMatchObject({ value: "three", refreshing: false });
    // a new day is a change too: the day before's answer is shown while the day's is counted
    const nextDay = held("four");
    expect(await cache.get("k", "next day", nextDay.compute)).toMatchObject({ value: "three", refreshing: true });
    nextDay.finish();
    expect(await cache.get("k", "next day", async () => "not asked")).toMatchObject({ value: "four" });
  });

  it("keeps the last answer when a refresh fails, tries again at the next request, and keeps keys apart", async () => {
    const cache = new ChangeCache<string>(t.database.db, { staleAfterMs: 20 });
    await cache.get("a", "day", async () => "a1");
    expect(await cache.get("b", "day", async () => "b1")).toMatchObject({ value: "b1" });
    await change();
    expect(await cache.get("a", "day", () => Promise.reject(new Error("数据库忙")))).toMatchObject({
      value: "a1",
      refreshing: false,
    });
    expect(await cache.get("a", "day", async () => "a2")).toMatchObject({ value: "a2", refreshing: false });
    // with nothing kept, the failure is the request's
    await expect(cache.get("c", "day", () => Promise.reject(new Error("数据库忙")))).rejects.toThrow("数据库忙");
  });
});

describe("the lists' kept answers (always current)", () => {
  it("keeps an answer until a change, then waits for the one that counts it; a computation started before is not shared", async () => {
    const cache = new ChangeCache<string>(t.database.db);
    expect(await cache.get("k", "day", async () => "one")).toMatchObject({ value: "one", refreshing: false });
    expect(await cache.get("k", "day", async () => "not asked")).toMatchObject({ value: "one" });

    // a request that came before a change computes; one that comes after it does not take that computation's answer
    await change();
    const before = held("two");
    const answering = cache.get("k", "day", before.compute);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await change();
    const after = cache.get("k", "day", async () => "three");
    expect(await after).toMatchObject({ value: "three", refreshing: false });
    before.finish();
    expect(await answering).toMatchObject({ value: "two" });
    // the older computation, finished last, does not replace the newer answer
    expect(await cache.get("k", "day", async () => "not asked")).toMatchObject({ value: "three" });

    // requests after the same change share one computation
    await change();
    const shared = held("four");
    const both = [cache.get("k", "day", shared.compute), cache.get("k", "day", shared.compute)];
    await new Promise((resolve) => setTimeout(resolve, 50));
    shared.finish();
    expect((await Promise.all(both)).map((k) => k.value)).toEqual(["four", "four"]);
    expect(shared.calls()).toBe(1);
  });

  it("counts a change whose audit id was taken before an answer was computed but committed after it", async () => {
    const cache = new ChangeCache<number>(t.database.db);
    const { db } = t.database;
    const late = async () =>
      (await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityId, "late")))[0].n;
    let commit: () => void = () => {};
    const committing = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let recorded: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      recorded = resolve;
    });
    const lateChange = db.transaction(async (tx) => {
      await recordAudit(tx, { actorId: null, action: "unit.update", entityType: "unit", entityId: "late" });
      recorded();
      await committing;
    });
    await inFlight;
    // PostgreSQL: a change with a higher id commits first, and an answer is computed while the late one is open.
    // PGlite runs one transaction at a time, so there both wait for the late one: the race cannot happen
    const other = change();
    if (TEST_DB === "postgres") await other;
    const meanwhile = cache.get("k", "day", late);
    if (TEST_DB === "postgres") expect((await meanwhile).value).toBe(0);
    commit();
    await Promise.all([lateChange, other, meanwhile]);
    // no change has come since the answer above on PostgreSQL: the newest audit id is the same, yet it was not kept
    expect((await cache.get("k", "day", late)).value).toBe(1);
  });

  it("reads the newest change once for many requests at once, each reading begun after the requests it answers", async () => {
    const cache = new ChangeCache<string>(t.database.db);
    const keys = Array.from({ length: 50 }, (_, i) => `k${i}`);
    await Promise.all(keys.map((key) => cache.get(key, "day", async () => `${key} one`)));
    const readings = vi.spyOn(t.database.db, "select");
    try {
      // fifty users at once, their answers kept: two readings at most (one under way, the next for those who came after)
      const kept = await Promise.all(keys.map((key) => cache.get(key, "day", async () => "not asked")));
      expect(kept.map((k) => k.value)).toEqual(keys.map((key) => `${key} one`));
      expect(readings.mock.calls.length).toBeLessThanOrEqual(2);
      // a change made while a reading is under way is seen by the requests that came after it
      readings.mockClear();
      const early = Promise.all(keys.map((key) => cache.get(key, "day", async () => `${key} two`)));
      await change();
      const late = await Promise.all(keys.map((key) => cache.get(key, "day", async () => `${key} two`)));
      expect(late.map((k) => k.value)).toEqual(keys.map((key) => `${key} two`));
      await early;
      // the early requests' answers: kept or new, each as current as the reading it joined
      expect(readings.mock.calls.length).toBeLessThanOrEqual(4);
    } finally {
      readings.mockRestore();
    }
  });
});
