import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dashboard } from "../src/shared/api";
import { json, login, openBrowser, openOption, type Product, startProduct } from "./harness";

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

/** The number a statistic card shows, as text. */
async function stat(page: Page, id: string): Promise<string> {
  const card = page.getByTestId(`stat-${id}`);
  await card.waitFor();
  return ((await card.locator(".ant-statistic-content").textContent()) ?? "").replace(/,/g, "").trim();
}

describe("驾驶舱", () => {
  it("shows the office the numbers of the assignment lists, filters by plan, and saves a chart as PNG", async () => {
    const { page, pageErrors } = await openBrowser(product);
    await login(page, "coordinator");
    await page.getByRole("menuitem", { name: /驾驶舱/ }).click();
    await page.waitForURL((url) => url.pathname === "/dashboard");
    const board = await json<Dashboard>(await page.request.get("/api/dashboard"));
    const red = await json<{ total: number }>(await page.request.get("/api/assignments?signal=red&limit=1"));
    expect(await stat(page, "red")).toBe(String(red.total));
    expect(await stat(page, "assignments")).toBe(String(board.totals.assignments));
    expect(await stat(page, "overdue")).toBe(String(board.totals.overdue));
    // when the numbers were counted (a province's are refreshed in the background after a change)
    expect(await page.getByTestId("dashboard-as-of").textContent()).toMatch(
      /^数据更新于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/,
    );
    for (const chart of ["signals", "completion", "trend", "heatmap"])
      await page.getByTestId(`chart-${chart}`).locator("canvas").first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("chart-completion-png").click(),
    ]);
    expect(download.suggestedFilename()).toBe("各单位完成率（由低到高）.png");

    // one plan: the address carries the filter, the cards follow
    const plan = board.plans[0];
    await page.getByTestId("filter-plan").click();
    await openOption(page, plan.title).click();
    await page.waitForURL((url) => url.searchParams.get("planId") === String(plan.id));
    const planRed = await json<{ total: number }>(
      await page.request.get(`/api/assignments?signal=red&planId=${plan.id}&limit=1`),
    );
    await expect.poll(() => stat(page, "red")).toBe(String(planRed.total));
    await page.getByTestId("chart-heatmap").getByText("任务部分 × 单位完成率").waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("shows a township its own signals and what is due soon", async () => {
    const { page, pageErrors } = await openBrowser(product);
    await login(page, "township");
    await page.goto("/dashboard");
    await page.getByRole("heading", { name: "驾驶舱 · 城关街道" }).waitFor();
    const mine = await json<{ total: number }>(await page.request.get("/api/assignments?mine=true&limit=1"));
    expect(await stat(page, "assignments")).toBe(String(mine.total));
    await page.getByTestId("chart-signals").locator("canvas").first().waitFor();
    expect(await page.getByTestId("chart-completion").count()).toBe(0);
    await page.getByTestId("most-overdue").waitFor();
    await page.getByTestId("due-soon").waitFor();
    expect(pageErrors).toEqual([]);
  });
});
