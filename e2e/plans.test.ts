import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dropFile,
  label,
  login,
  menuEntries,
  modal,
  openBrowser,
  openOption,
  type Product,
  startProduct,
  toast,
  withIcon,
} from "./harness";

const SEED_004 = resolve(import.meta.dirname, "../src/core/parser/eval/fixtures/seeds/004_f9e7fc87e29e4cb2.txt");
/** The name the file has on a civil servant's desk: the upload must keep a Chinese file name. */
const FILE_NAME = "城北区2025年法治政府建设工作要点.txt";
const PLAN_TITLE = "西宁市城北区2025年法治政府建设工作要点";

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

/** Whether the element's box lies inside the scrolling pane's visible box. */
async function shownIn(pane: Locator, element: Locator): Promise<boolean> {
  const [outer, inner] = await Promise.all([pane.boundingBox(), element.boundingBox()]);
  if (!outer || !inner) return false;
  return inner.y >= outer.y - 1 && inner.y + Math.min(inner.height, 40) <= outer.y + outer.height + 1;
}

describe("plan import, review and 交办", () => {
  it("lets the coordinator import a plan, resolve its unit phrases and publish it; the township then signs for a task", async () => {
    const coordinator = await openBrowser(product);
    const { page } = coordinator;
    await login(page, "coordinator");
    await page.getByRole("menuitem", { name: "方案管理" }).click();
    await page.waitForURL((url) => url.pathname === "/plans");

    // Import by dragging the document onto the upload area.
    await page.getByRole("button", { name: withIcon("导入方案") }).click();
    const importDialog = modal(page, "导入方案");
    await dropFile(
      page,
      importDialog.locator(".ant-upload-drag .ant-upload-btn"),
      await readFile(SEED_004),
      FILE_NAME,
      "text/plain",
    );
    await page.waitForURL((url) => /^\/plans\/\d+$/.test(url.pathname));
    await page.getByText(`已导入「${PLAN_TITLE}」`).waitFor();

    // The review screen: the plan's particulars, the document beside the tasks read from it.
    await page.getByRole("heading", { name: PLAN_TITLE }).waitFor();
    const header = page.getByTestId("plan-header");
    expect(await header.textContent()).toContain("草稿");
    expect(await header.textContent()).toContain("西宁市城北区人民政府办公室");
    expect(await header.textContent()).toContain(FILE_NAME);
    const tasksTab = page.getByRole("tab", { name: /^任务清单（\d+）$/ });
    const taskCount = Number((await tasksTab.textContent())?.match(/\d+/)?.[0]);
    expect(taskCount).toBeGreaterThan(20);
    const source = page.getByTestId("source-text");
    await source.getByText("根据工作需要,现将《西宁市城北区2025年法治政府建设工作要点》印发给你们").waitFor();

    // A click on a task's words in the document brings up that task in the list, and the other way round.
    const taskList = page.getByTestId("task-list");
    const lastCard = taskList.locator("[data-task-card]").last();
    const lastId = await lastCard.getAttribute("data-task-card");
    const lastSpan = source.locator(`[data-task-id="${lastId}"]`).first();
    await lastSpan.scrollIntoViewIfNeeded();
    await lastSpan.click();
    await expect.poll(() => shownIn(taskList, lastCard)).toBe(true);
    const firstCard = taskList.locator("[data-task-card]").first();
    await firstCard.scrollIntoViewIfNeeded();
    await firstCard.getByText("加强党对法治政府建设的领导").first().click();
    const firstSpan = source.locator(`[data-task-id="${await firstCard.getAttribute("data-task-card")}"]`).first();
    await expect.poll(() => shownIn(source, firstSpan)).toBe(true);

    // A 完成时限 added in the task drawer: a date without words of its own is written out from the date, and written
    // anew when the date changes (not left saying the old date).
    const editTask = async () => {
      await firstCard.getByRole("button", { name: withIcon("编辑") }).click();
      const drawer = page.getByRole("dialog").filter({ hasText: "编辑任务" });
      await drawer.getByText("完成时限", { exact: true }).first().waitFor();
      return drawer;
    };
    const pickDate = async (drawer: Locator, date: string) => {
      const due = drawer.getByLabel("截止日期", { exact: true });
      await due.click();
      await due.fill(date);
      await due.press("Enter");
    };
    let drawer = await editTask();
    await drawer.getByRole("button", { name: withIcon("添加完成时限") }).click();
    await pickDate(drawer, "2025-06-30");
    await drawer.getByRole("button", { name: label("保存") }).click();
    await drawer.waitFor({ state: "detached" });
    await firstCard.getByText("2025年6月30日前", { exact: true }).waitFor();

    drawer = await editTask();
    const words = drawer.getByLabel("原文表述", { exact: true });
    expect(await drawer.getByLabel("截止日期", { exact: true }).inputValue()).toBe("2025-06-30");
    expect(await words.inputValue()).toBe("");
    await pickDate(drawer, "2025-09-30");
    await expect.poll(() => words.getAttribute("placeholder")).toBe("2025年9月30日前");
    await drawer.getByRole("button", { name: label("保存") }).click();
    await drawer.waitFor({ state: "detached" });
    await firstCard.getByText("2025年9月30日前", { exact: true }).waitFor();
    expect(await firstCard.textContent()).not.toContain("2025年6月30日");

    drawer = await editTask();
    expect(await drawer.getByLabel("截止日期", { exact: true }).inputValue()).toBe("2025-09-30");
    expect(await drawer.getByLabel("原文表述", { exact: true }).inputValue()).toBe("");
    await drawer.getByRole("button", { name: label("取消") }).click();
    await drawer.waitFor({ state: "detached" });

    // Phrases the registry does not know hold the plan back.
    const publish = header.getByRole("button", { name: withIcon("交办") });
    expect(await publish.isDisabled()).toBe(true);
    await page.getByRole("button", { name: label("去处理") }).click();
    const panel = page.getByTestId("unresolved-panel");
    const phrases = panel.locator("[data-phrase]");
    const open = await phrases.count();
    expect(open).toBeGreaterThan(2);

    // One phrase to a unit chosen from the registry, saved as that unit's alias…
    const police = panel.locator('[data-phrase="城北公安分局"]');
    const picker = police.getByLabel("“城北公安分局”对应的单位");
    await picker.click();
    await picker.fill("区公安分局");
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="区公安分局"]').waitFor();
    await picker.press("Enter");
    await police.getByRole("button", { name: "对应到此单位" }).click();
    await toast(page, "已将“城北公安分局”对应到区公安分局，并保存为别名");
    await police.waitFor({ state: "detached" });

    // …one to the unit the system suggests…
    const emergency = panel.locator('[data-phrase="区应急局"]');
    await emergency.getByRole("button", { name: "区应急管理局" }).click();
    await toast(page, "已将“区应急局”对应到区应急管理局，并保存为别名");
    await emergency.waitFor({ state: "detached" });

    // …and the offices outside this district's registry left out, with the reason on record.
    for (let left = await phrases.count(); left > 0; left--) {
      const card = phrases.first();
      const phrase = await card.getAttribute("data-phrase");
      await card.getByRole("button", { name: label("不交办") }).click();
      const dialog = modal(page, `不交办“${phrase}”`);
      await dialog.getByLabel("不交办的原因", { exact: true }).fill("上级或外单位，不在本区交办范围");
      await dialog.getByRole("button", { name: label("确定") }).click();
      await toast(page, `已将“${phrase}”标为不交办`);
      await expect.poll(() => phrases.count()).toBe(left - 1);
    }
    await panel.getByText("方案中的单位表述都已对应到单位").waitFor();
    await panel.getByText(/^不交办的表述（\d+）$/).waitFor();

    // 交办
    await publish.click();
    const confirm = modal(page, `交办“${PLAN_TITLE}”`);
    expect(await confirm.textContent()).toContain(`${taskCount} 项`);
    await confirm.getByRole("button", { name: label("确认交办") }).click();
    await page.getByText(/^已交办，共生成 \d+ 条任务交办$/).waitFor();
    await header.getByText("已交办", { exact: true }).waitFor();
    expect(await publish.count()).toBe(0);
    expect(coordinator.pageErrors).toEqual([]);

    // The township's manager finds its share of the plan under 我的任务 and signs for one task.
    const township = await openBrowser(product);
    const unit = township.page;
    await login(unit, "township");
    expect(await menuEntries(unit)).toEqual(["工作台", "驾驶舱", "我的任务", "进展报告", "督办单", "通报", "单位管理"]);
    await unit.getByRole("menuitem", { name: "我的任务" }).click();
    await unit.waitForURL((url) => url.pathname === "/assignments");
    // The demo data may have published another plan for the same unit: look at this plan only.
    const planFilter = unit.getByLabel("方案", { exact: true });
    await planFilter.click();
    await openOption(unit, PLAN_TITLE).click();
    const rows = unit.locator(".ant-table-row");
    await rows.first().waitFor();
    await expect.poll(async () => (await rows.allTextContents()).every((text) => text.includes(PLAN_TITLE))).toBe(true);
    const waiting = rows.filter({ hasText: "待签收" });
    const before = await waiting.count();
    expect(before).toBeGreaterThan(0);

    const row = waiting.first();
    // the row's cells: the tick box for 批量签收, the plan, the task's number…
    const number = (await row.locator("td").nth(2).textContent())?.trim();
    const rowKey = await row.getAttribute("data-row-key");
    await row.getByRole("button", { name: withIcon("签收") }).click();
    await unit.getByText(`已签收任务 ${number}`).waitFor();
    const signed = unit.locator(`.ant-table-row[data-row-key="${rowKey}"]`);
    await signed.getByText("已签收", { exact: true }).waitFor();
    expect(await signed.getByRole("button", { name: withIcon("签收") }).count()).toBe(0);
    await expect.poll(() => waiting.count()).toBe(before - 1);

    // Two more are ticked and signed at once.
    expect(before).toBeGreaterThanOrEqual(3);
    {
      const [a, b] = [waiting.nth(0), waiting.nth(1)];
      const keys = [await a.getAttribute("data-row-key"), await b.getAttribute("data-row-key")];
      await a.locator(".ant-checkbox-input").check();
      await b.locator(".ant-checkbox-input").check();
      await unit.getByRole("button", { name: withIcon("批量签收（2）") }).click();
      await toast(unit, "已签收 2 项任务");
      for (const key of keys) {
        await unit.locator(`.ant-table-row[data-row-key="${key}"]`).getByText("已签收", { exact: true }).waitFor();
      }
      await expect.poll(() => waiting.count()).toBe(before - 3);
    }

    // The task's page shows who signed and every period the task is reported on.
    await signed.getByRole("link", { name: "报送" }).click();
    await unit.waitForURL((url) => url.pathname === `/assignments/${rowKey}`);
    const detail = unit.getByTestId("assignment-header");
    await detail.getByRole("heading", { name: `任务 ${number}：城关街道` }).waitFor();
    await detail.getByText("城关街道管理员", { exact: false }).waitFor();
    await unit.getByText(/^报送期次（\d+）$/).waitFor();
    expect(township.pageErrors).toEqual([]);
  });
});
