/**
 * 红黄绿灯: the traffic light of one period (occurrence) of an assignment and of the whole assignment.
 * A period is done when its report was accepted; red when its due date has passed with nothing reported (or the report
 * was sent back); yellow when it falls due within the warning days with nothing reported; green otherwise.
 */
import type { AssignmentStatus, OccurrenceState, Signal } from "../../shared/domain.js";
import { addDays } from "../calendar.js";

/** How many days before a due date a period with nothing reported turns yellow, unless configured otherwise. */
export const DEFAULT_YELLOW_DAYS = 3;

export interface Occurrence {
  /** yyyy-mm-dd */
  dueOn: string;
  state: OccurrenceState;
}

/** Nothing is in for the period: not reported yet, or the report was returned and not yet resubmitted. */
const awaitsReport = (state: OccurrenceState) => state === "open" || state === "returned";

export function occurrenceSignal(occurrence: Occurrence, today: string, yellowDays = DEFAULT_YELLOW_DAYS): Signal {
  if (occurrence.state === "closed") return "done";
  if (!awaitsReport(occurrence.state)) return "green";
  if (occurrence.dueOn < today) return "red";
  if (occurrence.dueOn <= addDays(today, yellowDays)) return "yellow";
  return "green";
}

/**
 * The whole assignment: done when completed (or every period closed), red when any period is overdue, else the
 * signal of the next period still open. A cancelled assignment keeps the signal its periods give.
 */
export function assignmentSignal(
  status: AssignmentStatus,
  occurrences: readonly Occurrence[],
  today: string,
  yellowDays = DEFAULT_YELLOW_DAYS,
): Signal {
  if (status === "completed") return "done";
  const signals = occurrences.map((o) => occurrenceSignal(o, today, yellowDays));
  if (signals.includes("red")) return "red";
  const next = [...occurrences].filter((o) => o.state !== "closed").sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  if (!next) return occurrences.length > 0 ? "done" : "green";
  return occurrenceSignal(next, today, yellowDays);
}

/** Completion rate: periods done ÷ periods due, to four places (0.9375); null while nothing is due. */
export const completionRate = (due: number, done: number): number | null =>
  due > 0 ? Math.round((done / due) * 10000) / 10000 : null;
