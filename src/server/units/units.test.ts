import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedDir } from "../../core/parser/eval/seeds.js";
import type { ResolveResult, Unit } from "../../shared/api.js";
import { units } from "../db/schema.js";
import { DEMO_UNITS } from "../demo/registry.js";
import { auditCount, createUnit, exportedSheet, unique, unitByName } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let coordinator: string;
let leader: string;

beforeAll(async () => {
  t = await buildTestApp();
  coordinator = await t.login("coordinator");
  leader = await t.login("leader");
});
afterAll(() => t.close());

const list = async (query = "") => {
  const response = await t.request({ method: "GET", url: `/api/units${query}`, cookie: leader });
  expect(response.statusCode).toBe(200);
  return response.json<{ items: Unit[]; total: number }>();
};
const patch = (id: number, payload: Record<string, unknown>) =>
  t.request({ method: "PATCH", url: `/api/units/${id}`, payload, cookie: coordinator });
const resolve = async (phrases: string[]) => {
  const response = await t.request({ method: "POST", url: "/api/units/resolve", payload: { phrases }, cookie: leader });
  expect(response.statusCode).toBe(200);
  return response.json<ResolveResult>().results;
};

describe("GET /api/units", () => {
  it("lists the registry by sort order", async () => {
    const { items, total } = await list();
    expect(total).toBe(items.length);
    expect(items.length).toBeGreaterThanOrEqual(DEMO_UNITS.length);
    const orders = items.map((u) => u.sortOrder);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(items.find((u) => u.name === "区司法局")).toMatchObject({
      type: "enforcement_department",
      aliases: expect.arrayContaining(["区司法局(行政执法协调监督局)"]),
      active: true,
      version: 1,
    });
  });

  it("finds units by a part of the name, the short name or an alias", async () => {
    const unit = await createUnit(t, coordinator, {
      name: unique("搜索测试局"),
      shortName: unique("搜简"),
      aliases: [unique("搜索别名")],
    });
    for (const needle of [unit.name.slice(1, 5), unit.shortName as string, unit.aliases[0]]) {
      const { items } = await list(`?q=${encodeURIComponent(needle)}`);
      expect(items.map((u) => u.id)).toContain(unit.id);
    }
    const byAlias = await list(`?q=${encodeURIComponent("行政执法协调监督局")}`);
    expect(byAlias.items.map((u) => u.name)).toEqual(["区司法局"]);
    expect((await list(`?q=${encodeURIComponent("不存在的名字")}`)).items).toEqual([]);
  });

  it("filters by type and by active", async () => {
    const townships = await list("?type=township");
    expect(townships.items).toHaveLength(10);
    expect(townships.items.every((u) => u.type === "township")).toBe(true);
    const unit = await createUnit(t, coordinator, { type: "court" });
    await t.request({ method: "DELETE", url: `/api/units/${unit.id}?version=${unit.version}`, cookie: coordinator });
    const inactive = await list("?active=false");
    expect(inactive.items.map((u) => u.id)).toContain(unit.id);
    expect(inactive.items.every((u) => !u.active)).toBe(true);
    expect((await list("?active=true")).items.map((u) => u.id)).not.toContain(unit.id);
    expect((await list()).items.map((u) => u.id)).toContain(unit.id);
  });

  it("rejects an unknown type with a validation error", async () => {
    const response = await t.request({ method: "GET", url: "/api/units?type=ministry", cookie: leader });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
  });
});

