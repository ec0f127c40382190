/** The wire contract of /api for the dashboard (驾驶舱). */
import { type Static, Type } from "typebox";
import { OccurrenceStateSchema } from "./assignments.js";
import { Id, IsoDate, Nullable, Timestamp } from "./common.js";

export const DashboardQuery = Type.Object({
  planId: Type.Optional(Id),
  /** the periods that fall due in this year, and the assignments that have one */
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
});
export type DashboardQuery = Static<typeof DashboardQuery>;

/** Periods counted together: 应报 (due by today, or closed early), 已完成 (accepted), 逾期 (overdue with nothing in). */
const PeriodTally = {
  due: Type.Integer(),
  done: Type.Integer(),
  overdue: Type.Integer(),
  /** done ÷ due, 0–1; null while nothing is due */
  rate: Type.Unsafe<number | null>({ type: ["number", "null"] }),
};

/** One period waiting for a report: overdue (the most overdue list) or due soon. */
export const DashboardPeriod = Type.Object({
  assignmentId: Id,
  unitId: Id,
  unitName: Type.String(),
  planId: Id,
  planTitle: Type.String(),
  taskNumber: Type.String(),
  taskText: Type.String(),
  period: Type.String(),
  dueOn: IsoDate,
  state: OccurrenceStateSchema,
  /** days past the due date (negative: days left) */
  daysOverdue: Type.Integer(),
  link: Type.String(),
});
export type DashboardPeriod = Static<typeof DashboardPeriod>;

export const Dashboard = Type.Object({
  today: IsoDate,
  /** when the numbers were counted: a change after that is not in them yet */
  computedAt: Timestamp,
  /** newer numbers are being counted (a large province's take a moment): ask again shortly */
  refreshing: Type.Boolean(),
  /** the filters as applied, and what they can be set to */
  planId: Nullable(Id),
  year: Nullable(Type.Integer()),
  plans: Type.Array(Type.Object({ id: Id, title: Type.String(), year: Type.Integer(), endYear: Type.Integer() })),
  years: Type.Array(Type.Integer()),
  /** the caller's unit when they see only their own; null for the coordinating office and the leaders */
  unit: Nullable(Type.Object({ id: Id, name: Type.String() })),
  /** assignments per 红黄绿灯, as GET /api/assignments?signal= counts them */
  signals: Type.Object({ green: Type.Integer(), yellow: Type.Integer(), red: Type.Integer(), done: Type.Integer() }),
  /** the periods of the assignments in view */
  totals: Type.Object({
    assignments: Type.Integer(),
    ...PeriodTally,
    returned: Type.Integer(),
    submitted: Type.Integer(),
    dueSoon: Type.Integer(),
  }),
  /** per unit, lowest completion rate first */
  units: Type.Array(Type.Object({ unitId: Id, unitName: Type.String(), ...PeriodTally })),
  /** per month in which periods fall due: how many, how many done, how many of them are overdue now */
  trend: Type.Array(
    Type.Object({ month: Type.String(), due: Type.Integer(), done: Type.Integer(), overdue: Type.Integer() }),
  ),
  /** rows: the plan's top-level sections (or the plans, when no plan is chosen); columns: the units lowest in rate */
  heatmap: Type.Object({
    rows: Type.Array(Type.Object({ id: Type.Integer(), label: Type.String() })),
    units: Type.Array(Type.Object({ id: Id, name: Type.String() })),
    cells: Type.Array(Type.Object({ rowId: Type.Integer(), unitId: Id, ...PeriodTally })),
  }),
  mostOverdue: Type.Array(DashboardPeriod),
  dueSoon: Type.Array(DashboardPeriod),
});
export type Dashboard = Static<typeof Dashboard>;
