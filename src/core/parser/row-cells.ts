import { isNumberCell, isTimePhrase, isUnitList, looksLikeUnit } from "./table-columns.js";
import type { ColumnRole } from "./types.js";

/**
 * Lays a row's pieces on the table's columns when their count differs from the header's: the cells of a row copied
 * with its merged cells left out ("组织开展… | 2026年10月底前" under five columns), or the words of a row whose cells
 * were separated by single spaces (a unit list "区水利局、各镇（街道） 防汛指挥部" holds a space too). Each column takes
 * a run of pieces, in order, so that the runs best fit the columns' roles.
 */

/** Most pieces a row is laid from, and most pieces one column takes. */
const MAX_PIECES = 30;
const MAX_RUN = 12;

export interface Piece {
  text: string;
  start: number;
}

/** How well a run of pieces fits a column of a role; runs of several pieces only where pieces may be joined. */
function runFit(role: ColumnRole, run: Piece[], joined: string): number {
  if (run.length === 0) return role === "text" ? -4 : role === "number" ? -0.5 : 0;
  switch (role) {
    case "number":
      return run.length === 1 && isNumberCell(joined) ? 3 : -3;
    case "deadline":
      return run.every((p) => isTimePhrase(p.text)) ? 3 : -2;
    case "lead":
    case "responsible":
    case "cooperating":
      return run.reduce((score, p) => score + (isUnitList(p.text) ? 1.5 : -2), 0.5);
    case "text":
      return joined.replace(/\s/g, "").length >= 6 ? 2 : 0;
    case "group":
      return joined.length <= 20 ? 1 : 0;
    default:
      // people, remarks: anything but unit names
      return run.some((p) => looksLikeUnit(p.text)) ? -1 : 0.5;
  }
}

/**
 * The cells of the row, one per column (empty where no piece fell), or null when the pieces cannot be laid on the
 * columns. `joinRuns` lets one column take several adjacent pieces (words separated by spaces).
 */
export function layRow(roles: ColumnRole[], pieces: Piece[], joinRuns: boolean): Piece[] | null {
  const n = pieces.length;
  const w = roles.length;
  if (n === 0 || w === 0 || (!joinRuns && n > w)) return null;
  // the search tries every run of every column, classifying each: a row of more words than a table row has is
  // no table row
  if (n > MAX_PIECES) return null;
  const maxRun = joinRuns ? Math.min(n, MAX_RUN) : 1;
  // best[c][i]: the best score laying pieces [0, i) on columns [0, c)
  const best = Array.from({ length: w + 1 }, () => new Array<number>(n + 1).fill(Number.NEGATIVE_INFINITY));
  const from = Array.from({ length: w + 1 }, () => new Array<number>(n + 1).fill(-1));
  best[0][0] = 0;
  const textOf = (i: number, j: number) =>
    pieces
      .slice(i, j)
      .map((p) => p.text)
      .join(" ");
  for (let c = 0; c < w; c++) {
    for (let i = 0; i <= n; i++) {
      if (best[c][i] === Number.NEGATIVE_INFINITY) continue;
      for (let j = i; j <= Math.min(n, i + maxRun); j++) {
        const score = best[c][i] + runFit(roles[c], pieces.slice(i, j), textOf(i, j));
        if (score > best[c + 1][j]) {
          best[c + 1][j] = score;
          from[c + 1][j] = i;
        }
      }
    }
  }
  if (best[w][n] === Number.NEGATIVE_INFINITY) return null;
  const cells: Piece[] = new Array(w);
  let j = n;
  for (let c = w; c > 0; c--) {
    const i = from[c][j];
    const run = pieces.slice(i, j);
    const at = pieces[Math.min(i, n - 1)].start;
    cells[c - 1] = run.length > 0 ? { text: textOf(i, j), start: run[0].start } : { text: "", start: at };
    j = i;
  }
  return cells;
}
