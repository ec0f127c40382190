import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropFile, login, modal, openBrowser, type Product, startProduct, withIcon } from "./harness";

/** Two scanned pages of numbered tasks (an image-only PDF, scripts/make-parser-fixtures.ts). */
const SCAN = resolve(import.meta.dirname, "../src/core/parser/fixtures/seed000-scan.pdf");

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

describe("importing a scanned plan", () => {
  it("shows the pages being recognised while the upload waits, then the draft with the tasks read from them", async () => {
    const { page } = await openBrowser(product);
    await login(page, "coordinator");
    await page.getByRole("menuitem", { name: "方案管理" }).click();
    await page.getByRole("button", { name: withIcon("导入方案") }).click();
    const dialog = modal(page, "导入方案");
    await dropFile(
      page,
      dialog.locator(".ant-upload-drag .ant-upload-btn"),
      await readFile(SCAN),
      "扫描件.pdf",
      "application/pdf",
    );
    const progress = dialog.getByTestId("ocr-progress");
    await progress.waitFor();
    expect(await progress.textContent()).toMatch(/正在识别扫描件：第 [12]\/2 页/);
    await page.waitForURL((url) => /^\/plans\/\d+$/.test(url.pathname), { timeout: 60_000 });
    const tasksTab = page.getByRole("tab", { name: /^任务清单（\d+）$/ });
    await tasksTab.waitFor();
    const count = Number((await tasksTab.textContent())?.match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(3);
    // text read from a scan is checked before it is trusted: every task read by OCR is tagged 待核对
    const cards = page.getByTestId("task-list").locator("[data-task-card]");
    await cards.first().waitFor();
    expect(await cards.getByTestId("doubt-tag").count()).toBe(await cards.count());
  }, 90_000);
});
