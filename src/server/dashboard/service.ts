/**
 * 驾驶舱: the numbers of the work in view, counted in SQL. Two levels:
 * - assignments by 红黄绿灯, with the very condition and signal rule of GET /api/assignments, so the counts are the
 *   list's totals;
 * - periods (occurrences): per unit, per month, per plan section × unit, and the most overdue and due-soon lists.
 *   A period is 应报 (due) once its date has come (or when it was closed early), 已完成 (done) when its report was
 *   accepted, 逾期 (overdue) when its period signal is red on an assignment still open. Completion rate = done ÷ due.
 * The year filter keeps the periods that fall due in that year, and the assignments that have one.
 * The coordinating office and the leaders see every unit; anyone else sees their own unit only.
 */
import { and, asc, eq, inArray, ne, notInArray, type SQL, sql } from "drizzle-orm";
import { addDays, daysBetween } from "../../core/calendar.js";
import { completionRate } from "../../core/reports/signals.js";
import type { Dashboard, DashboardPeriod, DashboardQuery } from "../../shared/api.js";
import { type Signal, sectionLabel } from "../../shared/domain.js";
import { periodLink } from "../../shared/links.js";
import {
  assignmentFilters,
  periodSignalSql,
  type SignalDay,
  seesAll,
  signalFactsSql,
  signalOfFactsSql,
} from "../assignments/service.js";
import type { Actor } from "../auth/actor.js";
import type { Db, Queryable } from "../db/client.js";
import { assignmentDueDates, assignments, planSections, plans, tasks, units } from "../db/schema.js";
import { findPlan } from "../plans/queries.js";

/** How far ahead the due-soon list looks, and how long the lists are. */
const DUE_SOON_DAYS = 30;
const LIST_LIMIT = 20;
/** The heatmap's columns: the units lowest in completion rate, at most this many. */
const HEATMAP_UNITS = 30;

type Tally = { due: number; done: number; overdue: number; rate: number | null };

/** The dashboard's numbers; the route tells when they were counted. */
export type DashboardNumbers = Omit<Dashboard, "computedAt" | "refreshing">;

