import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanDetail, Unit, UnitGroup } from "../../shared/api.js";
import { auditCount, unique, unitByName } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let admin: string;
let coordinator: string;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login("admin");
  coordinator = await t.login("coordinator");
});
afterAll(() => t.close());

const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown, cookie = coordinator) =>
  t.request({ method, url, payload: payload as Record<string, unknown>, cookie });

/** A draft plan with one task naming these phrases as its responsible units (none of them resolved). */
async function draftNaming(...phrases: string[]): Promise<PlanDetail> {
  const plan = (await call("POST", "/api/plans", { title: unique("分组对应方案"), year: 2026 })).json<PlanDetail>();
  const units = phrases.map((phrase) => ({ unitId: null, role: "responsible", phrase, dismissedReason: null }));
  const response = await call("POST", `/api/plans/${plan.id}/tasks`, {
    afterTaskId: null,
    number: "1",
    text: "严格规范公正文明执法。",
    units,
    deadlines: [{ text: "长期坚持", kind: "ongoing" }],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<PlanDetail>();
}

const detail = async (id: number) => (await call("GET", `/api/plans/${id}`)).json<PlanDetail>();
const groups = async () => (await call("GET", "/api/unit-groups")).json<{ items: UnitGroup[] }>().items;
const units = async () => (await call("GET", "/api/units")).json<{ items: Unit[] }>().items;

describe("a phrase mapped to a unit group", () => {
  it("suggests the group a phrase naming a kind of unit means, not a unit its words resemble", async () => {
    const plan = await draftNaming("区政府各行政执法部门", "全区各镇（街道）办事处");
    const [enforcement, townships] = plan.unresolved;
    const enforcers = (await units()).filter((u) => u.active && u.type === "enforcement_department");
    expect(enforcement.groupSuggestions[0]).toMatchObject({ name: "各行政执法部门" });
    expect(enforcement.groupSuggestions[0].members.map((m) => m.id).sort()).toEqual(enforcers.map((u) => u.id).sort());
    expect(enforcement.suggestions).toEqual([]);
    expect(townships.groupSuggestions[0].name).toBe("各乡镇");
  });

  it("gives the task every member, keeps the phrase as the group's alias, and settles other drafts at once", async () => {
    const phrase = "区政府所属各行政执法单位";
    const plan = await draftNaming(phrase);
    const other = await draftNaming(phrase);
    const group = (await groups()).find((g) => g.name === "各行政执法部门") as UnitGroup;
    const response = await call("POST", `/api/plans/${plan.id}/phrases/map`, { phrase, groupId: group.id });
    expect(response.statusCode, response.body).toBe(200);
    const mapped = response.json<PlanDetail>();
    expect(mapped.unresolved).toEqual([]);
    const members = (await units()).filter((u) => u.active && u.type === "enforcement_department");
    expect(mapped.tasks[0].units.map((u) => u.unitId).sort()).toEqual(members.map((u) => u.id).sort());
    expect(mapped.tasks[0].units.every((u) => u.role === "responsible" && u.phrase === phrase)).toBe(true);

    const after = (await groups()).find((g) => g.id === group.id) as UnitGroup;
    expect(after.aliases).toContain(phrase);
    expect(after.version).toBe(group.version + 1);
    expect(await auditCount(t, "unit_group", group.id, "unit_group.update")).toBe(1);
    // the other draft naming the same phrase needs nothing more
    const settled = await detail(other.id);
    expect(settled.unresolved).toEqual([]);
    expect(settled.tasks[0].units).toHaveLength(members.length);
    expect(await auditCount(t, "plan", other.id, "plan.phrases_resolved")).toBe(1);
  });

  it("settles the drafts' waiting phrases when the registry learns them", async () => {
    const plan = await draftNaming("区法治建设办");
    const justice = await unitByName(t, "区司法局");
    const unit = (await call("GET", `/api/units/${justice.id}`)).json<Unit>();
    const response = await call(
      "PATCH",
      `/api/units/${unit.id}`,
      { version: unit.version, aliases: [...unit.aliases, "区法治建设办"] },
      admin,
    );
    expect(response.statusCode, response.body).toBe(200);
    const settled = await detail(plan.id);
    expect(settled.unresolved).toEqual([]);
    expect(settled.tasks[0].units).toEqual([expect.objectContaining({ unitId: justice.id, phrase: "区法治建设办" })]);
  });

  it("refuses a map naming both a unit and a group, or neither, or a group that is not there, changing nothing", async () => {
    const plan = await draftNaming("各社区");
    const justice = await unitByName(t, "区司法局");
    const created = await call(
      "POST",
      "/api/unit-groups",
      { name: unique("法治分组"), memberIds: [justice.id] },
      admin,
    );
    expect(created.statusCode, created.body).toBe(201);
    const group = created.json<UnitGroup>();
    const cases: [Record<string, unknown>, string][] = [
      [{ phrase: "各社区", unitId: justice.id, groupId: group.id }, "请选择一个单位或一个单位分组"],
      [{ phrase: "各社区" }, "请选择一个单位或一个单位分组"],
      [{ phrase: "各社区", groupId: 999999 }, "所选单位分组不存在"],
    ];
    for (const [payload, message] of cases) {
      const refused = await call("POST", `/api/plans/${plan.id}/phrases/map`, payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(refused.json().error.message).toContain(message);
    }
    expect((await detail(plan.id)).unresolved.map((u) => u.phrase)).toEqual(["各社区"]);
  });
});
