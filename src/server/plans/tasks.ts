/**
 * Editing a plan's tasks on the review screen: fields, units, deadlines and targets; adding, deleting, splitting
 * and merging. On a published plan a task's assignments follow its units and deadlines.
 */
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { normaliseTaskUnits, type TaskUnitEntry } from "../../core/plans/task-units.js";
import type { TaskCreate, TaskMerge, TaskPatch, TaskSplit, TaskUnit } from "../../shared/api.js";
import { recordAudit } from "../audit/record.js";
import type { Db, Queryable } from "../db/client.js";
import { type PlanRow, planSections, plans, type TaskRow, tasks, taskUnits, units } from "../db/schema.js";
import { AppError, badRequest, versionConflict } from "../http/errors.js";
import type { ChangeContext, DatedChange } from "../units/service.js";
import { syncTaskAssignments } from "./assign.js";
import { type TaskEditedField, textKey } from "./drafts.js";
import { assertDraft, assertEditable, findTask, lockPlan } from "./queries.js";
import { taskUnitsOf } from "./task-units.js";

/** Every unit named exists; a unit newly put on a task must also be active. */
async function assertUnitsUsable(tx: Queryable, entries: readonly TaskUnit[], alreadyOn: Set<number>): Promise<void> {
  const ids = [...new Set(entries.map((e) => e.unitId).filter((id): id is number => id !== null))];
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: units.id, name: units.name, active: units.active })
    .from(units)
    .where(inArray(units.id, ids));
  const missing = ids.filter((id) => !found.some((u) => u.id === id));
  if (missing.length)
    throw new AppError(400, "unknown_unit", `单位不存在（编号 ${missing.join("、")}），请刷新后重新选择`);
  const inactive = found.find((u) => !u.active && !alreadyOn.has(u.id));
  if (inactive) throw badRequest(`单位“${inactive.name}”已停用，不能再交办任务`);
}

export async function replaceTaskUnits(tx: Queryable, planId: number, taskId: number, entries: TaskUnitEntry[]) {
  await tx.delete(taskUnits).where(eq(taskUnits.taskId, taskId));
  const rows = normaliseTaskUnits(entries).map((entry, sortOrder) => ({ ...entry, planId, taskId, sortOrder }));
  if (rows.length) await tx.insert(taskUnits).values(rows);
}

async function lockTask(tx: Queryable, plan: PlanRow, taskId: number, version: number): Promise<TaskRow> {
  const task = await findTask(tx, plan.id, taskId);
  if (task.version !== version) throw versionConflict();
  return task;
}

async function assertSection(tx: Queryable, planId: number, sectionId: number | null | undefined) {
  if (sectionId == null) return;
  const [row] = await tx
    .select({ id: planSections.id })
    .from(planSections)
    .where(and(eq(planSections.id, sectionId), eq(planSections.planId, planId)));
  if (!row) throw badRequest("所选部分不属于本方案");
}

const snapshot = async (tx: Queryable, task: TaskRow) => ({ ...task, units: await taskUnitsOf(tx, task.id) });

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The task's edited fields with these added: what a re-read of the file keeps (see carryEdits). */
const withEdited = (task: TaskRow, fields: TaskEditedField[]) => [...new Set([...task.editedFields, ...fields])];

/** Remembers that the user took this task out, so that a re-read of the file does not bring it back. */
async function rememberRemoved(tx: Queryable, plan: PlanRow, task: TaskRow): Promise<void> {
  if (!plan.layout || task.editedFields.includes("added")) return;
  const removed = [...new Set([...(plan.layout.removed ?? []), textKey(task.text)])];
  await tx
    .update(plans)
    .set({ layout: { ...plan.layout, removed } })
    .where(eq(plans.id, plan.id));
}

