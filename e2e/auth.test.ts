import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, menuEntries, openBrowser, type Product, startProduct, submitLogin } from "./harness";

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

describe("signing in", () => {
  it("shows the server's error on the login page for a wrong password", async () => {
    const browser = await openBrowser(product);
    const { page } = browser;
    await page.goto("/login");
    await page.getByText("法治政府建设督导平台").first().waitFor();
    await submitLogin(page, "coordinator", "Wrong-pass-1");

    const alert = page.getByTestId("login-error");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("用户名或密码错误");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(browser.pageErrors).toEqual([]);
  });

  it("sends a visitor to the login page and back to the page they asked for", async () => {
    const browser = await openBrowser(product);
    const { page } = browser;
    await page.goto("/units");
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("redirect")).toBe("/units");

    await submitLogin(page, "coordinator", "Demo-pass-2025");
    await page.waitForURL((url) => url.pathname === "/units");
    await page.getByRole("cell", { name: "区司法局", exact: true }).waitFor();
    expect(browser.pageErrors).toEqual([]);
  });
});

describe("what a unit manager may see", () => {
  it("hides 用户管理 and 审计日志 from the menu and answers a direct visit with 无权限", async () => {
    const browser = await openBrowser(product);
    const { page } = browser;
    await login(page, "township");
    expect(await menuEntries(page)).toEqual(["工作台", "驾驶舱", "我的任务", "进展报告", "督办单", "通报", "单位管理"]);

    await page.goto("/users");
    await page.getByText("无权限", { exact: true }).waitFor();
    await page.getByText("您没有访问此页面的权限。如需开通，请联系系统管理员。").waitFor();

    await page.goto("/audit");
    await page.getByText("无权限", { exact: true }).waitFor();
    expect(browser.pageErrors).toEqual([]);
  });
});
