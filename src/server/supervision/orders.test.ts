import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRun, NotificationList, PlanDetail, SupervisionOrder, SupervisionOrderList } from "../../shared/api.js";
import {
  auditCount,
  createReport,
  createUnit,
  exportedSheet,
  publishedPlan,
  runJobsAt,
  signedInUser,
} from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let admin: string;
let coordinator: string;
let township: string;
let townshipId: number;
let otherTownship: string;

beforeAll(async () => {
  t = await buildTestApp(
    { FAZHI_OFFICE_NAME: "测试区法治政府建设领导小组办公室" },
    {
      clock: () => new Date("2026-07-10T09:00:00+08:00"),
    },
  );
  admin = await t.login("admin");
  coordinator = await t.login("coordinator");
  township = await t.login("township");
  townshipId = (await t.request({ method: "GET", url: "/api/auth/me", cookie: township })).json().unit.id;
  const other = await createUnit(t, admin, { type: "township" });
  otherTownship = (await signedInUser(t, admin, { roles: ["unit_manager"], unitId: other.id })).cookie;
});
afterAll(() => t.close());

/** Runs the due jobs as at a moment of China time. */
const runAt = (chinaTime: string) => runJobsAt(t, admin, chinaTime);

const dated = (due: string) => ({ deadlines: [{ text: `${due}前`, kind: "date" as const, due }] });

async function ordersOf(planId: number, cookie = coordinator, query = ""): Promise<SupervisionOrder[]> {
  const response = await t.request({ method: "GET", url: `/api/supervision-orders?planId=${planId}${query}`, cookie });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SupervisionOrderList>().items;
}

const inbox = async (cookie: string): Promise<NotificationList> =>
  (await t.request({ method: "GET", url: "/api/notifications", cookie })).json();

