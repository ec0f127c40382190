import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssignmentList, Inbox } from "../../shared/api.js";
import { createPlan, createReport } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";
import { TRAY_SIZE } from "./service.js";

let t: TestApp;
let coordinator: string;
let township: string;
let unitId: number;

// the clock stands on 2026-05-20 in China; the tasks below fall due within the inbox's 30 days
const NOW = new Date("2026-05-20T04:00:00Z");
const SOON = [{ text: "2026年6月10日前", kind: "date" as const, due: "2026-06-10" }];
const TASKS = TRAY_SIZE + 5;

beforeAll(async () => {
  t = await buildTestApp({}, { clock: () => NOW });
  coordinator = await t.login("coordinator");
  township = await t.login("township");
  unitId = (await t.request({ method: "GET", url: "/api/auth/me", cookie: township })).json().unit.id;
  // one plan of TASKS tasks for the township, published at once
  const plan = await createPlan(t, coordinator, [unitId], { deadlines: SOON });
  for (let i = 2; i <= TASKS; i++) {
    const task = {
      number: String(i),
      text: `第${i}项任务。`.repeat(40),
      units: [{ unitId, role: "lead", phrase: "乡镇", dismissedReason: null }],
      deadlines: SOON,
    };
    const added = await t.request({
      method: "POST",
      url: `/api/plans/${plan.id}/tasks`,
      cookie: coordinator,
      payload: task,
    });
    expect(added.statusCode).toBe(201);
  }
  const version = (await t.request({ method: "GET", url: `/api/plans/${plan.id}`, cookie: coordinator })).json()
    .version;
  const published = await t.request({
    method: "POST",
    url: `/api/plans/${plan.id}/publish`,
    cookie: coordinator,
    payload: { version },
  });
  expect(published.statusCode).toBe(200);
});
afterAll(() => t.close());

const inbox = async (cookie: string): Promise<Inbox> =>
  (await t.request({ method: "GET", url: "/api/inbox", cookie })).json();
const list = async (query: string): Promise<AssignmentList> =>
  (await t.request({ method: "GET", url: `/api/assignments?${query}`, cookie: township })).json();

describe("the inbox", () => {
  it("shows the first items of each tray and counts them all, as the lists do", async () => {
    const trays = await inbox(township);
    const toSign = await list("mine=true&status=new&limit=1000");
    expect(toSign.total).toBeGreaterThan(TRAY_SIZE);
    expect(trays.counts.toAcknowledge).toBe(toSign.total);
    expect(trays.toAcknowledge.map((a) => a.id)).toEqual(toSign.items.slice(0, TRAY_SIZE).map((a) => a.id));

    const mine = await list("mine=true&limit=1000");
    const waiting = mine.items
      .map((a) => ({ a, d: a.dueDates.find((d) => d.state === "open" || d.state === "returned") }))
      .filter(({ d }) => d !== undefined && d.dueOn <= "2026-06-19");
    expect(trays.counts.toReport).toBe(waiting.length);
    expect(trays.toReport).toHaveLength(TRAY_SIZE);
    const dueOns = trays.toReport.map((o) => o.dueDate.dueOn);
    expect(dueOns).toEqual([...dueOns].sort());
    for (const { assignment, dueDate } of trays.toReport) {
      expect(dueDate.state === "open" || dueDate.state === "returned").toBe(true);
      // a row of the list, not the task's whole text
      expect(assignment).not.toHaveProperty("taskText");
      expect(assignment.taskExcerpt.length).toBeLessThanOrEqual(81);
    }
  });

  it("carries a report as its tray shows it, not the whole report", async () => {
    const assignmentId = (await list("mine=true&limit=1")).items[0].id;
    const submitted = await createReport(t, township, assignmentId);
    const office = await inbox(coordinator);
    const waiting = office.toReview.find((r) => r.id === submitted.id);
    expect(waiting).toMatchObject({
      assignmentId,
      // the plan's name: "任务 6" alone is ambiguous across two plans
      planTitle: submitted.planTitle,
      unitId,
      period: submitted.period,
      revision: 1,
      status: "submitted",
      submittedAt: submitted.submittedAt,
    });
    for (const field of ["text", "taskText", "files", "links", "can"]) expect(waiting).not.toHaveProperty(field);
    expect(office.counts.toReview).toBeGreaterThanOrEqual(office.toReview.length);
    // the township does not review its own report
    expect((await inbox(township)).toReview.map((r) => r.id)).not.toContain(submitted.id);

    const version = (
      await t.request({ method: "GET", url: `/api/reports/${submitted.id}`, cookie: coordinator })
    ).json().version;
    const returned = await t.request({
      method: "POST",
      url: `/api/reports/${submitted.id}/review`,
      cookie: coordinator,
      payload: { decision: "return", comment: "请补充台账", version },
    });
    expect(returned.statusCode).toBe(200);
    const own = await inbox(township);
    expect(own.returned[0]).toMatchObject({ id: submitted.id, reviewComment: "请补充台账", status: "returned" });
    expect(own.returned[0]).not.toHaveProperty("text");
    expect(own.counts.returned).toBeGreaterThanOrEqual(1);
    expect((await inbox(coordinator)).toReview.map((r) => r.id)).not.toContain(submitted.id);
  });
});
