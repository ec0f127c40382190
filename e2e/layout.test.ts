import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, openBrowser, type Product, startProduct } from "./harness";

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});
afterAll(async () => {
  await product?.stop();
});

/** The screens the offices work on: a laptop, a desktop, a phone. */
const SIZES = [
  { width: 1366, height: 768, desktop: true },
  { width: 1920, height: 1080, desktop: true },
  { width: 390, height: 844, desktop: false },
];

const PAGES: Record<"coordinator" | "township" | "admin", string[]> = {
  coordinator: ["/", "/plans", "/assignments", "/reports", "/supervision-orders", "/bulletins", "/units"],
  township: ["/", "/assignments", "/reports", "/supervision-orders"],
  admin: ["/users", "/audit", "/channels"],
};

/** How wide the page runs past the screen, and the table headers a fixed column covers. */
function measure(page: Page) {
  return page.evaluate(() => {
    const covered: string[] = [];
    for (const table of document.querySelectorAll(".ant-table")) {
      const headers = [...table.querySelectorAll("thead th")];
      const fixed = headers.filter((th) => /fix-(right|end)/.test(th.className));
      if (fixed.length === 0) continue;
      const edge = Math.min(...fixed.map((th) => th.getBoundingClientRect().left));
      for (const th of headers) {
        const box = th.getBoundingClientRect();
        if (!fixed.includes(th) && box.width > 0 && box.right > edge + 2) covered.push(th.textContent?.trim() ?? "");
      }
    }
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, covered };
  });
}

describe("the main pages on a laptop, a desktop and a phone", () => {
  it("run no wider than the screen, and on a computer no column hides behind the fixed 操作", async () => {
    const problems: string[] = [];
    for (const [user, paths] of Object.entries(PAGES)) {
      const { page, pageErrors } = await openBrowser(product);
      await login(page, user);
      for (const path of paths) {
        await page.setViewportSize({ width: 1366, height: 768 });
        await page.goto(path);
        await page.locator(".ant-card").first().waitFor();
        await expect.poll(() => page.locator(".ant-spin-spinning").count(), { timeout: 15_000 }).toBe(0);
        for (const size of SIZES) {
          await page.setViewportSize({ width: size.width, height: size.height });
          // antd's responsive columns follow the window's size a frame later
          await page.waitForTimeout(300);
          const { overflow, covered } = await measure(page);
          if (overflow > 0) problems.push(`${user} ${path} ${size.width}px: ${overflow}px wider than the screen`);
          if (size.desktop && covered.length)
            problems.push(`${user} ${path} ${size.width}px: ${covered.join("、")} covered`);
        }
      }
      expect(pageErrors).toEqual([]);
    }
    expect(problems).toEqual([]);
  });
});
