import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Writes a benchmark's figures to bench/results/NAME.json (BENCH_RESULTS_DIR elsewhere, as the tests do). */
export function writeResults(name: string, figures: unknown): void {
  const dir = process.env.BENCH_RESULTS_DIR ?? join(import.meta.dirname, "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}
