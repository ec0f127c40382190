import { dueDates } from "../../../../core/plans/schedule";
import { assignmentKeys } from "../../../../core/plans/task-units";
import type { PlanDetail, Task } from "../../../../shared/api";
import type { ReportingCadence, TaskUnitRole } from "../../../../shared/domain";

export type PublishSummary = {
  tasks: number;
  /** one per task, unit and role */
  assignments: number;
  units: number;
  byRole: Record<TaskUnitRole, number>;
  /** the tasks that would reach no unit (publishing refuses them) */
  withoutUnits: Task[];
  /** the tasks whose deadlines give no due date at all (a date kind without its date), relative ones aside */
  datesMissing: Task[];
  /** the tasks whose only deadlines run from an event (收到通知后15日内): no calendar date, by design */
  relativeOnly: Task[];
  /** the periods (over every unit's assignment) that fall due before the 交办日期, and the tasks they belong to */
  pastPeriods: number;
  pastTasks: Task[];
};

/**
 * What publishing the plan will send out, counted from the plan as reviewed by the rules the server applies: with the
 * reporting cadence chosen, on the 交办日期 chosen (yyyy-mm-dd).
 */
export function publishSummary(
  plan: PlanDetail,
  cadence: ReportingCadence = plan.cadence,
  assignedOn = "0000-01-01",
): PublishSummary {
  const byRole: Record<TaskUnitRole, number> = { lead: 0, responsible: 0, cooperating: 0 };
  const units = new Set<number>();
  let assignments = 0;
  const withoutUnits: Task[] = [];
  const datesMissing: Task[] = [];
  const relativeOnly: Task[] = [];
  const pastTasks: Task[] = [];
  let pastPeriods = 0;
  const period = { year: plan.year, endYear: plan.endYear, cadence, date: plan.date };
  for (const task of plan.tasks) {
    const keys = assignmentKeys(task.units);
    for (const key of keys) {
      const [unitId, role] = key.split(":") as [string, TaskUnitRole];
      assignments++;
      byRole[role]++;
      units.add(Number(unitId));
    }
    if (keys.size === 0) withoutUnits.push(task);
    const dates = dueDates(task.deadlines, period);
    const past = dates.filter((d) => d.dueOn < assignedOn).length;
    if (past > 0 && keys.size > 0) {
      pastPeriods += past * keys.size;
      pastTasks.push(task);
    }
    if (dates.length > 0) continue;
    if (task.deadlines.every((deadline) => deadline.kind === "relative")) relativeOnly.push(task);
    else datesMissing.push(task);
  }
  return {
    tasks: plan.tasks.length,
    assignments,
    units: units.size,
    byRole,
    withoutUnits,
    datesMissing,
    relativeOnly,
    pastPeriods,
    pastTasks,
  };
}
