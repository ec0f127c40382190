import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assignment, Dashboard } from "../../shared/api.js";
import { SIGNALS } from "../../shared/domain.js";
import { units } from "../db/schema.js";
import { loadDemoPlan } from "../demo/plan.js";
import { fileStoreOf } from "../files/store.js";
import { createReport, publishedPlan, signedInUser, unitByName } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let coordinator: string;
let leader: string;
let township: string;
let otherTownship: string;
let ids: { township: number; court: number; other: number };
const plans: Record<"dated" | "quarterly" | "soon" | "nextYear", number> = {
  dated: 0,
  quarterly: 0,
  soon: 0,
  nextYear: 0,
};

// the clock stands on 2026-05-20 in China
const NOW = new Date("2026-05-20T04:00:00Z");
const TODAY = "2026-05-20";
let demoPlanId: number;
const dated = (due: string) => ({ deadlines: [{ text: `${due}前`, kind: "date" as const, due }] });

beforeAll(async () => {
  t = await buildTestApp({}, { clock: () => NOW });
  coordinator = await t.login("coordinator");
  leader = await t.login("leader");
  township = await t.login("township");
  const admin = await t.login("admin");
  const me = (await t.request({ method: "GET", url: "/api/auth/me", cookie: township })).json();
  const [other] = await t.database.db
    .select()
    .from(units)
    .where(and(eq(units.type, "township"), ne(units.id, me.unit.id)))
    .limit(1);
  otherTownship = (await signedInUser(t, admin, { roles: ["unit_manager"], unitId: other.id })).cookie;
  ids = { township: me.unit.id, court: (await unitByName(t, "区人民法院")).id, other: other.id };

  // overdue for both units; the township then reports (waiting for review), the court does not
  const late = await publishedPlan(t, coordinator, [ids.township, ids.court], dated("2026-03-31"));
  plans.dated = late.plan.id;
  await createReport(t, township, late.assignments.find((a) => a.unitId === ids.township)?.id ?? 0);
  // quarterly: the township's first quarter accepted, the other township's overdue
  const quarterly = await publishedPlan(t, coordinator, [ids.township, ids.other]);
  plans.quarterly = quarterly.plan.id;
  const q1 = await createReport(t, township, quarterly.assignments.find((a) => a.unitId === ids.township)?.id ?? 0);
  await post(`/api/reports/${q1.id}/review`, { decision: "accept", version: q1.version });
  // due in two days: yellow; one due next year
  plans.soon = (await publishedPlan(t, coordinator, [ids.township], dated("2026-05-22"))).plan.id;
  plans.nextYear = (await publishedPlan(t, coordinator, [ids.court], dated("2027-06-30"))).plan.id;
  // seed plan 000 with its sections, published to the demo district, with the demo's reports
  const deps = { db: t.database.db, clock: () => NOW, config: t.config, files: fileStoreOf(t.config) };
  demoPlanId = (await loadDemoPlan(deps)) ?? 0;
});
afterAll(() => t.close());

const get = (url: string, cookie = coordinator) => t.request({ method: "GET", url, cookie });
async function post(url: string, payload: object, cookie = coordinator) {
  const response = await t.request({ method: "POST", url, payload, cookie });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}
