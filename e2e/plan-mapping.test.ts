import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskTableDocx } from "../src/server/test/task-table-docx";
import {
  dropFile,
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

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/** A 民生实事 table: this office reads its 责任单位 column as the unit that leads the work. */
const HEADER = ["序号", "民生实事", "责任单位", "配合单位", "完成时限"];

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

async function importTable(page: Page, title: string, rows: string[][]): Promise<void> {
  await page.goto("/plans");
  await page.getByRole("button", { name: withIcon("导入方案") }).click();
  const dialog = modal(page, "导入方案");
  const from = page.url();
  await dropFile(
    page,
    dialog.locator(".ant-upload-drag .ant-upload-btn"),
    await taskTableDocx(title, HEADER, rows),
    `${title}.docx`,
    DOCX,
  );
  await page.waitForURL((url) => /^\/plans\/\d+$/.test(url.pathname) && url.href !== from);
  await page.getByTestId("task-list").locator("[data-task-card]").first().waitFor();
}

/** The task card's text with the units of a role right after the role's name. */
const cardText = async (card: Locator) => ((await card.textContent()) ?? "").replace(/\s+/g, "");

describe("column mapping on the review screen", () => {
  it("re-reads a 民生实事 table when a column's role is fixed, and reads the next file of that layout right at once", async () => {
    const { page, pageErrors } = await openBrowser(product);
    await login(page, "coordinator");

    await importTable(page, "城北区2026年民生实事项目任务分解表", [
      ["1", "新建城区公共停车位八百个，缓解老旧小区停车难", "区住建局", "区交通运输局", "2026年10月底前"],
      ["2", "为六十五岁以上老年人免费开展一次健康体检", "区卫健局", "区财政局", "2026年12月底前"],
      ["3", "新建改建城区幼儿园三所，新增学位六百个", "区教育局", "区民政局", "2026年9月底前"],
    ]);
    const cards = page.getByTestId("task-list").locator("[data-task-card]");
    expect(await cards.count()).toBe(3);
    // read as the header says: 民生实事 is the task, 责任单位 the responsible unit, no lead
    expect(await cardText(cards.first())).toContain("新建城区公共停车位八百个");
    expect(await cardText(cards.first())).toContain("责任单位区住建局");
    expect(await cardText(cards.first())).toContain("牵头单位—");

    // the office treats 责任单位 as the lead: one role changed, the tasks are read again at once
    const panel = page.getByTestId("reading-panel");
    await panel.getByText("识别设置", { exact: true }).click();
    const role = panel.getByLabel("“责任单位”列的含义", { exact: true });
    await role.click();
    await openOption(page, "牵头单位").click();
    await toast(page, "已按新的列设置重新识别：共 3 项任务");
    await expect.poll(() => cardText(cards.first())).toContain("牵头单位区住建局");
    expect(await cardText(cards.nth(1))).toContain("牵头单位区卫健局");
    expect(await cardText(cards.nth(2))).toContain("牵头单位区教育局");
    expect(await cardText(cards.first())).not.toContain("责任单位区住建局");
    await panel.getByText("已按设置的列含义识别").waitFor();

    // 交办
    const header = page.getByTestId("plan-header");
    await header.getByRole("button", { name: withIcon("交办") }).click();
    await modal(page, "交办“")
      .getByRole("button", { name: label("确认交办") })
      .click();
    await page.getByText(/^已交办，共生成 \d+ 条任务交办$/).waitFor();
    await header.getByText("已交办", { exact: true }).waitFor();

    // the next file with the same header: the lead comes from 责任单位 straight away
    await importTable(page, "城北区2027年民生实事项目任务分解表", [
      ["1", "改造老旧供水管网十五公里，保障居民用水安全", "区住建局", "区财政局", "2027年10月底前"],
      ["2", "新增社区老年助餐点十个，方便老年人就餐", "区民政局", "区卫健局", "2027年11月底前"],
    ]);
    expect(await cards.count()).toBe(2);
    expect(await cardText(cards.first())).toContain("牵头单位区住建局");
    expect(await cardText(cards.nth(1))).toContain("牵头单位区民政局");
    expect(pageErrors).toEqual([]);
  });
});
