import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationList, PlanDetail, SupervisionOrder, SupervisionOrderList } from "../../shared/api.js";
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

const issue = (order: SupervisionOrder, cookie = coordinator) =>
  t.request({
    method: "POST",
    url: `/api/supervision-orders/${order.id}/issue`,
    cookie,
    payload: { version: order.version },
  });

const orderOf = async (id: number, cookie = coordinator) =>
  (await t.request({ method: "GET", url: `/api/supervision-orders/${id}`, cookie })).json<SupervisionOrder>();

describe("supervision orders drafted by the job", () => {
  it("drafts one order per unit and level, merges newly overdue periods into it, raises them to red, issues it", async () => {
    const { plan } = await publishedPlan(t, coordinator, [townshipId], {
      tasks: [
        { title: "严格依法执法", deadlines: dated("2026-06-30").deadlines },
        { title: "推进政务公开", deadlines: dated("2026-07-01").deadlines },
      ],
    });

    await runAt("2026-07-01T09:00:00");
    await runAt("2026-07-02T09:00:00");
    expect(await ordersOf(plan.id)).toEqual([]);
    expect((await runAt("2026-07-03T09:00:00")).orders).toBeGreaterThanOrEqual(1);
    const [yellow] = await ordersOf(plan.id);
    expect(yellow).toMatchObject({
      level: "yellow",
      status: "draft",
      docNumber: null,
      automatic: true,
      itemCount: 1,
      daysOverdue: 3,
      replyBy: "2026-07-08",
      unit: { id: townshipId },
      items: [{ taskReference: "第一项“严格依法执法”", period: "完成时限", dueOn: "2026-06-30", daysOverdue: 3 }],
    });
    expect(yellow.title).toMatch(/^关于对.+逾期未完成任务予以黄牌督办的通知$/);
    expect(yellow.body).toContain(`你单位承担的《${plan.title}》中，下列督办事项已超过完成时限`);
    expect(yellow.body).toContain("于2026年7月8日前完成整改");
    // the coordinator hears that drafts wait; the unit hears nothing of a draft
    expect((await inbox(coordinator)).items[0]).toMatchObject({
      kind: "order",
      title: "督办单待签发：新增 1 项督办事项",
      link: "/supervision-orders?status=draft",
    });
    expect(await ordersOf(plan.id, township)).toEqual([]);

    // the next day the second task is 3 days late: it joins the same draft, not a new one
    await runAt("2026-07-03T15:00:00");
    await runAt("2026-07-04T09:00:00");
    const [merged, ...none] = await ordersOf(plan.id);
    expect(none).toEqual([]);
    expect(merged).toMatchObject({ id: yellow.id, itemCount: 2, daysOverdue: 4, version: yellow.version + 1 });
    expect(merged.items.map((item) => [item.taskReference, item.daysOverdue])).toEqual([
      ["第一项“严格依法执法”", 4],
      ["第二项“推进政务公开”", 3],
    ]);
    expect(await auditCount(t, "supervision_order", yellow.id, "supervision_order.merge")).toBe(1);
    expect((await inbox(coordinator)).items[0].body).toContain("已并入各单位已有的督办单草稿");

    // ten days late, the first task's period moves to a red draft; the yellow one keeps the second
    await runAt("2026-07-10T09:00:00");
    const [red, stillYellow] = await ordersOf(plan.id);
    expect(red).toMatchObject({ level: "red", status: "draft", itemCount: 1, daysOverdue: 10 });
    expect(stillYellow).toMatchObject({ id: yellow.id, status: "draft", itemCount: 1 });
    expect(stillYellow.items.map((item) => item.droppedReason)).toEqual([null, "已升级为红牌督办"]);
    // and when the second follows, the yellow draft has nothing left and is cancelled
    await runAt("2026-07-11T09:00:00");
    const [red2, cancelled] = await ordersOf(plan.id);
    expect(red2).toMatchObject({ id: red.id, itemCount: 2, daysOverdue: 11 });
    expect(cancelled).toMatchObject({ id: yellow.id, status: "cancelled", cancelledReason: "已升级为红牌督办" });

    const issued = await issue(red2);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({
      status: "issued",
      docNumber: expect.stringMatching(/^督办〔2026〕第\d+号$/),
      itemCount: 2,
    });
    expect(await auditCount(t, "supervision_order", red.id, "supervision_order.issue")).toBe(1);

    // the township sees what was issued to it, and is told of every item; another township does not see it
    const seen = await ordersOf(plan.id, township);
    expect(seen.map((o) => o.id)).toEqual([red.id]);
    const told = (await inbox(township)).items.find((n) => n.kind === "order");
    expect(told).toMatchObject({
      link: `/supervision-orders/${red.id}`,
      title: `红牌督办：${issued.json().docNumber}`,
    });
    expect(told?.body).toContain("1. 第一项“严格依法执法”（完成时限），完成时限2026年6月30日");
    expect(told?.body).toContain("2. 第二项“推进政务公开”");
    const hidden = await t.request({ method: "GET", url: `/api/supervision-orders/${red.id}`, cookie: otherTownship });
    expect(hidden.statusCode).toBe(404);
    const draftHidden = await t.request({
      method: "GET",
      url: `/api/supervision-orders/${yellow.id}`,
      cookie: township,
    });
    expect(draftHidden.statusCode).toBe(404);

    // issued once: again is refused
    const again = await issue(issued.json());
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toBe("督办单已签发，不能再次签发");

    // searched by the unit's name, the plan's title or an item's task; exported with the same filters
    const me = (await t.request({ method: "GET", url: "/api/auth/me", cookie: township })).json();
    expect((await ordersOf(plan.id, coordinator, `&q=${encodeURIComponent(me.unit.name)}`)).length).toBe(2);
    expect((await ordersOf(plan.id, coordinator, `&q=${encodeURIComponent("推进政务 红牌")}`)).length).toBe(1);
    expect(await ordersOf(plan.id, coordinator, `&q=${encodeURIComponent("没有这个单位")}`)).toEqual([]);
    const sheet = await exportedSheet(
      await t.request({
        method: "GET",
        url: `/api/supervision-orders/export.xlsx?planId=${plan.id}&status=issued`,
        cookie: coordinator,
      }),
    );
    expect(String(sheet.getCell(2, 1).value)).toContain(`方案：${plan.title}`);
    expect(sheet.getRow(3).values).toEqual(expect.arrayContaining(["文号", "等级", "被督办单位", "督办事项"]));
    expect(sheet.getRow(4).values).toEqual(
      expect.arrayContaining([issued.json().docNumber, "红牌督办", me.unit.name, 2]),
    );
    expect(JSON.stringify(sheet.getRow(4).values)).toContain("第二项“推进政务公开”（完成时限），完成时限2026年7月1日");
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

  it("takes reported periods out of a draft, cancels it when none is left, and drafts once with two runners", async () => {
    const { plan, assignments } = await publishedPlan(t, coordinator, [townshipId], {
      ...dated("2026-06-25"),
      tasks: [{}, {}],
    });
    const [a, b] = await Promise.all([runAt("2026-06-29T09:00:00"), runAt("2026-06-29T09:00:00")]);
    expect(a.orders + b.orders).toBe(2);
    const [draft, ...more] = await ordersOf(plan.id);
    expect(more).toEqual([]);
    expect(draft.itemCount).toBe(2);
    const [first, second] = [...assignments].sort((x, y) => x.taskNumber.localeCompare(y.taskNumber));
    await createReport(t, township, first.id, { submit: true });
    await runAt("2026-06-29T10:00:00");
    const [kept] = await ordersOf(plan.id);
    expect(kept).toMatchObject({ id: draft.id, status: "draft", itemCount: 1 });
    expect(kept.items.map((item) => [item.assignmentId, item.droppedReason, item.periodState])).toEqual([
      [second.id, null, "open"],
      [first.id, "该期次已报送，无需督办", "submitted"],
    ]);
    await createReport(t, township, second.id, { submit: true });
    await runAt("2026-06-29T11:00:00");
    expect((await ordersOf(plan.id))[0]).toMatchObject({
      id: draft.id,
      status: "cancelled",
      cancelledReason: "该期次已报送，无需督办",
    });
  });

  it("issues and cancels many at once, all or none, and sums them up per unit", async () => {
    const other = (await t.request({ method: "GET", url: "/api/auth/me", cookie: otherTownship })).json().unit;
    const { plan } = await publishedPlan(t, coordinator, [townshipId, other.id], dated("2026-07-05"));
    await runAt("2026-07-08T09:00:00");
    const drafts = await ordersOf(plan.id);
    expect(drafts).toHaveLength(2);
    const items = drafts.map(({ id, version }) => ({ id, version }));
    const bulk = (action: string, payload: Record<string, unknown>, cookie = coordinator) =>
      t.request({ method: "POST", url: `/api/supervision-orders/${action}`, cookie, payload });

    // a unit may not; one stale version refuses them all, naming its unit; an unknown id too
    expect((await bulk("issue", { items }, township)).statusCode).toBe(403);
    const stale = await bulk("issue", { items: [items[0], { ...items[1], version: items[1].version + 5 }] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe(`${drafts[1].unit.name}的督办单已被他人修改，请刷新后重试`);
    expect((await bulk("issue", { items: [...items, { id: 2147483000, version: 1 }] })).statusCode).toBe(404);
    expect((await ordersOf(plan.id)).map((o) => o.status)).toEqual(["draft", "draft"]);

    const issued = await bulk("issue", { items });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toEqual({ count: 2 });
    const numbers = await Promise.all(items.map(async ({ id }) => (await orderOf(id)).docNumber));
    const [n1, n2] = numbers.map((n) => Number(n?.match(/第(\d+)号/)?.[1]));
    expect(n2).toBe(n1 + 1);
    // issuing them again is refused whole, naming the unit
    const again = await bulk("issue", { items: items.map(({ id }, k) => ({ id, version: items[k].version + 1 })) });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toBe(`${drafts[0].unit.name}的督办单已签发，不能再次签发`);

    const summary = await t.request({
      method: "GET",
      url: `/api/supervision-orders/summary?planId=${plan.id}`,
      cookie: coordinator,
    });
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json()).toMatchObject({ year: 2026 });
    const row = summary.json().units.find((u: { unit: { id: number } }) => u.unit.id === townshipId);
    expect(row).toMatchObject({ draftItems: 0, openItems: 1, maxDaysOverdue: 5, issued: { yellow: 1, red: 0 } });
    const sheet = await exportedSheet(
      await t.request({
        method: "GET",
        url: `/api/supervision-orders/summary.xlsx?planId=${plan.id}`,
        cookie: coordinator,
      }),
    );
    expect(sheet.getRow(3).values).toEqual(expect.arrayContaining(["单位", "待签发事项", "本年黄牌督办"]));
    expect(sheet.rowCount).toBe(5);

    // withdrawn together with one reason; each unit told
    const current = await Promise.all(items.map(async ({ id }) => orderOf(id)));
    const cancelled = await bulk("cancel", {
      items: current.map(({ id, version }) => ({ id, version })),
      reason: "已当面督促整改",
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await ordersOf(plan.id)).map((o) => [o.status, o.cancelledReason])).toEqual([
      ["cancelled", "已当面督促整改"],
      ["cancelled", "已当面督促整改"],
    ]);
    expect((await inbox(otherTownship)).items[0].body).toContain("原因：已当面督促整改");
    const blank = await bulk("cancel", { items: [{ id: current[0].id, version: 9 }], reason: "  " });
    expect(blank.statusCode).toBe(400);
  });
});

describe("orders by hand, editing, the Word document", () => {
  it("puts periods under supervision by hand into one draft, edits it, takes an item out, issues and withdraws it", async () => {
    const { plan, assignments } = await publishedPlan(t, coordinator, [townshipId], {
      ...dated("2026-12-31"),
      tasks: [{ title: "严格依法执法" }, { text: "全面推行行政执法公示制度、执法全过程记录制度。" }],
    });
    const [first, second] = [...assignments].sort((x, y) => x.taskNumber.localeCompare(y.taskNumber));
    const put = (assignmentId: number, level?: string) =>
      t.request({
        method: "POST",
        url: "/api/supervision-orders",
        cookie: coordinator,
        payload: { assignmentId, period: "完成时限", ...(level ? { level } : {}) },
      });
    const created = await put(first.id);
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json<SupervisionOrder>();
    expect(order).toMatchObject({
      level: "blue",
      automatic: false,
      daysOverdue: 0,
      replyBy: "2026-07-17",
      itemCount: 1,
    });
    const joined = await put(second.id);
    expect(joined.statusCode, joined.body).toBe(201);
    expect(joined.json()).toMatchObject({ id: order.id, itemCount: 2 });
    expect(joined.json().items[1].taskReference).toBe("第二项“全面推行行政执法公示制度、执法全过程记录……”");
    const twice = await put(second.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: "already_in_order", message: "该期次已在这份督办单草稿中" });

    const unknown = await t.request({
      method: "POST",
      url: "/api/supervision-orders",
      cookie: coordinator,
      payload: { assignmentId: first.id, period: "2031年度" },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe("期次「2031年度」不存在或已被删除");

    const edit = (payload: Record<string, unknown>) =>
      t.request({ method: "PATCH", url: `/api/supervision-orders/${order.id}`, cookie: coordinator, payload });
    let current = joined.json<SupervisionOrder>();
    const edited = await edit({ version: current.version, level: "yellow" });
    expect(edited.json()).toMatchObject({ level: "yellow", title: expect.stringContaining("黄牌督办") });
    const stale = await edit({ version: current.version, title: "另一个标题" });
    expect(stale.statusCode).toBe(409);
    current = edited.json();
    const past = await edit({ version: current.version, replyBy: "2026-07-01" });
    expect(past.json().error.message).toBe("整改时限不能早于今天");
    // a second draft of the same level for the unit and plan is refused: the items belong in the one draft
    const blue = await put(first.id, "blue");
    expect(blue.statusCode).toBe(201);
    const clash = await t.request({
      method: "PATCH",
      url: `/api/supervision-orders/${blue.json().id}`,
      cookie: coordinator,
      payload: { version: blue.json().version, level: "yellow" },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe("draft_exists");

    // an item taken out stays listed, greyed; the last one cannot be
    const dropped = await edit({ version: current.version, dropItems: [current.items[1].id] });
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect(dropped.json()).toMatchObject({ itemCount: 1 });
    expect(dropped.json().items[1].droppedReason).toBe("统筹部门移出");
    current = dropped.json();
    const last = await edit({ version: current.version, dropItems: [current.items[0].id] });
    expect(last.statusCode).toBe(400);
    expect(last.json().error.message).toBe("督办单至少要保留一项督办事项；无需督办的，请撤销督办单");
    expect((await orderOf(order.id)).itemCount).toBe(1);

    const forbidden = await issue(current, township);
    expect(forbidden.statusCode).toBe(403);
    const issued = await issue(current);
    expect(issued.statusCode, issued.body).toBe(200);

    const docx = await t.request({ method: "GET", url: `/api/supervision-orders/${order.id}.docx`, cookie: township });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    const { value: html } = await mammoth.convertToHtml({ buffer: docx.rawPayload });
    const text = html.replace(/<[^>]+>/g, " ");
    expect(text).toContain(issued.json().docNumber);
    expect(text).toContain("测试区法治政府建设领导小组办公室");
    expect(text).toContain(edited.json().title);
    expect(text).toContain(`所属方案：《${plan.title}》；督办等级：黄牌督办；整改时限：2026年7月15日。`);
    expect(html).toContain("<td><p>1</p></td><td><p>第一项“严格依法执法”</p></td><td><p>完成时限</p></td>");
    expect(text).not.toContain("第二项");

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

  it("leaves out at issue an item reported since it was drafted, and refuses to issue one with none left", async () => {
    const { plan, assignments } = await publishedPlan(t, coordinator, [townshipId], {
      ...dated("2026-07-01"),
      tasks: [{}, {}],
    });
    await runAt("2026-07-05T09:00:00");
    const [draft] = await ordersOf(plan.id);
    expect(draft.itemCount).toBe(2);
    const [first] = [...assignments].sort((x, y) => x.taskNumber.localeCompare(y.taskNumber));
    await createReport(t, township, first.id, { submit: true });
    const issued = await issue(draft);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ itemCount: 1, daysOverdue: 9 });
    expect(issued.json().items.map((item: { droppedReason: string | null }) => item.droppedReason)).toEqual([
      null,
      "签发前已报送",
    ]);

    const { plan: plan2, assignments: only } = await publishedPlan(t, coordinator, [townshipId], dated("2026-07-01"));
    await runAt("2026-07-05T09:00:00");
    const [lone] = await ordersOf(plan2.id);
    await createReport(t, township, only[0].id, { submit: true });
    const refused = await issue(lone);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe("督办单的督办事项均已报送，无需签发，请撤销");
  });
});
