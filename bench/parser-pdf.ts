/**
 * Part of npm run bench:parser — a 100-page PDF (seed plans typeset by LibreOffice, bench/fixtures, made by
 * scripts/make-parser-fixtures.ts) read and parsed end to end by parseDocument; median of several runs after a
 * warm-up, target < 3 s. Writes bench/results/parser-pdf.json and exits 1 when the target is missed.
 */

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "../src/core/parser/index.js";
import { writeResults } from "./results.js";

const TARGET_MS = 3000;
const RUNS = 5;

const here = dirname(fileURLToPath(import.meta.url));
const pdf = new Uint8Array(readFileSync(join(here, "fixtures/parser-100-pages.pdf")));

async function timed(): Promise<{ ms: number; tasks: number; chars: number }> {
  const started = performance.now();
  const result = await parseDocument(pdf, "parser-100-pages.pdf");
  return { ms: performance.now() - started, tasks: result.tasks.length, chars: result.text.length };
}

await timed();
const runs: Array<{ ms: number; tasks: number; chars: number }> = [];
for (let i = 0; i < RUNS; i++) runs.push(await timed());
const sorted = runs.map((run) => run.ms).sort((a, b) => a - b);
const medianMs = sorted[Math.floor(sorted.length / 2)];

const results = {
  date: new Date().toISOString(),
  node: process.version,
  pdf: { pages: 100, bytes: pdf.length, textChars: runs[0].chars, tasks: runs[0].tasks },
  runs: RUNS,
  medianMs: Number(medianMs.toFixed(0)),
  samplesMs: sorted.map((ms) => Number(ms.toFixed(0))),
  targetMs: TARGET_MS,
};
writeResults("parser-pdf", results);
console.log(
  `100-page PDF: ${(pdf.length / 1024).toFixed(0)} KB, ${runs[0].chars} characters, ${runs[0].tasks} tasks, ` +
    `read and parsed in median ${medianMs.toFixed(0)} ms over ${RUNS} runs (target < ${TARGET_MS} ms)`,
);
if (medianMs >= TARGET_MS) process.exitCode = 1;
