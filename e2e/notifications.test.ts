import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, openBrowser, type Product, startProduct } from "./harness";

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

describe("the notification bell", () => {
  it("shows the township the reminders the job sent, and opens the task a reminder is about", async () => {
    // the demo plan's first quarter falls due on 2025-03-31: the job runs as on the 28th, in office hours
    const admin = await openBrowser(product);
    await login(admin.page, "admin");
    const run = await admin.page.request.post("/api/jobs/run", { data: { now: "2025-03-28T01:00:00.000Z" } });
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
    const reminder = list.getByText(/^到期提醒：任务 \d+（2025年第一季度）$/).first();
    await reminder.waitFor();
    await reminder.click();
    await page.waitForURL((url) => /^\/assignments\/\d+$/.test(url.pathname) && url.search.includes("period="));
    await page.getByText("2025年第一季度 进展报告").waitFor();
    await expect
      .poll(async () => await bell.getAttribute("aria-label"))
      .toBe(unread > 1 ? `通知（${unread - 1} 条未读）` : "通知");
    expect([...admin.pageErrors, ...township.pageErrors]).toEqual([]);
  });
});
