/**
 * Assignments (交办) from a plan's tasks: one per task, unit and role, with its due dates. Publishing creates them
 * all; an amended task keeps them in step: a new unit gets one, a removed unit's is cancelled with a reason (never
 * deleted), a changed deadline moves the due dates.
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { type AssignedSchedule, assignedSchedule, dueDates } from "../../core/plans/schedule.js";
import { assignmentKeys } from "../../core/plans/task-units.js";
import { recordAudit } from "../audit/record.js";
import type { Queryable } from "../db/client.js";
import {
  type AssignmentRow,
  assignmentDueDates,
  assignments,
  type PlanRow,
  reports,
  type TaskRow,
  tasks,
} from "../db/schema.js";
import { arrayParam } from "../db/unnest.js";
import { AppError } from "../http/errors.js";
import { tellAssigned } from "../notifications/steps.js";
import type { DatedChange } from "../units/service.js";
import { taskUnitsOf } from "./task-units.js";

type Wanted = { task: TaskRow; unitId: number; role: AssignmentRow["role"] };

type Created = Pick<AssignmentRow, "id" | "taskId" | "unitId" | "role">;

/**
 * Many rows in one statement: each column goes as one array parameter and unnest() turns them into rows, so a plan
 * of thousands of due dates costs one round trip and three parameters.
 */
async function insertDueDates(tx: Queryable, rows: { assignmentId: number; dueOn: string; label: string }[]) {
  if (rows.length === 0) return;
  await tx.execute(sql`insert into ${assignmentDueDates} (assignment_id, due_on, label)
    select * from unnest(${arrayParam(
      rows.map((r) => r.assignmentId),
      "int",
    )},
      ${arrayParam(
        rows.map((r) => r.dueOn),
        "date",
      )}, ${arrayParam(
        rows.map((r) => r.label),
        "text",
      )})`);
}

/** A task's schedule for a unit that received it on `assignedOn`, by the plan's rule for periods already due. */
function scheduleOf(plan: PlanRow, task: TaskRow, assignedOn: string): AssignedSchedule {
  return assignedSchedule(dueDates(task.deadlines, plan), assignedOn, {
    rule: plan.pastPeriods,
    catchUpDays: plan.catchUpDays,
  });
}

function dueDateRows(plan: PlanRow, task: TaskRow, assignment: { id: number; assignedOn: string }) {
  return scheduleOf(plan, task, assignment.assignedOn).due.map((d) => ({
    assignmentId: assignment.id,
    dueOn: d.dueOn,
    label: d.label,
  }));
}

/**
 * Creates the assignments, received on `assignedOn` (交办日期), with their due dates; returns them, how many due dates
 * they got, and how many periods were already due and do not apply.
 */
export async function createAssignments(
  tx: Queryable,
  plan: PlanRow,
  wanted: Wanted[],
  assignedOn: string,
): Promise<{ assignments: Created[]; dueDates: number; notApplicable: number }> {
  if (wanted.length === 0) return { assignments: [], dueDates: 0, notApplicable: 0 };
  const schedules = wanted.map((w) => scheduleOf(plan, w.task, assignedOn));
  type Inserted = { id: number; task_id: number; unit_id: number; role: AssignmentRow["role"] };
  // both drivers (node-postgres, PGlite) answer with { rows }; the shared query type does not say so
  const result = (await tx.execute(
    sql`insert into ${assignments} (plan_id, assigned_on, task_id, unit_id, role, not_applicable)
      select ${plan.id}, ${assignedOn}::date, * from unnest(${arrayParam(
        wanted.map((w) => w.task.id),
        "int",
      )},
        ${arrayParam(
          wanted.map((w) => w.unitId),
          "int",
        )}, ${arrayParam(
          wanted.map((w) => w.role),
          "text",
        )}, ${arrayParam(
          schedules.map((s) => JSON.stringify(s.notApplicable)),
          "jsonb",
        )})
      returning id, task_id, unit_id, role`,
  )) as unknown as { rows: Inserted[] };
  const created = result.rows.map((r) => ({ id: r.id, taskId: r.task_id, unitId: r.unit_id, role: r.role }));
  const tasksById = new Map(wanted.map((w) => [w.task.id, w.task]));
  const dates = created.flatMap((a) => {
    const task = tasksById.get(a.taskId);
    return task ? dueDateRows(plan, task, { id: a.id, assignedOn }) : [];
  });
  await insertDueDates(tx, dates);
  await tellAssigned(tx, plan, created, tasksById);
  const notApplicable = schedules.reduce((n, s) => n + s.notApplicable.length, 0);
  return { assignments: created, dueDates: dates.length, notApplicable };
}

