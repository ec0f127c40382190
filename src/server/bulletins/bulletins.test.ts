import { and, eq } from "drizzle-orm";
import mammoth from "mammoth";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDay } from "../../core/calendar.js";
import type { Bulletin, BulletinList, ReportDetail } from "../../shared/api.js";
import { notifications } from "../db/schema.js";
import {
  auditCount,
  createUnit,
  exportedSheet,
  postReport,
  publishedPlan,
  signedInUser,
  TINY_PDF,
} from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

/** The clock of the app: moved by the tests, never by the code under test. */
let now = new Date("2026-10-10T10:00:00+08:00");

let t: TestApp;
let coordinator: string;
let leader: string;
let township: string;
let department: string;
let other: string;
let otherUnit: { id: number; name: string };
let unitIds: { township: number; department: number };
let planId: number;
let assignmentOf: Map<number, number>;

const Q3 = "2026年第三季度";

async function me(cookie: string) {
  return (await t.request({ method: "GET", url: "/api/auth/me", cookie })).json();
}

/** A report on one period, submitted; the coordinator then accepts or returns it. */
async function reportOn(cookie: string, assignmentId: number, period: string): Promise<ReportDetail> {
  const response = await postReport(t, cookie, assignmentId, { text: "已完成。", period, submit: "true" }, [
    { filename: "台账.pdf", content: TINY_PDF },
  ]);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function review(report: ReportDetail, decision: "accept" | "return", comment?: string) {
  const response = await t.request({
    method: "POST",
    url: `/api/reports/${report.id}/review`,
    cookie: coordinator,
    payload: { decision, comment, version: report.version },
  });
  expect(response.statusCode, response.body).toBe(200);
}

const generate = (payload: Record<string, unknown>, cookie = coordinator) =>
  t.request({ method: "POST", url: "/api/bulletins", cookie, payload });

async function generated(periodStart: string, periodEnd: string): Promise<Bulletin> {
  const response = await generate({ planId, periodStart, periodEnd });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const get = (id: number, cookie = coordinator) => t.request({ method: "GET", url: `/api/bulletins/${id}`, cookie });

async function publish(bulletin: Bulletin): Promise<Bulletin> {
  const response = await t.request({
    method: "POST",
    url: `/api/bulletins/${bulletin.id}/publish`,
    cookie: coordinator,
    payload: { version: bulletin.version },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The .docx as mammoth reads it: the paragraphs' text and each table's rows of cell text. */
async function readDocx(body: Buffer) {
  const html = parse((await mammoth.convertToHtml({ buffer: body })).value);
  const tables = html
    .querySelectorAll("table")
    .map((table) =>
      table.querySelectorAll("tr").map((row) => row.querySelectorAll("td, th").map((c) => c.text.trim())),
    );
  for (const table of html.querySelectorAll("table")) table.remove();
  return { paragraphs: html.querySelectorAll("p").map((p) => p.text.trim()), tables };
}

beforeAll(async () => {
  t = await buildTestApp({ FAZHI_OFFICE_NAME: "示例区法治政府建设领导小组办公室" }, { clock: () => now });
  const admin = await t.login("admin");
  coordinator = await t.login("coordinator");
  leader = await t.login("leader");
  township = await t.login("township");
  department = await t.login("department");
  unitIds = { township: (await me(township)).unit.id, department: (await me(department)).unit.id };
  const unit = await createUnit(t, admin, { name: "示例区测试局" });
  otherUnit = { id: unit.id, name: unit.name };
  other = (await signedInUser(t, admin, { roles: ["unit_manager"], unitId: unit.id })).cookie;

  // one ongoing task, reported quarterly: each unit has a period due at the end of each quarter of 2026
  const { plan, assignments } = await publishedPlan(t, coordinator, [unitIds.township, unitIds.department, unit.id]);
  planId = plan.id;
  assignmentOf = new Map(assignments.map((a) => [a.unitId, a.id]));
  const id = (unitId: number) => assignmentOf.get(unitId) as number;
  // the township: Q1 and Q3 accepted; the department: Q3 returned; the third unit: nothing at all
  await review(await reportOn(township, id(unitIds.township), "2026年第一季度"), "accept");
  await review(await reportOn(township, id(unitIds.township), Q3), "accept");
  await review(await reportOn(department, id(unitIds.department), Q3), "return", "佐证材料不全，请补充会议纪要");
});
afterAll(() => t.close());

describe("generating a bulletin", () => {
  it("counts each unit's periods of the quarter as of the clock's day, and lists the overdue and the returned", async () => {
    const bulletin = await generated("2026-07-01", "2026-09-30");
    expect(bulletin).toMatchObject({
      status: "draft",
      docNumber: null,
      periodName: Q3,
      title: `关于《${bulletin.plan.title}》2026年第三季度任务落实情况的通报`,
      namedUnits: 2,
      issuer: "示例区法治政府建设领导小组办公室",
      date: "2026-10-10",
      dateText: "2026年10月10日",
      canEdit: true,
    });
    const units = bulletin.content.units;
    // best rate first
    expect(units[0]).toMatchObject({ unitId: unitIds.township, due: 1, done: 1, overdue: 0, returned: 0, rate: 1 });
    const byId = new Map(units.map((u) => [u.unitId, u]));
    expect(byId.get(unitIds.department)).toMatchObject({ due: 1, done: 0, overdue: 1, returned: 1, rate: 0 });
    expect(byId.get(otherUnit.id)).toMatchObject({
      unitName: "示例区测试局",
      due: 1,
      done: 0,
      overdue: 1,
      returned: 0,
      rate: 0,
    });
    expect(units).toHaveLength(3);

    expect(bulletin.content.overdue).toHaveLength(2);
    expect(bulletin.content.overdue.map((o) => o.assignmentId).sort()).toEqual(
      [assignmentOf.get(unitIds.department), assignmentOf.get(otherUnit.id)].sort(),
    );
    expect(bulletin.content.overdue[0]).toMatchObject({
      taskNumber: "1",
      taskText: "依法履行职责。",
      period: Q3,
      dueOn: "2026-09-30",
      daysOverdue: 10,
    });
    expect(bulletin.content.returned).toEqual([
      {
        reportId: expect.any(Number),
        assignmentId: assignmentOf.get(unitIds.department),
        unitName: expect.any(String),
        taskNumber: "1",
        period: Q3,
        // reviews take the real time
        returnedAt: chinaDay(new Date()),
        reason: "佐证材料不全，请补充会议纪要",
      },
    ]);
    expect(bulletin.intro).toContain("截至2026年10月10日，本期到期任务共3项次，涉及3家单位，已完成1项次，完成率33.3%");
    expect(bulletin.intro).toContain("逾期未完成2项次，涉及2家单位；审核退回重办1份。");
    expect(bulletin.closing).toContain("将整改情况报送示例区法治政府建设领导小组办公室");
    expect(await auditCount(t, "bulletin", bulletin.id, "bulletin.create")).toBe(1);
  });

  it("counts over a year only what has fallen due by the day, and what was closed", async () => {
    const bulletin = await generated("2026-01-01", "2026-12-31");
    expect(bulletin.periodName).toBe("2026年度");
    const byId = new Map(bulletin.content.units.map((u) => [u.unitId, u]));
    // Q1–Q3 are due by 10 October; Q4 (31 December) is not yet
    expect(byId.get(unitIds.township)).toMatchObject({ due: 3, done: 2, overdue: 1, rate: 0.6667 });
    expect(byId.get(unitIds.department)).toMatchObject({ due: 3, done: 0, overdue: 3, returned: 1, rate: 0 });
    expect(bulletin.content.overdue.find((o) => o.period === "2026年第一季度")?.daysOverdue).toBe(193);
  });

  it("refuses a range that ends before it starts, an unknown plan, a draft plan and a range with nothing due", async () => {
    const backwards = await generate({ planId, periodStart: "2026-09-30", periodEnd: "2026-07-01" });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toMatchObject({ code: "bad_period", message: expect.stringContaining("结束日期") });

    const tooLong = await generate({ planId, periodStart: "2026-01-01", periodEnd: "2027-01-01" });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.code).toBe("bad_period");

    const notADate = await generate({ planId, periodStart: "2026-13-01", periodEnd: "2026-12-31" });
    expect(notADate.statusCode).toBe(400);

    const unknown = await generate({ planId: 999_999, periodStart: "2026-07-01", periodEnd: "2026-09-30" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe("方案不存在或已被删除");

    const draft = await t.request({
      method: "POST",
      url: "/api/plans",
      cookie: coordinator,
      payload: { title: "尚未交办的方案", year: 2026 },
    });
    const unpublished = await generate({ planId: draft.json().id, periodStart: "2026-07-01", periodEnd: "2026-09-30" });
    expect(unpublished.statusCode).toBe(409);
    expect(unpublished.json().error.code).toBe("plan_not_published");

    const future = await generate({ planId, periodStart: "2027-01-01", periodEnd: "2027-03-31" });
    expect(future.statusCode).toBe(409);
    expect(future.json().error).toMatchObject({
      code: "nothing_due",
      message: expect.stringContaining("2027年第一季度"),
    });
  });
});

describe("editing and publishing", () => {
  it("edits a draft's words with its version, and refuses a stale one", async () => {
    const bulletin = await generated("2026-07-01", "2026-09-30");
    const edit = (version: number, title: string) =>
      t.request({
        method: "PATCH",
        url: `/api/bulletins/${bulletin.id}`,
        cookie: coordinator,
        payload: { version, title, closing: "请各单位立行立改。" },
      });
    const saved = await edit(bulletin.version, "关于三季度任务落实情况的通报");
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      title: "关于三季度任务落实情况的通报",
      closing: "请各单位立行立改。",
      intro: bulletin.intro,
      version: bulletin.version + 1,
    });
    const stale = await edit(bulletin.version, "另一个标题");
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    expect((await get(bulletin.id)).json().title).toBe("关于三季度任务落实情况的通报");
    expect(await auditCount(t, "bulletin", bulletin.id, "bulletin.update")).toBe(1);

    // found by a word of its title, exported with the filters in words; a unit sees no draft in either
    const list = async (query: string, cookie = coordinator) =>
      (await t.request({ method: "GET", url: `/api/bulletins?${query}`, cookie })).json<BulletinList>().items;
    expect((await list(`q=${encodeURIComponent("关于三季度 落实")}`)).map((b) => b.id)).toEqual([bulletin.id]);
    expect(await list(`q=${encodeURIComponent("没有这份通报")}`)).toEqual([]);
    const sheet = await exportedSheet(
      await t.request({
        method: "GET",
        url: `/api/bulletins/export.xlsx?q=${encodeURIComponent("关于三季度")}&status=draft`,
        cookie: coordinator,
      }),
    );
    expect(String(sheet.getCell(2, 1).value)).toContain("关键词：关于三季度");
    expect(sheet.getRow(4).values).toEqual(
      expect.arrayContaining(["（未发布）", "关于三季度任务落实情况的通报", "草稿"]),
    );
    const theirs = await exportedSheet(
      await t.request({ method: "GET", url: "/api/bulletins/export.xlsx?status=draft", cookie: township }),
    );
    expect(theirs.rowCount).toBe(3);
  });

  it("numbers bulletins 1, 2 in a year and from 1 again the next, tells the units named, and then stays as issued", async () => {
    const first = await generated("2026-07-01", "2026-09-30");
    const second = await generated("2026-01-01", "2026-12-31");
    const inboxBefore = await t.database.db.select().from(notifications).where(eq(notifications.kind, "bulletin"));
    expect(inboxBefore).toEqual([]);

    const published = await publish(first);
    expect(published).toMatchObject({ status: "published", docNumber: "通报〔2026〕第1号", canEdit: false });
    expect(published.publishedAt).toBe(now.toISOString());
    expect((await publish(second)).docNumber).toBe("通报〔2026〕第2号");

    // the people of every unit listed hear of it, once per bulletin; the coordinator's office does not
    const told = async (cookie: string) => {
      const { user } = await me(cookie);
      return t.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, user.id), eq(notifications.kind, "bulletin")));
    };
    const [departmentTold, townshipTold, otherTold, coordinatorTold] = await Promise.all([
      told(department),
      told(township),
      told(other),
      told(coordinator),
    ]);
    expect(departmentTold).toHaveLength(2);
    expect(townshipTold).toHaveLength(2);
    expect(otherTold).toHaveLength(2);
    expect(coordinatorTold).toEqual([]);
    const aboutFirst = departmentTold.find((n) => n.link === `/bulletins/${first.id}`);
    expect(aboutFirst?.title).toBe(`通报：${first.title}`);
    expect(aboutFirst?.body).toContain("通报〔2026〕第1号");
    expect(aboutFirst?.body).toContain("逾期未完成1项次，退回重办1份");
    expect(aboutFirst?.body).toContain("请对照通报逐项整改");
    expect(townshipTold.find((n) => n.link === `/bulletins/${first.id}`)?.body).toContain("完成率100%。请查阅。");
    expect(await auditCount(t, "bulletin", first.id, "bulletin.publish")).toBe(1);

    // published: no more edits, no second number
    const again = await t.request({
      method: "POST",
      url: `/api/bulletins/${first.id}/publish`,
      cookie: coordinator,
      payload: { version: published.version },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_published");
    const edit = await t.request({
      method: "PATCH",
      url: `/api/bulletins/${first.id}`,
      cookie: coordinator,
      payload: { version: published.version, title: "改" },
    });
    expect(edit.statusCode).toBe(409);

    now = new Date("2027-01-05T10:00:00+08:00");
    // months later the session has long been idle: sign in again, as the office would
    coordinator = await t.login("coordinator");
    try {
      const nextYear = await generated("2026-10-01", "2026-12-31");
      expect((await publish(nextYear)).docNumber).toBe("通报〔2027〕第1号");
    } finally {
      now = new Date("2026-10-10T10:00:00+08:00");
      // signing in at the later date removed the sessions that had ended by then, the earlier one among them
      coordinator = await t.login("coordinator");
    }
  });

  it("writes the .docx in official layout: issuer, number, title, the tables with each unit's rate", async () => {
    const bulletin = await publish(await generated("2026-07-01", "2026-09-30"));
    const response = await t.request({ method: "GET", url: `/api/bulletins/${bulletin.id}.docx`, cookie: township });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("wordprocessingml.document");
    expect(response.headers["content-disposition"]).toContain(encodeURIComponent(`${bulletin.docNumber}-`));
    const { paragraphs, tables } = await readDocx(response.rawPayload);
    expect(paragraphs.slice(0, 2)).toEqual(["示例区法治政府建设领导小组办公室", bulletin.docNumber]);
    expect(paragraphs).toContain(bulletin.title);
    expect(paragraphs).toContain("各有关单位：");
    expect(paragraphs).toContain("一、各单位任务完成情况");
    expect(paragraphs).toContain(bulletin.intro);
    expect(paragraphs.at(-1)).toBe("2026年10月10日");

    const [units, overdue, returned] = tables;
    expect(units[0]).toEqual(["序号", "单位", "应完成", "已完成", "逾期未完成", "退回重办", "完成率"]);
    const townshipName = bulletin.content.units[0].unitName;
    expect(units[1]).toEqual(["1", townshipName, "1", "1", "0", "0", "100%"]);
    expect(units.find((row) => row[1] === "示例区测试局")).toEqual([
      expect.any(String),
      "示例区测试局",
      "1",
      "0",
      "1",
      "0",
      "0%",
    ]);
    expect(overdue).toHaveLength(3);
    expect(overdue.find((row) => row[1] === "示例区测试局")).toEqual([
      expect.any(String),
      "示例区测试局",
      "第一项“依法履行职责”",
      Q3,
      "2026年9月30日",
      "10",
    ]);
    expect(returned[1]).toContain("佐证材料不全，请补充会议纪要");
  });

  it("marks a draft's document as a draft, with no number", async () => {
    const draft = await generated("2026-07-01", "2026-09-30");
    const response = await t.request({ method: "GET", url: `/api/bulletins/${draft.id}.docx`, cookie: coordinator });
    expect(response.statusCode).toBe(200);
    const { paragraphs } = await readDocx(response.rawPayload);
    expect(paragraphs[1]).toBe("通报〔草稿〕");
  });
});

describe("who reads what", () => {
  it("shows drafts to the office and the leaders, and to a unit only what was published", async () => {
    const draft = await generated("2026-07-01", "2026-09-30");
    const published = await publish(await generated("2026-07-01", "2026-09-30"));

    for (const cookie of [coordinator, leader]) expect((await get(draft.id, cookie)).statusCode).toBe(200);
    expect((await get(draft.id, leader)).json().canEdit).toBe(false);
    for (const cookie of [township, other]) {
      expect((await get(draft.id, cookie)).statusCode).toBe(404);
      const docx = await t.request({ method: "GET", url: `/api/bulletins/${draft.id}.docx`, cookie });
      expect(docx.statusCode).toBe(404);
      // circulated to every unit: one it is not named in reads it too
      expect((await get(published.id, cookie)).statusCode).toBe(200);
    }

    const list = async (cookie: string, query = "") =>
      (await t.request({ method: "GET", url: `/api/bulletins${query}`, cookie })).json<BulletinList>();
    const unitView = await list(township, `?planId=${planId}`);
    expect(unitView.items.every((b) => b.status === "published")).toBe(true);
    expect(unitView.items.map((b) => b.id)).toContain(published.id);
    expect(unitView.items.map((b) => b.id)).not.toContain(draft.id);
    const officeView = await list(coordinator, `?planId=${planId}&status=draft`);
    expect(officeView.items.find((b) => b.id === draft.id)).toMatchObject({
      title: draft.title,
      periodName: Q3,
      namedUnits: 2,
      docNumber: null,
    });
    expect(officeView.items.every((b) => b.status === "draft" && b.plan.id === planId)).toBe(true);
    expect((await list(coordinator, "?planId=999999")).items).toEqual([]);
  });

  it("lets only the office generate, edit and publish", async () => {
    const draft = await generated("2026-07-01", "2026-09-30");
    for (const cookie of [leader, township]) {
      expect((await generate({ planId, periodStart: "2026-07-01", periodEnd: "2026-09-30" }, cookie)).statusCode).toBe(
        403,
      );
      const edit = await t.request({
        method: "PATCH",
        url: `/api/bulletins/${draft.id}`,
        cookie,
        payload: { version: draft.version, title: "改" },
      });
      expect(edit.statusCode).toBe(403);
      const publishing = await t.request({
        method: "POST",
        url: `/api/bulletins/${draft.id}/publish`,
        cookie,
        payload: { version: draft.version },
      });
      expect(publishing.statusCode).toBe(403);
    }
    expect((await get(draft.id)).json()).toMatchObject({ status: "draft", version: draft.version });
  });
});
