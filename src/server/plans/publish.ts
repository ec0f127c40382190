/** Publishing a plan (交办): every resolved unit of every task gets its assignment, in one transaction. */
import { asc, eq } from "drizzle-orm";
import { isUnresolved } from "../../core/plans/task-units.js";
import type { PlanPublish } from "../../shared/api.js";
import { recordAudit } from "../audit/record.js";
import type { Db } from "../db/client.js";
import { plans, tasks, taskUnits } from "../db/schema.js";
import { AppError, versionConflict } from "../http/errors.js";
import type { ChangeContext } from "../units/service.js";
import { createAssignments } from "./assign.js";
import { lockPlan } from "./queries.js";

export async function publishPlan(db: Db, id: number, input: PlanPublish, ctx: ChangeContext): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockPlan(tx, id);
    if (before.status !== "draft") throw new AppError(409, "already_published", "该方案已交办，不能重复交办");
    if (before.version !== input.version) throw versionConflict();
    const taskRows = await tx.select().from(tasks).where(eq(tasks.planId, id)).orderBy(asc(tasks.sortOrder));
    if (taskRows.length === 0) throw new AppError(400, "no_tasks", "方案中还没有任务，请先添加任务再交办");
    const unitRows = await tx.select().from(taskUnits).where(eq(taskUnits.planId, id));
    const open = unitRows.filter(isUnresolved);
    if (open.length) {
      const phrases = [...new Set(open.map((r) => r.phrase))];
      throw new AppError(
        400,
        "unresolved_phrases",
        `还有 ${phrases.length} 个单位表述未对应到单位（${phrases.slice(0, 5).join("、")}${phrases.length > 5 ? "等" : ""}），请对应到单位或说明原因后再交办`,
        { phrases },
      );
    }
    const named = new Set(unitRows.filter((r) => r.unitId !== null).map((r) => r.taskId));
    const bare = taskRows.filter((t) => !named.has(t.id)).map((t) => t.number);
    if (bare.length) {
      throw new AppError(
        400,
        "tasks_without_units",
        `第 ${bare.slice(0, 10).join("、")}${bare.length > 10 ? " 等" : ""} 项任务还没有指定单位，请为每项任务指定牵头或责任单位后再交办`,
        { taskNumbers: bare },
      );
    }
    const [plan] = await tx
      .update(plans)
      .set({
        status: "published",
        cadence: input.cadence ?? before.cadence,
        publishedAt: new Date(),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(plans.id, id))
      .returning();
    const tasksById = new Map(taskRows.map((t) => [t.id, t]));
    const wanted = unitRows.flatMap((r) => {
      const task = tasksById.get(r.taskId);
      return task && r.unitId !== null ? [{ task, unitId: r.unitId, role: r.role }] : [];
    });
    const created = await createAssignments(tx, plan, wanted);
    await recordAudit(tx, {
      ...ctx,
      action: "plan.publish",
      entityType: "plan",
      entityId: id,
      before: { status: before.status, version: before.version },
      after: {
        status: plan.status,
        version: plan.version,
        cadence: plan.cadence,
        assignments: created.assignments.length,
        dueDates: created.dueDates,
      },
    });
  });
}
