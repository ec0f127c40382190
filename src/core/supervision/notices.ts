/**
 * Which notices a period of an assignment calls for on a day: a reminder (提醒) some days before its due date, an
 * urging notice (催办) once it is overdue. Each notice has a key that names it for good, so that whoever sends it
 * records the key with the send and no notice goes out twice, however often the job runs.
 */
import { addDays } from "../calendar.js";

export interface NoticeRules {
  /** days before a due date that a reminder goes out (7 and 1 by default) */
  reminderDays: number[];
}

export const DEFAULT_NOTICE_RULES: NoticeRules = { reminderDays: [7, 1] };

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
  rules: NoticeRules = DEFAULT_NOTICE_RULES,
): Notice | null {
  const { dueDateId, dueOn } = period;
  if (today > dueOn) return { kind: "urge", key: `urge:${dueDateId}:${dueOn}` };
  const opened = rules.reminderDays.filter((days) => addDays(dueOn, -days) <= today).sort((a, b) => a - b);
  if (opened.length === 0) return null;
  return { kind: "reminder", days: opened[0], key: `reminder:${opened[0]}:${dueDateId}:${dueOn}` };
}

/** The farthest a reminder reaches ahead: the job looks at periods due within this many days. */
export const horizonDays = (rules: NoticeRules = DEFAULT_NOTICE_RULES) => Math.max(0, ...rules.reminderDays);

/**
 * Quiet hours (22:00–07:00 by default, China time): notices wait until the morning. `hour` is the hour in China.
 */
export function inQuietHours(hour: number, quiet: { from: number; to: number } = { from: 22, to: 7 }): boolean {
  return quiet.from > quiet.to ? hour >= quiet.from || hour < quiet.to : hour >= quiet.from && hour < quiet.to;
}
