/**
 * 重新识别: a draft's original file read again with other column roles or another task level, its sections and tasks
 * replaced in one transaction, the user's edits carried over where they still apply (see carryEdits).
 */
import { eq } from "drizzle-orm";
import type { PlanReparse } from "../../shared/api.js";
import { recordAudit } from "../audit/record.js";
import type { Db } from "../db/client.js";
import { type PlanRow, planFiles, planSections, plans, tasks, taskUnits } from "../db/schema.js";
import { badRequest, versionConflict } from "../http/errors.js";
import { UnitResolver } from "../units/resolve.js";
import { allUnits, type ChangeContext, listUnitGroups } from "../units/service.js";
import { carryEdits } from "./drafts.js";
import { layoutOf, noTasks, readPlanFile, rememberMappings } from "./mappings.js";
import type { PlanReader } from "./parse-pool.js";
import { assertDraft, assertEditable, findPlan, lockPlan } from "./queries.js";
import { storeDrafts } from "./service.js";

function assertReparsable(plan: PlanRow, version: number): void {
  if (plan.version !== version) throw versionConflict();
  assertEditable(plan);
  assertDraft(plan, "重新识别");
}

/** The column roles given fit the tables the plan's file has: a known header, one role per column. */
function assertRolesFit(plan: PlanRow, columnRoles: PlanReparse["columnRoles"]): void {
  for (const [signature, roles] of Object.entries(columnRoles ?? {})) {
    const table = plan.layout?.tables.find((t) => t.signature === signature);
    if (!table) throw badRequest("方案原文中没有这个表格，请刷新页面后重新设置");
    if (roles.length !== table.headers.length) {
      throw badRequest(`表格有 ${table.headers.length} 列，须为每一列选择含义（收到 ${roles.length} 项）`);
    }
  }
}

export async function reparsePlan(
  db: Db,
  planId: number,
  input: PlanReparse,
  ctx: ChangeContext,
  reader?: PlanReader,
): Promise<{ keptEdits: number; lostEdits: number }> {
  // parsing takes a while: check and read outside the transaction, then check again under the plan's lock
  const plan = await findPlan(db, planId);
  assertReparsable(plan, input.version);
  const [file] = await db.select().from(planFiles).where(eq(planFiles.planId, planId));
  if (!file) throw badRequest("该方案是手工新建的，没有可重新识别的原文件");
  assertRolesFit(plan, input.columnRoles);
  const before = plan.layout?.options ?? {};
  const choices = {
    columnRoles: { ...before.columnRoles, ...input.columnRoles },
    taskStyle: input.taskStyle ?? before.taskStyle,
  };
  const { parsed, options } = await readPlanFile(db, { bytes: file.content, filename: file.filename, reader }, choices);
  if (parsed.tasks.length === 0) throw noTasks(parsed);
  const resolver = new UnitResolver(await allUnits(db), await listUnitGroups(db));

  return db.transaction(async (tx) => {
    const locked = await lockPlan(tx, planId);
    assertReparsable(locked, input.version);
    const [oldTasks, oldUnits, oldSections] = await Promise.all([
      tx.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(tasks.sortOrder, tasks.id),
      tx.select().from(taskUnits).where(eq(taskUnits.planId, planId)).orderBy(taskUnits.sortOrder, taskUnits.id),
      tx.select().from(planSections).where(eq(planSections.planId, planId)),
    ]);
    const { drafts, keptEdits, lostEdits } = carryEdits(
      parsed,
      {
        tasks: oldTasks,
        units: oldUnits,
        sections: new Map(oldSections.map((s) => [s.id, { number: s.number, title: s.title }])),
        removed: locked.layout?.removed ?? [],
      },
      resolver,
    );
    await tx.delete(taskUnits).where(eq(taskUnits.planId, planId));
    await tx.delete(tasks).where(eq(tasks.planId, planId));
    await tx.delete(planSections).where(eq(planSections.planId, planId));
    await storeDrafts(tx, planId, parsed.sections, drafts);
    const layout = { ...layoutOf(parsed, options), removed: locked.layout?.removed ?? [] };
    await tx
      .update(plans)
      .set({
        sourceText: parsed.text,
        warnings: parsed.warnings,
        layout,
        version: locked.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(plans.id, planId));
    await rememberMappings(tx, input.columnRoles, ctx.actorId);
    await recordAudit(tx, {
      ...ctx,
      action: "plan.reparse",
      entityType: "plan",
      entityId: planId,
      before: { tasks: oldTasks.length, options: before },
      after: { tasks: drafts.length, options, keptEdits, lostEdits },
    });
    return { keptEdits, lostEdits };
  });
}
