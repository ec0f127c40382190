/**
 * Unit phrases no unit matched (区法制办 in an old plan): mapped to a unit in every task of the plan, by default
 * saving the phrase as the unit's alias so the next import resolves it; or dismissed with a reason.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { PhraseDismiss, PhraseMap } from "../../shared/api.js";
import { recordAudit } from "../audit/record.js";
import type { Db, Queryable } from "../db/client.js";
import { type PlanRow, tasks, taskUnits } from "../db/schema.js";
import { AppError, badRequest } from "../http/errors.js";
import { addUnitAlias, type DatedChange, forgetRegistry, getUnit } from "../units/service.js";
import { syncTaskAssignments } from "./assign.js";
import { assertEditable, lockPlan } from "./queries.js";
import { taskUnitsOf } from "./task-units.js";
import { replaceTaskUnits } from "./tasks.js";

async function openRows(tx: Queryable, planId: number, phrase: string) {
  const rows = await tx
    .select()
    .from(taskUnits)
    .where(
      and(
        eq(taskUnits.planId, planId),
        eq(taskUnits.phrase, phrase),
        isNull(taskUnits.unitId),
        isNull(taskUnits.dismissedReason),
      ),
    );
  if (rows.length === 0)
    throw new AppError(404, "not_found", `单位表述“${phrase}”不在待处理列表中，可能已被他人处理，请刷新`);
  return rows;
}

export async function mapPhrase(db: Db, planId: number, input: PhraseMap, ctx: DatedChange): Promise<void> {
  const phrase = input.phrase.trim();
  const aliasSaved = await db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    assertEditable(plan);
    const unit = await getUnit(tx, input.unitId).catch(() => {
      throw new AppError(400, "unknown_unit", "所选单位不存在，请刷新后重新选择");
    });
    if (!unit.active) throw badRequest(`单位“${unit.name}”已停用，不能再交办任务`);
    const rows = await openRows(tx, planId, phrase);
    for (const taskId of new Set(rows.map((r) => r.taskId))) {
      const entries = (await taskUnitsOf(tx, taskId)).map((entry) =>
        entry.phrase === phrase && entry.unitId === null && entry.dismissedReason === null
          ? { ...entry, unitId: unit.id }
          : entry,
      );
      await replaceTaskUnits(tx, planId, taskId, entries);
      await bumpTask(tx, plan, taskId, ctx);
    }
    const saveAlias = input.saveAlias !== false && phrase !== unit.name;
    if (saveAlias) await addUnitAlias(tx, unit.id, phrase, ctx);
    await recordAudit(tx, {
      ...ctx,
      action: "plan.phrase_map",
      entityType: "plan",
      entityId: planId,
      after: { phrase, unitId: unit.id, unitName: unit.name, tasks: rows.length, aliasSaved: saveAlias },
    });
    return saveAlias;
  });
  if (aliasSaved) forgetRegistry(db);
}

/** A changed task gets a new version (an open edit form then knows it is stale) and, if published, its assignments. */
async function bumpTask(tx: Queryable, plan: PlanRow, taskId: number, ctx: DatedChange): Promise<void> {
  const [task] = await tx
    .update(tasks)
    .set({ version: sql`${tasks.version} + 1`, updatedAt: new Date() })
    .where(eq(tasks.id, taskId))
    .returning();
  if (plan.status === "published") await syncTaskAssignments(tx, plan, task, ctx, { deadlinesChanged: false });
}

export async function dismissPhrase(db: Db, planId: number, input: PhraseDismiss, ctx: DatedChange): Promise<void> {
  const phrase = input.phrase.trim();
  await db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    assertEditable(plan);
    const rows = await openRows(tx, planId, phrase);
    await tx
      .update(taskUnits)
      .set({ dismissedReason: input.reason.trim() })
      .where(and(eq(taskUnits.planId, planId), eq(taskUnits.phrase, phrase), isNull(taskUnits.unitId)));
    for (const taskId of new Set(rows.map((r) => r.taskId))) await bumpTask(tx, plan, taskId, ctx);
    await recordAudit(tx, {
      ...ctx,
      action: "plan.phrase_dismiss",
      entityType: "plan",
      entityId: planId,
      after: { phrase, reason: input.reason.trim(), tasks: rows.length },
    });
  });
}
