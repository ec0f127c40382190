import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assignment } from "../../shared/api.js";
import { auditEvents, supervisionOrders, unitGroups, units, users } from "../db/schema.js";
import { fileStoreOf } from "../files/store.js";
import { runDueJobs } from "../jobs/run.js";
import { buildTestApp, DEMO_PASSWORD, type TestApp } from "../test/helper.js";
import { demoAccounts, hasDemoAccounts, loadDemoData } from "./load.js";
import { loadDemoPlan } from "./plan.js";
import { DEMO_GROUPS, DEMO_UNITS } from "./registry.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function counts() {
  const db = t.database.db;
  const [[u], [g], [a], [e]] = await Promise.all([
    db.select({ n: count() }).from(units),
    db.select({ n: count() }).from(unitGroups),
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, "demo.load")),
  ]);
  return { units: u.n, groups: g.n, users: a.n, demoLoads: e.n };
}

describe("the demo district", () => {
  it("holds the demo units, groups and one account per unit plus the named ones", async () => {
    expect(await counts()).toEqual({
      units: DEMO_UNITS.length,
      groups: DEMO_GROUPS.length,
      users: demoAccounts().length,
      demoLoads: 1,
    });
    expect(demoAccounts().map((a) => a.username)).toEqual(
      expect.arrayContaining(["admin", "coordinator", "leader", "township", "department", "unit01", "unit40"]),
    );
    expect(await hasDemoAccounts(t.database.db)).toBe(true);
  });

  it("loading it again changes nothing and writes no audit event", async () => {
    const before = await counts();
    const result = await loadDemoData(t.database.db, DEMO_PASSWORD);
    expect(result.created).toEqual({ units: 0, groups: 0, users: 0 });
    expect(await counts()).toEqual(before);
  });

  it("takes an existing account in another letter case as the demo account", async () => {
    await t.database.db.update(users).set({ username: "Leader" }).where(eq(users.username, "leader"));
    const before = await counts();
    const result = await loadDemoData(t.database.db, DEMO_PASSWORD);
    expect(result.created.users).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it("counts only demo accounts that can still sign in: disabling them all lets production start", async () => {
    const db = t.database.db;
    try {
      await db.update(users).set({ disabled: true }).where(eq(users.isDemo, true));
      expect(await hasDemoAccounts(db)).toBe(false);
      await db.update(users).set({ disabled: false }).where(eq(users.username, "unit05"));
      expect(await hasDemoAccounts(db)).toBe(true);
    } finally {
      await db.update(users).set({ disabled: false }).where(eq(users.isDemo, true));
    }
  });
});

describe("the demo plan", () => {
  // a December day in China, in office hours: the jobs send and draft then
  const DECEMBER = new Date("2026-12-03T02:00:00Z");

  it("is a plan of the current year at work: mostly green, some due soon, a few late, few orders drafted", async () => {
    const deps = { db: t.database.db, clock: () => DECEMBER, config: t.config, files: fileStoreOf(t.config) };
    const id = await loadDemoPlan(deps);
    expect(id).not.toBeNull();
    const coordinator = await t.login("coordinator");
    const plan = (await t.request({ method: "GET", url: `/api/plans/${id}`, cookie: coordinator })).json();
    expect(plan).toMatchObject({ status: "published", taskCount: 25, unresolvedCount: 0, year: 2026 });
    expect(plan.title).toContain("2026年");
    expect(plan.assignmentCount).toBeGreaterThan(100);
    const township = await t.login("township");
    const mine = (await t.request({ method: "GET", url: "/api/assignments?mine=true", cookie: township })).json();
    expect(mine.total).toBeGreaterThan(5);

    // the first screen: a working district, not a wall of red
    const all = (
      await t.request({ method: "GET", url: `/api/assignments?planId=${id}&limit=1000`, cookie: coordinator })
    ).json().items as Assignment[];
    const signals = { green: 0, yellow: 0, red: 0, done: 0 };
    for (const a of all) signals[a.signal] += 1;
    expect(signals.red).toBeGreaterThan(0);
    expect(signals.red / all.length).toBeLessThan(0.06);
    expect(signals.yellow).toBeGreaterThan(0);
    expect(signals.green / all.length).toBeGreaterThan(0.8);
    // the periods before its 交办 (half a year ago) do not apply
    expect(all.every((a) => a.assignedOn === "2026-06-26")).toBe(true);
    const ongoing = all.find((a) => a.dueDates.length >= 2) as Assignment;
    const first = (
      await t.request({ method: "GET", url: `/api/assignments/${ongoing.id}`, cookie: coordinator })
    ).json();
    expect(first.notApplicable.map((p: { label: string }) => p.label)).toContain("2026年第一季度");

    // the reports fill the trays: some waiting for the coordinator, one returned to the township
    const trays = (await t.request({ method: "GET", url: "/api/inbox", cookie: coordinator })).json();
    expect(trays.counts.toReview).toBeGreaterThan(5);
    expect(trays.counts.extensionRequests).toBe(1);
    const own = (await t.request({ method: "GET", url: "/api/inbox", cookie: township })).json();
    expect(own.counts.returned).toBe(1);
    const periods = (
      (await t.request({ method: "GET", url: "/api/assignments?mine=true&limit=1000", cookie: township })).json()
        .items as Assignment[]
    ).flatMap((a) => a.dueDates.map((d) => d.state));
    expect(new Set(periods)).toEqual(new Set(["open", "submitted", "returned", "closed"]));

    // the first pass of the jobs chases the few late ones, and drafts fewer than 50 orders
    const run = await runDueJobs(t.database.db, t.config, DECEMBER);
    expect(run.urges).toBeGreaterThan(0);
    expect(run.orders).toBeGreaterThan(0);
    const [{ n: drafts }] = await t.database.db
      .select({ n: count() })
      .from(supervisionOrders)
      .where(eq(supervisionOrders.status, "draft"));
    expect(drafts).toBeLessThan(50);

    expect(await loadDemoPlan(deps)).toBeNull();
    const plans = (await t.request({ method: "GET", url: "/api/plans", cookie: coordinator })).json();
    expect(plans.total).toBe(1);
  });

  it("shows nothing late in the first days of a year: the plan was sent out then", async () => {
    const fresh = await buildTestApp();
    try {
      const january = new Date("2027-01-08T02:00:00Z");
      const deps = {
        db: fresh.database.db,
        clock: () => january,
        config: fresh.config,
        files: fileStoreOf(fresh.config),
      };
      const id = await loadDemoPlan(deps);
      const coordinator = await fresh.login("coordinator");
      const all = (
        await fresh.request({ method: "GET", url: `/api/assignments?planId=${id}&limit=1000`, cookie: coordinator })
      ).json().items as Assignment[];
      expect(all.length).toBeGreaterThan(100);
      expect(all.every((a) => a.assignedOn === "2027-01-05" && a.signal !== "red")).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