/** Assignments whose due dates follow one task's deadlines. */
type TaskAssignments = { task: TaskRow; assignmentIds: number[] };

/**
 * Brings the due dates of tasks' assignments in line with their deadlines, period by period (reports name the period
 * by its label): a period that stays keeps its state and, when an extension moved it, its date; a new one is added;
 * one that is gone is removed unless a report was made on it, which keeps it. What is there is read once for all.
 */
async function replaceDueDates(tx: Queryable, plan: PlanRow, groups: TaskAssignments[]): Promise<void> {
  const assignmentIds = groups.flatMap((g) => g.assignmentIds);
  if (assignmentIds.length === 0) return;
  const existing = await tx
    .select()
    .from(assignmentDueDates)
    .where(inArray(assignmentDueDates.assignmentId, assignmentIds));
  const reported = await tx
    .selectDistinct({ assignmentId: reports.assignmentId, period: reports.period })
    .from(reports)
    .where(inArray(reports.assignmentId, assignmentIds));
  const received = await tx
    .select({ id: assignments.id, assignedOn: assignments.assignedOn, notApplicable: assignments.notApplicable })
    .from(assignments)
    .where(inArray(assignments.id, assignmentIds));
  const assignedOn = new Map(received.map((a) => [a.id, a.assignedOn]));
  const key = (assignmentId: number, label: string) => `${assignmentId}\u0000${label}`;
  const held = new Map(existing.map((row) => [key(row.assignmentId, row.label), row]));
  const hasReports = new Set(reported.map((r) => key(r.assignmentId, r.period)));
  const wanted = groups.flatMap(({ task, assignmentIds }) =>
    assignmentIds.flatMap((id) => {
      const on = assignedOn.get(id);
      return on ? dueDateRows(plan, task, { id, assignedOn: on }) : [];
    }),
  );
  // the periods already due at each one's 交办 follow the new deadlines too
  const tasksOf = new Map(groups.flatMap(({ task, assignmentIds }) => assignmentIds.map((id) => [id, task] as const)));
  for (const a of received) {
    const task = tasksOf.get(a.id);
    if (!task) continue;
    const notApplicable = scheduleOf(plan, task, a.assignedOn).notApplicable;
    if (JSON.stringify(notApplicable) === JSON.stringify(a.notApplicable)) continue;
    await tx.update(assignments).set({ notApplicable }).where(eq(assignments.id, a.id));
  }
  const wantedKeys = new Set(wanted.map((row) => key(row.assignmentId, row.label)));

  const gone = existing.filter((row) => !wantedKeys.has(key(row.assignmentId, row.label)));
  const removable = gone.filter((row) => !hasReports.has(key(row.assignmentId, row.label))).map((row) => row.id);
  if (removable.length) await tx.delete(assignmentDueDates).where(inArray(assignmentDueDates.id, removable));
  for (const row of wanted) {
    const before = held.get(key(row.assignmentId, row.label));
    if (!before) continue;
    if (!before.extended && before.dueOn !== row.dueOn) {
      await tx.update(assignmentDueDates).set({ dueOn: row.dueOn }).where(eq(assignmentDueDates.id, before.id));
    }
  }
  await insertDueDates(
    tx,
    wanted.filter((row) => !held.has(key(row.assignmentId, row.label))),
  );
}

