import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastEndedQuarter, periodPresets } from "../src/core/bulletins/text";
import { addDays, chinaDay } from "../src/core/calendar";
import {
  chooseOption,
  confirmPopup,
  downloadSheet,
  label,
  login,
  menuEntries,
  openBrowser,
  type Product,
  publishTownshipTask,
  startProduct,
  toast,
  withIcon,
} from "./harness";

const PLAN_TITLE = "城关街道依法行政专项工作方案";

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

/** The last quarter that has ended: what 生成通报 offers first. */
function lastQuarter() {
  const { year, key } = lastEndedQuarter(chinaDay(new Date()));
  const preset = periodPresets(year).find((p) => p.key === key);
  if (!preset) throw new Error(`no preset ${key}`);
  return { year, ...preset };
}

describe("bulletins", () => {
  it("the coordinator generates a bulletin, edits its title, publishes it and downloads it; the township is told", async () => {
    const office = await openBrowser(product);
    const { page } = office;
    await login(page, "coordinator");
    // a task for 城关街道 due in the middle of the last quarter, not reported on
    await publishTownshipTask(page.request, {
      title: PLAN_TITLE,
      text: "建立行政执法案卷评查制度。",
      due: addDays(lastQuarter().start, 44),
    });

    await page.getByRole("menuitem", { name: /通报/ }).click();
    await page.waitForURL((url) => url.pathname === "/bulletins");
    await page.getByRole("button", { name: withIcon("生成通报") }).click();
    await chooseOption(page, "方案", PLAN_TITLE, true);
    const quarter = lastQuarter();
    await page.getByText(`${quarter.start} 至 ${quarter.end}`, { exact: false }).waitFor();
    await page.getByRole("button", { name: label("生成草稿") }).click();
    await page.waitForURL((url) => /^\/bulletins\/\d+$/.test(url.pathname));

    // the tables as they will print: the township, nothing done, one period overdue
    const document = page.getByTestId("bulletin-document");
    await document.getByText("通报〔草稿〕（发布时编号）").waitFor();
    const unitRow = page.getByTestId("bulletin-table-0").locator(".ant-table-row").filter({ hasText: "城关街道" });
    await expect
      .poll(async () => (await unitRow.locator("td").allTextContents()).slice(1))
      .toEqual(["城关街道", "1", "0", "1", "0", "0%"]);
    await page.getByTestId("bulletin-table-1").getByText("第一项“建立行政执法案卷评查制度”").waitFor();

    const title = "关于城关街道依法行政专项工作落实情况的通报";
    await page.getByLabel("标题").fill(title);
    await page.getByRole("button", { name: withIcon("保存") }).click();
    await toast(page, "已保存");
    await page.getByRole("button", { name: withIcon("发布") }).click();
    await confirmPopup(page, "发布");
    await toast(page, "已发布");
    const docNumber = (await page.getByTestId("bulletin-number").textContent()) ?? "";
    expect(docNumber).toMatch(/^通报〔\d{4}〕第1号$/);
    await document.getByText(title, { exact: true }).waitFor();
    await expect.poll(() => page.getByRole("button", { name: withIcon("发布") }).count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: withIcon("下载Word") }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${docNumber}-${title}.docx`);
    const { value: text } = await mammoth.extractRawText({ path: await download.path() });
    expect(text).toContain(docNumber);
    expect(text).toContain(title);
    expect(text).toContain("城关街道");
    expect(text).toContain("第一项“建立行政执法案卷评查制度”");

    // the list finds it by a word of its title and exports what it finds
    await page.getByRole("menuitem", { name: /通报/ }).click();
    await page.getByLabel("搜索通报").fill("依法行政专项");
    const listed = page.locator(".ant-table-row");
    await expect.poll(async () => (await listed.allTextContents()).join("|")).toContain(title);
    await expect.poll(() => listed.count()).toBe(1);
    const sheet = await downloadSheet(page, "导出Excel");
    expect(String(sheet.sheet.getCell(2, 1).value)).toContain("关键词：依法行政专项");
    expect(sheet.sheet.getRow(4).values).toEqual(expect.arrayContaining([docNumber, title, "已发布"]));

    // the township hears of it and reads it
    const township = await openBrowser(product);
    await login(township.page, "township");
    await township.page.getByTestId("notification-bell").click();
    await township.page.getByTestId("notification-list").getByText(`通报：${title}`).click();
    await township.page.waitForURL((url) => /^\/bulletins\/\d+$/.test(url.pathname));
    await township.page.getByTestId("bulletin-number").getByText(docNumber).waitFor();
    expect([...office.pageErrors, ...township.pageErrors]).toEqual([]);
  });

  it("the coordinator sets the office's name, contact line and a template; the next bulletin is drafted in them", async () => {
    const office = await openBrowser(product);
    const { page } = office;
    await login(page, "coordinator");
    await page.getByRole("menuitem", { name: /办公室与文书/ }).click();
    await page.waitForURL((url) => url.pathname === "/settings/office");

    const name = "示例市城关区全面依法治区委员会办公室";
    await page.getByLabel("办公室名称").fill(name);
    await page.getByLabel("联系人").fill("张明");
    await page.getByLabel("联系电话").fill("0951-5012345");
    const rectify = page.getByLabel("通报整改要求（有逾期或退回时）");
    // a fact the template cannot fill is named before anything is saved
    await rectify.fill("请被通报单位向{办公室}报送整改情况，{文号}。");
    await page.getByText("中的{文号}不是可用的字段；可用的字段：{办公室}").waitFor();
    await rectify.fill("请被通报单位于5个工作日内向{办公室}书面报送整改情况。");
    await page
      .getByTestId("preview-bulletinRectify")
      .getByText(`示例：请被通报单位于5个工作日内向${name}书面报送整改情况。`)
      .waitFor();
    await page.getByRole("button", { name: label("保存") }).click();
    await toast(page, "已保存");
    await page.getByText("已修改").waitFor();

    // the next bulletin bears the name, the contact line and the reworded requirement
    await page.getByRole("menuitem", { name: /通报/ }).click();
    await page.getByRole("button", { name: withIcon("生成通报") }).click();
    await chooseOption(page, "方案", PLAN_TITLE, true);
    await page.getByRole("button", { name: label("生成草稿") }).click();
    await page.waitForURL((url) => /^\/bulletins\/\d+$/.test(url.pathname));
    const document = page.getByTestId("bulletin-document");
    await document.getByText("（联系人：张明；联系电话：0951-5012345）").waitFor();
    await expect.poll(() => document.getByText(name, { exact: true }).count()).toBe(2);
    await expect
      .poll(() => page.getByLabel("工作要求").inputValue())
      .toContain(`请被通报单位于5个工作日内向${name}书面报送整改情况。`);

    // the settings are the office's alone
    const township = await openBrowser(product);
    await login(township.page, "township");
    expect(await menuEntries(township.page)).not.toContain("办公室与文书");
    await township.page.goto("/settings/office");
    await township.page.getByText("您没有访问此页面的权限", { exact: false }).waitFor();
    expect([...office.pageErrors, ...township.pageErrors]).toEqual([]);
  });
});
