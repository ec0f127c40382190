import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Notification, NotificationList, NotificationPreferences, ReportDetail } from "../../shared/api.js";
import { CHOOSABLE_NOTIFICATION_KINDS } from "../../shared/domain.js";
import { channels, deliveries, noticeLog, users } from "../db/schema.js";
import { auditCount, createReport, createUnit, publishedPlan, signedInUser } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let admin: string;
let coordinator: string;
let township: string;
let townshipId: number;
let townshipUserId: number;
let department: string;
let departmentId: number;

beforeAll(async () => {
  // a mail server nobody listens at: the emails are queued (and would fail), which is what these tests look at
  t = await buildTestApp({ FAZHI_SMTP_URL: "smtp://127.0.0.1:9", FAZHI_SMTP_FROM: "区司法局 <fazhi@example.gov.cn>" });
  admin = await t.login("admin");
  coordinator = await t.login("coordinator");
  township = await t.login("township");
  department = await t.login("department");
  const me = (await t.request({ method: "GET", url: "/api/auth/me", cookie: township })).json();
  townshipId = me.unit.id;
  townshipUserId = me.user.id;
  departmentId = (await t.request({ method: "GET", url: "/api/auth/me", cookie: department })).json().unit.id;
  await t.database.db.update(users).set({ email: "chengguan@example.gov.cn" }).where(eq(users.id, townshipUserId));
});
afterAll(() => t.close());

const bell = async (cookie: string): Promise<Notification[]> =>
  (await t.request({ method: "GET", url: "/api/notifications?limit=200", cookie })).json<NotificationList>().items;

const ofKind = async (cookie: string, kind: Notification["kind"]) =>
  (await bell(cookie)).filter((n) => n.kind === kind);

const dated = (due: string) => [{ text: "2026年6月30日前", kind: "date" as const, due }];

async function review(report: ReportDetail, decision: "accept" | "return", comment?: string) {
  const response = await t.request({
    method: "POST",
    url: `/api/reports/${report.id}/review`,
    cookie: coordinator,
    payload: { decision, comment, version: report.version },
  });
  expect(response.statusCode, response.body).toBe(200);
}

const runJobs = (now: Date) =>
  t.request({ method: "POST", url: "/api/jobs/run", cookie: admin, payload: { now: now.toISOString() } });

