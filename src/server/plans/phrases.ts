/**
 * Unit phrases no unit matched (区法制办 in an old plan): mapped to a unit, or to a unit group (区政府各行政执法部门 → its
 * members), in every task of the plan, by default saving the phrase as the unit's or the group's alias so the next
 * import resolves it; or dismissed with a reason. A change of the registry settles at once, in every draft plan, the
 * phrases it now resolves.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { isUnresolved, type TaskUnitEntry } from "../../core/plans/task-units.js";
import { groupMembers } from "../../core/units/groups.js";
import type { PhraseDismiss, PhraseMap } from "../../shared/api.js";
import { recordAudit } from "../audit/record.js";
import type { Db, Queryable } from "../db/client.js";
import { type PlanRow, plans, tasks, taskUnits, type UnitRow, unitGroups, units } from "../db/schema.js";
import { AppError, badRequest } from "../http/errors.js";
import { UnitResolver } from "../units/resolve.js";
import {
  addGroupAlias,
  addUnitAlias,
  allUnits,
  type ChangeContext,
  type DatedChange,
  forgetRegistry,
  getUnit,
  listUnitGroups,
} from "../units/service.js";
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

/** What a phrase is mapped to: one unit, or a group's members (with the group, for its alias). */
async function targetOf(tx: Queryable, input: PhraseMap) {
  if ((input.unitId === undefined) === (input.groupId === undefined)) {
    throw badRequest("请选择一个单位或一个单位分组");
  }
  if (input.unitId !== undefined) {
    const unit = await getUnit(tx, input.unitId).catch(() => {
      throw new AppError(400, "unknown_unit", "所选单位不存在，请刷新后重新选择");
    });
    if (!unit.active) throw badRequest(`单位“${unit.name}”已停用，不能再交办任务`);
    return { units: [unit], group: null, name: unit.name };
  }
  const [group] = await tx
    .select()
    .from(unitGroups)
    .where(eq(unitGroups.id, input.groupId as number));
  if (!group) throw new AppError(400, "unknown_group", "所选单位分组不存在，请刷新后重新选择");
  const active = await tx
    .select()
    .from(units)
    .where(eq(units.active, true))
    .orderBy(asc(units.sortOrder), asc(units.id));
  const members = groupMembers(active, group);
  if (members.length === 0) throw badRequest(`单位分组“${group.name}”没有启用的成员单位，请先在单位管理中设置其成员`);
  return { units: members, group, name: group.name };
}

/** The task's entries with the phrase's open ones given these units (one entry each, in the phrase's role). */
function settled(entries: TaskUnitEntry[], phrase: string, units: Pick<UnitRow, "id">[]): TaskUnitEntry[] {
  return entries.flatMap((entry) =>
    entry.phrase === phrase && isUnresolved(entry) ? units.map((unit) => ({ ...entry, unitId: unit.id })) : [entry],
  );
}

export async function mapPhrase(db: Db, planId: number, input: PhraseMap, ctx: DatedChange): Promise<void> {
  const phrase = input.phrase.trim();
  const aliasSaved = await db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    assertEditable(plan);
    const target = await targetOf(tx, input);
    const rows = await openRows(tx, planId, phrase);
    for (const taskId of new Set(rows.map((r) => r.taskId))) {
      await replaceTaskUnits(tx, planId, taskId, settled(await taskUnitsOf(tx, taskId), phrase, target.units));
      await bumpTask(tx, plan, taskId, ctx);
    }
    const saveAlias = input.saveAlias !== false && phrase !== target.name;
    if (saveAlias && target.group) await addGroupAlias(tx, target.group.id, phrase, ctx);
    else if (saveAlias) await addUnitAlias(tx, target.units[0].id, phrase, ctx);
    await recordAudit(tx, {
      ...ctx,
      action: "plan.phrase_map",
      entityType: "plan",
      entityId: planId,
      after: {
        phrase,
        ...(target.group
          ? { groupId: target.group.id, groupName: target.group.name, unitIds: target.units.map((u) => u.id) }
          : { unitId: target.units[0].id, unitName: target.units[0].name }),
        tasks: rows.length,
        aliasSaved: saveAlias,
      },
    });
    return saveAlias;
  });
  if (aliasSaved) {
    forgetRegistry(db);
    await recheckDraftPhrases(db, ctx);
  }
}

/**
 * After the registry changed (a unit, an alias, a group): every draft plan's phrases still waiting are resolved again,
 * and those the registry now names get their units, plan by plan. Answers how many phrases were settled.
 */
export async function recheckDraftPhrases(db: Db, ctx: ChangeContext): Promise<number> {
  const open = await db
    .selectDistinct({ planId: taskUnits.planId, phrase: taskUnits.phrase })
    .from(taskUnits)
    .innerJoin(plans, eq(plans.id, taskUnits.planId))
    .where(and(eq(plans.status, "draft"), isNull(taskUnits.unitId), isNull(taskUnits.dismissedReason)));
  if (open.length === 0) return 0;
  const resolver = new UnitResolver(await allUnits(db), await listUnitGroups(db));
  const byPlan = new Map<number, Map<string, { id: number }[]>>();
  for (const { planId, phrase } of open) {
    const { units } = resolver.resolve(phrase);
    if (units.length === 0) continue;
    byPlan.set(planId, (byPlan.get(planId) ?? new Map()).set(phrase, units));
  }
  let count = 0;
  for (const [planId, phrases] of byPlan) {
    count += await db.transaction(async (tx) => {
      const plan = await lockPlan(tx, planId);
      if (plan.status !== "draft") return 0;
      const rows = await tx
        .select({ taskId: taskUnits.taskId, phrase: taskUnits.phrase })
        .from(taskUnits)
        .where(
          and(
            eq(taskUnits.planId, planId),
            inArray(taskUnits.phrase, [...phrases.keys()]),
            isNull(taskUnits.unitId),
            isNull(taskUnits.dismissedReason),
          ),
        );
      const taskIds = [...new Set(rows.map((r) => r.taskId))];
      for (const taskId of taskIds) {
        let entries = await taskUnitsOf(tx, taskId);
        for (const [phrase, units] of phrases) entries = settled(entries, phrase, units);
        await replaceTaskUnits(tx, planId, taskId, entries);
        await bumpVersion(tx, taskId);
      }
      const resolved = [...new Set(rows.map((r) => r.phrase))];
      if (resolved.length === 0) return 0;
      await recordAudit(tx, {
        ...ctx,
        action: "plan.phrases_resolved",
        entityType: "plan",
        entityId: planId,
        after: { phrases: resolved, tasks: taskIds.length },
      });
      return resolved.length;
    });
  }
  return count;
}

/** A changed task gets a new version: an open edit form then knows it is stale. */
async function bumpVersion(tx: Queryable, taskId: number) {
  const [task] = await tx
    .update(tasks)
    .set({ version: sql`${tasks.version} + 1`, updatedAt: new Date() })
    .where(eq(tasks.id, taskId))
    .returning();
  return task;
}

/** A changed task's new version and, if its plan is published, its assignments. */
async function bumpTask(tx: Queryable, plan: PlanRow, taskId: number, ctx: DatedChange): Promise<void> {
  const task = await bumpVersion(tx, taskId);
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
