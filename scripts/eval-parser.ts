/**
 * npm run eval:parser — scores the parser on the seed plans against parser-truth and fails below the targets of
 * issue #3 (tasks found ≥ 99%, task precision ≥ 98%, unit F1 ≥ 0.98, deadline F1 ≥ 0.95); then on the corpus of
 * issue #12 (src/core/parser/eval/corpus), one line per document, per format and overall, with the formats below
 * the corpus targets named; a format below the corpus targets fails the run as the seeds do.
 */

import { CORPUS_FORMATS, evaluateCorpus } from "../src/core/parser/eval/corpus.js";
import {
  CORPUS_TARGETS,
  type Rates,
  rates,
  type Score,
  shortfalls,
  sumScores,
  TARGETS,
} from "../src/core/parser/eval/score.js";
import { evaluateSeeds } from "../src/core/parser/eval/seeds.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const f = (x: number) => x.toFixed(3).padStart(7);

function row(name: string, s: Score, width = 8): string {
  const r: Rates = rates(s);
  return [
    name.padEnd(width),
    `${s.found}/${s.truthTasks}`.padStart(8),
    pct(r.tasksFound),
    pct(r.taskPrecision),
    f(r.leadF1),
    f(r.othersF1),
    f(r.deadlineF1),
  ].join("  ");
}

function heading(name: string, width = 8): string {
  return [name.padEnd(width), "found".padStart(8), "  found", "  prec.", "   lead", " others", "  dline"].join("  ");
}

function below(failing: Array<keyof Rates>, targets: Rates): string {
  return failing.map((k) => `${k} (target ${targets[k]})`).join(", ");
}

const seeds = evaluateSeeds();
console.log(heading("seed"));
for (const { name, score } of seeds) console.log(row(name, score));
const total = sumScores(seeds.map((s) => s.score));
console.log(row("overall", total));
const failing: Array<keyof Rates> = shortfalls(rates(total));
if (failing.length > 0) {
  console.error(`below target: ${below(failing, TARGETS)}`);
  process.exitCode = 1;
} else {
  console.log("all targets met");
}

const corpus = await evaluateCorpus();
const width = Math.max(16, ...corpus.map((c) => c.file.length));
console.log(`\n${heading("corpus document", width)}`);
for (const c of corpus) console.log(row(c.file, c.score, width) + (c.error ? `  (not read: ${c.error})` : ""));

console.log(`\n${heading("corpus format", width)}`);
const formatsBelow: string[] = [];
for (const format of CORPUS_FORMATS) {
  const files = corpus.filter((c) => c.format === format);
  if (files.length === 0) continue;
  const score = sumScores(files.map((c) => c.score));
  console.log(row(`${format} (${files.length})`, score, width));
  const short = shortfalls(rates(score), CORPUS_TARGETS);
  if (short.length > 0) formatsBelow.push(`below target: ${format}: ${below(short, CORPUS_TARGETS)}`);
}
console.log(row(`overall (${corpus.length})`, sumScores(corpus.map((c) => c.score)), width));
for (const line of formatsBelow) console.log(line);
if (formatsBelow.length === 0) console.log("corpus: all targets met in every format");
else process.exitCode = 1;
