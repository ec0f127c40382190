/**
 * A late 交办 (issue 14 item 1): a plan published on 2 December with deadlines earlier in the year. The periods that
 * fell due before the 交办 are 不适用 (or, as the office chooses, due some days after it): never chased, never red,
 * never counted overdue, never a supervision order.
 */
import { count, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deadline } from "../../core/parser/types.js";
import type { Assignment, PlanDetail } from "../../shared/api.js";
import { notifications, supervisionOrders } from "../db/schema.js";
import { runDueJobs } from "../jobs/run.js";
import { auditCount, postReport, unitByName } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

// 2 December 2026, 10:00 in China: office hours, the jobs send and draft
const NOW = new Date("2026-12-02T02:00:00Z");

let t: TestApp;
let coordinator: string;
let township: string;
let townshipId: number;
let marketId: number;

beforeAll(async () => {
  t = await buildTestApp({}, { clock: () => NOW });
  coordinator = await t.login("coordinator");
  township = await t.login("township");
  townshipId = (await t.request({ method: "GET", url: "/api/auth/me", cookie: township })).json().unit.id;
  marketId = (await unitByName(t, "区市场监管分局")).id;
});
afterAll(() => t.close());

const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object, cookie = coordinator) =>
  t.request({ method, url, payload, cookie });

const DEADLINES: Record<string, Deadline[]> = {
  ongoing: [{ text: "长期坚持", kind: "ongoing" }],
  yearly: [{ text: "每年1月31日前", kind: "recurring", rule: { every: "year", month: 1, day: 31 } }],
  june: [{ text: "2026年6月底前", kind: "date", due: "2026-06-30" }],
  december: [{ text: "2026年12月底前", kind: "date", due: "2026-12-31" }],
};

/** A 2026 plan of four tasks for the township (the first also for the market bureau), as a draft. */
async function draftPlan(): Promise<PlanDetail> {
  const plan = (await call("POST", "/api/plans", { title: `年底交办的方案${Math.random()}`, year: 2026 })).json();
  let last = plan;
  for (const [i, key] of Object.keys(DEADLINES).entries()) {
    const units = [{ unitId: townshipId, role: "responsible", phrase: "各乡镇", dismissedReason: null }];
    if (i === 0) units.push({ unitId: marketId, role: "lead", phrase: "区市场监管分局", dismissedReason: null });
    const response = await call("POST", `/api/plans/${plan.id}/tasks`, {
      number: String(i + 1),
      text: `第${i + 1}项工作（${key}）。`,
      units,
      deadlines: DEADLINES[key],
    });
    expect(response.statusCode).toBe(201);
    last = response.json();
  }
  return last;
}

async function assignmentsOf(planId: number): Promise<Assignment[]> {
  const list = (await call("GET", `/api/assignments?planId=${planId}&limit=100`)).json().items as Assignment[];
  return Promise.all(list.map(async (a) => (await call("GET", `/api/assignments/${a.id}`)).json() as Assignment));
}

const byTask = (all: Assignment[], number: string) =>
  all.find((a) => a.taskNumber === number && a.unitId === townshipId) as Assignment;