/** The dashboard as it stands: asked again while newer numbers are being counted (see cache.ts). */
async function dashboard(query = "", cookie = coordinator): Promise<Dashboard> {
  for (;;) {
    const response = await get(`/api/dashboard${query}`, cookie);
    expect(response.statusCode, response.body).toBe(200);
    const board: Dashboard = response.json();
    if (!board.refreshing) return board;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
async function listed(query: string, cookie = coordinator): Promise<{ items: Assignment[]; total: number }> {
  const response = await get(`/api/assignments?limit=1000&${query}`, cookie);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** What the list says of one unit's periods, counted as the dashboard defines them. */
function talliesOf(items: Assignment[], year?: number) {
  const byUnit = new Map<number, { due: number; done: number; overdue: number }>();
  for (const a of items) {
    const tally = byUnit.get(a.unitId) ?? { due: 0, done: 0, overdue: 0 };
    for (const d of a.dueDates) {
      if (year !== undefined && !d.dueOn.startsWith(String(year))) continue;
      if (d.dueOn <= TODAY || d.state === "closed") tally.due++;
      if (d.state === "closed") tally.done++;
      if (d.signal === "red" && a.status !== "completed") tally.overdue++;
    }
    byUnit.set(a.unitId, tally);
  }
  return byUnit;
}

const FILTERS = [
  { name: "everything", dashboard: "", list: "" },
  { name: "one plan", dashboard: () => `?planId=${plans.dated}`, list: () => `planId=${plans.dated}` },
  { name: "seed plan 000", dashboard: () => `?planId=${demoPlanId}`, list: () => `planId=${demoPlanId}` },
  { name: "one year", dashboard: "?year=2026", list: "year=2026" },
  { name: "next year", dashboard: "?year=2027", list: "year=2027" },
  {
    name: "a plan and a year",
    dashboard: () => `?planId=${plans.quarterly}&year=2026`,
    list: () => `planId=${plans.quarterly}&year=2026`,
  },
];
const text = (value: string | (() => string)) => (typeof value === "string" ? value : value());

describe("GET /api/dashboard for the coordinating office", () => {
  it.each(FILTERS)("counts the signals as the assignment lists do: $name", async (filter) => {
    const board = await dashboard(text(filter.dashboard));
    const all = await listed(text(filter.list));
    expect(board.totals.assignments).toBe(all.total);
    for (const signal of SIGNALS) {
      const list = await listed(`${text(filter.list)}&signal=${signal}`);
      expect(board.signals[signal], signal).toBe(list.total);
    }
  });

  it.each(FILTERS)("counts every unit's periods as the list shows them: $name", async (filter) => {
    const board = await dashboard(text(filter.dashboard));
    const { items, total } = await listed(text(filter.list));
    expect(items.length).toBe(total);
    const year = board.year ?? undefined;
    const expected = talliesOf(items, year);
    expect(board.units.map((u) => u.unitId).sort()).toEqual([...expected.keys()].sort());
    for (const unit of board.units) {
      const want = expected.get(unit.unitId);
      expect({ due: unit.due, done: unit.done, overdue: unit.overdue }, unit.unitName).toEqual(want);
      expect(unit.rate).toBe(unit.due > 0 ? Math.round((unit.done / unit.due) * 10000) / 10000 : null);
    }
    const red = items.flatMap((a) =>
      a.status === "completed"
        ? []
        : a.dueDates.filter((d) => d.signal === "red" && (year === undefined || d.dueOn.startsWith(String(year)))),
    );
    expect(board.totals.overdue).toBe(red.length);
    const periods = items.flatMap((a) =>
      a.dueDates.filter((d) => year === undefined || d.dueOn.startsWith(String(year))),
    );
    expect(board.totals.returned).toBe(periods.filter((d) => d.state === "returned").length);
    expect(board.totals.submitted).toBe(periods.filter((d) => d.state === "submitted").length);
    expect(board.trend.reduce((n, m) => n + m.due, 0)).toBe(periods.length);
    expect(board.trend.reduce((n, m) => n + m.overdue, 0)).toBe(red.length);
  });

  it("sorts the units by completion rate, lowest first, and lists the most overdue periods first", async () => {
    const board = await dashboard("?year=2026");
    const rates = board.units.filter((u) => u.rate !== null).map((u) => u.rate as number);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    expect(board.trend.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`),
    );
    const days = board.mostOverdue.map((p) => p.daysOverdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    const court = board.mostOverdue.find((p) => p.planId === plans.dated && p.unitId === ids.court);
    expect(court).toMatchObject({ period: "完成时限", dueOn: "2026-03-31", daysOverdue: 50, state: "open" });
    expect(court?.link).toBe(`/assignments/${court?.assignmentId}?period=${encodeURIComponent("完成时限")}`);
    // the township's report is in: its period waits for review and is not overdue
    expect(board.mostOverdue.some((p) => p.planId === plans.dated && p.unitId === ids.township)).toBe(false);
    const soon = board.dueSoon.find((p) => p.planId === plans.soon);
    expect(soon).toMatchObject({ unitId: ids.township, dueOn: "2026-05-22", daysOverdue: -2 });
    expect(board.signals.yellow).toBeGreaterThanOrEqual(1);
    expect(board.years).toContain(2026);
    expect(board.plans.map((p) => p.id)).toEqual(expect.arrayContaining(Object.values(plans)));
    expect(board.unit).toBeNull();
  });

  it("draws the heatmap of a plan's top-level sections × units, and of plans × units without a plan", async () => {
    const board = await dashboard(`?planId=${demoPlanId}`);
    expect(board.heatmap.rows.length).toBeGreaterThan(1);
    expect(board.heatmap.rows[0].label).toMatch(/^一、/);
    expect(board.heatmap.units.length).toBeGreaterThan(0);
    expect(board.heatmap.units.length).toBeLessThanOrEqual(30);
    // each unit's cells add up to the unit's own tally
    for (const unit of board.heatmap.units) {
      const cells = board.heatmap.cells.filter((c) => c.unitId === unit.id);
      const tally = board.units.find((u) => u.unitId === unit.id);
      expect(
        cells.reduce((n, c) => n + c.due, 0),
        unit.name,
      ).toBe(tally?.due);
      expect(
        cells.reduce((n, c) => n + c.overdue, 0),
        unit.name,
      ).toBe(tally?.overdue);
    }
    // the heatmap's units are the ones lowest in rate
    expect(board.heatmap.units.map((u) => u.id)).toEqual(
      board.units
        .filter((u) => u.due > 0)
        .slice(0, 30)
        .map((u) => u.unitId),
    );
    const overall = await dashboard();
    const rows = overall.heatmap.rows.map((r) => r.id);
    expect(rows).toContain(demoPlanId);
    expect(overall.heatmap.cells.every((c) => rows.includes(c.rowId))).toBe(true);
    expect(overall.heatmap.rows.find((r) => r.id === demoPlanId)?.label).toContain("沙坡头区");
  });

  it("gives the leaders the same numbers", async () => {
    const [office, leaders] = [await dashboard("?year=2026"), await dashboard("?year=2026", leader)];
    expect(leaders.signals).toEqual(office.signals);
    expect(leaders.units).toEqual(office.units);
  });
});

describe("GET /api/dashboard for a unit", () => {
  it("shows a township its own unit only, with the numbers of its own list", async () => {
    const board = await dashboard("", township);
    expect(board.unit).toEqual({ id: ids.township, name: "城关街道" });
    expect(board.units.map((u) => u.unitId)).toEqual([ids.township]);
    for (const signal of SIGNALS) {
      expect(board.signals[signal], signal).toBe((await listed(`mine=true&signal=${signal}`, township)).total);
    }
    const mine = await listed("mine=true", township);
    expect(board.totals.assignments).toBe(mine.total);
    expect(board.units[0]).toMatchObject(talliesOf(mine.items).get(ids.township) ?? {});
    expect(board.dueSoon.map((p) => p.unitId)).toEqual(board.dueSoon.map(() => ids.township));
    expect(board.dueSoon.some((p) => p.planId === plans.soon)).toBe(true);
    expect(board.heatmap.units.map((u) => u.id)).toEqual([ids.township]);
    // the plans it can filter by are those it has work in
    expect(board.plans.map((p) => p.id)).toContain(plans.quarterly);
    expect(board.plans.map((p) => p.id)).not.toContain(plans.nextYear);
  });

  it("never shows one township another's periods", async () => {
    const board = await dashboard(`?planId=${plans.quarterly}`, otherTownship);
    expect(board.unit?.id).toBe(ids.other);
    expect(board.units.map((u) => u.unitId)).toEqual([ids.other]);
    expect(board.mostOverdue.length).toBeGreaterThan(0);
    expect(board.mostOverdue.every((p) => p.unitId === ids.other)).toBe(true);
    expect(board.totals.assignments).toBe(1);
    const courtPlan = await dashboard(`?planId=${plans.nextYear}`, otherTownship);
    expect(courtPlan.totals.assignments).toBe(0);
    expect(courtPlan.units).toEqual([]);
    expect(courtPlan.mostOverdue).toEqual([]);
  });
});

describe("the dashboard's answers kept between changes", () => {
  it("answers again from what changed: a new assignment counts at once, for the office and for the unit", async () => {
    const before = { office: await dashboard(""), unit: await dashboard("", township) };
    expect(await dashboard("")).toEqual(before.office);
    await publishedPlan(t, coordinator, [ids.township], dated("2026-12-31"));
    expect((await dashboard("")).totals.assignments).toBe(before.office.totals.assignments + 1);
    expect((await dashboard("", township)).totals.assignments).toBe(before.unit.totals.assignments + 1);
  });
});

describe("GET /api/dashboard refusals", () => {
  it("answers 404 for a plan that does not exist and 400 for a malformed filter", async () => {
    const missing = await get("/api/dashboard?planId=999999");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toEqual({ code: "not_found", message: "方案不存在或已被删除" });
    for (const query of ["planId=abc", "planId=0", "year=1800", "year=2026.5"]) {
      const response = await get(`/api/dashboard?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code, query).toBe("validation_failed");
    }
    expect((await t.request({ method: "GET", url: "/api/dashboard" })).statusCode).toBe(401);
  });
});
