/**
 * 按单位汇总: per unit, how many items wait in drafts, how many issued ones are still not answered, the longest
 * overdue of them, and the orders issued to it this year by level: whom to call first, and who has been warned before.
 */
import { and, eq, inArray, isNull, max, type SQL, sql } from "drizzle-orm";
import type { SupervisionSummary, SupervisionSummaryQuery, SupervisionUnitSummary } from "../../shared/api.js";
import { SUPERVISION_ORDER_LEVEL_LABELS } from "../../shared/domain.js";
import type { Actor } from "../auth/actor.js";
import type { Queryable } from "../db/client.js";
import { everyWordIn } from "../db/like.js";
import { assignmentDueDates, supervisionOrderItems, supervisionOrders, units } from "../db/schema.js";
import type { ExportedList, ListColumn } from "../documents/list-workbook.js";
import { visibleTo } from "./queries.js";

const o = supervisionOrders;
const i = supervisionOrderItems;

export async function supervisionSummary(
  db: Queryable,
  actor: Actor,
  query: SupervisionSummaryQuery,
  today: string,
): Promise<SupervisionSummary> {
  const year = query.year ?? Number(today.slice(0, 4));
  const filters: (SQL | undefined)[] = [
    visibleTo(actor),
    query.planId ? eq(o.planId, query.planId) : undefined,
    query.level ? eq(o.level, query.level) : undefined,
    everyWordIn(query.q, [units.name]),
  ];
  const unanswered = sql`${assignmentDueDates.state} is null or ${assignmentDueDates.state} in ('open', 'returned')`;
  const [waiting, issued] = await Promise.all([
    db
      .select({
        unitId: o.unitId,
        unitName: units.name,
        draftItems: sql<number>`count(*) filter (where ${o.status} = 'draft')::int`,
        openItems: sql<number>`count(*) filter (where ${o.status} = 'issued' and (${unanswered}))::int`,
        maxDaysOverdue: sql<number>`coalesce(max(greatest(0, ${today}::date - ${i.dueOn}))
          filter (where ${o.status} = 'draft' or (${unanswered})), 0)::int`,
      })
      .from(i)
      .innerJoin(o, eq(o.id, i.orderId))
      .innerJoin(units, eq(units.id, o.unitId))
      .leftJoin(assignmentDueDates, eq(assignmentDueDates.id, i.dueDateId))
      .where(and(isNull(i.droppedReason), inArray(o.status, ["draft", "issued"]), ...filters))
      .groupBy(o.unitId, units.name),
    db
      .select({
        unitId: o.unitId,
        unitName: units.name,
        level: o.level,
        orders: sql<number>`count(*)::int`,
        lastIssuedAt: max(o.issuedAt),
      })
      .from(o)
      .innerJoin(units, eq(units.id, o.unitId))
      .where(and(eq(o.status, "issued"), eq(o.year, year), ...filters))
      .groupBy(o.unitId, units.name, o.level),
  ]);
  const byUnit = new Map<number, SupervisionUnitSummary>();
  const entry = (unitId: number, name: string) => {
    let row = byUnit.get(unitId);
    if (!row) {
      row = {
        unit: { id: unitId, name },
        draftItems: 0,
        openItems: 0,
        maxDaysOverdue: 0,
        issued: { blue: 0, yellow: 0, red: 0 },
        lastIssuedAt: null,
      };
      byUnit.set(unitId, row);
    }
    return row;
  };
  for (const w of waiting) {
    Object.assign(entry(w.unitId, w.unitName), {
      draftItems: w.draftItems,
      openItems: w.openItems,
      maxDaysOverdue: w.maxDaysOverdue,
    });
  }
  for (const row of issued) {
    const summary = entry(row.unitId, row.unitName);
    summary.issued[row.level] = row.orders;
    const last = row.lastIssuedAt?.toISOString() ?? null;
    if (last && (!summary.lastIssuedAt || last > summary.lastIssuedAt)) summary.lastIssuedAt = last;
  }
  const weight = (s: SupervisionUnitSummary) => s.draftItems + s.openItems;
  const rows = [...byUnit.values()].sort(
    (a, b) =>
      weight(b) - weight(a) ||
      b.maxDaysOverdue - a.maxDaysOverdue ||
      a.unit.name.localeCompare(b.unit.name, "zh-Hans-CN"),
  );
  return { year, units: rows };
}

const SUMMARY_COLUMNS: ListColumn<SupervisionUnitSummary>[] = [
  { header: "单位", width: 24, value: (s) => s.unit.name },
  { header: "待签发事项", width: 12, value: (s) => s.draftItems },
  { header: "已督办未整改事项", width: 16, value: (s) => s.openItems },
  { header: "最长逾期天数", width: 12, value: (s) => s.maxDaysOverdue },
  { header: "本年蓝牌督办", width: 12, value: (s) => s.issued.blue },
  { header: "本年黄牌督办", width: 12, value: (s) => s.issued.yellow },
  { header: "本年红牌督办", width: 12, value: (s) => s.issued.red },
];

/** The summary with this query, as the 导出Excel workbook. */
export function summaryExport(summary: SupervisionSummary, query: SupervisionSummaryQuery, planTitle?: string) {
  return {
    name: `督办情况按单位汇总（${summary.year}年）`,
    columns: SUMMARY_COLUMNS,
    rows: summary.units,
    filters: [
      planTitle && `方案：${planTitle}`,
      query.level && `等级：${SUPERVISION_ORDER_LEVEL_LABELS[query.level]}`,
      query.q?.trim() && `关键词：${query.q.trim()}`,
    ],
  } satisfies ExportedList<SupervisionUnitSummary>;
}
