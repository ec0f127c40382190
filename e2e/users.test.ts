import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseOption,
  downloadSheet,
  label,
  login,
  menuEntries,
  openBrowser,
  type Product,
  startProduct,
  submitLogin,
} from "./harness";

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

describe("user administration", () => {
  it("lets the admin create a user who can then log in", async () => {
    const admin = await openBrowser(product);
    const { page } = admin;
    await login(page, "admin");
    expect(await menuEntries(page)).toEqual([
      "工作台",
      "驾驶舱",
      "方案管理",
      "交办情况",
      "进展报告",
      "督办单",
      "通报",
      "单位管理",
      "用户管理",
      "消息渠道",
      "办公室与文书",
      "审计日志",
    ]);
    await page.getByRole("menuitem", { name: "用户管理" }).click();
    await page.getByRole("cell", { name: "coordinator", exact: true }).waitFor();

    await page.getByRole("button", { name: "新建用户" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("用户名", { exact: true }).fill("zhang.wei");
    await dialog.getByLabel("姓名", { exact: true }).fill("张伟");
    await chooseOption(page, "所属单位", "区市场监管分局", true);
    await chooseOption(page, "角色", "单位经办人");
    await dialog.getByLabel("初始密码", { exact: true }).fill("short");
    await dialog.getByRole("button", { name: label("创建") }).click();
    await dialog.getByText("密码至少 8 位").waitFor();
    await dialog.getByLabel("初始密码", { exact: true }).fill("Chushi-mima-2025");
    await dialog.getByLabel("确认密码", { exact: true }).fill("Chushi-mima-2025");
    await dialog.getByRole("button", { name: label("创建") }).click();
    await page.getByText("已新建用户「张伟」（zhang.wei）").waitFor();

    // Every demo unit has its manager account, so the list runs over several pages: search, as a user would.
    await page.getByRole("searchbox", { name: "搜索用户" }).fill("zhang.wei");
    await expect.poll(() => page.locator(".ant-table-row").count()).toBe(1);
    const row = page.locator(".ant-table-row", { hasText: "zhang.wei" });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain("张伟");
    expect(text).toContain("区市场监管分局");
    expect(text).toContain("单位经办人");
    expect(text).toContain("从未登录");

    // The audit log names the change in Chinese, and finds it by its action
    await page.getByRole("menuitem", { name: "审计日志" }).click();
    const action = page.getByLabel("动作", { exact: true });
    await action.click();
    await action.fill("新建用户");
    await page.locator(".ant-select-item-option", { hasText: "新建用户" }).first().waitFor();
    await action.press("Enter");
    await expect.poll(() => page.locator(".ant-table-row").count()).toBeGreaterThan(0);
    const events = await page.locator(".ant-table-tbody").textContent();
    expect(events).toContain("新建用户");
    expect(events).toContain("系统管理员");
    expect(events).not.toContain("user.create");
    expect(events).not.toContain("修改单位");
    const { filename, sheet } = await downloadSheet(page, "导出Excel");
    expect(filename).toMatch(/^审计日志-\d{4}年\d{1,2}月\d{1,2}日\.xlsx$/);
    expect(String(sheet.getCell(2, 1).value)).toContain("动作：新建用户");
    expect(admin.pageErrors).toEqual([]);

    // The new user signs in from another browser.
    const newcomer = await openBrowser(product);
    await login(newcomer.page, "zhang.wei", "Chushi-mima-2025");
    const header = newcomer.page.getByTestId("user-menu");
    expect(await header.textContent()).toContain("张伟");
    expect(await header.textContent()).toContain("区市场监管分局");
    expect(await menuEntries(newcomer.page)).toEqual([
      "工作台",
      "驾驶舱",
      "我的任务",
      "进展报告",
      "督办单",
      "通报",
      "单位管理",
    ]);
    await newcomer.page.getByText("张伟，您好").waitFor();
    expect(newcomer.pageErrors).toEqual([]);
  });

  it("shows a locked account on the login page, and the admin unlocks it", async () => {
    const leader = await openBrowser(product);
    const admin = await openBrowser(product);
    await leader.page.goto("/login");
    const alert = leader.page.getByTestId("login-error");
    // Wrong passwords until the server locks the account (FAZHI_LOGIN_MAX_FAILURES, 5 by default). The login page
    // answers a lock as any failure (no account enumeration); the lock shows to the admin and in the owner's bell.
    for (let attempt = 1; attempt <= 5; attempt++) {
      const answered = leader.page.waitForResponse((r) => r.url().endsWith("/api/auth/login"));
      await submitLogin(leader.page, "leader", `Wrong-pass-${attempt}`);
      expect((await answered).status()).toBe(401);
    }
    await expect.poll(() => alert.textContent()).toContain("用户名或密码错误");
    expect(await alert.textContent()).toContain("账号将锁定");

    await login(admin.page, "admin");
    await admin.page.goto("/users");
    await admin.page.getByRole("searchbox", { name: "搜索用户" }).fill("leader");
    const row = admin.page.locator(".ant-table-row", { hasText: "leader" });
    await row.getByText("已锁定").waitFor();
    await row.getByRole("button", { name: label("编辑") }).click();
    await admin.page.getByRole("button", { name: "解锁账号" }).click();
    await admin.page.getByText(/^已解锁「.+」$/).waitFor();
    await row.getByText("启用").waitFor();

    await login(leader.page, "leader");
    expect(await menuEntries(leader.page)).toEqual([
      "工作台",
      "驾驶舱",
      "方案管理",
      "交办情况",
      "进展报告",
      "督办单",
      "通报",
      "单位管理",
    ]);
    expect([...leader.pageErrors, ...admin.pageErrors]).toEqual([]);
  });
});
