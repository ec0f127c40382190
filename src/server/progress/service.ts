/** The plan progress matrix: every open assignment of a plan as a cell (task × unit) coloured by its signal. */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { assignmentSignal, type Occurrence } from "../../core/reports/signals.js";
import type { PlanProgress } from "../../shared/api.js";
import type { SignalDay } from "../assignments/service.js";
import type { Db } from "../db/client.js";
import { assignmentDueDates, assignments, plans, tasks, units } from "../db/schema.js";
import { notFound } from "../http/errors.js";

export async function planProgress(db: Db, planId: number, day: SignalDay): Promise<PlanProgress> {
  const [plan] = await db.select({ id: plans.id, title: plans.title }).from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound("方案");
  const [taskRows, rows] = await Promise.all([
    db
      .select({ id: tasks.id, number: tasks.number, title: tasks.title, text: tasks.text })
      .from(tasks)
      .where(eq(tasks.planId, planId))
      .orderBy(asc(tasks.sortOrder), asc(tasks.id)),
    db
      .select({
        id: assignments.id,
        taskId: assignments.taskId,
        unitId: assignments.unitId,
        role: assignments.role,
        status: assignments.status,
        unitName: units.name,
        unitSort: units.sortOrder,
        occurrences: sql<Occurrence[] | null>`(select json_agg(json_build_object('dueOn', d.due_on, 'state', d.state))
          from ${assignmentDueDates} as d where d.assignment_id = ${assignments.id})`,
      })
      .from(assignments)
      .innerJoin(units, eq(units.id, assignments.unitId))
      .where(and(eq(assignments.planId, planId), ne(assignments.status, "cancelled")))
      .orderBy(asc(units.sortOrder), asc(units.id)),
  ]);
  const signals = { green: 0, yellow: 0, red: 0, done: 0 };
  const unitsSeen = new Map<number, { id: number; name: string }>();
  const cells = rows.map((row) => {
    unitsSeen.set(row.unitId, { id: row.unitId, name: row.unitName });
    const signal = assignmentSignal(row.status, row.occurrences ?? [], day.today, day.yellowDays);
    signals[signal]++;
    return { taskId: row.taskId, unitId: row.unitId, assignmentId: row.id, role: row.role, status: row.status, signal };
  });
  return {
    planId: plan.id,
    title: plan.title,
    tasks: taskRows,
    units: [...unitsSeen.values()],
    cells,
    signals,
  };
}
