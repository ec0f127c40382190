/**
 * Drafts withdrawn and duplicates flagged in the browser (issue 14 item 5): a file imported twice says so and links to
 * the first; the second is deleted from its page; once the plan is published, a third import warns that it is out
 * already, and 交办 waits for the office to confirm.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmPopup,
  dropFile,
  label,
  login,
  modal,
  openBrowser,
  type Product,
  startProduct,
  toast,
  withIcon,
} from "./harness";

const TITLE = "某区2026年依法行政工作要点";
const PLAN = Buffer.from(
  `关于印发《${TITLE}》的通知
一、严格规范执法
1.全面落实行政执法三项制度。
责任单位：区市场监管分局
2.开展执法案卷评查。
责任单位：区市场监管分局
`,
  "utf8",
);

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

describe("duplicates and withdrawn drafts", () => {
  it("flags a second import, deletes it, and asks before publishing a plan already out", async () => {
    const office = await openBrowser(product);
    const { page } = office;
    await login(page, "coordinator");
    const importPlan = async (name: string) => {
      await page.goto("/plans");
      await page.getByRole("button", { name: withIcon("导入方案") }).click();
      const dialog = modal(page, "导入方案");
      await dropFile(page, dialog.locator(".ant-upload-drag .ant-upload-btn"), PLAN, name, "text/plain");
      await page.waitForURL((url) => /^\/plans\/\d+$/.test(url.pathname));
      await page.getByText(`已导入「${TITLE}」`).waitFor();
      return Number(new URL(page.url()).pathname.split("/").at(-1));
    };

    const first = await importPlan("依法行政工作要点.txt");
    expect(await page.getByTestId("duplicate-warning").count()).toBe(0);
    const second = await importPlan("依法行政工作要点（1）.txt");
    const warning = page.getByTestId("duplicate-warning");
    await warning.getByText("已有相同的方案草稿：如为重复导入，可删除本草稿").waitFor();
    await warning.getByText("（文件相同）").waitFor();
    expect(await warning.getByRole("link", { name: TITLE }).getAttribute("href")).toBe(`/plans/${first}`);

    // the second is deleted from its own page: gone from the list, the first one kept
    await page.getByRole("button", { name: withIcon("删除草稿") }).click();
    await confirmPopup(page, "删除");
    await toast(page, `已删除方案草稿「${TITLE}」`);
    await page.waitForURL((url) => url.pathname === "/plans");
    const rows = page.locator(".ant-table-row").filter({ hasText: TITLE });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-row-key")).toBe(String(first));
    expect((await page.request.get(`/api/plans/${second}`)).status()).toBe(404);

    // the first is published; a third import is told it is out already, and 交办 waits for a confirmation
    await page.goto(`/plans/${first}`);
    await page.getByRole("button", { name: withIcon("交办") }).click();
    await modal(page, `交办“${TITLE}”`)
      .getByRole("button", { name: label("确认交办") })
      .click();
    await page.getByText(/^已交办，共生成 \d+ 条任务交办$/).waitFor();
    await importPlan("依法行政工作要点（再发）.txt");
    await warning.getByText(/^已有相同的方案已交办/).waitFor();
    await page.getByRole("button", { name: withIcon("交办") }).click();
    const dialog = modal(page, `交办“${TITLE}”`);
    await dialog.getByText(`已有相同的方案“${TITLE}”已交办，再次交办会让各单位重复收到任务`).waitFor();
    const ok = dialog.getByRole("button", { name: label("确认交办") });
    expect(await ok.isDisabled()).toBe(true);
    await dialog.getByText("我已核对，确需再次交办").click();
    expect(await ok.isDisabled()).toBe(false);
    await ok.click();
    await page.getByText(/^已交办，共生成 \d+ 条任务交办$/).waitFor();
    expect(office.pageErrors).toEqual([]);
  });
});