describe("POST /api/units", () => {
  it("creates a unit (201), cleans aliases and audits the creation", async () => {
    const name = unique("新建测试局");
    const response = await t.request({
      method: "POST",
      url: "/api/units",
      payload: { name: ` ${name} `, type: "department", aliases: [`${name}别称`, ` ${name}别称 `, name], sortOrder: 7 },
      cookie: coordinator,
    });
    expect(response.statusCode).toBe(201);
    const unit = response.json<Unit>();
    expect(unit).toMatchObject({
      name,
      type: "department",
      aliases: [`${name}别称`],
      shortName: null,
      parentId: null,
      active: true,
      sortOrder: 7,
      version: 1,
    });
    expect(await auditCount(t, "unit", unit.id, "unit.create")).toBe(1);
    expect((await t.request({ method: "GET", url: `/api/units/${unit.id}`, cookie: leader })).json()).toEqual(unit);
  });

  it("answers invalid input with 400 validation_failed, the field named, in Chinese", async () => {
    const missing = await t.request({
      method: "POST",
      url: "/api/units",
      payload: { type: "department" },
      cookie: coordinator,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      code: "validation_failed",
      message: "提交的内容不符合要求：名称必须填写",
      details: [{ path: "name", message: "名称必须填写" }],
    });
    const badType = await t.request({
      method: "POST",
      url: "/api/units",
      payload: { name: unique("类型错"), type: "ministry" },
      cookie: coordinator,
    });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.details).toEqual([{ path: "type", message: "类型取值不在允许范围内" }]);
    const longAlias = await t.request({
      method: "POST",
      url: "/api/units",
      payload: { name: unique("别名长"), type: "department", aliases: ["好", "长".repeat(101)] },
      cookie: coordinator,
    });
    expect(longAlias.json().error.message).toBe("提交的内容不符合要求：别名（第2项）不能超过 100 个字符");
  });

  it("refuses a name of spaces only", async () => {
    const response = await t.request({
      method: "POST",
      url: "/api/units",
      payload: { name: "   ", type: "department" },
      cookie: coordinator,
    });
    expect(response.statusCode).toBe(400);
  });

  it("drops unknown fields instead of storing them", async () => {
    const response = await t.request({
      method: "POST",
      url: "/api/units",
      payload: { name: unique("多余字段局"), type: "other", version: 99, active: false, id: 1, secret: "x" },
      cookie: coordinator,
    });
    expect(response.statusCode).toBe(201);
    const unit = response.json<Unit>();
    expect(unit).toMatchObject({ version: 1, active: true });
    expect(unit).not.toHaveProperty("secret");
    const [row] = await t.database.db.select().from(units).where(eq(units.id, unit.id));
    expect(row).toMatchObject({ version: 1, active: true });
  });

  it("refuses a name or alias another unit already uses (409 duplicate), however bracketed or spaced", async () => {
    for (const payload of [
      { name: "区司法局", type: "other" },
      { name: unique("重名测试"), type: "other", aliases: ["区司法局（行政执法协调监督局）"] },
      { name: "区 发改局", type: "other" },
      { name: "区发展和改革局", type: "other" },
      // a unit must not hide a group: 各乡镇 would no longer mean every township
      { name: "各乡镇", type: "other" },
      { name: unique("撞分组"), type: "other", aliases: ["各镇（街道）"] },
    ]) {
      const response = await t.request({ method: "POST", url: "/api/units", payload, cookie: coordinator });
      expect(response.statusCode, JSON.stringify(payload)).toBe(409);
      expect(response.json().error.code).toBe("duplicate");
    }
  });

  it("answers two creations of one name at the same time with 201 and 409 duplicate", async () => {
    const payload = { name: unique("双击保存局"), type: "department" };
    const responses = await Promise.all(
      [1, 2].map(() => t.request({ method: "POST", url: "/api/units", payload, cookie: coordinator })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.statusCode === 409)?.json().error.code).toBe("duplicate");
  });

  it("refuses a parent that does not exist", async () => {
    const response = await t.request({
      method: "POST",
      url: "/api/units",
      payload: { name: unique("无上级"), type: "other", parentId: 999999 },
      cookie: coordinator,
    });
    expect(response.statusCode).toBe(400);
  });
});