describe("supervision orders drafted by the job", () => {
  it("drafts a yellow order X days overdue and a red one Y days overdue, once each; issuing numbers it", async () => {
    const { plan } = await publishedPlan(t, coordinator, [townshipId], dated("2026-06-30"));
    const mine = (run: JobRun) => run.orders;

    await runAt("2026-07-01T09:00:00");
    await runAt("2026-07-02T09:00:00");
    expect(await ordersOf(plan.id)).toEqual([]);
    expect(mine(await runAt("2026-07-03T09:00:00"))).toBeGreaterThanOrEqual(1);
    const [yellow] = await ordersOf(plan.id);
    expect(yellow).toMatchObject({
      level: "yellow",
      status: "draft",
      docNumber: null,
      automatic: true,
      daysOverdue: 3,
      period: "完成时限",
      dueOn: "2026-06-30",
      replyBy: "2026-07-08",
      unit: { id: townshipId },
    });
    expect(yellow.body).toContain("完成时限为2026年6月30日，截至2026年7月3日已逾期3天");
    expect(yellow.body).toContain("于2026年7月8日前完成整改");
    // the coordinator hears that drafts wait; the unit hears nothing of a draft
    expect((await inbox(coordinator)).items[0]).toMatchObject({
      kind: "order",
      link: "/supervision-orders?status=draft",
    });
    expect(await ordersOf(plan.id, township)).toEqual([]);

    // again, and the days after: nothing new until the red threshold
    await runAt("2026-07-03T15:00:00");
    await runAt("2026-07-09T09:00:00");
    expect(await ordersOf(plan.id)).toHaveLength(1);
    await runAt("2026-07-10T09:00:00");
    const [red, replaced] = await ordersOf(plan.id);
    expect(red).toMatchObject({ level: "red", status: "draft", daysOverdue: 10 });
    expect(replaced).toMatchObject({ id: yellow.id, status: "cancelled", cancelledReason: "已升级为红牌督办" });

    const issued = await t.request({
      method: "POST",
      url: `/api/supervision-orders/${red.id}/issue`,
      cookie: coordinator,
      payload: { version: red.version },
    });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({
      status: "issued",
      docNumber: expect.stringMatching(/^督办〔2026〕第\d+号$/),
    });
    expect(await auditCount(t, "supervision_order", red.id, "supervision_order.issue")).toBe(1);

    // the township sees what was issued to it, and is told; another township does not see it
    const seen = await ordersOf(plan.id, township);
    expect(seen.map((o) => o.id)).toEqual([red.id]);
    const told = (await inbox(township)).items.find((n) => n.kind === "order");
    expect(told).toMatchObject({
      link: `/supervision-orders/${red.id}`,
      title: `红牌督办：${issued.json().docNumber}`,
    });
    const hidden = await t.request({ method: "GET", url: `/api/supervision-orders/${red.id}`, cookie: otherTownship });
    expect(hidden.statusCode).toBe(404);
    const draftHidden = await t.request({
      method: "GET",
      url: `/api/supervision-orders/${yellow.id}`,
      cookie: township,
    });
    expect(draftHidden.statusCode).toBe(404);

    // issued once: again is refused, and editing too
    const again = await t.request({
      method: "POST",
      url: `/api/supervision-orders/${red.id}/issue`,
      cookie: coordinator,
      payload: { version: red.version + 1 },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toBe("督办单已签发，不能再次签发");

    // searched by the unit's name or the plan's title, and exported with the same filters; a unit only its own
    const me = (await t.request({ method: "GET", url: "/api/auth/me", cookie: township })).json();
    expect((await ordersOf(plan.id, coordinator, `&q=${encodeURIComponent(me.unit.name)}`)).length).toBe(2);
    expect(await ordersOf(plan.id, coordinator, `&q=${encodeURIComponent("没有这个单位")}`)).toEqual([]);
    const sheet = await exportedSheet(
      await t.request({
        method: "GET",
        url: `/api/supervision-orders/export.xlsx?planId=${plan.id}&status=issued`,
        cookie: coordinator,
      }),
    );
    expect(String(sheet.getCell(2, 1).value)).toContain(`方案：${plan.title}`);
    expect(sheet.getRow(3).values).toEqual(expect.arrayContaining(["文号", "等级", "被督办单位", "完成时限"]));
    expect(sheet.getRow(4).values).toEqual(
      expect.arrayContaining([issued.json().docNumber, "红牌督办", me.unit.name, "2026年6月30日"]),
    );
    expect(sheet.rowCount).toBe(4);
    const theirs = await exportedSheet(
      await t.request({ method: "GET", url: "/api/supervision-orders/export.xlsx", cookie: otherTownship }),
    );
    expect(theirs.rowCount).toBe(3);
  });

  it("numbers issued orders one after another within the year", async () => {
    const { plan } = await publishedPlan(t, coordinator, [townshipId], dated("2026-07-05"));
    await runAt("2026-07-08T09:00:00");
    const [order] = await ordersOf(plan.id, coordinator, "&status=draft");
    const first = (
      await t.request({ method: "GET", url: "/api/supervision-orders?status=issued&limit=500", cookie: coordinator })
    ).json<SupervisionOrderList>();
    const issued = await t.request({
      method: "POST",
      url: `/api/supervision-orders/${order.id}/issue`,
      cookie: coordinator,
      payload: { version: order.version },
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const numbers = first.items.map((o) => Number(o.docNumber?.match(/第(\d+)号/)?.[1]));
    expect(issued.json().docNumber).toBe(`督办〔2026〕第${Math.max(0, ...numbers) + 1}号`);
  });

  it("follows the plan's own rules, and refuses rules that do not hold together", async () => {
    const { plan } = await publishedPlan(t, coordinator, [townshipId], dated("2026-06-30"));
    const patch = (supervisionRules: unknown, version: number) =>
      t.request({
        method: "PATCH",
        url: `/api/plans/${plan.id}`,
        cookie: coordinator,
        payload: { version, supervisionRules },
      });
    const wrong = await patch(
      { reminderDays: [3], yellowOrderDays: 5, redOrderDays: 5, quietHours: { from: 22, to: 7 } },
      plan.version,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe("红牌督办的逾期天数须大于黄牌督办的逾期天数");
    const set = await patch(
      { reminderDays: [3], yellowOrderDays: 5, redOrderDays: 20, quietHours: { from: 22, to: 7 } },
      plan.version,
    );
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<PlanDetail>()).toMatchObject({
      supervisionRulesCustom: true,
      supervisionRules: { yellowOrderDays: 5 },
    });

    await runAt("2026-07-04T09:00:00");
    expect(await ordersOf(plan.id)).toEqual([]);
    await runAt("2026-07-05T09:00:00");
    expect((await ordersOf(plan.id)).map((o) => o.level)).toEqual(["yellow"]);
    await runAt("2026-07-15T09:00:00");
    expect((await ordersOf(plan.id)).map((o) => o.level)).toEqual(["yellow"]);

    const reset = await patch(null, set.json<PlanDetail>().version);
    expect(reset.json<PlanDetail>()).toMatchObject({
      supervisionRulesCustom: false,
      supervisionRules: { reminderDays: [7, 1], yellowOrderDays: 3, redOrderDays: 10 },
    });
  });

  it("cancels a draft whose period was reported since, and drafts once with two runners at once", async () => {
    const { plan, assignments } = await publishedPlan(t, coordinator, [townshipId], dated("2026-06-25"));
    const [a, b] = await Promise.all([runAt("2026-06-29T09:00:00"), runAt("2026-06-29T09:00:00")]);
    expect(a.orders + b.orders).toBeGreaterThanOrEqual(1);
    expect(await ordersOf(plan.id)).toHaveLength(1);
    await createReport(t, township, assignments[0].id, { submit: true });
    await runAt("2026-06-29T10:00:00");
    const [order] = await ordersOf(plan.id);
    expect(order).toMatchObject({
      status: "cancelled",
      cancelledReason: "该期次已报送，无需督办",
      periodState: "submitted",
    });
  });
});

describe("orders by hand, editing, the Word document", () => {
  it("drafts a blue order by hand, edits it, refuses a stale edit, issues and withdraws it", async () => {
    const { plan, assignments } = await publishedPlan(t, coordinator, [townshipId], dated("2026-12-31"));
    const created = await t.request({
      method: "POST",
      url: "/api/supervision-orders",
      cookie: coordinator,
      payload: { assignmentId: assignments[0].id, period: "完成时限" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json<SupervisionOrder>();
    expect(order).toMatchObject({ level: "blue", automatic: false, daysOverdue: 0, replyBy: "2026-07-17" });
    expect(order.body).toContain("目前进展滞后");

    const unknown = await t.request({
      method: "POST",
      url: "/api/supervision-orders",
      cookie: coordinator,
      payload: { assignmentId: assignments[0].id, period: "2031年度" },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe("期次「2031年度」不存在或已被删除");

    const edit = (payload: Record<string, unknown>) =>
      t.request({ method: "PATCH", url: `/api/supervision-orders/${order.id}`, cookie: coordinator, payload });
    const edited = await edit({ version: order.version, level: "yellow" });
    expect(edited.json()).toMatchObject({ level: "yellow", title: expect.stringContaining("黄牌督办") });
    const stale = await edit({ version: order.version, title: "另一个标题" });
    expect(stale.statusCode).toBe(409);
    const past = await edit({ version: edited.json().version, replyBy: "2026-07-01" });
    expect(past.json().error.message).toBe("整改时限不能早于今天");

    const forbidden = await t.request({
      method: "POST",
      url: `/api/supervision-orders/${order.id}/issue`,
      cookie: township,
      payload: { version: edited.json().version },
    });
    expect(forbidden.statusCode).toBe(403);
    const issued = await t.request({
      method: "POST",
      url: `/api/supervision-orders/${order.id}/issue`,
      cookie: coordinator,
      payload: { version: edited.json().version },
    });
    expect(issued.statusCode, issued.body).toBe(200);

    const docx = await t.request({ method: "GET", url: `/api/supervision-orders/${order.id}.docx`, cookie: township });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    const { value: html } = await mammoth.convertToHtml({ buffer: docx.rawPayload });
    const text = html.replace(/<[^>]+>/g, " ");
    expect(text).toContain(issued.json().docNumber);
    expect(text).toContain("测试区法治政府建设领导小组办公室");
    expect(text).toContain(edited.json().title);
    expect(html).toMatch(/<td><p>所属方案<\/p><\/td><td><p>[^<]*测试方案/);
    expect(html).toContain("<td><p>整改时限</p></td><td><p>2026年7月15日</p></td>");
    expect(text).toContain(`${plan.title}`);

    const withdrawn = await t.request({
      method: "POST",
      url: `/api/supervision-orders/${order.id}/cancel`,
      cookie: coordinator,
      payload: { version: issued.json().version, reason: "该单位已说明情况" },
    });
    expect(withdrawn.json()).toMatchObject({ status: "cancelled", docNumber: issued.json().docNumber });
    // the township still sees what it was sent, now withdrawn, and was told why
    expect((await ordersOf(plan.id, township)).map((o) => o.status)).toEqual(["cancelled"]);
    expect((await inbox(township)).items[0].body).toContain("原因：该单位已说明情况");
  });
});
