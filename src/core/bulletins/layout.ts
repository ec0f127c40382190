/**
 * A 通报 as a document: its opening words, one table per kind of finding, and its requirements, as Block[] that the
 * Word builder prints and the web page shows, so that the page is what will print.
 */

import type { Block } from "../documents/blocks.js";
import { taskOrdinal, taskReference } from "../documents/task-reference.js";
import { chineseDay, formatRate } from "./text.js";

export interface BulletinFindings {
  units: { unitName: string; due: number; done: number; overdue: number; returned: number; rate: number }[];
  overdue: {
    unitName: string;
    taskNumber: string;
    taskTitle?: string | null;
    taskText: string;
    period: string;
    dueOn: string;
    daysOverdue: number;
  }[];
  returned: { unitName: string; taskNumber: string; period: string; returnedAt: string; reason: string }[];
}

const TASK_TEXT_LENGTH = 40;
/**
 * The most rows of the overdue and the returned tables: a circulated document names the worst cases, and the platform
 * keeps the full lists (a district's first bulletin can find thousands of late periods).
 */
export const LIST_LIMIT = 200;

const UNIT_COLUMNS = ["序号", "单位", "应完成", "已完成", "逾期未完成", "退回重办", "完成率"];
const OVERDUE_COLUMNS = ["序号", "单位", "任务", "期次", "完成时限", "逾期天数"];
const RETURNED_COLUMNS = ["序号", "单位", "任务", "期次", "退回日期", "退回原因"];

/** Whom a bulletin is addressed to: it is circulated to every unit. */
export const ADDRESSEE = "各有关单位：";

/** A draft's number line says it is one: the number is given when it is published. */
export const DRAFT_NUMBER = "通报〔草稿〕";

const HEADINGS = {
  units: "一、各单位任务完成情况",
  overdue: "二、逾期未完成任务",
  returned: "三、退回重办情况",
  closing: "四、工作要求",
} as const;

export function bulletinBlocks(findings: BulletinFindings, intro: string, closing: string): Block[] {
  const blocks: Block[] = [
    { kind: "paragraph", text: intro },
    { kind: "heading", level: 1, text: HEADINGS.units },
  ];
  blocks.push({
    kind: "table",
    columns: UNIT_COLUMNS,
    widths: [1, 5, 1.6, 1.6, 2, 1.8, 1.8],
    rows: findings.units.map((u, i) => [i + 1, u.unitName, u.due, u.done, u.overdue, u.returned, formatRate(u.rate)]),
  });

  blocks.push({ kind: "heading", level: 1, text: HEADINGS.overdue });
  if (findings.overdue.length === 0) blocks.push({ kind: "paragraph", text: "本期没有逾期未完成的任务。" });
  else
    blocks.push({
      kind: "table",
      columns: OVERDUE_COLUMNS,
      widths: [1, 3.4, 6, 2.6, 2.6, 1.6],
      rows: findings.overdue
        .slice(0, LIST_LIMIT)
        .map((o, i) => [
          i + 1,
          o.unitName,
          taskReference({ number: o.taskNumber, title: o.taskTitle ?? null, text: o.taskText }, TASK_TEXT_LENGTH),
          o.period,
          chineseDay(o.dueOn),
          o.daysOverdue,
        ]),
    });

  if (findings.overdue.length > LIST_LIMIT)
    blocks.push({
      kind: "paragraph",
      text: `以上列出逾期时间最长的${LIST_LIMIT}项，另有${findings.overdue.length - LIST_LIMIT}项逾期未完成任务，请登录平台查看。`,
    });

  blocks.push({ kind: "heading", level: 1, text: HEADINGS.returned });
  if (findings.returned.length === 0) blocks.push({ kind: "paragraph", text: "本期没有退回重办的进展报告。" });
  else
    blocks.push({
      kind: "table",
      columns: RETURNED_COLUMNS,
      widths: [1, 3.4, 1.6, 2.6, 2.6, 6],
      rows: findings.returned
        .slice(0, LIST_LIMIT)
        .map((r, i) => [i + 1, r.unitName, taskOrdinal(r.taskNumber), r.period, chineseDay(r.returnedAt), r.reason]),
    });

  if (findings.returned.length > LIST_LIMIT)
    blocks.push({
      kind: "paragraph",
      text: `以上列出${LIST_LIMIT}份，另有${findings.returned.length - LIST_LIMIT}份退回重办的进展报告，请登录平台查看。`,
    });

  blocks.push({ kind: "heading", level: 1, text: HEADINGS.closing }, { kind: "paragraph", text: closing });
  return blocks;
}