export async function updateTask(
  db: Db,
  planId: number,
  taskId: number,
  patch: TaskPatch,
  ctx: DatedChange,
): Promise<void> {
  await db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    assertEditable(plan);
    const task = await lockTask(tx, plan, taskId, patch.version);
    const before = await snapshot(tx, task);
    await assertSection(tx, planId, patch.sectionId);
    if (patch.units) {
      await assertUnitsUsable(tx, patch.units, new Set(before.units.map((u) => u.unitId).filter((id) => id !== null)));
      await replaceTaskUnits(tx, planId, taskId, patch.units);
    }
    const next = {
      number: patch.number?.trim() ?? task.number,
      title: patch.title === undefined ? task.title : patch.title?.trim() || null,
      text: patch.text?.trim() ?? task.text,
      sectionId: patch.sectionId === undefined ? task.sectionId : patch.sectionId,
      deadlines: patch.deadlines ?? task.deadlines,
      targets: patch.targets ?? task.targets,
    };
    const edited: TaskEditedField[] = [
      ...(next.number !== task.number ? (["number"] as const) : []),
      ...(next.title !== task.title ? (["title"] as const) : []),
      ...(next.text !== task.text ? (["text"] as const) : []),
      ...(next.sectionId !== task.sectionId ? (["section"] as const) : []),
      ...(!same(next.deadlines, task.deadlines) ? (["deadlines"] as const) : []),
      ...(!same(next.targets, task.targets) ? (["targets"] as const) : []),
      ...(patch.units && !same(await taskUnitsOf(tx, taskId), before.units) ? (["units"] as const) : []),
    ];
    const [updated] = await tx
      .update(tasks)
      .set({
        ...next,
        editedFields: withEdited(task, edited),
        version: task.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(tasks.id, taskId))
      .returning();
    if (plan.status === "published") {
      await syncTaskAssignments(tx, plan, updated, ctx, {
        cancelReason: patch.cancelReason,
        deadlinesChanged:
          patch.deadlines !== undefined && JSON.stringify(patch.deadlines) !== JSON.stringify(task.deadlines),
      });
    }
    await recordAudit(tx, {
      ...ctx,
      action: "task.update",
      entityType: "task",
      entityId: taskId,
      before,
      after: await snapshot(tx, updated),
    });
  });
}

/** Makes room after `sortOrder` for one more task. */
async function shiftAfter(tx: Queryable, planId: number, sortOrder: number): Promise<void> {
  await tx
    .update(tasks)
    .set({ sortOrder: sql`${tasks.sortOrder} + 1` })
    .where(and(eq(tasks.planId, planId), gt(tasks.sortOrder, sortOrder)));
}

export async function createTask(db: Db, planId: number, input: TaskCreate, ctx: DatedChange): Promise<number> {
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    assertEditable(plan);
    await assertSection(tx, planId, input.sectionId);
    await assertUnitsUsable(tx, input.units ?? [], new Set());
    let sortOrder = -1;
    if (input.afterTaskId != null) sortOrder = (await findTask(tx, planId, input.afterTaskId)).sortOrder;
    await shiftAfter(tx, planId, sortOrder);
    const [task] = await tx
      .insert(tasks)
      .values({
        planId,
        sectionId: input.sectionId ?? null,
        number: input.number.trim(),
        title: input.title?.trim() || null,
        text: input.text.trim(),
        sortOrder: sortOrder + 1,
        deadlines: input.deadlines ?? [],
        targets: input.targets ?? [],
        editedFields: ["added"],
      })
      .returning();
    await replaceTaskUnits(tx, planId, task.id, input.units ?? []);
    if (plan.status === "published") await syncTaskAssignments(tx, plan, task, ctx, { deadlinesChanged: false });
    await recordAudit(tx, {
      ...ctx,
      action: "task.create",
      entityType: "task",
      entityId: task.id,
      after: await snapshot(tx, task),
    });
    return task.id;
  });
}

export async function deleteTask(db: Db, planId: number, taskId: number, version: number, ctx: ChangeContext) {
  await db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    assertDraft(plan, "删除任务");
    const task = await lockTask(tx, plan, taskId, version);
    const before = await snapshot(tx, task);
    await tx.update(tasks).set({ parentId: task.parentId }).where(eq(tasks.parentId, taskId));
    await tx.delete(tasks).where(eq(tasks.id, taskId));
    await rememberRemoved(tx, plan, task);
    await recordAudit(tx, { ...ctx, action: "task.delete", entityType: "task", entityId: taskId, before });
  });
}

