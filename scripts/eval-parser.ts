/**
 * npm run eval:parser — scores the text parser on the seed plans against parser-truth and fails below the
 * targets of issue #3 (tasks found ≥ 99%, task precision ≥ 98%, unit F1 ≥ 0.98, deadline F1 ≥ 0.95).
 */

import { type Rates, rates, type Score, shortfalls, sumScores, TARGETS } from "../src/core/parser/eval/score.js";
import { evaluateSeeds } from "../src/core/parser/eval/seeds.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const f = (x: number) => x.toFixed(3).padStart(7);

function row(name: string, s: Score): string {
  const r: Rates = rates(s);
  return [
    name.padEnd(8),
    `${s.found}/${s.truthTasks}`.padStart(8),
    pct(r.tasksFound),
    pct(r.taskPrecision),
    f(r.leadF1),
    f(r.othersF1),
    f(r.deadlineF1),
  ].join("  ");
}

const seeds = evaluateSeeds();
console.log(["seed".padEnd(8), "found".padStart(8), "  found", "  prec.", "   lead", " others", "  dline"].join("  "));
for (const { name, score } of seeds) console.log(row(name, score));
const total = sumScores(seeds.map((s) => s.score));
console.log(row("overall", total));
const failing: Array<keyof Rates> = shortfalls(rates(total));
if (failing.length > 0) {
  console.error(`below target: ${failing.map((k) => `${k} (target ${TARGETS[k]})`).join(", ")}`);
  process.exitCode = 1;
} else {
  console.log("all targets met");
}