export async function dashboardOf(
  db: Db,
  query: DashboardQuery,
  actor: Actor,
  day: SignalDay,
): Promise<DashboardNumbers> {
  const { today } = day;
  const all = seesAll(actor);
  const planId = query.planId ?? null;
  const year = query.year ?? null;
  if (planId !== null) await findPlan(db, planId);
  // the list's own condition: visibility, plan, not cancelled; a unit's people see their unit's assignments only
  const listQuery = { planId: planId ?? undefined, mine: all ? undefined : true };
  const inView = assignmentFilters(listQuery, actor, day);
  const d = assignmentDueDates;
  const inYear = year === null ? sql`true` : sql`${d.dueOn} between ${`${year}-01-01`} and ${`${year}-12-31`}`;
  const periodsInView = and(inView, inYear);
  const red = sql`${periodSignalSql(day)} = 'red' and ${assignments.status} <> 'completed'`;
  const tallies = {
    due: sql<number>`count(*) filter (where ${d.dueOn} <= ${today} or ${d.state} = 'closed')`.mapWith(Number),
    done: sql<number>`count(*) filter (where ${d.state} = 'closed')`.mapWith(Number),
    overdue: sql<number>`count(*) filter (where ${red})`.mapWith(Number),
  };
  const awaiting = and(
    inArray(d.state, ["open", "returned"]),
    notInArray(assignments.status, ["cancelled", "completed"]),
  );
  const soon = sql`${d.dueOn} between ${today} and ${addDays(today, DUE_SOON_DAYS)}`;

  const [perUnit, dayRows, overdueRows, soonRows, filterOptions] = await Promise.all([
    analytic(db, (tx) => unitsAndSignals(tx, day, inView, year, inYear, planId !== null || !all)),
    analytic(db, (tx) =>
      tx
        .select({
          dueOn: d.dueOn,
          due: sql<number>`count(*)`.mapWith(Number),
          done: tallies.done,
          overdue: tallies.overdue,
          returned: sql<number>`count(*) filter (where ${d.state} = 'returned')`.mapWith(Number),
          submitted: sql<number>`count(*) filter (where ${d.state} = 'submitted')`.mapWith(Number),
          dueSoon: sql<number>`count(*) filter (where ${and(awaiting, soon)})`.mapWith(Number),
        })
        .from(d)
        .innerJoin(assignments, eq(assignments.id, d.assignmentId))
        .where(periodsInView)
        .groupBy(d.dueOn),
    ),
    periodList(db, and(periodsInView, awaiting, sql`${d.dueOn} < ${today}`)),
    periodList(db, and(periodsInView, awaiting, soon)),
    plansInView(db, actor, all),
  ]);
  const unitTallies = perUnit.units.sort(byRateThenName);
  const sum = (key: "due" | "done" | "overdue") => unitTallies.reduce((n, r) => n + r[key], 0);
  const sumDays = (key: "returned" | "submitted" | "dueSoon") => dayRows.reduce((n, r) => n + r[key], 0);
  const heatmap = await analytic(db, (tx) => heatmapOf(tx, planId, periodsInView, tallies, unitTallies));
  const { signals } = perUnit;
  return {
    today,
    planId,
    year,
    plans: filterOptions.plans,
    years: filterOptions.years,
    unit: all || !actor.unit ? null : { id: actor.unit.id, name: actor.unit.name },
    signals,
    totals: {
      assignments: signals.green + signals.yellow + signals.red + signals.done,
      ...withRate({ due: sum("due"), done: sum("done"), overdue: sum("overdue") }),
      returned: sumDays("returned"),
      submitted: sumDays("submitted"),
      dueSoon: sumDays("dueSoon"),
    },
    units: unitTallies,
    trend: trendOf(dayRows, year),
    heatmap,
    mostOverdue: overdueRows.map((row) => presentPeriod(row, today)),
    dueSoon: soonRows.map((row) => presentPeriod(row, today)),
  };
}

/**
 * An aggregate over the province's periods, in a transaction of its own (they run side by side on the pool): a plan
 * over 100,000 rows costs enough for PostgreSQL to compile it (JIT), which takes longer than running it, and its
 * hash of 100,000 assignments needs more than the default working memory.
 */
