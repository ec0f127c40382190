import { dueDates } from "../../../../core/plans/schedule";
import { assignmentKeys } from "../../../../core/plans/task-units";
import type { PlanDetail, Task } from "../../../../shared/api";
import type { TaskUnitRole } from "../../../../shared/domain";

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
};

/** What publishing the plan will send out, counted from the plan as reviewed by the rules the server applies. */
export function publishSummary(plan: PlanDetail): PublishSummary {
  const byRole: Record<TaskUnitRole, number> = { lead: 0, responsible: 0, cooperating: 0 };
  const units = new Set<number>();
  let assignments = 0;
  const withoutUnits: Task[] = [];
  const datesMissing: Task[] = [];
  const relativeOnly: Task[] = [];
  const period = { year: plan.year, endYear: plan.endYear, cadence: plan.cadence, date: plan.date };
  for (const task of plan.tasks) {
    const keys = assignmentKeys(task.units);
    for (const key of keys) {
      const [unitId, role] = key.split(":") as [string, TaskUnitRole];
      assignments++;
      byRole[role]++;
      units.add(Number(unitId));
    }
    if (keys.size === 0) withoutUnits.push(task);
    if (dueDates(task.deadlines, period).length > 0) continue;
    if (task.deadlines.every((deadline) => deadline.kind === "relative")) relativeOnly.push(task);
    else datesMissing.push(task);
  }
  return { tasks: plan.tasks.length, assignments, units: units.size, byRole, withoutUnits, datesMissing, relativeOnly };
}
