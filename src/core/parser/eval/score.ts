import type { ParseResult } from "../types.js";

/** One task of a reference annotation (parser-truth/NNN.json). */
export interface TruthTask {
  start: string;
  lead: string[];
  others: string[];
  deadlines: string[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  truthTasks: number;
  outputTasks: number;
  found: number;
  matchedOutput: number;
  lead: Counts;
  others: Counts;
  deadlines: Counts;
}

export interface Rates {
  tasksFound: number;
  taskPrecision: number;
  leadF1: number;
  othersF1: number;
  deadlineF1: number;
}

/** The accuracy targets of issue #3. */
export const TARGETS: Rates = { tasksFound: 0.99, taskPrecision: 0.98, leadF1: 0.98, othersF1: 0.98, deadlineF1: 0.95 };

/** The accuracy targets of issue #12 for the corpus of other issuers' layouts, in every format. */
export const CORPUS_TARGETS: Rates = {
  tasksFound: 0.98,
  taskPrecision: 0.97,
  leadF1: 0.97,
  othersF1: 0.97,
  deadlineF1: 0.93,
};

function compareLists(out: string[], truth: string[]): Counts {
  const left = new Map<string, number>();
  for (const u of out) left.set(u, (left.get(u) ?? 0) + 1);
  let tp = 0;
  for (const u of truth) {
    const n = left.get(u) ?? 0;
    if (n > 0) {
      tp++;
      left.set(u, n - 1);
    }
  }
  return { tp, fp: out.length - tp, fn: truth.length - tp };
}

function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

const ZERO: Counts = { tp: 0, fp: 0, fn: 0 };

/** A task's units and deadline phrases, as the scores compare them. */
type Assigned = Omit<TruthTask, "start">;

const NOTHING: Assigned = { lead: [], others: [], deadlines: [] };

function assignedOf(task: ParseResult["tasks"][number]): Assigned {
  return {
    lead: task.leadUnits,
    others: [...task.responsibleUnits, ...task.cooperatingUnits],
    deadlines: task.deadlines.map((d) => d.text),
  };
}

/**
 * Scores a parse against its annotation. A truth task is found when an output task's text starts with its
 * `start`; matching goes in document order, each output task used once. Units and deadlines of unmatched tasks
 * count as misses (truth) or false alarms (output).
 */
export function scoreParse(result: ParseResult, truth: TruthTask[]): Score {
  const used = new Set<number>();
  let lead = ZERO;
  let others = ZERO;
  let deadlines = ZERO;
  const tally = (out: Assigned, want: Assigned) => {
    lead = add(lead, compareLists(out.lead, want.lead));
    others = add(others, compareLists(out.others, want.others));
    deadlines = add(deadlines, compareLists(out.deadlines, want.deadlines));
  };
  let found = 0;
  let cursor = 0;
  for (const t of truth) {
    let hit = -1;
    for (let k = 0; k < result.tasks.length; k++) {
      const i = (cursor + k) % result.tasks.length;
      if (!used.has(i) && result.tasks[i].text.startsWith(t.start)) {
        hit = i;
        break;
      }
    }
    if (hit < 0) {
      tally(NOTHING, t);
      continue;
    }
    found++;
    used.add(hit);
    cursor = hit + 1;
    tally(assignedOf(result.tasks[hit]), t);
  }
  result.tasks.forEach((o, i) => {
    if (!used.has(i)) tally(assignedOf(o), NOTHING);
  });
  return {
    truthTasks: truth.length,
    outputTasks: result.tasks.length,
    found,
    matchedOutput: used.size,
    lead,
    others,
    deadlines,
  };
}

export function sumScores(scores: Score[]): Score {
  return scores.reduce(
    (a, s) => ({
      truthTasks: a.truthTasks + s.truthTasks,
      outputTasks: a.outputTasks + s.outputTasks,
      found: a.found + s.found,
      matchedOutput: a.matchedOutput + s.matchedOutput,
      lead: add(a.lead, s.lead),
      others: add(a.others, s.others),
      deadlines: add(a.deadlines, s.deadlines),
    }),
    { truthTasks: 0, outputTasks: 0, found: 0, matchedOutput: 0, lead: ZERO, others: ZERO, deadlines: ZERO },
  );
}

function f1({ tp, fp, fn }: Counts): number {
  if (tp + fp + fn === 0) return 1;
  return (2 * tp) / (2 * tp + fp + fn);
}

export function rates(s: Score): Rates {
  return {
    tasksFound: s.truthTasks === 0 ? 1 : s.found / s.truthTasks,
    taskPrecision: s.outputTasks === 0 ? (s.truthTasks === 0 ? 1 : 0) : s.matchedOutput / s.outputTasks,
    leadF1: f1(s.lead),
    othersF1: f1(s.others),
    deadlineF1: f1(s.deadlines),
  };
}

/** The names of the rates that fall short of the targets (the seeds' targets unless others are given). */
export function shortfalls(r: Rates, targets: Rates = TARGETS): Array<keyof Rates> {
  return (Object.keys(targets) as Array<keyof Rates>).filter((k) => r[k] < targets[k]);
}
