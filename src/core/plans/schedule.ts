/**
 * When an assignment falls due, from its task's deadlines and the plan's period: a date gives one due date, a yearly
 * rule one per year of the period, a monthly or quarterly rule one per month or quarter, and an ongoing task (or one
 * without a deadline) one per reporting period of the plan's cadence. Relative deadlines (within 15 working days of an
 * event) have no calendar date: they stay rules for the unit's own records.
 */

import type { PastPeriodRule, ReportingCadence } from "../../shared/domain.js";
import { addDays } from "../calendar.js";
import type { Deadline } from "../parser/types.js";

export interface DueDate {
  /** yyyy-mm-dd */
  dueOn: string;
  /** the period the date closes, as people say it: 2025年第一季度, 2025年度, 完成时限 */
  label: string;
}

export interface PlanPeriod {
  year: number;
  endYear: number;
  cadence: ReportingCadence;
  /** the day the plan was issued (成文日期), when known: a yearly rule falls due after it */
  date?: string | null;
}

const QUARTER_NAMES = ["一", "二", "三", "四"];

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthEnd(year: number, month: number): string {
  return iso(year, month, lastDay(year, month));
}

/** The day of a month a rule names: a number (capped at the month's length), "end", or "before" (the day before). */
function dayOf(year: number, month: number, day: unknown): string {
  if (typeof day === "number" && day >= 1) return iso(year, month, Math.min(day, lastDay(year, month)));
  if (day === "before") return month === 1 ? monthEnd(year - 1, 12) : monthEnd(year, month - 1);
  return monthEnd(year, month);
}

function years(period: PlanPeriod): number[] {
  const out: number[] = [];
  for (let year = period.year; year <= Math.max(period.year, period.endYear); year++) out.push(year);
  return out;
}

function monthly(period: PlanPeriod, day: unknown = "end"): DueDate[] {
  return years(period).flatMap((year) =>
    Array.from({ length: 12 }, (_, i) => ({ dueOn: dayOf(year, i + 1, day), label: `${year}年${i + 1}月` })),
  );
}

function quarterly(period: PlanPeriod, day: unknown = "end"): DueDate[] {
  return years(period).flatMap((year) =>
    QUARTER_NAMES.map((name, i) => ({
      // a day number means that day of the month after the quarter (每季度5日前: the report on the quarter just ended)
      dueOn: typeof day === "number" ? nextMonthDay(year, (i + 1) * 3, day) : monthEnd(year, (i + 1) * 3),
      label: `${year}年第${name}季度`,
    })),
  );
}

function nextMonthDay(year: number, month: number, day: number): string {
  return month === 12 ? dayOf(year + 1, 1, day) : dayOf(year, month + 1, day);
}

function halfYearly(period: PlanPeriod): DueDate[] {
  return years(period).flatMap((year) => [
    { dueOn: monthEnd(year, 6), label: `${year}年上半年` },
    { dueOn: monthEnd(year, 12), label: `${year}年下半年` },
  ]);
}

/**
 * A yearly rule's date in each year of the plan, none before the plan was issued: 每年1月31日前 in a 2026 plan issued
 * in March first falls due on 31 January 2027.
 */
function yearly(period: PlanPeriod, dueIn: (year: number) => string): DueDate[] {
  const issued = period.date ?? "";
  const dates = years(period)
    .map((year) => ({ dueOn: dueIn(year), label: `${year}年度` }))
    .filter((d) => d.dueOn >= issued);
  if (dates.length > 0) return dates;
  const next = Math.max(period.year, period.endYear) + 1;
  return [{ dueOn: dueIn(next), label: `${next}年度` }];
}

const PART_MONTH: Record<string, number> = { 上半年: 6, 下半年: 12, 年底前: 12, 年初: 3 };

function recurring(rule: Record<string, unknown>, period: PlanPeriod): DueDate[] {
  switch (rule.every) {
    case "year": {
      if (typeof rule.quarter === "number")
        return yearly(period, (year) => monthEnd(year, (rule.quarter as number) * 3));
      if (typeof rule.month === "number") return yearly(period, (year) => dayOf(year, rule.month as number, rule.day));
      const month = typeof rule.part === "string" ? (PART_MONTH[rule.part] ?? 12) : 12;
      return yearly(period, (year) => monthEnd(year, month));
    }
    case "half-year":
      return halfYearly(period);
    case "quarter":
      return quarterly(period, rule.day);
    // weekly reporting is kept monthly: a due date per week would bury every other date in the unit's list
    case "month":
    case "week":
      return monthly(period, rule.day);
    default:
      return byCadence(period);
  }
}

/** One due date per reporting period of the plan's cadence. */
export function byCadence(period: PlanPeriod): DueDate[] {
  switch (period.cadence) {
    case "monthly":
      return monthly(period);
    case "quarterly":
      return quarterly(period);
    case "half_yearly":
      return halfYearly(period);
    case "yearly":
      return yearly(period, (year) => monthEnd(year, 12));
  }
}

