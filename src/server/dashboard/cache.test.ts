import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../audit/record.js";
import { buildTestApp, type TestApp } from "../test/helper.js";
import { ChangeCache } from "./cache.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const change = () => recordAudit(t.database.db, { actorId: null, action: "test.change", entityType: "test" });

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
    const cache = new ChangeCache<string>(t.database.db, 20);
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
    const cache = new ChangeCache<string>(t.database.db, 20);
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
