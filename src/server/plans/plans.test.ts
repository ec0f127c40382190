import { readFileSync } from "node:fs";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPath } from "../../core/parser/eval/seeds.js";
import type { Assignment, PlanDetail, Task } from "../../shared/api.js";
import { assignments, auditEvents, plans } from "../db/schema.js";
import { auditCount, createUnit, importFile, importSeed, unitByName } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let coordinator: string;
let admin: string;

beforeAll(async () => {
  t = await buildTestApp();
  coordinator = await t.login("coordinator");
  admin = await t.login("admin");
});
afterAll(() => t.close());

/** The value, or the test fails here naming what was missing. */
function must<T>(value: T | null | undefined, what: string): T {
  if (value == null) throw new Error(`missing: ${what}`);
  return value;
}

const planCount = async () => (await t.database.db.select({ n: count() }).from(plans))[0].n;

async function call(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object, cookie = coordinator) {
  return t.request({ method, url, payload, cookie });
}

/** Maps every unresolved phrase to the first suggestion (or dismisses it), so that the plan can be published. */
async function resolveAll(plan: PlanDetail): Promise<PlanDetail> {
  let current = plan;
  for (const phrase of plan.unresolved) {
    const response = await call("POST", `/api/plans/${plan.id}/phrases/dismiss`, {
      phrase: phrase.phrase,
      reason: "上级单位，不在本区交办范围",
    });
    expect(response.statusCode).toBe(200);
    current = response.json();
  }
  return current;
}

