/**
 * npm run bench:parser-ocr — OCR of scans: how many tasks are found on 200-dpi scans of the seed plans (the ruled
 * task table of seed 002 and the numbered paragraphs of seed 000, printed by LibreOffice, rasterised in black and
 * white and wrapped into image-only PDFs, target ≥ 0.90), and how long a 20-page scan takes end to end
 * (bench/fixtures, made by scripts/make-parser-fixtures.ts; target < 60 s on 2 cores, median of 3). The truth is
 * the seeds' annotation with its task starts' punctuation set full-width as the reader sets OCR text: a scan cannot
 * tell "," from "，". BENCH_OCR_DPI rasterises at another resolution. Writes bench/results/parser-ocr.json and exits
 * 1 when a target is missed. BENCH_RUNS sets how many times the 20-page scan is read (3).
 */

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scannedPdf } from "../scripts/parser-fixtures/scan-builder.js";
import { rates, scoreParse, sumScores, type TruthTask } from "../src/core/parser/eval/score.js";
import { sharedDir } from "../src/core/parser/eval/seeds.js";
import { parseDocument } from "../src/core/parser/index.js";
import { defaultOcrEngine, forgetRecentScans } from "../src/core/parser/readers/ocr.js";
import { tidyOcrText } from "../src/core/parser/readers/ocr-tsv.js";
import { writeResults } from "./results.js";

const TARGET_FOUND = 0.9;
const TARGET_MS = 60_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "../src/core/parser/fixtures");
defaultOcrEngine.dpi = Number(process.env.BENCH_OCR_DPI ?? defaultOcrEngine.dpi);

function truthOf(seed: string): TruthTask[] {
  const truth = JSON.parse(readFileSync(join(sharedDir(), "parser-truth", `${seed}.json`), "utf8")) as {
    tasks: TruthTask[];
  };
  return truth.tasks.map((task) => ({ ...task, start: tidyOcrText(task.start) }));
}

const documents = [
  { name: "seed002 ruled task table", file: "seed002-table-libreoffice.pdf", seed: "002" },
  { name: "seed000 numbered paragraphs", file: "seed000-libreoffice.pdf", seed: "000" },
];
const accuracy = [];
for (const document of documents) {
  const scan = new Uint8Array(scannedPdf(readFileSync(join(fixtures, document.file)), 200));
  const started = performance.now();
  const result = await parseDocument(scan, document.file);
  const ms = performance.now() - started;
  const score = scoreParse(result, truthOf(document.seed));
  accuracy.push({ ...document, bytes: scan.length, ms: Math.round(ms), score, rates: rates(score) });
  console.log(
    `${document.name}: ${score.found}/${score.truthTasks} tasks found (${rates(score).tasksFound.toFixed(2)}), ` +
      `${score.outputTasks} read, in ${(ms / 1000).toFixed(1)} s`,
  );
}
const overall = rates(sumScores(accuracy.map((document) => document.score)));

const twenty = new Uint8Array(readFileSync(join(here, "fixtures/parser-scan-20-pages.pdf")));
const samples: number[] = [];
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);
let tasks = 0;
for (let run = 0; run < RUNS; run++) {
  forgetRecentScans();
  const started = performance.now();
  tasks = (await parseDocument(twenty, "parser-scan-20-pages.pdf")).tasks.length;
  samples.push(performance.now() - started);
}
clearInterval(sampler);
const medianMs = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

const results = {
  date: new Date().toISOString(),
  node: process.version,
  dpi: defaultOcrEngine.dpi,
  concurrency: defaultOcrEngine.concurrency,
  accuracy: accuracy.map(({ name, bytes, ms, rates }) => ({ name, bytes, ms, rates })),
  tasksFound: Number(overall.tasksFound.toFixed(3)),
  targetFound: TARGET_FOUND,
  twentyPages: {
    bytes: twenty.length,
    tasks,
    runs: RUNS,
    medianMs: Math.round(medianMs),
    samplesMs: samples.map(Math.round),
    pagesPerSecond: Number((20 / (medianMs / 1000)).toFixed(2)),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
  },
  targetMs: TARGET_MS,
};
writeResults("parser-ocr", results);
console.log(
  `scans at ${defaultOcrEngine.dpi} dpi: ${overall.tasksFound.toFixed(2)} of tasks found (target ≥ ${TARGET_FOUND}); ` +
    `20-page scan OCR'd and parsed in median ${(medianMs / 1000).toFixed(1)} s over ${RUNS} runs ` +
    `(${results.twentyPages.pagesPerSecond} pages/s, ${defaultOcrEngine.concurrency} at a time, node peak ` +
    `${results.twentyPages.peakRssMb} MB; target < ${TARGET_MS / 1000} s)`,
);
if (overall.tasksFound < TARGET_FOUND || medianMs >= TARGET_MS) process.exitCode = 1;
