import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel, Delivery, DeliveryList } from "../../shared/api.js";
import type { ChannelKind } from "../../shared/domain.js";
import { deliveries, users } from "../db/schema.js";
import { notify } from "../notifications/notify.js";
import { auditCount, createUnit, createUser, publishedPlan, runJobsAt } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";
import {
  dingtalkSignatureValid,
  feishuSignatureValid,
  type MailReceiver,
  type RobotReceiver,
  SMTP_PASSWORD,
  SMTP_USER,
  startMailReceiver,
  startRobotReceiver,
} from "../test/receivers.js";
import { configureOutbox } from "./enqueue.js";
import { deliverDue, MAX_ATTEMPTS, RETRY_MINUTES } from "./send.js";

let t: TestApp;
let admin: string;
let coordinator: string;
let mail: MailReceiver;
let robots: RobotReceiver;

const PUBLIC_URL = "https://fazhi.example.gov.cn";

beforeAll(async () => {
  [mail, robots] = await Promise.all([startMailReceiver(), startRobotReceiver()]);
  t = await buildTestApp(
    {
      FAZHI_SMTP_URL: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${mail.port}`,
      FAZHI_SMTP_FROM: "区司法局 <fazhi@example.gov.cn>",
      FAZHI_PUBLIC_URL: PUBLIC_URL,
    },
    { clock: () => new Date("2026-06-01T09:00:00+08:00") },
  );
  admin = await t.login("admin");
  coordinator = await t.login("coordinator");
  // the demo plan's periods are long overdue: their notices go out now, before any robot is set up
  await runAt("2026-06-01T09:00:00");
}, 60_000);
afterAll(async () => {
  await t.close();
  await Promise.all([mail.close(), robots.close()]);
});

/** Runs the due jobs as at a moment of China time. */
const runAt = (chinaTime: string) => runJobsAt(t, admin, chinaTime);

const minutesAfter = (chinaTime: string, minutes: number) =>
  new Date(new Date(`${chinaTime}+08:00`).getTime() + minutes * 60_000)
    .toLocaleString("sv-SE", { timeZone: "Asia/Shanghai" })
    .replace(" ", "T");

const dated = (due: string) => ({ deadlines: [{ text: `${due}前`, kind: "date" as const, due }] });

async function addRobot(payload: {
  kind: ChannelKind;
  name: string;
  url: string;
  secret?: string;
  unitId?: number | null;
}): Promise<Channel> {
  const response = await t.request({ method: "POST", url: "/api/channels", cookie: admin, payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function outbox(status?: string): Promise<Delivery[]> {
  const response = await t.request({
    method: "GET",
    url: `/api/deliveries?pageSize=100${status ? `&status=${status}` : ""}`,
    cookie: admin,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<DeliveryList>().items;
}

/** A unit of its own, with a plan of one dated task for it: the notices of this plan are the test's alone. */
async function unitWithPlan(due: string) {
  const unit = await createUnit(t, admin);
  const { assignments } = await publishedPlan(t, coordinator, [unit.id], dated(due));
  return { unit, assignment: assignments[0] };
}

describe("email", () => {
  it("mails an urging notice in Chinese to the unit's managers who have an address, after a job pass", async () => {
    const { unit, assignment } = await unitWithPlan("2026-06-10");
    const manager = await createUser(t, admin, {
      roles: ["unit_manager"],
      unitId: unit.id,
      email: "zhang.san@example.gov.cn",
    });
    // a manager without an address hears of it in the app only; staff are not urged
    await createUser(t, admin, { roles: ["unit_manager"], unitId: unit.id });
    await createUser(t, admin, { roles: ["unit_staff"], unitId: unit.id, email: "staff@example.gov.cn" });
    expect(manager.email).toBe("zhang.san@example.gov.cn");

    const run = await runAt("2026-06-11T09:00:00");
    expect(run.delivered).toBeGreaterThanOrEqual(1);
    const mine = mail.mails.filter((m) => m.text?.includes(`/assignments/${assignment.id}?`));
    expect(mine).toHaveLength(1);
    const [sent] = mine;
    expect(sent.subject).toBe("催办：第一项任务（完成时限）已逾期");
    expect(sent.to && !Array.isArray(sent.to) ? sent.to.text : "").toBe("zhang.san@example.gov.cn");
    expect(sent.from?.value[0]).toEqual({ name: "区司法局", address: "fazhi@example.gov.cn" });
    expect(sent.text).toContain("已于2026年6月10日到期，尚未报送进展。请尽快报送");
    expect(sent.text).toContain(
      `查看详情：${PUBLIC_URL}/assignments/${assignment.id}?period=${encodeURIComponent("完成时限")}`,
    );
    expect(sent.headers.get("content-type")).toMatchObject({ params: { charset: "utf-8" } });

    const [row] = (await outbox("sent")).filter((d) => d.address === "zhang.san@example.gov.cn");
    expect(row).toMatchObject({ channel: "email", status: "sent", attempts: 1, lastError: null });
    // running again sends nothing new
    await runAt("2026-06-11T10:00:00");
    expect(mail.mails.filter((m) => m.text?.includes(`/assignments/${assignment.id}?`))).toHaveLength(1);
  });

  it("queues no email when no mail server is configured", async () => {
    const unit = await createUnit(t, admin);
    const user = await createUser(t, admin, {
      roles: ["unit_manager"],
      unitId: unit.id,
      email: "li.si@example.gov.cn",
    });
    const message = { kind: "urge" as const, title: "无邮件服务器时的催办", body: "正文", link: null };
    try {
      configureOutbox({ smtp: null });
      await t.database.db.transaction((tx) => notify(tx, [{ message, userIds: [user.id], unitId: unit.id }]));
    } finally {
      configureOutbox(t.config);
    }
    await t.database.db.transaction((tx) =>
      notify(tx, [{ message: { ...message, title: "有邮件服务器时的催办" }, userIds: [user.id], unitId: unit.id }]),
    );
    const queued = await t.database.db.select().from(deliveries).where(eq(deliveries.address, "li.si@example.gov.cn"));
    expect(queued.map((d) => d.subject)).toEqual(["有邮件服务器时的催办"]);
  });
});

describe("group robots", () => {
  it("posts to DingTalk, WeCom and Feishu robots in their formats, signed where they sign", async () => {
    const { unit, assignment } = await unitWithPlan("2026-06-12");
    await addRobot({
      kind: "dingtalk",
      name: "钉钉群",
      url: `${robots.base}/dingtalk/a?access_token=tok-a`,
      secret: "SECdingtalk-a",
      unitId: unit.id,
    });
    await addRobot({ kind: "wecom", name: "企业微信群", url: `${robots.base}/wecom/a?key=key-a`, unitId: unit.id });
    await addRobot({
      kind: "feishu",
      name: "飞书群",
      url: `${robots.base}/feishu/a`,
      secret: "feishu-secret-a",
      unitId: unit.id,
    });
    // the office's robot hears of supervision orders and bulletins, not of each unit's reminders and urging notices
    await addRobot({
      kind: "dingtalk",
      name: "司法局工作群",
      url: `${robots.base}/dingtalk/office?access_token=tok-o`,
    });

    await runAt("2026-06-13T09:00:00");
    const link = `${PUBLIC_URL}/assignments/${assignment.id}?period=${encodeURIComponent("完成时限")}`;

    const [ding] = robots.to("/dingtalk/a");
    expect(robots.to("/dingtalk/a")).toHaveLength(1);
    expect(ding.contentType).toContain("application/json");
    expect(ding.query.get("access_token")).toBe("tok-a");
    expect(
      dingtalkSignatureValid("SECdingtalk-a", ding.query.get("timestamp") ?? "", ding.query.get("sign") ?? ""),
    ).toBe(true);
    expect(ding.body).toMatchObject({ msgtype: "markdown", markdown: { title: "催办：第一项任务（完成时限）已逾期" } });
    expect(ding.body.markdown.text).toContain("已于2026年6月12日到期");
    expect(ding.body.markdown.text).toContain(`[查看详情](${link})`);

    const wecom = robots.to("/wecom/a");
    expect(wecom).toHaveLength(1);
    expect(wecom[0].query.get("key")).toBe("key-a");
    expect(wecom[0].body.msgtype).toBe("markdown");
    expect(wecom[0].body.markdown.content).toMatch(/^\*\*催办：第一项任务（完成时限）已逾期\*\*\n/);
    expect(wecom[0].body.markdown.content).toContain(link);

    const feishu = robots.to("/feishu/a");
    expect(feishu).toHaveLength(1);
    const { timestamp, sign, msg_type, content } = feishu[0].body;
    expect(feishuSignatureValid("feishu-secret-a", timestamp, sign)).toBe(true);
    expect(msg_type).toBe("post");
    expect(content.post.zh_cn.title).toBe("催办：第一项任务（完成时限）已逾期");
    expect(content.post.zh_cn.content).toEqual([
      [{ tag: "text", text: expect.stringContaining("已于2026年6月12日到期") }],
      [{ tag: "a", text: "查看详情", href: link }],
    ]);
    // the office's robot heard of the supervision order drafted for an earlier test's plan, not of urging notices
    const officeTitles = () => robots.to("/dingtalk/office").map((c) => c.body.markdown.title as string);
    expect(officeTitles().every((title) => title.startsWith("督办单待签发"))).toBe(true);
    const heardBefore = officeTitles().length;

    // three days late the job drafts a supervision order for this plan and tells the office: its robot hears of it
    await runAt("2026-06-15T09:00:00");
    expect(officeTitles().length).toBeGreaterThan(heardBefore);
    expect(officeTitles().every((title) => title.startsWith("督办单待签发"))).toBe(true);
    expect(robots.to("/dingtalk/office")[0].query.has("sign")).toBe(false);
    // the unit's robots heard nothing more: the order waits for the coordinator to issue it
    expect(robots.to("/dingtalk/a")).toHaveLength(1);
  });

  it("retries a failing robot with growing delays on later job passes, and then delivers", async () => {
    const { unit } = await unitWithPlan("2026-06-16");
    robots.answer("/wecom/flaky", (_call, nth) =>
      nth <= 2 ? { status: 500, body: { error: "服务暂不可用" } } : { status: 200, body: { errcode: 0, errmsg: "ok" } },
    );
    await addRobot({ kind: "wecom", name: "不稳定的群", url: `${robots.base}/wecom/flaky?key=k`, unitId: unit.id });

    const first = await runAt("2026-06-17T09:00:00");
    expect(first.deliveryFailures).toBeGreaterThanOrEqual(1);
    const [waiting] = (await outbox("pending")).filter((d) => d.address === "不稳定的群");
    expect(waiting).toMatchObject({ attempts: 1, nextAttemptAt: new Date("2026-06-17T09:01:00+08:00").toISOString() });
    expect(waiting.lastError).toContain("HTTP 500");

    await runAt("2026-06-17T09:00:30"); // not yet due
    expect(robots.to("/wecom/flaky")).toHaveLength(1);
    await runAt("2026-06-17T09:01:00");
    expect(robots.to("/wecom/flaky")).toHaveLength(2);
    await runAt("2026-06-17T09:05:00"); // the second delay is 5 minutes
    expect(robots.to("/wecom/flaky")).toHaveLength(2);
    const third = await runAt("2026-06-17T09:06:00");
    expect(third.delivered).toBeGreaterThanOrEqual(1);
    expect(robots.to("/wecom/flaky")).toHaveLength(3);
    // the same message each time
    expect(new Set(robots.to("/wecom/flaky").map((c) => JSON.stringify(c.body))).size).toBe(1);
    const [sent] = (await outbox("sent")).filter((d) => d.id === waiting.id);
    expect(sent).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    await runAt("2026-06-17T12:00:00");
    expect(robots.to("/wecom/flaky")).toHaveLength(3);
  });

  it("gives up after the last try, lists the message as failed, and sends it again on retry", async () => {
    const { unit } = await unitWithPlan("2026-06-20");
    let up = false;
    robots.answer("/dingtalk/down", () =>
      up
        ? { status: 200, body: { errcode: 0, errmsg: "ok" } }
        : { status: 200, body: { errcode: 310000, errmsg: "sign not match" } },
    );
    await addRobot({
      kind: "dingtalk",
      name: "签名有误的群",
      url: `${robots.base}/dingtalk/down?access_token=t`,
      secret: "SECx",
      unitId: unit.id,
    });

    let at = "2026-06-21T09:00:00";
    await runAt(at);
    for (const minutes of RETRY_MINUTES) {
      at = minutesAfter(at, minutes);
      await runAt(at);
    }
    expect(robots.to("/dingtalk/down")).toHaveLength(MAX_ATTEMPTS);
    const [failed] = (await outbox("failed")).filter((d) => d.address === "签名有误的群");
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, channel: "dingtalk" });
    expect(failed.lastError).toBe("钉钉机器人拒收（错误码 310000）：sign not match");
    // no more tries by itself
    await runAt(minutesAfter(at, 24 * 60));
    expect(robots.to("/dingtalk/down")).toHaveLength(MAX_ATTEMPTS);

    up = true;
    const retried = await t.request({ method: "POST", url: `/api/deliveries/${failed.id}/retry`, cookie: admin });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: "pending", attempts: 0 });
    expect(await auditCount(t, "delivery", failed.id, "delivery.retry")).toBe(1);
    const again = await t.request({ method: "POST", url: `/api/deliveries/${failed.id}/retry`, cookie: admin });
    expect(again.statusCode).toBe(409);

    await runAt(minutesAfter(at, 24 * 60 + 1));
    expect(robots.to("/dingtalk/down")).toHaveLength(MAX_ATTEMPTS + 1);
    const [sent] = (await outbox("sent")).filter((d) => d.id === failed.id);
    expect(sent).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("sends each message once when two runners run at the same moment", async () => {
    const unit = await createUnit(t, admin);
    const robot = await addRobot({
      kind: "feishu",
      name: "并发测试群",
      url: `${robots.base}/feishu/twice`,
      unitId: unit.id,
    });
    const items = Array.from({ length: 60 }, (_, i) => ({
      message: { kind: "urge" as const, title: `并发消息 ${i}`, body: `第 ${i} 条`, link: null },
      userIds: [],
      unitId: unit.id,
    }));
    await t.database.db.transaction((tx) => notify(tx, items));
    expect((await outbox("pending")).filter((d) => d.channelId === robot.id)).toHaveLength(60);

    const now = new Date("2026-06-25T09:00:00+08:00");
    const [a, b] = await Promise.all([
      deliverDue(t.database.db, t.config, now),
      deliverDue(t.database.db, t.config, now),
    ]);
    expect(a.delivered + b.delivered).toBe(60);
    const titles = robots.to("/feishu/twice").map((c) => c.body.content.post.zh_cn.title);
    expect(titles).toHaveLength(60);
    expect(new Set(titles).size).toBe(60);
  });

  it("fails a message to a switched-off robot at once, and keeps it to send again", async () => {
    const unit = await createUnit(t, admin);
    const robot = await addRobot({
      kind: "wecom",
      name: "已停用的群",
      url: `${robots.base}/wecom/off?key=k`,
      unitId: unit.id,
    });
    await t.database.db.transaction((tx) =>
      notify(tx, [
        { message: { kind: "urge", title: "停用前的消息", body: "正文", link: null }, userIds: [], unitId: unit.id },
      ]),
    );
    const off = await t.request({
      method: "PATCH",
      url: `/api/channels/${robot.id}`,
      cookie: admin,
      payload: { version: robot.version, enabled: false },
    });
    expect(off.json()).toMatchObject({ enabled: false, version: robot.version + 1 });
    await deliverDue(t.database.db, t.config, new Date("2026-06-26T09:00:00+08:00"));
    const [failed] = (await outbox("failed")).filter((d) => d.channelId === robot.id);
    expect(failed.lastError).toContain("已停用");
    expect(robots.to("/wecom/off")).toEqual([]);
    // a switched-off robot is not given new messages
    await t.database.db.transaction((tx) =>
      notify(tx, [
        { message: { kind: "urge", title: "停用后的消息", body: "正文", link: null }, userIds: [], unitId: unit.id },
      ]),
    );
    expect((await outbox()).filter((d) => d.channelId === robot.id).map((d) => d.subject)).toEqual(["停用前的消息"]);
  });
});

describe("the robots' settings", () => {
  it("never shows a robot's secret or token, and says whether one is set", async () => {
    const robot = await addRobot({
      kind: "dingtalk",
      name: "保密测试群",
      url: `${robots.base}/dingtalk/secret?access_token=0123456789abcdef0123456789abcdef`,
      secret: "SEC-very-secret-value",
    });
    expect(robot).toMatchObject({ hasSecret: true, unitId: null, enabled: true });
    expect(robot.urlHint).toBe(`${robots.base}/dingtalk/secret?access_token=0123…cdef`);
    const list = await t.request({ method: "GET", url: "/api/channels", cookie: admin });
    expect(list.body).not.toContain("SEC-very-secret-value");
    expect(list.body).not.toContain("0123456789abcdef0123456789abcdef");
    const audit = await t.request({ method: "GET", url: "/api/audit?entityType=channel", cookie: admin });
    expect(audit.body).not.toContain("SEC-very-secret-value");
    expect(audit.body).not.toContain("0123456789abcdef0123456789abcdef");
    expect(await auditCount(t, "channel", robot.id, "channel.create")).toBe(1);

    const cleared = await t.request({
      method: "PATCH",
      url: `/api/channels/${robot.id}`,
      cookie: admin,
      payload: { version: robot.version, secret: null, name: "改名的群" },
    });
    expect(cleared.json()).toMatchObject({ hasSecret: false, name: "改名的群", version: robot.version + 1 });
    const stale = await t.request({
      method: "PATCH",
      url: `/api/channels/${robot.id}`,
      cookie: admin,
      payload: { version: robot.version, name: "过期的修改" },
    });
    expect(stale.statusCode).toBe(409);
  });

  it("refuses an address that is not http(s), and a secret for a WeCom robot", async () => {
    const bad = async (payload: object) => {
      const response = await t.request({ method: "POST", url: "/api/channels", cookie: admin, payload });
      expect(response.statusCode).toBe(400);
      return response.json().error.message as string;
    };
    expect(await bad({ kind: "dingtalk", name: "错误地址", url: "ftp://oapi.dingtalk.com/robot" })).toContain(
      "Webhook 地址",
    );
    expect(await bad({ kind: "dingtalk", name: "错误地址", url: "javascript:alert(1)" })).toContain("Webhook 地址");
    expect(await bad({ kind: "wecom", name: "企业微信", url: `${robots.base}/wecom/x`, secret: "abc" })).toContain(
      "不使用签名",
    );
    expect(
      await bad({ kind: "dingtalk", name: "无此单位", url: `${robots.base}/dingtalk/x`, unitId: 999999 }),
    ).toContain("所属单位不存在");
  });

  it("sends a test message now and says what the robot answered", async () => {
    const good = await addRobot({
      kind: "feishu",
      name: "测试群",
      url: `${robots.base}/feishu/test`,
      secret: "s3cret",
    });
    const ok = await t.request({ method: "POST", url: `/api/channels/${good.id}/test`, cookie: admin });
    expect(ok.json()).toEqual({ ok: true, error: null });
    const [call] = robots.to("/feishu/test");
    expect(call.body.content.post.zh_cn.title).toBe("测试消息：法治政府建设督导平台");
    expect(feishuSignatureValid("s3cret", call.body.timestamp, call.body.sign)).toBe(true);

    robots.answer("/feishu/refuses", () => ({ status: 200, body: { code: 19021, msg: "sign match fail" } }));
    const refusing = await addRobot({ kind: "feishu", name: "拒收的群", url: `${robots.base}/feishu/refuses` });
    const refused = await t.request({ method: "POST", url: `/api/channels/${refusing.id}/test`, cookie: admin });
    expect(refused.json()).toEqual({ ok: false, error: "飞书机器人拒收（错误码 19021）：sign match fail" });

    const nowhere = await addRobot({
      kind: "wecom",
      name: "连不上的群",
      url: "http://127.0.0.1:9/cgi-bin/webhook/send?key=x",
    });
    const unreachable = await t.request({ method: "POST", url: `/api/channels/${nowhere.id}/test`, cookie: admin });
    expect(unreachable.json()).toMatchObject({ ok: false, error: expect.stringContaining("无法连接机器人") });
  });

  it("lets an admin set and clear a user's email address, and checks it", async () => {
    const user = await createUser(t, admin);
    const bad = await t.request({
      method: "PATCH",
      url: `/api/users/${user.id}`,
      cookie: admin,
      payload: { version: user.version, email: "不是邮箱" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("邮箱");
    const set = await t.request({
      method: "PATCH",
      url: `/api/users/${user.id}`,
      cookie: admin,
      payload: { version: user.version, email: "wang.wu@example.gov.cn" },
    });
    expect(set.json()).toMatchObject({ email: "wang.wu@example.gov.cn" });
    const cleared = await t.request({
      method: "PATCH",
      url: `/api/users/${user.id}`,
      cookie: admin,
      payload: { version: set.json().version, email: null },
    });
    expect(cleared.json()).toMatchObject({ email: null });
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row.email).toBeNull();
  });
});