function forDeadline(deadline: Deadline, period: PlanPeriod): DueDate[] {
  switch (deadline.kind) {
    case "date":
    case "until":
      // a date the parser could not complete (月底前 without a year) waits for the coordinator to give one
      return deadline.due ? [{ dueOn: deadline.due, label: "完成时限" }] : [];
    case "recurring":
      return recurring(deadline.rule ?? {}, period);
    case "ongoing":
      return byCadence(period);
    case "relative":
      return [];
  }
}

/**
 * The due dates of a task's deadlines, in date order without repeats. A task whose only deadline is a date and then
 * "长期坚持" (rule.thenOngoing) also reports by cadence after that date.
 */
export function dueDates(deadlines: readonly Deadline[], period: PlanPeriod): DueDate[] {
  const all =
    deadlines.length === 0
      ? byCadence(period)
      : deadlines.flatMap((deadline) => {
          const dates = forDeadline(deadline, period);
          if (!deadline.rule?.thenOngoing || deadline.kind === "ongoing") return dates;
          const after = dates.at(-1)?.dueOn ?? "";
          return [...dates, ...byCadence(period).filter((d) => d.dueOn > after)];
        });
  const seen = new Map<string, DueDate>();
  for (const date of all) if (!seen.has(date.dueOn)) seen.set(date.dueOn, date);
  return distinctLabels([...seen.values()].sort((a, b) => a.dueOn.localeCompare(b.dueOn)));
}

/**
 * Reports name the period they are on by its label, so an assignment's labels must differ: two dates of one task
 * (6月底前…, 12月底前…) or two yearly rules are told apart by the day they fall due (完成时限（6月30日）).
 */
function distinctLabels(dates: DueDate[]): DueDate[] {
  const counts = new Map<string, number>();
  for (const date of dates) counts.set(date.label, (counts.get(date.label) ?? 0) + 1);
  return dates.map((date) => {
    if ((counts.get(date.label) ?? 0) < 2) return date;
    const [year, month, day] = date.dueOn.split("-").map(Number);
    const when = date.label.includes(String(year)) ? `${month}月${day}日` : `${year}年${month}月${day}日`;
    return { ...date, label: `${date.label}（${when}）` };
  });
}

const YEAR_RANGE = /((?:19|20)\d{2})\s*[—–\-－~～至到]+\s*((?:19|20)\d{2})\s*年/;

function rangeIn(text: string | null | undefined): { year: number; endYear: number } | null {
  const range = text?.match(YEAR_RANGE);
  if (!range) return null;
  const [year, endYear] = [Number(range[1]), Number(range[2])];
  return endYear >= year && endYear - year <= 10 ? { year, endYear } : null;
}

/**
 * The plan's period in whole years: from its title ((2021—2025年), 2025年), else the year of its date, else a year
 * range in its opening lines (a district plan implementing a 2023-2025 regional one), else the current year.
 */
export function periodOf(
  plan: { title: string | null; date: string | null; text?: string | null },
  today: Date,
): { year: number; endYear: number } {
  const titled = rangeIn(plan.title);
  if (titled) return titled;
  const single = plan.title?.match(/((?:19|20)\d{2})\s*年/);
  if (single) return { year: Number(single[1]), endYear: Number(single[1]) };
  if (plan.date) return { year: Number(plan.date.slice(0, 4)), endYear: Number(plan.date.slice(0, 4)) };
  return rangeIn(plan.text?.slice(0, 2000)) ?? { year: today.getFullYear(), endYear: today.getFullYear() };
}

/** How an assignment treats the periods that fell due before its 交办. */
export interface PastPeriods {
  rule: PastPeriodRule;
  /** with catch_up: how many days after the 交办 each falls due */
  catchUpDays: number;
}

/** An assignment's schedule: the periods it reports on, and those that fell due before its 交办 and do not apply. */
export interface AssignedSchedule {
  due: DueDate[];
  notApplicable: DueDate[];
}

/**
 * The due dates of an assignment made on `assignedOn` (交办日期, yyyy-mm-dd): a period that fell due before that day is
 * 不适用 (never chased, never red, never counted), or, under catch_up, falls due `catchUpDays` after the 交办. A period
 * falling due on the 交办 day itself stands.
 */
export function assignedSchedule(dates: readonly DueDate[], assignedOn: string, past: PastPeriods): AssignedSchedule {
  const before = dates.filter((d) => d.dueOn < assignedOn);
  const standing = dates.filter((d) => d.dueOn >= assignedOn);
  if (past.rule === "not_applicable") return { due: standing, notApplicable: before };
  const caughtUp = addDays(assignedOn, past.catchUpDays);
  const due = [...before.map((d) => ({ ...d, dueOn: caughtUp })), ...standing];
  return { due: due.sort((a, b) => a.dueOn.localeCompare(b.dueOn)), notApplicable: [] };
}
