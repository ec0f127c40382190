/**
 * The words of reminders (到期提醒) and urging notices (催办). A unit hears once a run of each kind: one period is
 * named with its task and opens that task; several come as one message that lists the first few and opens the unit's
 * list, so that the first run over old work, or a busy quarter's end, does not fill the bell and the group chat with
 * one message a period (a DingTalk robot takes 20 messages a minute).
 */
import { DUE_WITHIN_DAYS } from "../../shared/links.js";
import { chineseDay } from "../documents/official-date.js";
import { taskOrdinal, taskReference } from "../documents/task-reference.js";
import type { Notice } from "./notices.js";

export interface NoticeFacts {
  notice: Notice;
  planTitle: string;
  taskNumber: string;
  /** the task's short title, when it has one */
  taskTitle: string | null;
  taskText: string;
  /** the period's label, e.g. 2025年第一季度 */
  label: string;
  dueOn: string;
}

/** How many periods a message with several names; the rest are counted. */
export const LISTED = 5;

const task = (f: NoticeFacts, length: number) =>
  `《${f.planTitle}》${taskReference({ number: f.taskNumber, title: f.taskTitle, text: f.taskText }, length)}`;
const daysLeft = (f: NoticeFacts) => (f.notice.kind === "reminder" ? f.notice.days : 0);

function one(f: NoticeFacts) {
  return f.notice.kind === "urge"
    ? {
        title: `催办：${taskOrdinal(f.taskNumber)}任务（${f.label}）已逾期`,
        body: `${task(f, 30)}的“${f.label}”已于${chineseDay(f.dueOn)}到期，尚未报送进展。请尽快报送；确有困难的，请申请延期。`,
      }
    : {
        title: `到期提醒：${taskOrdinal(f.taskNumber)}任务（${f.label}）`,
        body: `${task(f, 30)}的“${f.label}”将于${chineseDay(f.dueOn)}到期（还有 ${daysLeft(f)} 天），请按时报送进展。`,
      };
}

function several(facts: NoticeFacts[]) {
  const n = facts.length;
  const urge = facts[0].notice.kind === "urge";
  const listed = [...facts]
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .slice(0, LISTED)
    .map((f, i) => `${i + 1}. ${task(f, 20)}“${f.label}”，${chineseDay(f.dueOn)}到期`);
  const more = n > LISTED ? `\n……等 ${n} 项。` : "";
  return urge
    ? {
        title: `催办：${n} 项任务逾期未报送`,
        body: `本单位有 ${n} 项任务的进展已逾期，尚未报送：\n${listed.join("\n")}${more}\n请尽快报送；确有困难的，请申请延期。`,
      }
    : {
        title: `到期提醒：${n} 项任务即将到期`,
        body: `本单位有 ${n} 项任务的进展将于 ${Math.max(...facts.map(daysLeft))} 天内到期：\n${listed.join("\n")}${more}\n请按时报送进展。`,
      };
}

/** The title and body of the message that tells a unit of these notices, all of one kind. */
export function noticeText(facts: NoticeFacts[]): { title: string; body: string } {
  return facts.length === 1 ? one(facts[0]) : several(facts);
}

/** The window of 我的任务 that a reminder of several periods opens: the smallest of the list's own that holds them. */
export function dueWithinDaysOf(facts: NoticeFacts[]): number {
  const days = Math.max(...facts.map(daysLeft));
  return DUE_WITHIN_DAYS.find((window) => window >= days) ?? DUE_WITHIN_DAYS[DUE_WITHIN_DAYS.length - 1];
}