/**
 * Brings one task's assignments in line with its units on a published plan. Removing a unit needs a reason:
 * without one nothing is changed and the caller is asked for it.
 */
export async function syncTaskAssignments(
  tx: Queryable,
  plan: PlanRow,
  task: TaskRow,
  /** its day is the 交办 of a unit added now */
  ctx: DatedChange,
  change: { cancelReason?: string; deadlinesChanged: boolean },
): Promise<void> {
  const units = await taskUnitsOf(tx, task.id);
  const existing = await tx.select().from(assignments).where(eq(assignments.taskId, task.id));
  const key = (unitId: number, role: string) => `${unitId}:${role}`;
  const wantedKeys = assignmentKeys(units);
  const existingByKey = new Map(existing.map((a) => [key(a.unitId, a.role), a]));

  const toCancel = existing.filter((a) => a.status !== "cancelled" && !wantedKeys.has(key(a.unitId, a.role)));
  const reason = change.cancelReason?.trim();
  if (toCancel.length && !reason) {
    throw new AppError(
      400,
      "cancel_reason_required",
      "方案已交办：移除单位会取消其已收到的任务，请填写取消原因后再保存",
      { assignmentIds: toCancel.map((a) => a.id) },
    );
  }
  const now = new Date();
  for (const before of toCancel) {
    const [after] = await tx
      .update(assignments)
      .set({
        status: "cancelled",
        cancelledAt: now,
        cancelledReason: reason,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(assignments.id, before.id))
      .returning();
    await recordAudit(tx, {
      ...ctx,
      action: "assignment.cancel",
      entityType: "assignment",
      entityId: before.id,
      before,
      after,
    });
  }

  const reinstated: number[] = [];
  const wanted: Wanted[] = [];
  for (const unit of units) {
    if (unit.unitId === null) continue;
    const held = existingByKey.get(key(unit.unitId, unit.role));
    if (!held) wanted.push({ task, unitId: unit.unitId, role: unit.role });
    else if (held.status === "cancelled") {
      const [after] = await tx
        .update(assignments)
        .set({ status: "new", cancelledAt: null, cancelledReason: null, version: held.version + 1, updatedAt: now })
        .where(eq(assignments.id, held.id))
        .returning();
      reinstated.push(held.id);
      await recordAudit(tx, {
        ...ctx,
        action: "assignment.reinstate",
        entityType: "assignment",
        entityId: held.id,
        before: held,
        after,
      });
    }
  }
  const { assignments: created } = await createAssignments(tx, plan, wanted, ctx.today);
  for (const after of created) {
    await recordAudit(tx, { ...ctx, action: "assignment.create", entityType: "assignment", entityId: after.id, after });
  }
  const kept = existing
    .filter((a) => a.status !== "cancelled" && wantedKeys.has(key(a.unitId, a.role)))
    .map((a) => a.id);
  await replaceDueDates(tx, plan, [
    { task, assignmentIds: change.deadlinesChanged ? [...kept, ...reinstated] : reinstated },
  ]);
}

/** A published plan's period or cadence changed: every open assignment's due dates follow. */
export async function refreshPlanDueDates(tx: Queryable, plan: PlanRow): Promise<void> {
  const open = await tx
    .select({ id: assignments.id, taskId: assignments.taskId })
    .from(assignments)
    .where(and(eq(assignments.planId, plan.id), ne(assignments.status, "cancelled")));
  if (open.length === 0) return;
  const byTask = new Map<number, number[]>();
  for (const a of open) byTask.set(a.taskId, [...(byTask.get(a.taskId) ?? []), a.id]);
  const planTasks = await tx.select().from(tasks).where(eq(tasks.planId, plan.id));
  await replaceDueDates(
    tx,
    plan,
    planTasks.map((task) => ({ task, assignmentIds: byTask.get(task.id) ?? [] })),
  );
}
