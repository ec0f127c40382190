import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assignment, AssignmentListItem, PlanDetail, TaskUnitProgressList } from "../../shared/api.js";
import {
  auditCount,
  createPlan,
  createReport,
  exportedSheet,
  publishedPlan,
  signedInUser,
  unitByName,
} from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let coordinator: string;
let township: string;
let department: string;
let ids: { township: number; market: number; justice: number; court: number };

// the deadlines of the plans below fall in 2026: the clock stands on 2026-05-20 (China time)
const NOW = new Date("2026-05-20T04:00:00Z");

beforeAll(async () => {
  t = await buildTestApp({}, { clock: () => NOW });
  coordinator = await t.login("coordinator");
  township = await t.login("township");
  department = await t.login("department");
  const me = (await t.request({ method: "GET", url: "/api/auth/me", cookie: township })).json();
  ids = {
    township: me.unit.id,
    market: (await unitByName(t, "区市场监管分局")).id,
    justice: (await unitByName(t, "区司法局")).id,
    court: (await unitByName(t, "区人民法院")).id,
  };
});
afterAll(() => t.close());

async function list(cookie: string, query = ""): Promise<{ status: number; items: Assignment[]; total: number }> {
  const response = await t.request({ method: "GET", url: `/api/assignments?limit=1000${query}`, cookie });
  const body = response.json();
  return { status: response.statusCode, items: body.items ?? [], total: body.total };
}

/** A published plan whose one task the market unit leads, with the township cooperating and the court responsible. */
async function marketLedPlan() {
  const { plan, assignments } = await publishedPlan(t, coordinator, [ids.market, ids.court]);
  const task = plan.tasks[0];
  const response = await t.request({
    method: "PATCH",
    url: `/api/plans/${plan.id}/tasks/${task.id}`,
    cookie: coordinator,
    payload: {
      version: task.version,
      units: [
        ...task.units.map(({ unitId, role, phrase, dismissedReason }) => ({ unitId, role, phrase, dismissedReason })),
        { unitId: ids.township, role: "cooperating", phrase: "各乡镇", dismissedReason: null },
      ],
    },
  });
  expect(response.statusCode).toBe(200);
  return { plan, assignments };
}

describe("who sees which assignments", () => {
  it("shows a unit its own, a lead unit also its task's cooperating units, the coordinator all", async () => {
    const { plan } = await marketLedPlan();
    const all = await list(coordinator, `&planId=${plan.id}`);
    expect(all.items.map((a) => [a.unitName, a.role])).toEqual(
      expect.arrayContaining([
        ["区市场监管分局", "lead"],
        ["区人民法院", "responsible"],
        [expect.any(String), "cooperating"],
      ]),
    );
    expect(all.total).toBe(3);

    const mine = await list(township, `&planId=${plan.id}&mine=true`);
    expect(mine.items.map((a) => a.unitId)).toEqual([ids.township]);
    const townshipAll = await list(township, `&planId=${plan.id}`);
    expect(townshipAll.items.map((a) => a.unitId)).toEqual([ids.township]);

    // 区市场监管分局 leads: it sees the township's cooperating assignment, not the court's
    const lead = await list(department, `&planId=${plan.id}`);
    expect(lead.items.map((a) => a.unitId).sort()).toEqual([ids.market, ids.township].sort());
    const cooperating = await list(department, `&planId=${plan.id}&unitId=${ids.township}`);
    expect(cooperating.status).toBe(200);
    expect(cooperating.items).toHaveLength(1);
  });

  it("refuses another unit's list and hides another unit's assignment, recording both", async () => {
    const { assignments } = await publishedPlan(t, coordinator, [ids.court]);
    const refused = await t.request({ method: "GET", url: `/api/assignments?unitId=${ids.court}`, cookie: township });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe("您只能查看本单位的任务");

    const courtAssignment = assignments[0];
    const hidden = await t.request({ method: "GET", url: `/api/assignments/${courtAssignment.id}`, cookie: township });
    expect(hidden.statusCode).toBe(404);
    expect(await auditCount(t, "assignment", courtAssignment.id, "assignment.access_denied")).toBe(1);
    const ack = await t.request({
      method: "POST",
      url: `/api/assignments/${courtAssignment.id}/acknowledge`,
      cookie: township,
      payload: { version: courtAssignment.version },
    });
    expect(ack.statusCode).toBe(404);

    // the leader belongs to no unit: nothing is theirs, and they follow every unit's assignments, read only
    const leader = await t.login("leader");
    expect((await list(leader, "&mine=true")).items).toEqual([]);
    expect((await list(leader, `&unitId=${ids.court}`)).items.map((a) => a.id)).toContain(courtAssignment.id);
  });
});

