/**
 * The plan progress page as a coordinator opens it in Chromium: the bench's app listens on a free port and serves
 * the built web app; the time is from navigation to every cell of the matrix drawn.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../scripts/chromium.js";
import { WEB_DIR } from "../src/server/web-dir.js";
import type { Bench } from "./inprocess.js";
import { median, round } from "./stats.js";

/** A matrix cell, one per assignment, as the progress page draws it. */
export const CELL = "[data-testid=progress-matrix] [data-assignment]";

export async function renderProgressPage(
  bench: Bench,
  planId: number,
  cells: number,
  runs: number,
): Promise<{ runs: number; cells: number; medianMs: number; samplesMs: number[] } | null> {
  if (!existsSync(join(WEB_DIR, "index.html")) || !existsSync(CHROMIUM)) return null;
  const address = await bench.app.listen({ port: 0, host: "127.0.0.1" });
  const session = (await bench.login("coordinator")).split("=")[1];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    await context.addCookies([{ name: "fazhi_session", value: session, url: address }]);
    const page = await context.newPage();
    // the first visit loads the app's code into the cache, as any visit after the first login has it
    await page.goto(`${address}/plans/${planId}/progress`);
    await page
      .locator(CELL)
      .nth(cells - 1)
      .waitFor({ state: "attached", timeout: 30_000 });
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      await page.goto(`${address}/plans/${planId}/progress`);
      await page
        .locator(CELL)
        .nth(cells - 1)
        .waitFor({ state: "attached", timeout: 30_000 });
      samples.push(round(performance.now() - started));
    }
    return { runs, cells, medianMs: round(median(samples)), samplesMs: samples };
  } finally {
    await browser.close();
  }
}
