import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaDay } from "../src/core/calendar";
import {
  confirmPopup,
  downloadSheet,
  json,
  login,
  openBrowser,
  openOption,
  type Product,
  publishTownshipTask,
  startProduct,
  toast,
  withIcon,
} from "./harness";

const PLAN_TITLE = "城关街道行政执法公示专项督查";

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

describe("supervision orders", () => {
  it("the job drafts an order, the coordinator edits and issues it, the township opens it from the bell", async () => {
    const office = await openBrowser(product);
    await login(office.page, "coordinator");
    // a task for 城关街道 that fell due twelve days ago: past the red order's ten days
    const today = chinaDay(new Date());
    const due = addDays(today, -12);
    await publishTownshipTask(office.page.request, {
      title: PLAN_TITLE,
      text: "公示行政执法主体、权限、依据和程序。",
      due,
    });
    const admin = await openBrowser(product);
    await login(admin.page, "admin");
    // the job runs as at 10:00 today in China: outside the quiet hours, whenever the test runs
    const now = new Date(`${today}T10:00:00+08:00`).toISOString();
    const run = await json<{ orders: number }>(await admin.page.request.post("/api/jobs/run", { data: { now } }));
    expect(run.orders).toBeGreaterThan(0);

    // the coordinator is told that drafts wait, and opens them from the bell
    const { page } = office;
    await page.reload();
    await page.getByTestId("notification-bell").click();
    await page
      .getByTestId("notification-list")
      .getByText(/^督办单待签发：新增 \d+ 项督办事项$/)
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === "/supervision-orders" && url.search === "?status=draft");
    // the drafts' count shows whole inside its segment (set above the word, "99+" was clipped)
    const count = page.getByTestId("draft-count");
    await count.locator(".ant-badge-count").waitFor();
    const segment = page.locator(".ant-segmented-item").filter({ has: count });
    const [outer, inner] = await Promise.all([segment.boundingBox(), count.boundingBox()]);
    expect(outer && inner && inner.y >= outer.y && inner.y + inner.height <= outer.y + outer.height + 1).toBe(true);
    expect(outer && inner && inner.x + inner.width <= outer.x + outer.width + 1).toBe(true);
    const planFilter = page.getByRole("combobox", { name: "方案" });
    await planFilter.click();
    await planFilter.fill(PLAN_TITLE);
    await openOption(page, PLAN_TITLE).click();
    const row = page.locator(".ant-table-row").filter({ hasText: "城关街道" });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByText("第一项“公示行政执法主体、权限、依据和程序”（完成时限）").click();

    await page.getByText("红牌督办", { exact: true }).first().waitFor();
    await page.getByText("1 项，最长逾期 12 天", { exact: true }).waitFor();
    await page.getByTestId("order-items").getByText("第一项“公示行政执法主体、权限、依据和程序”").waitFor();
    const title = page.getByLabel("标题");
    await title.fill("关于城关街道行政执法公示逾期未完成的红牌督办通知");
    await page.getByRole("button", { name: withIcon("签发") }).click();
    await confirmPopup(page, "签发");
    await toast(page, "已通知城关街道");
    const docNumber = (await page.getByTestId("order-text").locator("div").first().textContent()) ?? "";
    expect(docNumber).toMatch(/^督办〔\d{4}〕第1号$/);
    await page.getByText("关于城关街道行政执法公示逾期未完成的红牌督办通知").waitFor();

    // the Word document holds the number, the title and the unit
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: withIcon("下载Word") }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${docNumber}-城关街道.docx`);
    const path = await download.path();
    const { value: text } = await mammoth.extractRawText({ path });
    expect(text).toContain(docNumber);
    expect(text).toContain("关于城关街道行政执法公示逾期未完成的红牌督办通知");
    expect(text).toContain("城关街道：");

    // the list finds it by the unit's name and exports it as filtered
    await page.goto("/supervision-orders");
    await page.getByLabel("搜索督办单").fill("城关街道");
    const listed = page.locator(".ant-table-row");
    // searched: some rows, each of them 城关街道's, the issued one among them (an empty list while loading is not it)
    await expect
      .poll(async () => {
        const rows = await listed.allTextContents();
        return (
          rows.length > 0 && rows.every((text) => text.includes("城关街道")) && rows.some((t) => t.includes(docNumber))
        );
      })
      .toBe(true);
    const { filename, sheet } = await downloadSheet(page, "导出Excel");
    expect(filename).toMatch(/^督办单-\d{4}年\d{1,2}月\d{1,2}日\.xlsx$/);
    expect(String(sheet.getCell(2, 1).value)).toContain("关键词：城关街道");
    expect(sheet.getRow(4).values).toEqual(expect.arrayContaining([docNumber, "红牌督办", "城关街道"]));

    // the township hears of it and opens it
    const township = await openBrowser(product);
    await login(township.page, "township");
    await township.page.getByTestId("notification-bell").click();
    await township.page.getByTestId("notification-list").getByText(`红牌督办：${docNumber}`).click();
    await township.page.waitForURL((url) => /^\/supervision-orders\/\d+$/.test(url.pathname));
    await township.page.getByTestId("order-text").getByText(docNumber).waitFor();
    await township.page.getByTestId("order-items").getByRole("link", { name: "报送整改进展" }).waitFor();
    expect([...office.pageErrors, ...admin.pageErrors, ...township.pageErrors]).toEqual([]);
  });

  it("one order per unit: the coordinator ticks two drafts and issues them at once, then sums up per unit", async () => {
    const { page, pageErrors } = await openBrowser(product);
    await login(page, "coordinator");
    const today = chinaDay(new Date());
    const title = "东西城街道执法案卷评查专项督查";
    // two tasks for each of two townships, four days late: one yellow draft per township, holding both its tasks
    await publishTownshipTask(page.request, {
      title,
      text: ["开展行政执法案卷评查。", "公开案卷评查结果。"],
      due: addDays(today, -4),
      unitNames: ["东城街道", "西城街道"],
    });
    const admin = await openBrowser(product);
    await login(admin.page, "admin");
    const now = new Date(`${today}T10:00:00+08:00`).toISOString();
    await json(await admin.page.request.post("/api/jobs/run", { data: { now } }));

    const pickPlan = async () => {
      const planFilter = page.getByRole("combobox", { name: "方案" });
      await planFilter.click();
      await planFilter.fill(title);
      await openOption(page, title).click();
    };
    await page.goto("/supervision-orders?status=draft");
    await pickPlan();
    const rows = page.locator(".ant-table-row");
    await expect
      .poll(async () => {
        const texts = await rows.allTextContents();
        return texts.length === 2 && texts.every((text) => text.includes("共 2 项：第一项“开展行政执法案卷评查”"));
      })
      .toBe(true);
    await page.getByRole("checkbox", { name: "选择东城街道的督办单" }).check();
    await page.getByRole("checkbox", { name: "选择西城街道的督办单" }).check();
    await page.getByTestId("bulk-actions").getByText("已选 2 份").waitFor();
    await page.getByRole("button", { name: withIcon("批量签发（2）") }).click();
    await confirmPopup(page, "签发");
    await toast(page, "已签发 2 份督办单，已通知被督办单位");
    await page.goto("/supervision-orders?status=issued");
    await pickPlan();
    await expect
      .poll(async () => (await rows.allTextContents()).filter((t) => /督办〔\d{4}〕第\d+号/.test(t)).length)
      .toBe(2);

    // 按单位汇总: both townships, each with one yellow order issued this year and one item still open
    await page.getByRole("tab", { name: "按单位汇总" }).click();
    const summary = page.getByTestId("unit-summary");
    await page.getByLabel("搜索单位").fill("东城街道");
    const east = summary.locator(".ant-table-row").filter({ hasText: "东城街道" });
    await expect.poll(() => east.count()).toBe(1);
    const cells = await east.locator("td").allTextContents();
    // 单位, 待签发事项, 已督办未整改, 最长逾期, 蓝牌, 黄牌, 红牌 (this year's, of every plan: the demo's too)
    expect(cells.slice(0, 4)).toEqual([
      "东城街道",
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/ 天$/),
    ]);
    expect(Number(cells[2])).toBeGreaterThanOrEqual(2);
    expect(Number(cells[5])).toBeGreaterThanOrEqual(1);
    const { sheet } = await downloadSheet(page, "导出Excel");
    expect(sheet.getRow(4).values).toEqual(expect.arrayContaining(["东城街道", Number(cells[2])]));
    // a unit's name opens its orders
    await east.getByRole("link", { name: "东城街道" }).click();
    await page.waitForURL((url) => url.pathname === "/supervision-orders" && url.search.startsWith("?unit="));
    await expect.poll(async () => (await rows.allTextContents()).every((t) => t.includes("东城街道"))).toBe(true);
    expect([...pageErrors, ...admin.pageErrors]).toEqual([]);
  });
});