describe("GET /api/units/:id", () => {
  it("answers 404 for an unknown id and 400 for one that is not a number", async () => {
    const unknown = await t.request({ method: "GET", url: "/api/units/999999", cookie: leader });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toEqual({ code: "not_found", message: "单位不存在或已被删除" });
    for (const id of ["abc", "0", "-1", "1.5", "99999999999"]) {
      const bad = await t.request({ method: "GET", url: `/api/units/${id}`, cookie: leader });
      expect(bad.statusCode, id).toBe(400);
      expect(bad.json().error.code).toBe("validation_failed");
    }
  });
});

describe("PATCH /api/units/:id", () => {
  it("changes a unit, raises its version and audits before and after", async () => {
    const unit = await createUnit(t, coordinator);
    const response = await patch(unit.id, { version: 1, shortName: "简称", aliases: ["别名甲"], type: "court" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ shortName: "简称", aliases: ["别名甲"], type: "court", version: 2 });
    const audit = await t.request({
      method: "GET",
      url: `/api/audit?entityType=unit&entityId=${unit.id}&action=unit.update`,
      cookie: coordinator,
    });
    const [event] = audit.json().items;
    expect(audit.json().total).toBe(1);
    expect(event.before).toMatchObject({ type: "department", version: 1 });
    expect(event.after).toMatchObject({ type: "court", version: 2, shortName: "简称" });
  });

  it("saving without a change keeps the version and writes no audit event", async () => {
    const unit = await createUnit(t, coordinator, { aliases: ["不变别名甲"] });
    const response = await patch(unit.id, { version: 1, name: unit.name, aliases: unit.aliases, type: unit.type });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(unit);
    expect(await auditCount(t, "unit", unit.id, "unit.update")).toBe(0);
  });

  it("answers a stale version with 409 version_conflict, changes nothing and audits nothing", async () => {
    const unit = await createUnit(t, coordinator);
    expect((await patch(unit.id, { version: 1, sortOrder: 3 })).statusCode).toBe(200);
    const stale = await patch(unit.id, { version: 1, name: unique("过期修改") });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    const [row] = await t.database.db.select().from(units).where(eq(units.id, unit.id));
    expect(row).toMatchObject({ name: unit.name, version: 2, sortOrder: 3 });
    expect(await auditCount(t, "unit", unit.id, "unit.update")).toBe(1);
  });

  it("answers a duplicate alias with 409 and leaves no audit event", async () => {
    const unit = await createUnit(t, coordinator);
    const response = await patch(unit.id, { version: 1, aliases: ["区纪委"] });
    expect(response.statusCode).toBe(409);
    expect(await auditCount(t, "unit", unit.id, "unit.update")).toBe(0);
  });

  it("refuses a parent cycle, and the unit as its own parent", async () => {
    const a = await createUnit(t, coordinator);
    const b = await createUnit(t, coordinator, { parentId: a.id });
    const c = await createUnit(t, coordinator, { parentId: b.id });
    const self = await patch(a.id, { version: 1, parentId: a.id });
    expect(self.statusCode).toBe(400);
    const cycle = await patch(a.id, { version: 1, parentId: c.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.message).toMatch(/循环/);
    const [row] = await t.database.db.select().from(units).where(eq(units.id, a.id));
    expect(row.parentId).toBeNull();
    expect((await patch(c.id, { version: 1, parentId: a.id })).statusCode).toBe(200);
  });

  it("answers 404 for an unknown unit", async () => {
    expect((await patch(999999, { version: 1, sortOrder: 1 })).statusCode).toBe(404);
  });
});

describe("DELETE /api/units/:id", () => {
  it("deactivates instead of deleting; the unit stays listed and no longer resolves", async () => {
    const unit = await createUnit(t, coordinator, { name: unique("停用测试局"), aliases: [unique("停用别名")] });
    expect((await resolve([unit.name]))[0].units.map((u) => u.id)).toEqual([unit.id]);
    const response = await t.request({ method: "DELETE", url: `/api/units/${unit.id}?version=1`, cookie: coordinator });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: unit.id, active: false, version: 2 });
    expect((await t.request({ method: "GET", url: `/api/units/${unit.id}`, cookie: leader })).json().active).toBe(
      false,
    );
    const [byName, byAlias] = await resolve([unit.name, unit.aliases[0]]);
    for (const result of [byName, byAlias]) {
      expect(result.matchedBy).toBeNull();
      expect(result.units).toEqual([]);
      expect(result.suggestions.map((s) => s.id)).not.toContain(unit.id);
    }
    expect(await auditCount(t, "unit", unit.id, "unit.deactivate")).toBe(1);
    // deactivating again changes nothing
    const again = await t.request({ method: "DELETE", url: `/api/units/${unit.id}?version=2`, cookie: coordinator });
    expect(again.json().version).toBe(2);
    expect(await auditCount(t, "unit", unit.id, "unit.deactivate")).toBe(1);
    // switching it back on is its own action in the log
    const reactivated = await patch(unit.id, { version: 2, active: true });
    expect(reactivated.json()).toMatchObject({ active: true, version: 3 });
    expect(await auditCount(t, "unit", unit.id, "unit.activate")).toBe(1);
    expect(await auditCount(t, "unit", unit.id, "unit.update")).toBe(0);
  });

  it("answers a stale version with 409", async () => {
    const unit = await createUnit(t, coordinator);
    await patch(unit.id, { version: 1, sortOrder: 2 });
    const response = await t.request({ method: "DELETE", url: `/api/units/${unit.id}?version=1`, cookie: coordinator });
    expect(response.statusCode).toBe(409);
    expect((await unitByName(t, unit.name)).active).toBe(true);
  });
});