function analytic<T>(db: Db, query: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`);
    return query(tx);
  });
}

/**
 * One pass over the periods, grouped by assignment: the facts of its signal (over all its periods, as the list gives
 * it) and its tallies of the periods in the year; then, for the assignments in view, summed per unit and counted per
 * signal. An assignment counts when it has a period in the year (or always, without a year), as the list's year
 * filter has it.
 */
async function unitsAndSignals(
  db: Queryable,
  day: SignalDay,
  inView: SQL | undefined,
  year: number | null,
  inYear: SQL,
  /** a plan or a unit: only their assignments' periods are read (the office's whole view reads them all) */
  narrow: boolean,
) {
  const d = assignmentDueDates;
  const facts = sql`select ${signalFactsSql(day)},
      bool_or(${inYear}) as in_year,
      count(*) filter (where ${inYear} and (${d.dueOn} <= ${day.today} or ${d.state} = 'closed')) as due,
      count(*) filter (where ${inYear} and ${d.state} = 'closed') as done,
      count(*) filter (where ${inYear} and ${periodSignalSql(day)} = 'red') as late
    from ${d}
    ${narrow ? sql`where ${d.assignmentId} in (select ${assignments.id} from ${assignments} where ${inView ?? sql`true`})` : sql``}
    group by ${d.assignmentId}`;
  // overdue periods count on assignments still open (a completed one is done)
  const overdue = sql`case when ${assignments.status} = 'completed' then 0 else coalesce(f.late, 0) end`;
  type Row = {
    unit_id: number | null;
    unit_name: string | null;
    signal: Signal | null;
    n: number;
    due: number;
    done: number;
    overdue: number;
  };
  // both drivers (node-postgres, PGlite) answer with { rows }
  const result = (await db.execute(sql`select ${assignments.unitId} as unit_id, ${units.name} as unit_name,
      ${signalOfFactsSql(day, "f")} as signal, count(*)::int as n,
      coalesce(sum(f.due), 0)::int as due, coalesce(sum(f.done), 0)::int as done, sum(${overdue})::int as overdue
    from ${assignments} left join (${facts}) f on f.assignment_id = ${assignments.id}
    join ${units} on ${units.id} = ${assignments.unitId}
    where ${and(inView, year === null ? undefined : sql`f.in_year`) ?? sql`true`}
    group by grouping sets ((${assignments.unitId}, ${units.name}), (3))`)) as unknown as { rows: Row[] };
  const signals = { green: 0, yellow: 0, red: 0, done: 0 };
  const unitRows: (Tally & { unitId: number; unitName: string })[] = [];
  for (const row of result.rows) {
    if (row.signal !== null) signals[row.signal] = row.n;
    else if (row.unit_id !== null)
      unitRows.push({ unitId: row.unit_id, unitName: row.unit_name ?? "", ...withRate(row) });
  }
  return { signals, units: unitRows };
}

const withRate = (t: { due: number; done: number; overdue: number }): Tally => ({
  ...t,
  rate: completionRate(t.due, t.done),
});

/** Lowest rate first (the units to chase), then most overdue; units with nothing due yet last. */
function byRateThenName(a: Tally & { unitName: string }, b: Tally & { unitName: string }) {
  if (a.rate === null || b.rate === null)
    return a.rate === b.rate ? a.unitName.localeCompare(b.unitName) : a.rate === null ? 1 : -1;
  return a.rate - b.rate || b.overdue - a.overdue || a.unitName.localeCompare(b.unitName, "zh-CN");
}

function periodList(db: Queryable, where: SQL | undefined) {
  const d = assignmentDueDates;
  return db
    .select({
      assignmentId: assignments.id,
      unitId: assignments.unitId,
      unitName: units.name,
      planId: assignments.planId,
      planTitle: plans.title,
      taskNumber: tasks.number,
      taskText: tasks.text,
      period: d.label,
      dueOn: d.dueOn,
      state: d.state,
    })
    .from(d)
    .innerJoin(assignments, eq(assignments.id, d.assignmentId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .innerJoin(plans, eq(plans.id, assignments.planId))
    .where(where)
    .orderBy(asc(d.dueOn), asc(d.id))
    .limit(LIST_LIMIT);
}

type PeriodRow = Awaited<ReturnType<typeof periodList>>[number];

function presentPeriod(row: PeriodRow, today: string): DashboardPeriod {
  return { ...row, daysOverdue: daysBetween(row.dueOn, today), link: periodLink(row.assignmentId, row.period) };
}

/** The plans the filter offers (those with work in view) and the years they span. */
async function plansInView(db: Queryable, actor: Actor, all: boolean) {
  const unitId = actor.unit?.id ?? -1;
  const rows = await db
    .select({ id: plans.id, title: plans.title, year: plans.year, endYear: plans.endYear })
    .from(plans)
    .where(
      all
        ? ne(plans.status, "draft")
        : sql`exists (select 1 from ${assignments} where ${assignments.planId} = ${plans.id} and ${assignments.unitId} = ${unitId} and ${assignments.status} <> 'cancelled')`,
    )
    .orderBy(sql`${plans.year} desc`, asc(plans.id));
  const years = new Set<number>();
  for (const plan of rows) for (let y = plan.year; y <= plan.endYear; y++) years.add(y);
  return { plans: rows, years: [...years].sort((a, b) => b - a) };
}

/** Every month of the chosen year; without a year, the months in which periods fall due. Rows come per due date. */
function trendOf(rows: { dueOn: string; due: number; done: number; overdue: number }[], year: number | null) {
  const byMonth = new Map<string, { due: number; done: number; overdue: number }>();
  if (year !== null)
    for (let m = 1; m <= 12; m++) byMonth.set(`${year}-${String(m).padStart(2, "0")}`, { due: 0, done: 0, overdue: 0 });
  for (const row of rows) {
    const month = row.dueOn.slice(0, 7);
    const tally = byMonth.get(month) ?? { due: 0, done: 0, overdue: 0 };
    tally.due += row.due;
    tally.done += row.done;
    tally.overdue += row.overdue;
    byMonth.set(month, tally);
  }
  return [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, tally]) => ({ month, ...tally }));
}

type Tallies = Record<"due" | "done" | "overdue", SQL.Aliased<number> | SQL<number>>;

/**
 * Plan sections × units: with a plan, its top-level sections (a task in a subsection counts for its top section;
 * one outside any section under 未分部分); without, the plans. The columns are the units lowest in rate.
 */
async function heatmapOf(
  db: Queryable,
  planId: number | null,
  where: SQL | undefined,
  tallies: Tallies,
  unitTallies: { unitId: number; unitName: string; due: number }[],
): Promise<Dashboard["heatmap"]> {
  const columns = unitTallies.filter((u) => u.due > 0).slice(0, HEATMAP_UNITS);
  const unitIds = columns.map((u) => u.unitId);
  const heatUnits = columns.map((u) => ({ id: u.unitId, name: u.unitName }));
  if (unitIds.length === 0) return { rows: [], units: [], cells: [] };
  const d = assignmentDueDates;
  const inColumns = and(where, inArray(assignments.unitId, unitIds));

  if (planId === null) {
    const rows = await db
      .select({ rowId: assignments.planId, unitId: assignments.unitId, ...tallies })
      .from(d)
      .innerJoin(assignments, eq(assignments.id, d.assignmentId))
      .where(inColumns)
      .groupBy(assignments.planId, assignments.unitId);
    const planIds = [...new Set(rows.map((r) => r.rowId))];
    const titles = planIds.length
      ? await db
          .select({ id: plans.id, title: plans.title })
          .from(plans)
          .where(inArray(plans.id, planIds))
          .orderBy(asc(plans.id))
      : [];
    return {
      rows: titles.map((p) => ({ id: p.id, label: p.title })),
      units: heatUnits,
      cells: rows.map((r) => ({ ...r, ...withRate(r) })),
    };
  }

  const [sections, rows] = await Promise.all([
    db
      .select({
        id: planSections.id,
        parentId: planSections.parentId,
        number: planSections.number,
        title: planSections.title,
      })
      .from(planSections)
      .where(eq(planSections.planId, planId))
      .orderBy(asc(planSections.sortOrder), asc(planSections.id)),
    db
      .select({ sectionId: tasks.sectionId, unitId: assignments.unitId, ...tallies })
      .from(d)
      .innerJoin(assignments, eq(assignments.id, d.assignmentId))
      .innerJoin(tasks, eq(tasks.id, assignments.taskId))
      .where(inColumns)
      .groupBy(tasks.sectionId, assignments.unitId),
  ]);
  const parent = new Map(sections.map((s) => [s.id, s.parentId]));
  const rootOf = (id: number | null): number => {
    let at = id;
    for (let hops = 0; at !== null && parent.get(at) != null && hops < 50; hops++) at = parent.get(at) ?? null;
    return at ?? 0;
  };
  const cells = new Map<string, { rowId: number; unitId: number; due: number; done: number; overdue: number }>();
  for (const row of rows) {
    const rowId = rootOf(row.sectionId);
    const key = `${rowId}:${row.unitId}`;
    const cell = cells.get(key) ?? { rowId, unitId: row.unitId, due: 0, done: 0, overdue: 0 };
    cell.due += row.due;
    cell.done += row.done;
    cell.overdue += row.overdue;
    cells.set(key, cell);
  }
  const used = new Set([...cells.values()].map((c) => c.rowId));
  const heatRows = sections
    .filter((s) => s.parentId === null && used.has(s.id))
    .map((s) => ({ id: s.id, label: sectionLabel(s) }));
  if (used.has(0)) heatRows.push({ id: 0, label: "未分部分" });
  return { rows: heatRows, units: heatUnits, cells: [...cells.values()].map((c) => ({ ...c, ...withRate(c) })) };
}