/** Where the tail of a task's text starts in the plan's source, inside the task's span; null when it can't be found. */
function splitPoint(plan: PlanRow, task: TaskRow, tail: string): number | null {
  if (!plan.sourceText || task.sourceStart == null || task.sourceEnd == null) return null;
  const span = plan.sourceText.slice(task.sourceStart, task.sourceEnd);
  const at = span.indexOf(tail.slice(0, 12));
  return at > 0 ? task.sourceStart + at : null;
}

/** Cuts a task in two at an offset of its text; the new second task has the same units, deadlines and targets. */
export async function splitTask(db: Db, planId: number, taskId: number, input: TaskSplit, ctx: ChangeContext) {
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    assertDraft(plan, "拆分任务");
    const task = await lockTask(tx, plan, taskId, input.version);
    const head = task.text.slice(0, input.at).trim();
    const tail = task.text.slice(input.at).trim();
    if (!head || !tail) throw badRequest("拆分位置须在任务内容中间，拆分后的两部分都不能为空");
    const before = await snapshot(tx, task);
    const cut = splitPoint(plan, task, tail);
    const [first] = await tx
      .update(tasks)
      .set({
        text: head,
        sourceEnd: cut ?? task.sourceEnd,
        editedFields: withEdited(task, ["text"]),
        version: task.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(tasks.id, taskId))
      .returning();
    await shiftAfter(tx, planId, task.sortOrder);
    const [second] = await tx
      .insert(tasks)
      .values({
        planId,
        sectionId: task.sectionId,
        parentId: task.parentId,
        number: `${task.number}-2`,
        path: task.path,
        title: null,
        text: tail,
        sortOrder: task.sortOrder + 1,
        sourceStart: cut,
        sourceEnd: cut === null ? null : task.sourceEnd,
        deadlines: task.deadlines,
        targets: task.targets,
        confidence: task.confidence,
        doubts: task.doubts,
        editedFields: ["added"],
      })
      .returning();
    await replaceTaskUnits(tx, planId, second.id, before.units);
    await recordAudit(tx, {
      ...ctx,
      action: "task.split",
      entityType: "task",
      entityId: taskId,
      before,
      after: [await snapshot(tx, first), await snapshot(tx, second)],
    });
    return second.id;
  });
}

const unionBy = <T>(list: T[], key: (item: T) => string) => [...new Map(list.map((i) => [key(i), i])).values()];

/** Joins the next task into this one: texts one after the other, units, deadlines and targets together. */
export async function mergeTask(db: Db, planId: number, taskId: number, input: TaskMerge, ctx: ChangeContext) {
  await db.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    assertDraft(plan, "合并任务");
    const task = await lockTask(tx, plan, taskId, input.version);
    const next = await lockTask(tx, plan, input.nextTaskId, input.nextVersion);
    const [between] = await tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(
        and(eq(tasks.planId, planId), gt(tasks.sortOrder, task.sortOrder), sql`${tasks.sortOrder} < ${next.sortOrder}`),
      )
      .limit(1);
    if (next.sortOrder <= task.sortOrder || between) throw badRequest("只能与紧随其后的一项任务合并");
    const before = [await snapshot(tx, task), await snapshot(tx, next)];
    const starts = [task.sourceStart, next.sourceStart].filter((n): n is number => n !== null);
    const ends = [task.sourceEnd, next.sourceEnd].filter((n): n is number => n !== null);
    const [merged] = await tx
      .update(tasks)
      .set({
        text: `${task.text}\n${next.text}`,
        deadlines: unionBy([...task.deadlines, ...next.deadlines], (d) => d.text),
        targets: unionBy([...task.targets, ...next.targets], (t) => t.text),
        sourceStart: starts.length ? Math.min(...starts) : null,
        sourceEnd: ends.length ? Math.max(...ends) : null,
        editedFields: withEdited(task, ["text", "units", "deadlines", "targets"]),
        version: task.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(tasks.id, taskId))
      .returning();
    await replaceTaskUnits(tx, planId, taskId, [...before[0].units, ...before[1].units]);
    await tx.update(tasks).set({ parentId: taskId }).where(eq(tasks.parentId, next.id));
    await tx.delete(tasks).where(eq(tasks.id, next.id));
    await rememberRemoved(tx, plan, next);
    await recordAudit(tx, {
      ...ctx,
      action: "task.merge",
      entityType: "task",
      entityId: taskId,
      before,
      after: await snapshot(tx, merged),
    });
  });
}