describe("unit groups", () => {
  const createGroup = (payload: Record<string, unknown>) =>
    t.request({ method: "POST", url: "/api/unit-groups", payload, cookie: coordinator });

  it("lists the demo groups", async () => {
    const response = await t.request({ method: "GET", url: "/api/unit-groups", cookie: leader });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((g: { name: string }) => g.name)).toEqual(
      expect.arrayContaining(["各乡镇", "各行政执法部门", "各部门(单位)"]),
    );
  });

  it("resolves a group by its unit types and by its explicit members", async () => {
    const court = await unitByName(t, "区人民法院");
    const member = await createUnit(t, coordinator);
    const name = unique("各政法单位");
    const created = await createGroup({
      name,
      aliases: [`${name}别称`],
      unitTypes: ["procuratorate"],
      memberIds: [court.id],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name, unitTypes: ["procuratorate"], memberIds: [court.id], version: 1 });
    const [byName] = await resolve([`${name}别称`]);
    expect(byName).toMatchObject({ matchedBy: "group", group: { id: created.json().id, name } });
    expect(byName.units.map((u) => u.name).sort()).toEqual(["区人民检察院", "区人民法院"].sort());

    const changed = await t.request({
      method: "PATCH",
      url: `/api/unit-groups/${created.json().id}`,
      payload: { version: 1, unitTypes: [], memberIds: [member.id] },
      cookie: coordinator,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().version).toBe(2);
    expect((await resolve([name]))[0].units.map((u) => u.id)).toEqual([member.id]);

    const stale = await t.request({
      method: "PATCH",
      url: `/api/unit-groups/${created.json().id}`,
      payload: { version: 1, memberIds: [court.id] },
      cookie: coordinator,
    });
    expect(stale.statusCode).toBe(409);
    expect(await auditCount(t, "unit_group", created.json().id)).toBe(2);
  });

  it("refuses a group without a rule, with unknown members, or with a name a group or unit uses", async () => {
    expect((await createGroup({ name: unique("空分组") })).statusCode).toBe(400);
    expect((await createGroup({ name: unique("坏成员"), memberIds: [999999] })).statusCode).toBe(400);
    for (const name of ["各镇（街道）", "区司法局", "政府办"]) {
      const taken = await createGroup({ name, unitTypes: ["township"] });
      expect(taken.statusCode, name).toBe(409);
      expect(taken.json().error.code).toBe("duplicate");
    }
  });
});

