/** Publishing a plan (交办): every resolved unit of every task gets its assignment, in one transaction. */
import { asc, eq } from "drizzle-orm";
import { chineseDay } from "../../core/documents/official-date.js";
import { isUnresolved } from "../../core/plans/task-units.js";
import type { PlanPublish } from "../../shared/api.js";
import { recordAudit } from "../audit/record.js";
import type { Db } from "../db/client.js";
import { type PlanRow, plans, tasks, taskUnits } from "../db/schema.js";
import { AppError, versionConflict } from "../http/errors.js";
import type { DatedChange } from "../units/service.js";
import { createAssignments } from "./assign.js";
import { duplicatesOf, lockPlan } from "./queries.js";

/**
 * 交办 is dated `ctx.today`: the periods that fell due before it are 不适用, or fall due `catchUpDays` after it, as
 * the office chose (input.pastPeriods).
 */
export async function publishPlan(db: Db, id: number, input: PlanPublish, ctx: DatedChange): Promise<void> {
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
    const assignedOn = validAssignedOn(input.assignedOn ?? ctx.today, before, ctx.today);
    const published = (await duplicatesOf(tx, before)).filter((d) => d.status !== "draft");
    if (published.length && !input.confirmDuplicate) {
      throw new AppError(
        409,
        "duplicate_plan",
        `已有相同${published[0].sameFile ? "文件" : "标题"}的方案“${published[0].title}”已交办，再次交办会让各单位重复收到任务；如确需再次交办，请确认后再试`,
        { plans: published },
      );
    }
    const [plan] = await tx
      .update(plans)
      .set({
        status: "published",
        cadence: input.cadence ?? before.cadence,
        publishedAt: new Date(),
        assignedOn,
        pastPeriods: input.pastPeriods ?? before.pastPeriods,
        catchUpDays: input.catchUpDays ?? before.catchUpDays,
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
    const created = await createAssignments(tx, plan, wanted, assignedOn);
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
        assignedOn: plan.assignedOn,
        pastPeriods: plan.pastPeriods,
        catchUpDays: plan.catchUpDays,
        assignments: created.assignments.length,
        dueDates: created.dueDates,
        notApplicable: created.notApplicable,
      },
    });
  });
}

/** A 交办日期 the office may give: not after today, not before the year ahead of the plan's. */
function validAssignedOn(day: string, plan: PlanRow, today: string): string {
  if (day > today) {
    throw new AppError(400, "assigned_on_future", `交办日期不能晚于今天（${chineseDay(today)}），请重新选择`);
  }
  const earliest = `${plan.year - 1}-01-01`;
  if (day < earliest) {
    throw new AppError(
      400,
      "assigned_on_too_early",
      `交办日期不能早于${chineseDay(earliest)}（方案为${plan.year}年度），请重新选择`,
    );
  }
  return day;
}
