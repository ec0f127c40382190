/**
 * 进展报告: every report the caller may read, one per period (the latest revision), filtered as the list asks, a page
 * at a time or, for its export, all of them.
 */
import { and, count, eq, gte, lt, not, type SQL, sql } from "drizzle-orm";
import { addDays, chinaDay } from "../../core/calendar.js";
import { chineseDay } from "../../core/documents/official-date.js";
import type { Report, ReportListQuery } from "../../shared/api.js";
import { REPORT_STATUS_LABELS, TASK_UNIT_ROLE_LABELS } from "../../shared/domain.js";
import { visibleTo } from "../assignments/service.js";
import type { Actor } from "../auth/actor.js";
import type { Db } from "../db/client.js";
import { everyWordIn } from "../db/like.js";
import { assignments, plans, reports, tasks, units } from "../db/schema.js";
import { type ExportedList, type ListColumn, MAX_EXPORT_ROWS } from "../documents/list-workbook.js";
import { notAnotherUnitsDraft, reviewQueueOf } from "./access.js";
import { loadReports, superseded } from "./queries.js";

const PAGE = 20;

/** China-time midnight of a day, as a moment. */
const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`);

function conditions(query: ReportListQuery, actor: Actor): SQL | undefined {
  const inPlan = (pattern: string) => sql`exists (select 1 from ${plans} where ${plans.id} = ${assignments.planId}
    and ${plans.title} ilike ${pattern})`;
  const inTask = (pattern: string) => sql`exists (select 1 from ${tasks} where ${tasks.id} = ${assignments.taskId}
    and (${tasks.text} ilike ${pattern} or ${tasks.number} ilike ${pattern} or ${tasks.title} ilike ${pattern}))`;
  const inUnit = (pattern: string) => sql`exists (select 1 from ${units} where ${units.id} = ${assignments.unitId}
    and ${units.name} ilike ${pattern})`;
  return and(
    visibleTo(actor) ?? undefined,
    notAnotherUnitsDraft(actor),
    not(superseded),
    query.status ? eq(reports.status, query.status) : sql`${reports.status} <> 'withdrawn'`,
    query.planId ? eq(assignments.planId, query.planId) : undefined,
    query.unitId ? eq(assignments.unitId, query.unitId) : undefined,
    query.toReview ? and(eq(reports.status, "submitted"), reviewQueueOf(actor) ?? sql`false`) : undefined,
    query.from ? gte(reports.submittedAt, startOf(query.from)) : undefined,
    query.to ? lt(reports.submittedAt, startOf(addDays(query.to, 1))) : undefined,
    everyWordIn(
      query.q,
      [reports.text],
      (pattern) => sql`(${inPlan(pattern)} or ${inTask(pattern)} or ${inUnit(pattern)})`,
    ),
  );
}

export async function listReports(
  db: Db,
  query: ReportListQuery,
  actor: Actor,
): Promise<{ items: Report[]; total: number }> {
  const where = conditions(query, actor);
  const [[{ total }], items] = await Promise.all([
    db
      .select({ total: count() })
      .from(reports)
      .innerJoin(assignments, eq(assignments.id, reports.assignmentId))
      .where(where),
    loadReports(db, actor, where, { limit: query.limit ?? PAGE, offset: query.offset ?? 0 }),
  ]);
  return { items, total };
}

const day = (at: string | null) => (at ? chineseDay(chinaDay(new Date(at))) : "");

const COLUMNS: ListColumn<Report>[] = [
  { header: "方案", width: 30, value: (r) => r.planTitle },
  { header: "任务序号", width: 8, value: (r) => r.taskNumber },
  { header: "任务内容", width: 44, value: (r) => r.taskText },
  { header: "报送单位", width: 20, value: (r) => r.unitName },
  { header: "分工", width: 10, value: (r) => TASK_UNIT_ROLE_LABELS[r.role] },
  { header: "期次", width: 16, value: (r) => r.period },
  { header: "状态", width: 10, value: (r) => REPORT_STATUS_LABELS[r.status] },
  { header: "完成进度", width: 10, value: (r) => (r.completion === null ? "" : `${r.completion}%`) },
  { header: "工作进展", width: 60, value: (r) => r.text },
  { header: "佐证材料", width: 30, value: (r) => r.files.map((f) => f.filename).join("\n") },
  { header: "报送人", width: 12, value: (r) => r.submittedByName ?? "" },
  { header: "报送日期", width: 14, value: (r) => day(r.submittedAt) },
  { header: "审核人", width: 12, value: (r) => r.reviewedByName ?? "" },
  { header: "审核日期", width: 14, value: (r) => day(r.reviewedAt) },
  { header: "审核意见", width: 30, value: (r) => r.reviewComment ?? "" },
];

export async function reportsExport(db: Db, query: ReportListQuery, actor: Actor): Promise<ExportedList<Report>> {
  const rows = await loadReports(db, actor, conditions(query, actor), { limit: MAX_EXPORT_ROWS });
  const [plan] = query.planId
    ? await db.select({ title: plans.title }).from(plans).where(eq(plans.id, query.planId))
    : [];
  const [unit] = query.unitId
    ? await db.select({ name: units.name }).from(units).where(eq(units.id, query.unitId))
    : [];
  return {
    name: "进展报告",
    columns: COLUMNS,
    rows,
    filters: [
      query.toReview && "待我审核",
      query.status && `状态：${REPORT_STATUS_LABELS[query.status]}`,
      plan && `方案：${plan.title}`,
      unit && `单位：${unit.name}`,
      query.from && `报送日期：${chineseDay(query.from)}起`,
      query.to && `报送日期：${chineseDay(query.to)}止`,
      query.q?.trim() && `关键词：${query.q.trim()}`,
    ],
  };
}
