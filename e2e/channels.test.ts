import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDay } from "../src/core/calendar.js";
import { dingtalkSignatureValid, type RobotReceiver, startRobotReceiver } from "../src/server/test/receivers";
import { chooseOption, label, login, openBrowser, type Product, startProduct, toast, withIcon } from "./harness";

let product: Product;
let robots: RobotReceiver;

beforeAll(async () => {
  [product, robots] = await Promise.all([startProduct(), startRobotReceiver()]);
});
afterAll(async () => {
  await product?.stop();
  await robots?.close();
});

/** The retry delays of the delivery job, in minutes (src/server/delivery/send.ts). */
const RETRY_MINUTES = [1, 5, 15, 60, 180, 360, 720];

describe("消息渠道", () => {
  it("adds a unit's DingTalk robot, tests it, and sends a failed message again from the outbox", async () => {
    const { page, pageErrors } = await openBrowser(product);
    await login(page, "admin");
    await page.locator(".ant-layout-sider").getByText("消息渠道", { exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/channels");

    await page.getByRole("button", { name: withIcon("添加群机器人") }).click();
    await page.getByLabel("名称", { exact: true }).fill("城关街道工作群");
    await page
      .getByLabel("Webhook 地址", { exact: true })
      .fill(`${robots.base}/dingtalk/e2e?access_token=e2e-token-1234`);
    await page.getByLabel("签名密钥", { exact: true }).fill("SECe2e-secret");
    await chooseOption(page, "所属单位", "城关街道", true);
    await page.getByRole("button", { name: label("保存") }).click();
    await toast(page, "已添加「城关街道工作群」");
    const row = page.getByRole("row").filter({ hasText: "城关街道工作群" });
    await expect.poll(() => row.textContent()).toContain("已设置");
    expect(await row.textContent()).not.toContain("e2e-token-1234");

    await row.getByRole("button", { name: label("测试") }).click();
    await toast(page, "测试消息已发到「城关街道工作群」");
    const [test] = robots.to("/dingtalk/e2e");
    expect(test.body.markdown.title).toBe("测试消息：法治政府建设督导平台");
    expect(
      dingtalkSignatureValid("SECe2e-secret", test.query.get("timestamp") ?? "", test.query.get("sign") ?? ""),
    ).toBe(true);

    // the robot refuses everything for a while: the job's tries run out, and the reminders are listed as failed
    let up = false;
    robots.answer("/dingtalk/e2e", () =>
      up
        ? { status: 200, body: { errcode: 0, errmsg: "ok" } }
        : { status: 200, body: { errcode: 310000, errmsg: "keywords not in content" } },
    );
    // a few of the demo plan's tasks fall due in two days: the job runs as at 10:00 today in China
    let at = new Date(`${chinaDay(new Date())}T10:00:00+08:00`);
    const run = async () => {
      const response = await page.request.post("/api/jobs/run", { data: { now: at.toISOString() } });
      expect(response.status()).toBe(200);
      return response.json();
    };
    expect((await run()).reminders).toBeGreaterThan(0);
    for (const minutes of RETRY_MINUTES) {
      at = new Date(at.getTime() + minutes * 60_000);
      await run();
    }

    await page.getByRole("tab", { name: "外发消息" }).click();
    const failedRows = page
      .getByRole("tabpanel")
      .locator(".ant-table-row")
      .filter({ hasText: "钉钉机器人拒收（错误码 310000）" });
    await failedRows.first().waitFor();
    const failedTab = page.getByText(/^发送失败（\d+）$/);
    const failedCount = async () => Number((await failedTab.textContent())?.match(/\d+/)?.[0]);
    const before = await failedCount();
    expect(before).toBeGreaterThan(0);
    // the reminders are among them (with the demo's 催办, in whichever order the day's periods give)
    const failedReminder = failedRows.filter({ hasText: "到期提醒" }).first();
    await failedReminder.waitFor();

    up = true;
    await failedReminder.getByRole("button", { name: label("重新发送") }).click();
    await toast(page, "已重新加入发送队列");
    await expect.poll(failedCount).toBe(before - 1);
    at = new Date(at.getTime() + 60_000);
    const sentBefore = robots.to("/dingtalk/e2e").length;
    // the message sent again goes out (with any other of the unit's whose next try is due: the demo's 催办)
    expect((await run()).delivered).toBeGreaterThanOrEqual(1);
    await page.getByRole("button", { name: withIcon("刷新") }).click();
    await page.getByText(/^已发送（\d+）$/).click();
    await page.getByRole("tabpanel").locator(".ant-table-row").filter({ hasText: "已发送" }).first().waitFor();
    const titles = robots
      .to("/dingtalk/e2e")
      .slice(sentBefore)
      .map((m) => m.body.markdown.title);
    expect(titles.some((title) => /^到期提醒：/.test(title))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