describe("acknowledge", () => {
  it("signs many of the unit's assignments at once, or none when one is stale or another unit's", async () => {
    const first = (await publishedPlan(t, coordinator, [ids.township])).assignments[0];
    const second = (await publishedPlan(t, coordinator, [ids.township])).assignments[0];
    const foreign = (await publishedPlan(t, coordinator, [ids.market])).assignments[0];
    const bulk = (items: { id: number; version: number }[], cookie = township) =>
      t.request({ method: "POST", url: "/api/assignments/acknowledge", cookie, payload: { items } });
    const state = async (id: number) =>
      (await t.request({ method: "GET", url: `/api/assignments/${id}`, cookie: coordinator })).json().status;

    // another unit's among them: refused, nothing signed, the attempt on record
    const mixed = await bulk([first, foreign].map((a) => ({ id: a.id, version: a.version })));
    expect(mixed.statusCode).toBe(404);
    expect(await state(first.id)).toBe("new");
    expect(await auditCount(t, "assignment", foreign.id, "assignment.access_denied")).toBe(1);
    // a stale version: refused naming the task, nothing signed
    const stale = await bulk([
      { id: first.id, version: first.version },
      { id: second.id, version: second.version + 1 },
    ]);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain("任务 1");
    expect(await state(first.id)).toBe("new");
    expect((await bulk([], township)).statusCode).toBe(400);

    const done = await bulk([first, second].map((a) => ({ id: a.id, version: a.version })));
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ acknowledged: 2 });
    expect([await state(first.id), await state(second.id)]).toEqual(["acknowledged", "acknowledged"]);
    expect(await auditCount(t, "assignment", second.id, "assignment.acknowledge")).toBe(1);
  });

  it("lets the unit's manager acknowledge once, not its staff, and records who and when", async () => {
    const { assignments } = await publishedPlan(t, coordinator, [ids.township]);
    const assignment = assignments[0];
    const staff = await signedInUser(t, await t.login("admin"), { roles: ["unit_staff"], unitId: ids.township });
    const byStaff = await t.request({
      method: "POST",
      url: `/api/assignments/${assignment.id}/acknowledge`,
      cookie: staff.cookie,
      payload: { version: assignment.version },
    });
    expect(byStaff.statusCode).toBe(403);

    const done = await t.request({
      method: "POST",
      url: `/api/assignments/${assignment.id}/acknowledge`,
      cookie: township,
      payload: { version: assignment.version },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: "acknowledged", acknowledgedByName: "城关街道管理员" });
    expect(done.json().acknowledgedAt).not.toBeNull();
    expect(await auditCount(t, "assignment", assignment.id, "assignment.acknowledge")).toBe(1);

    const again = await t.request({
      method: "POST",
      url: `/api/assignments/${assignment.id}/acknowledge`,
      cookie: township,
      payload: { version: done.json().version },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "already_acknowledged", message: "该任务已签收" });

    const coordinatorTry = await publishedPlan(t, coordinator, [ids.township]);
    const refused = await t.request({
      method: "POST",
      url: `/api/assignments/${coordinatorTry.assignments[0].id}/acknowledge`,
      cookie: coordinator,
      payload: { version: coordinatorTry.assignments[0].version },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe("只有本单位的管理员可以签收本单位的任务");
  });

  it("refuses a stale version", async () => {
    const { assignments } = await publishedPlan(t, coordinator, [ids.township]);
    const stale = await t.request({
      method: "POST",
      url: `/api/assignments/${assignments[0].id}/acknowledge`,
      cookie: township,
      payload: { version: assignments[0].version + 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
  });
});

describe("filters", () => {
  it("filters by status, role, due within N days and overdue, against the clock", async () => {
    // one quarterly-reported task in 2026: Q1 (03-31) has passed on 05-20, Q2 (06-30) is 41 days away
    const { plan, assignments } = await publishedPlan(t, coordinator, [ids.township]);
    const mine = (query: string) => list(township, `&planId=${plan.id}${query}`);
    const [assignment] = assignments;
    expect(assignment.dueDates.map((d) => d.dueOn)).toEqual(["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"]);
    expect(assignment).toMatchObject({ nextDue: "2026-06-30", overdue: true });

    expect((await mine("&overdue=true")).total).toBe(1);
    expect((await mine("&overdue=false")).total).toBe(0);
    expect((await mine("&dueWithinDays=30")).total).toBe(0);
    expect((await mine("&dueWithinDays=45")).total).toBe(1);
    expect((await mine("&dueBefore=2026-06-29")).total).toBe(0);
    expect((await mine("&dueBefore=2026-06-30")).total).toBe(1);
    expect((await mine("&role=lead")).total).toBe(1);
    expect((await mine("&role=cooperating")).total).toBe(0);
    expect((await mine("&status=acknowledged")).total).toBe(0);
    expect((await mine("&status=new")).total).toBe(1);

    const bad = await t.request({ method: "GET", url: "/api/assignments?dueBefore=明天", cookie: township });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("validation_failed");
    const unknown = await t.request({ method: "GET", url: "/api/assignments/999999", cookie: coordinator });
    expect(unknown.statusCode).toBe(404);
  });
});

describe("what a list row carries", () => {
  it("cuts the task's text to what the table shows, the detail has it whole, and a page is 20 rows unless asked", async () => {
    const plan = await createPlan(t, coordinator);
    const long = `${"严格规范公正文明执法，".repeat(20)}完。`;
    for (let i = 1; i <= 21; i++) {
      const task = {
        number: String(i),
        text: i === 1 ? long : `第${i}项任务。`,
        deadlines: [{ text: "长期坚持", kind: "ongoing" }],
      };
      const units = [{ unitId: ids.township, role: "lead", phrase: "城关街道", dismissedReason: null }];
      const created = await t.request({
        method: "POST",
        url: `/api/plans/${plan.id}/tasks`,
        cookie: coordinator,
        payload: { ...task, units },
      });
      expect(created.statusCode).toBe(201);
    }
    const draft = (
      await t.request({ method: "GET", url: `/api/plans/${plan.id}`, cookie: coordinator })
    ).json<PlanDetail>();
    const published = await t.request({
      method: "POST",
      url: `/api/plans/${plan.id}/publish`,
      cookie: coordinator,
      payload: { version: draft.version },
    });
    expect(published.statusCode).toBe(200);

    const page = await t.request({
      method: "GET",
      url: `/api/assignments?planId=${plan.id}&mine=true`,
      cookie: township,
    });
    const { items, total } = page.json<{ items: AssignmentListItem[]; total: number }>();
    expect(total).toBe(21);
    expect(items).toHaveLength(20);
    const all = await list(township, `&planId=${plan.id}&mine=true`);
    const first = all.items.find((a) => a.taskNumber === "1") as unknown as AssignmentListItem;
    expect(first).toMatchObject({ taskExcerpt: `${long.slice(0, 80)}…`, taskExcerptCut: true });
    expect(first).not.toHaveProperty("taskText");
    expect(all.items.find((a) => a.taskNumber === "2")).toMatchObject({
      taskExcerpt: "第2项任务。",
      taskExcerptCut: false,
    });

    const detail = await t.request({ method: "GET", url: `/api/assignments/${first.id}`, cookie: township });
    expect(detail.json<Assignment>().taskText).toBe(long);

    // the rest of the list, and a page past its end, still count the whole list
    const rest = (
      await t.request({
        method: "GET",
        url: `/api/assignments?planId=${plan.id}&mine=true&offset=20`,
        cookie: township,
      })
    ).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.total).toBe(21);
    const beyond = (
      await t.request({
        method: "GET",
        url: `/api/assignments?planId=${plan.id}&mine=true&offset=40`,
        cookie: township,
      })
    ).json();
    expect(beyond).toEqual({ items: [], total: 21 });
  });
});

describe("a task's units (任务分工)", () => {
  const unitsOf = async (cookie: string, assignmentId: number) => {
    const response = await t.request({ method: "GET", url: `/api/assignments/${assignmentId}/units`, cookie });
    return { status: response.statusCode, items: response.json<TaskUnitProgressList>().items ?? [] };
  };

  it("names every unit of the task to each of them; shows progress to the office, the unit, and the lead for its cooperating units", async () => {
    const { plan } = await marketLedPlan();
    const all = (await list(coordinator, `&planId=${plan.id}`)).items;
    const of = (unitId: number) => all.find((a) => a.unitId === unitId) as Assignment;
    const expected = [
      ["区市场监管分局", "lead"],
      ["区人民法院", "responsible"],
      ["城关街道", "cooperating"],
    ];

    // the cooperating township sees who leads and who carries the task, and how it is doing itself, not the others
    const cooperating = await unitsOf(township, of(ids.township).id);
    expect(cooperating.status).toBe(200);
    expect(cooperating.items.map((u) => [u.unitName, u.role])).toEqual(expected);
    expect(cooperating.items.map((u) => u.current)).toEqual([false, false, true]);
    expect(cooperating.items.map((u) => u.progress !== null)).toEqual([false, false, true]);

    // the township reports; the lead unit follows it, as does the office
    await t.request({
      method: "POST",
      url: `/api/assignments/${of(ids.township).id}/acknowledge`,
      cookie: township,
      payload: { version: of(ids.township).version },
    });
    const report = await createReport(t, township, of(ids.township).id);
    const lead = await unitsOf(department, of(ids.market).id);
    expect(lead.items.map((u) => [u.unitName, u.role])).toEqual(expected);
    const townshipRow = lead.items.find((u) => u.unitId === ids.township);
    expect(townshipRow).toMatchObject({
      status: "acknowledged",
      progress: { latestReport: { id: report.id, period: report.period, status: "submitted" } },
    });
    // the lead follows its cooperating units; a responsible unit's assignment is not its to see
    expect(lead.items.map((u) => u.progress !== null)).toEqual([true, false, true]);
    const office = await unitsOf(coordinator, of(ids.court).id);
    expect(
      office.items.every((u) => u.progress !== null && ["green", "yellow", "red"].includes(u.progress.signal)),
    ).toBe(true);

    // a unit that may not see an assignment learns nothing of its task
    expect((await unitsOf(township, of(ids.court).id)).status).toBe(404);
  });
});

describe("searching and exporting the lists", () => {
  it("finds assignments by words of the plan, the task or the unit, and exports what the list shows to Excel", async () => {
    const { plan } = await marketLedPlan();
    const found = await list(coordinator, `&q=${encodeURIComponent(plan.title.slice(-5))}`);
    expect(found.items.map((a) => a.planId)).toEqual([plan.id, plan.id, plan.id]);
    const byUnit = await list(coordinator, `&planId=${plan.id}&q=${encodeURIComponent("人民法院 依法")}`);
    expect(byUnit.items.map((a) => a.unitName)).toEqual(["区人民法院"]);
    // a % is a character to find, not a wildcard
    expect((await list(coordinator, `&planId=${plan.id}&q=%25`)).items).toEqual([]);

    const response = await t.request({
      method: "GET",
      url: `/api/assignments/export.xlsx?planId=${plan.id}&role=cooperating`,
      cookie: coordinator,
    });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(decodeURIComponent(String(response.headers["content-disposition"]))).toContain(
      "交办情况-2026年5月20日.xlsx",
    );
    const sheet = await exportedSheet(response);
    expect(sheet.getCell(1, 1).value).toBe("交办情况");
    expect(String(sheet.getCell(2, 1).value)).toContain(`筛选：方案：${plan.title}；分工：配合单位`);
    expect(String(sheet.getCell(2, 1).value)).toContain("共 1 条");
    expect(sheet.getRow(3).values).toEqual(expect.arrayContaining(["方案", "任务内容", "承办单位", "各期情况"]));
    const row = sheet.getRow(4);
    expect(row.getCell(3).value).toBe("依法履行职责。");
    expect(row.getCell(4).value).toBe("城关街道");
    expect(row.getCell(5).value).toBe("配合单位");
    expect(sheet.rowCount).toBe(4);

    // a unit exports its own list only
    const mine = await t.request({ method: "GET", url: "/api/assignments/export.xlsx?mine=true", cookie: township });
    expect(mine.statusCode).toBe(200);
    expect(decodeURIComponent(String(mine.headers["content-disposition"]))).toContain("我的任务-");
    const other = await t.request({
      method: "GET",
      url: `/api/assignments/export.xlsx?unitId=${ids.court}`,
      cookie: township,
    });
    expect(other.statusCode).toBe(403);
  });
});
