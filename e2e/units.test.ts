import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseOption,
  DEMO_PASSWORD,
  downloadSheet,
  label,
  login,
  modal,
  openBrowser,
  type Product,
  startProduct,
} from "./harness";

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

describe("the unit registry", () => {
  it("lets the coordinator create a unit, find it by searching, edit it and log out", async () => {
    const browser = await openBrowser(product);
    const { page } = browser;
    await login(page, "coordinator");
    await page.getByRole("menuitem", { name: "单位管理" }).click();
    await page.waitForURL((url) => url.pathname === "/units");
    await page.getByRole("cell", { name: "区司法局", exact: true }).waitFor();
    await expect.poll(() => page.locator(".ant-spin-spinning").count()).toBe(0);
    await page.screenshot({ path: "/tmp/fazhi-units.png", fullPage: false });

    // Create
    await page.getByRole("button", { name: "新建单位" }).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByText("新建单位").waitFor();
    await drawer.getByLabel("名称", { exact: true }).fill("区测试局");
    await drawer.getByLabel("别名", { exact: true }).fill("区测试管理局");
    await drawer.getByLabel("别名", { exact: true }).press("Enter");
    await chooseOption(page, "类型", "政府部门");
    await drawer.getByRole("button", { name: label("保存") }).click();
    await page.getByText("已新建单位「区测试局」").waitFor();

    // Find it by an alias
    const search = page.getByRole("searchbox", { name: "搜索单位" });
    await search.fill("区测试管理局");
    await search.press("Enter");
    const row = page.locator(".ant-table-row", { hasText: "区测试局" });
    await row.waitFor();
    await expect.poll(() => page.locator(".ant-table-row").count()).toBe(1);
    expect(await row.textContent()).toContain("政府部门");
    expect(await row.textContent()).toContain("启用");

    // the registry as found, to Excel
    const { filename, sheet } = await downloadSheet(page, "导出Excel");
    expect(filename).toMatch(/^单位名录-\d{4}年\d{1,2}月\d{1,2}日\.xlsx$/);
    expect(String(sheet.getCell(2, 1).value)).toContain("关键词：区测试管理局");
    expect(sheet.getCell(4, 1).value).toBe("区测试局");

    // Edit
    await row.getByRole("button", { name: label("编辑") }).click();
    await drawer.getByText("编辑单位：区测试局").waitFor();
    await drawer.getByLabel("简称", { exact: true }).fill("测试局");
    await drawer.getByLabel("排序", { exact: true }).fill("5");
    await drawer.getByRole("button", { name: label("保存") }).click();
    await page.getByText("已保存「区测试局」").waitFor();
    await expect.poll(() => row.locator("td").nth(1).textContent()).toBe("测试局");
    expect(await row.locator("td").nth(6).textContent()).toBe("5");

    // Log out
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "退出登录" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByRole("button", { name: label("登录") }).waitFor();
    expect(new URL(page.url()).search).toBe("");
    expect(browser.pageErrors).toEqual([]);
  });

  it("keeps what was typed when the session expires during a save, and saves after signing in again", async () => {
    const browser = await openBrowser(product);
    const { page, context } = browser;
    await login(page, "coordinator");
    await page.goto("/units");
    await page.getByRole("button", { name: "新建单位" }).click();
    const drawer = page.getByRole("dialog").filter({ hasText: "新建单位" });
    await drawer.getByLabel("名称", { exact: true }).fill("区过期测试局");
    await chooseOption(page, "类型", "其他");

    // The session ends on the server's side (here: the cookie is gone) while the form is open.
    await context.clearCookies();
    await drawer.getByRole("button", { name: label("保存") }).click();
    const expired = modal(page, "登录已过期");
    await expired.waitFor();
    await expired.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
    await expired.getByRole("button", { name: "重新登录" }).click();
    await expired.waitFor({ state: "hidden" });

    expect(await drawer.getByLabel("名称", { exact: true }).inputValue()).toBe("区过期测试局");
    await drawer.getByRole("button", { name: label("保存") }).click();
    await page.getByText("已新建单位「区过期测试局」").waitFor();
    expect(new URL(page.url()).pathname).toBe("/units");
    expect(browser.pageErrors).toEqual([]);
  });

  it("tells the second of two editors that the unit changed, keeping what they typed", async () => {
    const browser = await openBrowser(product);
    const other = await openBrowser(product);
    const editors = [browser.page, other.page];
    for (const page of editors) {
      await login(page, "coordinator");
      await page.goto("/units");
      const row = page.locator(".ant-table-row", { hasText: "区发改局" });
      await row.getByRole("button", { name: label("编辑") }).click();
      await page.getByRole("dialog").getByText("编辑单位：区发改局").waitFor();
    }
    const [first, second] = editors.map((page) => page.getByRole("dialog").filter({ hasText: "编辑单位" }));

    await first.getByLabel("简称", { exact: true }).fill("发改");
    await first.getByRole("button", { name: label("保存") }).click();
    await browser.page.getByText("已保存「区发改局」").waitFor();

    await second.getByLabel("简称", { exact: true }).fill("发展改革");
    await second.getByRole("button", { name: label("保存") }).click();
    await second.getByText("该记录已被他人修改，请刷新后重试").waitFor();
    expect(await second.getByLabel("简称", { exact: true }).inputValue()).toBe("发展改革");

    await second.getByRole("button", { name: "载入最新内容" }).click();
    expect(await second.getByLabel("简称", { exact: true }).inputValue()).toBe("发改");

    // Saving after loading the latest applies to that version, not to the one first opened.
    await second.getByLabel("简称", { exact: true }).fill("发展改革");
    await second.getByRole("button", { name: label("保存") }).click();
    await other.page.getByText("已保存「区发改局」").waitFor();
    await other.page.locator(".ant-table-row", { hasText: "区发改局" }).getByText("发展改革").waitFor();
    expect([...browser.pageErrors, ...other.pageErrors]).toEqual([]);
  });
});