describe("the notices of the work's steps", () => {
  it("tells each unit once per plan of the tasks it got, with its role and deadline", async () => {
    const { plan, assignments } = await publishedPlan(t, coordinator, [townshipId, departmentId], {
      tasks: [
        { title: "严格依法执法", deadlines: dated("2026-06-30") },
        { text: "全面推行行政执法公示制度，做到应公开尽公开。" },
      ],
    });
    const [mine] = (await ofKind(township, "assigned")).filter((n) => n.title.includes(plan.title));
    expect(mine).toMatchObject({
      title: `新任务交办：《${plan.title}》2 项任务`,
      link: `/assignments?planId=${plan.id}`,
    });
    expect(mine.body).toBe(
      `《${plan.title}》向你单位交办 2 项任务，请及时签收，按时限报送进展：\n` +
        "1. 第一项“严格依法执法”（牵头单位；完成时限：2026年6月30日前）\n" +
        "2. 第二项“全面推行行政执法公示制度，做到应公开尽公开”（牵头单位；完成时限：长期坚持）",
    );
    const theirs = (await ofKind(department, "assigned")).filter((n) => n.title.includes(plan.title));
    expect(theirs).toHaveLength(1);
    expect(theirs[0].body).toContain("（责任单位；完成时限：2026年6月30日前）");
    // each assignment's key is in the log: the same 交办 never tells twice
    const keys = await t.database.db.select().from(noticeLog).where(like(noticeLog.key, "assigned:%"));
    expect(keys.map((k) => k.key)).toEqual(expect.arrayContaining(assignments.map((a) => `assigned:${a.id}`)));
    // the office hears of none of it
    expect((await ofKind(coordinator, "assigned")).length).toBe(0);
  });

  it("tells the unit of a returned report with the reason, and of an accepted one", async () => {
    const { plan, assignments } = await publishedPlan(t, coordinator, [townshipId], {
      tasks: [{ title: "推进政务公开" }],
    });
    const report = await createReport(t, township, assignments[0].id, { submit: true });
    await review(report, "return", "佐证材料不全，请补充会议纪要");
    const [returned] = (await ofKind(township, "returned")).filter((n) => n.body.includes(plan.title));
    expect(returned.title).toMatch(/^报告被退回：第一项任务（.+）$/);
    expect(returned.body).toContain("退回原因：佐证材料不全，请补充会议纪要。请按意见修改后重新报送。");
    expect(returned.link).toBe(`/assignments/${assignments[0].id}?period=${encodeURIComponent(report.period)}`);

    const again = await createReport(t, township, assignments[0].id, { submit: true });
    await review(again, "accept", "材料齐全");
    const [accepted] = (await ofKind(township, "accepted")).filter((n) => n.body.includes(plan.title));
    expect(accepted.title).toMatch(/^报告已通过：第一项任务（.+）$/);
    expect(accepted.body).toContain("已审核通过。审核意见：材料齐全");
  });

  it("tells who asked for an extension, and the unit's managers, what was decided and the new date", async () => {
    const { plan, assignments } = await publishedPlan(t, coordinator, [townshipId], {
      tasks: [{ title: "开展执法检查", deadlines: [{ text: "2026年12月31日前", kind: "date", due: "2026-12-31" }] }],
    });
    const ask = async (requestedDueOn: string) => {
      const response = await t.request({
        method: "POST",
        url: `/api/assignments/${assignments[0].id}/extension-requests`,
        cookie: township,
        payload: { requestedDueOn, reason: "需协调多个部门" },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: number; version: number }>();
    };
    const decide = async (request: { id: number; version: number }, approve: boolean, comment?: string) => {
      const response = await t.request({
        method: "POST",
        url: `/api/extension-requests/${request.id}/decide`,
        cookie: coordinator,
        payload: { approve, comment, version: request.version },
      });
      expect(response.statusCode, response.body).toBe(200);
    };
    await decide(await ask("2027-01-31"), false, "年底前须完成");
    await decide(await ask("2027-01-15"), true);
    const decided = (await ofKind(township, "extension")).filter((n) => n.body.includes(plan.title));
    expect(decided.map((n) => n.title)).toEqual([
      "延期申请已批准：第一项任务延至2027年1月15日",
      "延期申请未获批准：第一项任务（完成时限）",
    ]);
    expect(decided[0].body).toContain("完成时限由2026年12月31日延至2027年1月15日");
    expect(decided[1].body).toContain("完成时限仍为2026年12月31日，请按时报送。审批意见：年底前须完成");
  });

  it("gathers the reports submitted in an hour into one message to each reviewer, sent once", async () => {
    const { assignments } = await publishedPlan(t, coordinator, [townshipId], {
      tasks: [{ title: "落实重大行政决策程序" }, { title: "加强行政复议工作" }],
    });
    for (const assignment of assignments) await createReport(t, township, assignment.id, { submit: true });
    const before = (await ofKind(coordinator, "review")).length;

    // within the hour nothing is told; after it, one message names both
    expect((await runJobs(new Date())).statusCode).toBe(200);
    const inHour = (await ofKind(coordinator, "review")).length;
    const later = new Date(Date.now() + 3600_000);
    expect((await runJobs(later)).statusCode).toBe(200);
    const digests = await ofKind(coordinator, "review");
    expect(digests.length).toBeGreaterThan(before);
    const digest = digests.find((n) => n.body.includes("落实重大行政决策程序"));
    expect(digest?.title).toMatch(/^新报告待审核：\d+ 份进展报告$/);
    expect(digest?.body).toContain("第一项“落实重大行政决策程序”");
    expect(digest?.body).toContain("第二项“加强行政复议工作”");
    expect(digest?.link).toBe("/");
    expect(inHour).toBeLessThanOrEqual(before + 1);
    // again: nothing new; the unit that submitted hears of no review
    await runJobs(later);
    expect((await ofKind(coordinator, "review")).length).toBe(digests.length);
    expect(await ofKind(township, "review")).toEqual([]);
  });

  it("sends a cooperating unit's reports to the lead unit's managers for review", async () => {
    const lead = await createUnit(t, admin, { type: "department" });
    const leadManager = await signedInUser(t, admin, { roles: ["unit_manager"], unitId: lead.id });
    const { assignments } = await publishedPlan(t, coordinator, [lead.id, townshipId], {
      roles: ["lead", "cooperating"],
      tasks: [{ title: "配合开展普法宣传" }],
    });
    const cooperating = assignments.find((a) => a.unitId === townshipId);
    await createReport(t, township, cooperating?.id as number, { submit: true });
    await runJobs(new Date(Date.now() + 3600_000));
    const [digest] = await ofKind(leadManager.cookie, "review");
    expect(digest.body).toContain("第一项“配合开展普法宣传”");
  });
});

describe("消息设置", () => {
  it("lists every kind but security, all channels by default, and keeps a kind to the app", async () => {
    const read = async () =>
      (
        await t.request({ method: "GET", url: "/api/notification-preferences", cookie: township })
      ).json<NotificationPreferences>();
    const first = await read();
    expect(first).toEqual({
      items: CHOOSABLE_NOTIFICATION_KINDS.map((kind) => ({ kind, channel: "all" })),
      email: "chengguan@example.gov.cn",
      emailEnabled: true,
    });
    const choose = (payload: Record<string, unknown>) =>
      t.request({ method: "PATCH", url: "/api/notification-preferences", cookie: township, payload });
    const chosen = await choose({ kind: "returned", channel: "app" });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json<NotificationPreferences>().items.find((i) => i.kind === "returned")?.channel).toBe("app");
    // the same again changes nothing and is not audited twice
    await choose({ kind: "returned", channel: "app" });
    expect(await auditCount(t, "user", townshipUserId, "notification_preference.update")).toBe(1);
    for (const bad of [
      { kind: "security", channel: "app" },
      { kind: "returned", channel: "sms" },
      { kind: "returned" },
    ]) {
      const refused = await choose(bad);
      expect(refused.statusCode, JSON.stringify(bad)).toBe(400);
      expect(refused.json().error.code).toBe("validation_failed");
    }
  });

  it("sends no email of a kind kept to the app, and the unit's robot stays silent on it; other kinds go out", async () => {
    await t.database.db.insert(channels).values({
      kind: "wecom",
      name: "城关街道工作群",
      url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=test",
      unitId: townshipId,
    });
    // the township's manager is the only one who hears of a returned report here
    const { assignments } = await publishedPlan(t, coordinator, [townshipId], { tasks: [{ title: "规范执法文书" }] });
    const report = await createReport(t, township, assignments[0].id, { submit: true });
    await review(report, "return", "请补充照片");
    expect((await ofKind(township, "returned")).some((n) => n.body.includes("请补充照片"))).toBe(true);
    const returnedOut = await t.database.db.select().from(deliveries).where(like(deliveries.body, "%请补充照片%"));
    expect(returnedOut).toEqual([]);
    // the 交办 (not kept to the app) went out by email and to the robot
    const assigned = await t.database.db.select().from(deliveries).where(like(deliveries.subject, "新任务交办%"));
    expect(assigned.filter((d) => d.channel === "wecom").length).toBeGreaterThan(0);
    expect(
      assigned.filter((d) => d.channel === "email" && d.address === "chengguan@example.gov.cn").length,
    ).toBeGreaterThan(0);
  });
});