async function assignmentsOf(planId: number, cookie = coordinator, query = ""): Promise<Assignment[]> {
  const response = await call("GET", `/api/assignments?planId=${planId}&limit=1000${query}`, undefined, cookie);
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

describe("import", () => {
  it.each([
    ["000", 25, "沙坡头区法治政府建设“四大行动(2025年)”任务分工方案", [2025, 2025]],
    ["001", 50, "关于推进法治政府建设 “八大提升行动”的实施方案", [2023, 2023]],
    ["002", 43, "吴忠市红寺堡区关于提升行政执法质量三年行动任务分工方案", [2023, 2025]],
    ["003", 82, "利通区法治政府建设实施方案(2016-2020年)(征求意见稿)", [2016, 2020]],
    ["004", 24, "西宁市城北区2025年法治政府建设工作要点", [2025, 2025]],
  ])(
    "stores seed %s as a draft with its tasks, units, deadlines and source spans",
    async (id, tasks, title, period) => {
      const plan = await importSeed(t, coordinator, id);
      expect(plan).toMatchObject({ status: "draft", title, year: period[0], endYear: period[1], taskCount: tasks });
      expect(plan.tasks).toHaveLength(tasks);
      expect(plan.file?.mediaType).toBe("text/plain");
      for (const task of plan.tasks) {
        expect(task.source).not.toBeNull();
        const { start, end } = must(task.source, "source span");
        const span = must(plan.sourceText, "source text").slice(start, end);
        expect(span.length).toBeGreaterThan(0);
      }
      const fetched = (await call("GET", `/api/plans/${plan.id}`)).json();
      expect(fetched.tasks.map((t: Task) => t.text)).toEqual(plan.tasks.map((t) => t.text));
      expect(await auditCount(t, "plan", plan.id, "plan.import")).toBe(1);
    },
  );

  it.each([
    ["seed002-table.doc", "application/msword"],
    ["seed002-table.ofd", "application/ofd"],
  ])("imports %s (seed 002's task table) with its tasks and keeps its media type", async (name, mediaType) => {
    const file = readFileSync(new URL(`../../core/parser/fixtures/${name}`, import.meta.url));
    const response = await importFile(t, coordinator, name, file);
    expect(response.statusCode).toBe(201);
    const plan: PlanDetail = response.json();
    expect(plan).toMatchObject({ status: "draft", taskCount: 43 });
    expect(plan.file?.mediaType).toBe(mediaType);
  });

  it("resolves every unit phrase of seed 000 against the demo registry, 各乡镇 to every township", async () => {
    const plan = await importSeed(t, coordinator, "000");
    expect(plan.unresolved).toEqual([]);
    expect(plan.unresolvedCount).toBe(0);
    const townships = plan.tasks.flatMap((task) => task.units).filter((u) => u.phrase === "各乡镇");
    expect(townships.length).toBeGreaterThan(0);
    const task = must(
      plan.tasks.find((task) => task.units.some((u) => u.phrase === "各乡镇")),
      "a 各乡镇 task",
    );
    const expanded = task.units.filter((u) => u.phrase === "各乡镇").map((u) => u.unitName);
    expect(expanded).toContain("城关街道");
    expect(new Set(expanded).size).toBe(expanded.length);
  });

  it("keeps the original file for download, byte for byte", async () => {
    const plan = await importSeed(t, coordinator, "004");
    const response = await call("GET", `/api/plans/${plan.id}/file`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(readFileSync(seedPath("004")))).toBe(true);
    expect(response.headers["content-disposition"]).toContain("filename*=UTF-8''004_");
  });

  it("refuses a file that is not a plan, a forbidden format and a missing file, writing nothing", async () => {
    const before = await planCount();
    const notPlan = await importFile(t, coordinator, "通知.txt", "关于召开会议的通知\n请各单位准时参加。\n");
    expect(notPlan.statusCode).toBe(400);
    expect(notPlan.json().error.code).toBe("no_tasks");
    expect(notPlan.json().error.message).toContain("未能从文件中识别出任何任务");

    // photos of pages are read by OCR (import-progress.test.ts); a GIF is no plan's format
    const gif = Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0]);
    const image = await importFile(t, coordinator, "方案.docx", gif);
    expect(image.statusCode).toBe(400);
    expect(image.json().error).toMatchObject({ code: "document_unsupported" });
    expect(image.json().error.message).toContain("GIF");
    const brokenPng = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const broken = await importFile(t, coordinator, "照片.png", brokenPng);
    expect(broken.json().error).toMatchObject({ code: "document_corrupt" });

    const empty = await importFile(t, coordinator, "空.txt", "");
    expect(empty.json().error.code).toBe("document_empty");

    const json = await call("POST", "/api/plans/import", { file: "x" });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe("file_required");
    expect(await planCount()).toBe(before);
  });

  it("refuses a 60 MB upload with 413 and a message, writing nothing", async () => {
    const before = await planCount();
    const response = await importFile(t, coordinator, "大文件.txt", Buffer.alloc(60 * 1024 * 1024, 0x61));
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: "document_too_large" });
    expect(response.json().error.message).toContain("50 MB");
    expect(await planCount()).toBe(before);
  });

  it("creates a plan by hand and adds its tasks with the same form", async () => {
    const created = await call("POST", "/api/plans", { title: "手工方案", year: 2026, cadence: "half_yearly" });
    expect(created.statusCode).toBe(201);
    const plan: PlanDetail = created.json();
    expect(plan).toMatchObject({ title: "手工方案", year: 2026, endYear: 2026, file: null, sourceText: null });
    const court = await unitByName(t, "区人民法院");
    const added = await call("POST", `/api/plans/${plan.id}/tasks`, {
      number: "1",
      text: "推进多元解纷。",
      units: [{ unitId: court.id, role: "lead", phrase: "区人民法院", dismissedReason: null }],
      deadlines: [{ text: "2026年6月底前", kind: "date", due: "2026-06-30" }],
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().tasks[0]).toMatchObject({ number: "1", units: [{ unitName: "区人民法院", role: "lead" }] });
    const second = await call("POST", `/api/plans/${plan.id}/tasks`, {
      afterTaskId: added.json().tasks[0].id,
      number: "2",
      text: "第二项",
    });
    expect(second.json().tasks.map((t: Task) => t.number)).toEqual(["1", "2"]);
    const bad = await call("POST", "/api/plans", { title: "期限错误", year: 2026, endYear: 2024 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("结束年度不能早于开始年度");
  });
});

describe("review", () => {
  it("maps an unresolved phrase in every task, saving it as an alias that the next import resolves", async () => {
    const plan = await importSeed(t, coordinator, "004");
    const phrase = plan.unresolved.find((u) => u.phrase === "区城管局");
    expect(phrase).toBeDefined();
    const unit = await createUnit(t, admin, { name: "区城市管理和综合执法局", type: "enforcement_department" });
    const mapped = await call("POST", `/api/plans/${plan.id}/phrases/map`, { phrase: "区城管局", unitId: unit.id });
    expect(mapped.statusCode).toBe(200);
    const detail: PlanDetail = mapped.json();
    expect(detail.unresolved.map((u) => u.phrase)).not.toContain("区城管局");
    for (const taskId of must(phrase, "区城管局").taskIds) {
      const task = must(
        detail.tasks.find((t) => t.id === taskId),
        "task",
      );
      expect(task.units.find((u) => u.phrase === "区城管局")).toMatchObject({ unitId: unit.id, unitName: unit.name });
    }
    expect((await call("GET", `/api/units/${unit.id}`)).json().aliases).toContain("区城管局");

    const again = await importSeed(t, coordinator, "004");
    expect(again.unresolved.map((u) => u.phrase)).not.toContain("区城管局");
    expect(await auditCount(t, "plan", plan.id, "plan.phrase_map")).toBe(1);
  });

  it("refuses to publish while phrases are unresolved or tasks have no unit, then publishes once", async () => {
    const plan = await importSeed(t, coordinator, "004");
    const refused = await call("POST", `/api/plans/${plan.id}/publish`, { version: plan.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("unresolved_phrases");
    expect(refused.json().error.details.phrases).toEqual(plan.unresolved.map((u) => u.phrase));
    expect(await assignmentsOf(plan.id)).toEqual([]);

    const resolved = await resolveAll(plan);
    expect(resolved.unresolvedCount).toBe(0);
    const published = await call("POST", `/api/plans/${plan.id}/publish`, {
      version: resolved.version,
      cadence: "half_yearly",
      // the seeds are plans of past years, sent out on paper at the start of theirs
      assignedOn: `${resolved.year}-01-01`,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: "published", cadence: "half_yearly" });
    const expected = resolved.tasks.flatMap((task) => task.units.filter((u) => u.unitId !== null));
    const created = await assignmentsOf(plan.id);
    expect(created).toHaveLength(expected.length);
    expect(published.json().assignmentCount).toBe(expected.length);
    expect(created.every((a) => a.status === "new" && a.dueDates.length > 0)).toBe(true);

    const twice = await call("POST", `/api/plans/${plan.id}/publish`, { version: published.json().version });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("already_published");
    expect(await assignmentsOf(plan.id)).toHaveLength(expected.length);
  });

  it("refuses to publish a plan whose tasks name no unit", async () => {
    const plan = await importSeed(t, coordinator, "001");
    const refused = await call("POST", `/api/plans/${plan.id}/publish`, { version: plan.version });
    expect(refused.json().error.code).toBe("tasks_without_units");
    expect(refused.json().error.message).toContain("还没有指定单位");
  });

  it("edits a task's text, units, deadlines and targets, refusing a stale version and unknown units", async () => {
    const plan = await importSeed(t, coordinator, "000");
    const task = plan.tasks[0];
    const court = await unitByName(t, "区人民法院");
    const edited = await call("PATCH", `/api/plans/${plan.id}/tasks/${task.id}`, {
      version: task.version,
      text: "改写后的任务内容",
      units: [{ unitId: court.id, role: "lead", phrase: "区人民法院", dismissedReason: null }],
      deadlines: [{ text: "每年2月底前", kind: "recurring", rule: { every: "year", month: 2, day: "end" } }],
      targets: [{ text: "公开率达到100%", metric: "公开率", op: ">=", value: 100, unit: "%" }],
    });
    expect(edited.statusCode).toBe(200);
    const after = edited.json().tasks[0];
    expect(after).toMatchObject({ text: "改写后的任务内容", version: task.version + 1 });
    expect(after.units).toEqual([
      { unitId: court.id, unitName: "区人民法院", role: "lead", phrase: "区人民法院", dismissedReason: null },
    ]);
    expect(after.deadlines[0].rule).toEqual({ every: "year", month: 2, day: "end" });

    const stale = await call("PATCH", `/api/plans/${plan.id}/tasks/${task.id}`, {
      version: task.version,
      text: "覆盖",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");

    const unknown = await call("PATCH", `/api/plans/${plan.id}/tasks/${task.id}`, {
      version: after.version,
      units: [{ unitId: 999999, role: "lead", phrase: "不存在", dismissedReason: null }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("unknown_unit");
    const unchanged = (await call("GET", `/api/plans/${plan.id}`)).json().tasks[0];
    expect(unchanged).toMatchObject({ text: "改写后的任务内容", version: after.version });

    const planStale = await call("PATCH", `/api/plans/${plan.id}`, { version: plan.version + 5, title: "x" });
    expect(planStale.statusCode).toBe(409);
    const renamed = await call("PATCH", `/api/plans/${plan.id}`, {
      version: plan.version,
      title: "新标题",
      endYear: 2026,
    });
    expect(renamed.json()).toMatchObject({ title: "新标题", year: 2025, endYear: 2026, version: plan.version + 1 });

    const otherPlan = await importSeed(t, coordinator, "004");
    const foreign = await call("PATCH", `/api/plans/${plan.id}/tasks/${otherPlan.tasks[0].id}`, {
      version: 1,
      text: "x",
    });
    expect(foreign.statusCode).toBe(404);
  });

  it("splits a task in two and merges them back", async () => {
    const plan = await importSeed(t, coordinator, "000");
    const task = plan.tasks[0];
    const at = task.text.indexOf("。") + 1;
    const split = await call("POST", `/api/plans/${plan.id}/tasks/${task.id}/split`, { version: task.version, at });
    expect(split.statusCode).toBe(200);
    const [first, second] = split.json().tasks as Task[];
    expect(first.text).toBe(task.text.slice(0, at));
    expect(second.text).toBe(task.text.slice(at).trim());
    expect(second.number).toBe(`${task.number}-2`);
    expect(second.units).toEqual(first.units);
    expect(split.json().tasks).toHaveLength(plan.tasks.length + 1);

    const merged = await call("POST", `/api/plans/${plan.id}/tasks/${first.id}/merge`, {
      version: first.version,
      nextTaskId: second.id,
      nextVersion: second.version,
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().tasks).toHaveLength(plan.tasks.length);
    expect(merged.json().tasks[0].text).toBe(`${first.text}\n${second.text}`);

    const notNext = await call("POST", `/api/plans/${plan.id}/tasks/${plan.tasks[0].id}/merge`, {
      version: merged.json().tasks[0].version,
      nextTaskId: plan.tasks[2].id,
      nextVersion: plan.tasks[2].version,
    });
    expect(notNext.statusCode).toBe(400);
    const bad = await call("POST", `/api/plans/${plan.id}/tasks/${plan.tasks[1].id}/split`, {
      version: plan.tasks[1].version,
      at: 100000,
    });
    expect(bad.statusCode).toBe(400);

    const deleted = await call(
      "DELETE",
      `/api/plans/${plan.id}/tasks/${plan.tasks[1].id}?version=${plan.tasks[1].version}`,
    );
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().tasks).toHaveLength(plan.tasks.length - 1);
  });
});

describe("publish and amend", () => {
  async function publishedSeed(id: string): Promise<PlanDetail> {
    const plan = await resolveAll(await importSeed(t, coordinator, id));
    // the seeds are plans of past years, sent out on paper at the start of theirs
    const response = await call("POST", `/api/plans/${plan.id}/publish`, {
      version: plan.version,
      assignedOn: `${plan.year}-01-01`,
      // the tests here publish the same seed more than once, knowingly
      confirmDuplicate: true,
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  it("gives a date one due date, a yearly rule one a year, an ongoing task one per quarter", async () => {
    const plan = await publishedSeed("000");
    const all = await assignmentsOf(plan.id);
    for (const assignment of all) {
      const task = must(
        plan.tasks.find((t) => t.id === assignment.taskId),
        "task",
      );
      const kinds = task.deadlines.map((d) => d.kind);
      if (kinds.length === 1 && kinds[0] === "date" && task.deadlines[0].due && !task.deadlines[0].rule) {
        expect(assignment.dueDates.map((d) => d.dueOn)).toEqual([task.deadlines[0].due]);
      }
      if (kinds.length === 0 || (kinds.length === 1 && kinds[0] === "ongoing" && !task.deadlines[0].rule)) {
        expect(assignment.dueDates.map((d) => d.dueOn)).toEqual([
          "2025-03-31",
          "2025-06-30",
          "2025-09-30",
          "2025-12-31",
        ]);
      }
    }
    expect(await auditCount(t, "plan", plan.id, "plan.publish")).toBe(1);
  });

  it("amends a published plan: a new unit gets its assignment, a removed one is cancelled with a reason", async () => {
    const plan = await publishedSeed("004");
    const task = must(
      plan.tasks.find((t) => t.units.filter((u) => u.unitId !== null).length >= 2),
      "a task of two units",
    );
    const kept = task.units.filter((u) => u.unitId !== null);
    const removed = kept[kept.length - 1];
    const added = await createUnit(t, admin, { type: "other" });
    const units = [
      ...task.units.filter((u) => u !== removed),
      { unitId: added.id, role: "cooperating" as const, phrase: added.name, dismissedReason: null },
    ].map(({ unitId, role, phrase, dismissedReason }) => ({ unitId, role, phrase, dismissedReason }));
    const url = `/api/plans/${plan.id}/tasks/${task.id}`;

    const noReason = await call("PATCH", url, { version: task.version, units });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe("cancel_reason_required");
    expect((await assignmentsOf(plan.id)).filter((a) => a.taskId === task.id)).toHaveLength(kept.length);

    const amended = await call("PATCH", url, { version: task.version, units, cancelReason: "职责调整" });
    expect(amended.statusCode).toBe(200);
    const cancelled = (await assignmentsOf(plan.id, coordinator, "&status=cancelled")).filter(
      (a) => a.taskId === task.id,
    );
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({ unitId: removed.unitId, status: "cancelled", cancelledReason: "职责调整" });
    const open = (await assignmentsOf(plan.id)).filter((a) => a.taskId === task.id);
    expect(open.map((a) => a.unitId)).toContain(added.id);
    expect(open.map((a) => a.unitId)).not.toContain(removed.unitId);
    expect(await auditCount(t, "assignment", cancelled[0].id, "assignment.cancel")).toBe(1);

    // putting the unit back reinstates its assignment rather than making a second one
    const back = await call("PATCH", url, {
      version: amended.json().tasks.find((t: Task) => t.id === task.id).version,
      units: [...units, { unitId: removed.unitId, role: removed.role, phrase: removed.phrase, dismissedReason: null }],
    });
    expect(back.statusCode).toBe(200);
    const rows = await t.database.db.select().from(assignments).where(eq(assignments.taskId, task.id));
    expect(rows.filter((a) => a.unitId === removed.unitId)).toHaveLength(1);
    expect(rows.find((a) => a.unitId === removed.unitId)?.status).toBe("new");
  });

  it("moves the due dates when a published task's deadline or the plan's cadence changes", async () => {
    const plan = await publishedSeed("004");
    const task = plan.tasks[0];
    const edited = await call("PATCH", `/api/plans/${plan.id}/tasks/${task.id}`, {
      version: task.version,
      deadlines: [{ text: "2025年9月30日前", kind: "date", due: "2025-09-30" }],
    });
    expect(edited.statusCode).toBe(200);
    const dates = (await assignmentsOf(plan.id))
      .filter((a) => a.taskId === task.id)
      .map((a) => a.dueDates.map((d) => d.dueOn));
    expect(dates.every((d) => d.join() === "2025-09-30")).toBe(true);

    const ongoing = plan.tasks.find(
      (t) => t !== task && (t.deadlines.length === 0 || t.deadlines.every((d) => d.kind === "ongoing" && !d.rule)),
    );
    if (ongoing) {
      const monthly = await call("PATCH", `/api/plans/${plan.id}`, { version: plan.version, cadence: "monthly" });
      expect(monthly.statusCode).toBe(200);
      const after = must(
        (await assignmentsOf(plan.id)).find((a) => a.taskId === ongoing.id),
        "assignment",
      );
      expect(after.dueDates).toHaveLength(12);
    }
    const deleteRefused = await call("DELETE", `/api/plans/${plan.id}/tasks/${task.id}?version=${task.version + 1}`);
    expect(deleteRefused.statusCode).toBe(400);
  });

  it("exports the 任务分工表 as a real Excel file", async () => {
    const plan = await importSeed(t, coordinator, "000");
    const response = await call("GET", `/api/plans/${plan.id}/export.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = must(workbook.getWorksheet("任务分工表"), "sheet");
    expect(sheet.getRow(2).values).toEqual([undefined, "序号", "任务", "牵头单位", "责任单位", "配合单位", "完成时限"]);
    const numbers: string[] = [];
    sheet.eachRow((row, index) => {
      if (index > 2 && row.getCell(3).value !== null && row.getCell(2).value !== row.getCell(1).value)
        numbers.push(String(row.getCell(1).value));
    });
    expect(numbers).toEqual(plan.tasks.map((t) => t.number));
    const withGroup = plan.tasks.findIndex((t) =>
      t.units.some((u) => u.phrase === "各乡镇" && u.role === "responsible"),
    );
    if (withGroup >= 0) {
      const cells: string[] = [];
      sheet.eachRow((row) => cells.push(String(row.getCell(4).value ?? "")));
      expect(cells.some((c) => c.includes("各乡镇"))).toBe(true);
    }
  });

  it("writes every change to the audit log in the same transaction", async () => {
    const before = (await t.database.db.select({ n: count() }).from(auditEvents))[0].n;
    const plan = await importSeed(t, coordinator, "000");
    await call("PATCH", `/api/plans/${plan.id}`, { version: plan.version, cadence: "yearly" });
    const after = (await t.database.db.select({ n: count() }).from(auditEvents))[0].n;
    expect(after - before).toBe(2);
    expect(await auditCount(t, "plan", plan.id, "plan.update")).toBe(1);
  });
});
