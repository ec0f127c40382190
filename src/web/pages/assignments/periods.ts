import type { Assignment, Report } from "../../../shared/api";
import type { OccurrenceState, Signal } from "../../../shared/domain";

/** One reporting period (occurrence) of an assignment, as the page lists it and a report names it. */
export type Period = {
  /** the period's label, which reports carry as their `period` */
  key: string;
  label: string;
  dueOn: string | null;
  /** the `period` a new report sends: none for an assignment without calendar dates (the server has its one period) */
  sendAs: string | undefined;
  state: OccurrenceState | null;
  signal: Signal;
  extended: boolean;
};

/**
 * What the one period of an assignment without calendar dates (收到通知后15日内) is called until a report names it;
 * the server's reports then carry its own label.
 */
const UNDATED_LABEL = "进展情况";

export function periodsOf(assignment: Assignment, reports: readonly Report[]): Period[] {
  if (assignment.dueDates.length === 0) {
    const label = reports[0]?.period ?? UNDATED_LABEL;
    return [
      { key: label, label, dueOn: null, sendAs: undefined, state: null, signal: assignment.signal, extended: false },
    ];
  }
  return [...assignment.dueDates]
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .map((d) => ({
      key: d.label,
      label: d.label,
      dueOn: d.dueOn,
      sendAs: d.label,
      state: d.state,
      signal: d.signal,
      extended: d.extended,
    }));
}

/** The period's reports, newest first (as the server lists them). */
export function reportsOf(period: Period, reports: readonly Report[]): Report[] {
  return period.dueOn === null ? [...reports] : reports.filter((report) => report.period === period.key);
}

/**
 * The period to open when none was asked for: for a reviewer the first waiting for review, else the first still
 * to report on, else the last one.
 */
export function defaultPeriod(periods: readonly Period[], reviewer: boolean): string | undefined {
  const waiting = reviewer ? periods.find((p) => p.state === "submitted") : undefined;
  const due = periods.find((p) => p.state === "open" || p.state === "returned");
  return (waiting ?? due ?? periods.at(-1))?.key;
}
