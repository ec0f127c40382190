/**
 * npm run bench:parser — text parser speed, medians after warm-up: the five seed plans together (target < 50 ms)
 * and a synthetic plan of several MB built from renumbered seed content (target ≥ 2 MB/s). Writes
 * bench/results/parser.json.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sharedDir } from "../src/core/parser/eval/seeds.js";
import { parseText } from "../src/core/parser/parse-text.js";
import { writeResults } from "./results.js";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(runs: number, warmup: number, fn: () => void): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** A long plan: the seeds' sections repeated, every task renumbered so numbering keeps running. */
function syntheticPlan(seeds: string[], targetBytes: number): string {
  const parts: string[] = [];
  let size = 0;
  let next = 1;
  while (size < targetBytes) {
    for (const seed of seeds) {
      const body = seed.replace(
        /^(\s*)(\d{1,3})([.、．])/gm,
        (_m, lead: string, _n: string, punct: string) => `${lead}${next++}${punct}`,
      );
      parts.push(body);
      size += Buffer.byteLength(body);
    }
  }
  return parts.join("\n");
}

const seedDir = join(sharedDir(), "seeds");
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(seedDir, f), "utf8"));
const seedBytes = seeds.reduce((n, s) => n + Buffer.byteLength(s), 0);

const seedsMs = time(30, 10, () => {
  for (const s of seeds) parseText(s);
});

const big = syntheticPlan(seeds, 4 * 1024 * 1024);
const bigBytes = Buffer.byteLength(big);
let bigTasks = 0;
const bigMs = time(5, 2, () => {
  bigTasks = parseText(big).tasks.length;
});
const mbPerSecond = bigBytes / 1024 / 1024 / (bigMs / 1000);

const results = {
  date: new Date().toISOString(),
  node: process.version,
  seeds: { files: seeds.length, bytes: seedBytes, medianMs: Number(seedsMs.toFixed(2)), targetMs: 50 },
  synthetic: {
    bytes: bigBytes,
    tasks: bigTasks,
    medianMs: Number(bigMs.toFixed(1)),
    mbPerSecond: Number(mbPerSecond.toFixed(2)),
    targetMbPerSecond: 2,
  },
};

console.log(
  `seeds: ${seeds.length} files, ${(seedBytes / 1024).toFixed(0)} KB, median ${seedsMs.toFixed(2)} ms (target < 50 ms)`,
);
console.log(
  `synthetic: ${(bigBytes / 1024 / 1024).toFixed(2)} MB, ${bigTasks} tasks, median ${bigMs.toFixed(0)} ms = ${mbPerSecond.toFixed(2)} MB/s (target ≥ 2 MB/s)`,
);
writeResults("parser", results);
if (seedsMs >= 50 || mbPerSecond < 2) {
  console.error("below the speed targets");
  process.exitCode = 1;
}
