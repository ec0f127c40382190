/**
 * 交办情况 and 我的任务 as Excel: every assignment the list shows with its filters (not only the page), with the
 * task's whole text and each period's state.
 */
import { eq, inArray } from "drizzle-orm";
import { chineseDay } from "../../core/documents/official-date.js";
import type { AssignmentListItem, AssignmentListQuery } from "../../shared/api.js";
import {
  ASSIGNMENT_STATUS_LABELS,
  OCCURRENCE_STATE_LABELS,
  SIGNAL_LABELS,
  TASK_UNIT_ROLE_LABELS,
} from "../../shared/domain.js";
import type { Actor } from "../auth/actor.js";
import type { Db } from "../db/client.js";
import { tasks, units } from "../db/schema.js";
import { type ExportedList, type ListColumn, MAX_EXPORT_ROWS } from "../documents/list-workbook.js";
import { listAssignments, type SignalDay, seesAll } from "./service.js";

type Row = AssignmentListItem & { taskText: string };

const COLUMNS: ListColumn<Row>[] = [
  { header: "方案", width: 30, value: (r) => r.planTitle },
  { header: "任务序号", width: 8, value: (r) => r.taskNumber },
  { header: "任务内容", width: 60, value: (r) => r.taskText },
  { header: "承办单位", width: 20, value: (r) => r.unitName },
  { header: "分工", width: 10, value: (r) => TASK_UNIT_ROLE_LABELS[r.role] },
  { header: "状态", width: 10, value: (r) => ASSIGNMENT_STATUS_LABELS[r.status] },
  { header: "红黄绿灯", width: 10, value: (r) => (r.status === "cancelled" ? "—" : SIGNAL_LABELS[r.signal]) },
  { header: "下次截止", width: 16, value: (r) => (r.nextDue ? chineseDay(r.nextDue) : "无固定日期") },
  {
    header: "各期情况",
    width: 44,
    value: (r) =>
      r.dueDates.map((d) => `${d.label}（${chineseDay(d.dueOn)}）：${OCCURRENCE_STATE_LABELS[d.state]}`).join("\n"),
  },
];

/** The list's filters in words, for the line above the table. */
async function filterWords(db: Db, query: AssignmentListQuery, rows: Row[]) {
  const unitName = async (id: number) =>
    (await db.select({ name: units.name }).from(units).where(eq(units.id, id)))[0]?.name ?? `#${id}`;
  return [
    query.mine && "本单位",
    query.planId && `方案：${rows[0]?.planTitle ?? `#${query.planId}`}`,
    query.unitId && `单位：${await unitName(query.unitId)}`,
    query.role && `分工：${TASK_UNIT_ROLE_LABELS[query.role]}`,
    query.status && `状态：${ASSIGNMENT_STATUS_LABELS[query.status]}`,
    query.signal && `红黄绿灯：${SIGNAL_LABELS[query.signal]}`,
    query.overdue === true && "已逾期",
    query.dueWithinDays !== undefined && `${query.dueWithinDays} 天内到期`,
    query.dueBefore && `${chineseDay(query.dueBefore)}前到期`,
    query.year && `${query.year}年`,
    query.q?.trim() && `关键词：${query.q.trim()}`,
  ];
}

/** 交办情况 (the office's) or 我的任务 (a unit's), as the list's filters find it, to export. */
export async function assignmentsExport(
  db: Db,
  query: AssignmentListQuery,
  actor: Actor,
  day: SignalDay,
): Promise<ExportedList<Row>> {
  const { items } = await listAssignments(db, { ...query, limit: MAX_EXPORT_ROWS, offset: 0 }, actor, day);
  // the list carries the task's first words; the workbook its whole text
  const ids = [...new Set(items.map((i) => i.taskId))];
  const texts = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    for (const t of await db.select({ id: tasks.id, text: tasks.text }).from(tasks).where(inArray(tasks.id, chunk)))
      texts.set(t.id, t.text);
  }
  const rows = items.map((item) => ({ ...item, taskText: texts.get(item.taskId) ?? item.taskExcerpt }));
  const name = seesAll(actor) && !query.mine ? "交办情况" : "我的任务";
  return { name, columns: COLUMNS, rows, filters: await filterWords(db, query, rows) };
}
