/**
 * Which notices a period of an assignment calls for on a day: a reminder (提醒) some days before its due date, an
 * urging notice (催办) once it is overdue, and a supervision order (督办单) once it is some days overdue. Each has a
 * key that names it for good, so that whoever sends it records the key with the send and nothing goes out twice,
 * however often the job runs.
 */
import type { SupervisionOrderLevel } from "../../shared/domain.js";
import { addDays, daysBetween } from "../calendar.js";
import { DEFAULT_SUPERVISION_RULES, type SupervisionRules } from "./rules.js";

export interface PeriodOnDay {
  /** the due date's row: keys are per row and date, so a moved date (an extension) is reminded of again */
  dueDateId: number;
  dueOn: string;
}

export type Notice = { kind: "reminder"; days: number; key: string } | { kind: "urge"; key: string };

/**
 * The notice the period calls for today, if any. Of the reminders whose window has opened only the nearest is
 * sent: a job that first runs the day before a due date sends the 1-day reminder, not also the 7-day one.
 */
export function noticeFor(
  period: PeriodOnDay,
  today: string,
  rules: Pick<SupervisionRules, "reminderDays"> = DEFAULT_SUPERVISION_RULES,
): Notice | null {
  const { dueDateId, dueOn } = period;
  if (today > dueOn) return { kind: "urge", key: `urge:${dueDateId}:${dueOn}` };
  const opened = rules.reminderDays.filter((days) => addDays(dueOn, -days) <= today).sort((a, b) => a - b);
  if (opened.length === 0) return null;
  return { kind: "reminder", days: opened[0], key: `reminder:${opened[0]}:${dueDateId}:${dueOn}` };
}

export interface OrderCall {
  level: Exclude<SupervisionOrderLevel, "blue">;
  daysOverdue: number;
  key: string;
}

/**
 * The supervision order a period calls for today: yellow from X days overdue, red from Y. A job that first sees
 * a period already Y days late drafts the red one only.
 */
export function orderFor(
  period: PeriodOnDay,
  today: string,
  rules: Pick<SupervisionRules, "yellowOrderDays" | "redOrderDays"> = DEFAULT_SUPERVISION_RULES,
): OrderCall | null {
  const daysOverdue = daysBetween(period.dueOn, today);
  const level = daysOverdue >= rules.redOrderDays ? "red" : daysOverdue >= rules.yellowOrderDays ? "yellow" : null;
  if (!level) return null;
  return { level, daysOverdue, key: `order:${level}:${period.dueDateId}:${period.dueOn}` };
}

/** The farthest a reminder reaches ahead: the job looks at periods due within this many days. */
export const horizonDays = (rules: Pick<SupervisionRules, "reminderDays"> = DEFAULT_SUPERVISION_RULES) =>
  Math.max(0, ...rules.reminderDays);

/** Quiet hours (22:00–07:00 by default, China time): notices wait until the morning. `hour` is the hour in China. */
export function inQuietHours(hour: number, quiet = DEFAULT_SUPERVISION_RULES.quietHours): boolean {
  return quiet.from > quiet.to ? hour >= quiet.from || hour < quiet.to : hour >= quiet.from && hour < quiet.to;
}
