/**
 * A late 交办 in the browser (issue 14 item 1): the coordinator publishes in December a plan whose periods fell due
 * earlier in the year, sees in the dialog how many and what becomes of them, and nobody is chased for them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaDay } from "../src/core/calendar.js";
import {
  json,
  label,
  login,
  modal,
  openBrowser,
  openOption,
  type Product,
  startProduct,
  toast,
  withIcon,
} from "./harness";

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

describe("a late 交办", () => {
  it("shows the past periods before publishing, marks them 不适用, and chases nobody for them", async () => {
    const office = await openBrowser(product);
    const { page } = office;
    await login(page, "coordinator");
    // a plan of the year forty days ago: its first periods are behind us whatever the day the test runs
    const today = chinaDay(new Date());
    const past = addDays(today, -40);
    const year = Number(past.slice(0, 4));
    const title = `${year}年行政执法监督工作要点（年底补录${Date.now() % 100000}）`;
    const units = await json<{ items: { id: number; name: string }[] }>(
      await page.request.get("/api/units", { params: { q: "城关街道" } }),
    );
    const township = units.items.find((u) => u.name === "城关街道");
    if (!township) throw new Error("the demo registry has no 城关街道");
    const plan = await json<{ id: number }>(await page.request.post("/api/plans", { data: { title, year } }));
    const unit = [{ unitId: township.id, role: "responsible", phrase: "城关街道", dismissedReason: null }];
    await json(
      await page.request.post(`/api/plans/${plan.id}/tasks`, {
        data: { number: "1", text: "按季度报送行政执法监督工作情况。", units: unit, deadlines: [] },
      }),
    );
    await json(
      await page.request.post(`/api/plans/${plan.id}/tasks`, {
        data: {
          number: "2",
          text: "完成行政执法案卷评查。",
          units: unit,
          deadlines: [{ text: `${past}前`, kind: "date", due: past }],
        },
      }),
    );

    await page.goto(`/plans/${plan.id}`);
    await page.getByRole("button", { name: withIcon("交办") }).click();
    const dialog = modal(page, `交办“${title}”`);
    await dialog.getByText(/^有 \d+ 个报送期次（涉及 2 项任务）在交办日期.+之前已到期$/).waitFor();
    await dialog.getByText(/将标为“不适用”：各单位无需报送，不催办、不亮红灯/).waitFor();
    // 限期补报 says when they would fall due; the office keeps 不适用
    await dialog.getByText("限期补报", { exact: true }).click();
    await dialog.getByText(/^这些期次将统一改为\d{4}年\d{1,2}月\d{1,2}日前补报/).waitFor();
    await dialog.getByText("不适用，不再报送", { exact: true }).click();
    await dialog.getByRole("button", { name: label("确认交办") }).click();
    await toast(page, "已交办，共生成 2 条任务交办");

    // the jobs run as at 10:00 today: nothing of this plan is chased or put on a supervision order
    const admin = await openBrowser(product);
    await login(admin.page, "admin");
    const now = new Date(`${today}T10:00:00+08:00`).toISOString();
    expect((await admin.page.request.post("/api/jobs/run", { data: { now } })).status()).toBe(200);
    const overdue = await json<{ total: number }>(
      await page.request.get("/api/assignments", { params: { planId: plan.id, overdue: "true" } }),
    );
    expect(overdue.total).toBe(0);
    const orders = await json<{ total: number }>(
      await page.request.get("/api/supervision-orders", { params: { planId: plan.id } }),
    );
    expect(orders.total).toBe(0);

    // the township sees both tasks, neither red, and on the task the periods that do not apply
    const unitBrowser = await openBrowser(product);
    const township_ = unitBrowser.page;
    await login(township_, "township");
    await township_.getByRole("menuitem", { name: "我的任务" }).click();
    await township_.getByLabel("方案", { exact: true }).click();
    await openOption(township_, title).click();
    const rows = township_.locator(".ant-table-row");
    await expect.poll(async () => (await rows.allTextContents()).filter((t) => t.includes(title)).length).toBe(2);
    expect((await rows.allTextContents()).some((t) => t.includes("逾期"))).toBe(false);
    await rows.filter({ hasText: "按季度报送" }).getByRole("link").first().click();
    await township_.getByText(/^交办前已到期的 \d+ 个期次不适用，无需报送$/).waitFor();
    await township_.getByText(`交办日期`).first().waitFor();
    expect([...office.pageErrors, ...admin.pageErrors, ...unitBrowser.pageErrors]).toEqual([]);
  });
});