describe("a late 交办", () => {
  it("leaves the periods already due out: 不适用, never red, never chased, never an order", async () => {
    const draft = await draftPlan();
    // the chasing kinds: the units hear of their new tasks (新任务交办), of nothing overdue
    const chasing = ne(notifications.kind, "assigned");
    const urgesBefore = await t.database.db.select({ n: count() }).from(notifications).where(chasing);
    const published = await call("POST", `/api/plans/${draft.id}/publish`, { version: draft.version });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ assignedOn: "2026-12-02", pastPeriods: "not_applicable" });

    const all = await assignmentsOf(draft.id);
    expect(all.every((a) => a.assignedOn === "2026-12-02" && a.signal !== "red" && !a.overdue)).toBe(true);
    const ongoing = byTask(all, "1");
    expect(ongoing.dueDates.map((d) => d.label)).toEqual(["2026年第四季度"]);
    expect(ongoing.notApplicable.map((d) => d.label)).toEqual(["2026年第一季度", "2026年第二季度", "2026年第三季度"]);
    // a yearly rule and a date already past this year do not apply
    expect(byTask(all, "2").dueDates).toEqual([]);
    expect(byTask(all, "2").notApplicable).toEqual([{ dueOn: "2026-01-31", label: "2026年度" }]);
    expect(byTask(all, "3").dueDates).toEqual([]);
    expect(byTask(all, "3").notApplicable).toEqual([{ dueOn: "2026-06-30", label: "完成时限" }]);
    expect(byTask(all, "4").dueDates.map((d) => d.dueOn)).toEqual(["2026-12-31"]);

    // the jobs find nothing to chase in this plan, and the lists nothing overdue
    const run = await runDueJobs(t.database.db, t.config, NOW);
    expect(run).toMatchObject({ urges: 0, orders: 0 });
    const [{ n: orders }] = await t.database.db.select({ n: count() }).from(supervisionOrders);
    expect(orders).toBe(0);
    const urgesAfter = await t.database.db.select({ n: count() }).from(notifications).where(chasing);
    expect(urgesAfter[0].n).toBe(urgesBefore[0].n);
    const overdue = (await call("GET", `/api/assignments?planId=${draft.id}&overdue=true`)).json();
    expect(overdue.total).toBe(0);
    const board = (await call("GET", `/api/dashboard?planId=${draft.id}`)).json();
    expect(board.totals).toMatchObject({ overdue: 0, due: 0 });

    // a report on a period that does not apply is refused, saying why
    const refused = await postReport(t, township, ongoing.id, { text: "补报第一季度", period: "2026年第一季度" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: "period_not_applicable" });
    expect(refused.json().error.message).toContain("2026年12月2日");
    expect(await auditCount(t, "plan", draft.id, "plan.publish")).toBe(1);
  });

  it("makes them due some days after the 交办 when the office chooses 限期补报", async () => {
    const draft = await draftPlan();
    const published = await call("POST", `/api/plans/${draft.id}/publish`, {
      version: draft.version,
      pastPeriods: "catch_up",
      catchUpDays: 20,
    });
    expect(published.json()).toMatchObject({ pastPeriods: "catch_up", catchUpDays: 20 });
    const all = await assignmentsOf(draft.id);
    const ongoing = byTask(all, "1");
    expect(ongoing.dueDates.map((d) => [d.label, d.dueOn])).toEqual([
      ["2026年第一季度", "2026-12-22"],
      ["2026年第二季度", "2026-12-22"],
      ["2026年第三季度", "2026-12-22"],
      ["2026年第四季度", "2026-12-31"],
    ]);
    expect(ongoing.notApplicable).toEqual([]);
    expect(all.every((a) => a.signal === "green")).toBe(true);
    const run = await runDueJobs(t.database.db, t.config, NOW);
    expect(run.urges).toBe(0);
  });

  it("takes an earlier 交办日期 for a plan sent out on paper: the periods since are due, and late", async () => {
    const draft = await draftPlan();
    const published = await call("POST", `/api/plans/${draft.id}/publish`, {
      version: draft.version,
      assignedOn: "2026-05-10",
    });
    expect(published.json().assignedOn).toBe("2026-05-10");
    const ongoing = byTask(await assignmentsOf(draft.id), "1");
    expect(ongoing.notApplicable.map((d) => d.label)).toEqual(["2026年第一季度"]);
    expect(ongoing.signal).toBe("red");
  });

  it("refuses a 交办日期 after today or long before the plan's year, changing nothing", async () => {
    const draft = await draftPlan();
    for (const [assignedOn, code] of [
      ["2026-12-03", "assigned_on_future"],
      ["2024-12-31", "assigned_on_too_early"],
    ]) {
      const refused = await call("POST", `/api/plans/${draft.id}/publish`, { version: draft.version, assignedOn });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe(code);
    }
    const plan = (await call("GET", `/api/plans/${draft.id}`)).json();
    expect(plan).toMatchObject({ status: "draft", assignedOn: null, assignmentCount: 0 });
  });

  it("dates a unit added to a published task by the day it was added", async () => {
    const draft = await draftPlan();
    await call("POST", `/api/plans/${draft.id}/publish`, { version: draft.version, assignedOn: "2026-03-01" });
    const plan = (await call("GET", `/api/plans/${draft.id}`)).json() as PlanDetail;
    const task = plan.tasks.find((x) => x.number === "4");
    if (!task) throw new Error("task 4 is missing");
    const court = (await unitByName(t, "区人民法院")).id;
    const patched = await call("PATCH", `/api/plans/${draft.id}/tasks/${task.id}`, {
      version: task.version,
      units: [...task.units, { unitId: court, role: "cooperating", phrase: "区人民法院", dismissedReason: null }],
    });
    expect(patched.statusCode).toBe(200);
    const added = (await assignmentsOf(draft.id)).find((a) => a.unitId === court) as Assignment;
    expect(added.assignedOn).toBe("2026-12-02");
    const kept = byTask(await assignmentsOf(draft.id), "4");
    expect(kept.assignedOn).toBe("2026-03-01");
  });
});