describe("POST /api/units/resolve", () => {
  it("resolves every unit phrase of seed plan 000", async () => {
    const truth = JSON.parse(readFileSync(path.join(sharedDir(), "parser-truth", "000.json"), "utf8")) as {
      tasks: { lead: string[]; others: string[] }[];
    };
    const phrases = [...new Set(truth.tasks.flatMap((task) => [...task.lead, ...task.others]))];
    expect(phrases.length).toBeGreaterThan(10);
    const results = await resolve(phrases);
    const unmatched = results.filter((r) => r.units.length === 0).map((r) => r.phrase);
    expect(unmatched).toEqual([]);
  });

  it("resolves names, aliases and groups the way plans write them", async () => {
    const townships = (await list("?type=township")).items;
    const [each, shortForm, aliased, departments, bracketed] = await resolve([
      "各乡镇",
      "司法局",
      "区司法局(行政执法协调监督局)",
      "各部门(单位)",
      "各镇（街道）",
    ]);
    expect(each).toMatchObject({ matchedBy: "group", group: { name: "各乡镇" } });
    expect(each.units.map((u) => u.id).sort()).toEqual(townships.map((u) => u.id).sort());
    expect(shortForm).toMatchObject({ matchedBy: "name", units: [{ name: "区司法局" }] });
    expect(aliased).toMatchObject({ matchedBy: "alias", units: [{ name: "区司法局" }] });
    expect(departments.matchedBy).toBe("group");
    expect(departments.units.every((u) => u.type === "department" || u.type === "enforcement_department")).toBe(true);
    expect(departments.units.map((u) => u.name)).toContain("区发改局");
    expect(bracketed).toMatchObject({ matchedBy: "group", group: { name: "各乡镇" } });
  });

  it("normalises full-width brackets, 〔〕 and spaces", async () => {
    const results = await resolve([
      "区司法局（行政执法协调监督局）",
      "区司法局〔行政执法协调监督局〕",
      " 区 司法局 ",
      "区司法局\u3000",
    ]);
    for (const result of results)
      expect(
        result.units.map((u) => u.name),
        result.phrase,
      ).toEqual(["区司法局"]);
    expect(results.map((r) => r.phrase)[2]).toBe(" 区 司法局 ");
  });

  it("answers an unknown phrase with ranked suggestions", async () => {
    const [result] = await resolve(["区市场监督管理分局"]);
    expect(result).toMatchObject({ matchedBy: null, group: null, units: [] });
    expect(result.suggestions[0].name).toBe("区市场监管分局");
    const scores = result.suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(result.suggestions.length).toBeLessThanOrEqual(5);
    const [nothing] = await resolve(["完全无关的词语"]);
    expect(nothing.suggestions).toEqual([]);
  });

  it("validates the request", async () => {
    const empty = await t.request({
      method: "POST",
      url: "/api/units/resolve",
      payload: { phrases: [] },
      cookie: leader,
    });
    expect(empty.statusCode).toBe(400);
  });
});

describe("GET /api/units/export.xlsx", () => {
  it("exports the registry as the list filters it: name, type, parent, aliases and status", async () => {
    const listed = await list("?type=township&active=true");
    const response = await t.request({
      method: "GET",
      url: "/api/units/export.xlsx?type=township&active=true",
      cookie: leader,
    });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(decodeURIComponent(String(response.headers["content-disposition"]))).toMatch(/单位名录-\d{4}年/);
    const sheet = await exportedSheet(response);
    expect(String(sheet.getCell(2, 1).value)).toContain("筛选：类型：乡镇(街道)；启用的");
    expect(sheet.rowCount).toBe(3 + listed.total);
    const names = Array.from({ length: listed.total }, (_, i) => sheet.getCell(4 + i, 1).value);
    expect(names).toEqual(listed.items.map((u) => u.name));
    expect(sheet.getCell(4, 6).value).toBe("启用");
  });
});
