import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDay } from "../src/core/calendar.js";
import { login, openBrowser, type Product, startProduct } from "./harness";

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

describe("the notification bell", () => {
  it("shows the township the reminder the job sent for its periods, and opens 我的任务 on them", async () => {
    // a few of the demo plan's tasks fall due in two days: the job runs as at 10:00 today in China, in office hours
    const admin = await openBrowser(product);
    await login(admin.page, "admin");
    const now = new Date(`${chinaDay(new Date())}T10:00:00+08:00`).toISOString();
    const run = await admin.page.request.post("/api/jobs/run", { data: { now } });
    expect(run.status()).toBe(200);
    expect((await run.json()).reminders).toBeGreaterThan(0);

    const township = await openBrowser(product);
    const { page } = township;
    await login(page, "township");
    const bell = page.getByTestId("notification-bell");
    await expect.poll(async () => (await bell.getAttribute("aria-label")) ?? "").toMatch(/^通知（\d+ 条未读）$/);
    const unread = Number((await bell.getAttribute("aria-label"))?.match(/\d+/)?.[0]);

    await bell.click();
    const list = page.getByTestId("notification-list");
    // the township's periods falling due come as one message (the server tests check the one-period
    // message, which opens its task), and open the list of what falls due within the week
    const reminder = list.getByText(/^到期提醒：\d+ 项任务即将到期$/);
    await reminder.waitFor();
    expect(await list.getByText(/^到期提醒：/).count()).toBe(1);
    await reminder.click();
    await page.waitForURL((url) => url.pathname === "/assignments" && url.search === "?dueWithinDays=7");
    await page.locator(".ant-select").getByText("7 天内到期", { exact: true }).first().waitFor();
    await expect
      .poll(async () => await bell.getAttribute("aria-label"))
      .toBe(unread > 1 ? `通知（${unread - 1} 条未读）` : "通知");
    expect([...admin.pageErrors, ...township.pageErrors]).toEqual([]);
  });
});
