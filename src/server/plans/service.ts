/** Plans: imported from a document or made by hand, their fields edited; each change audited in its transaction. */
import { createHash } from "node:crypto";
import { count, eq, getTableColumns, sql } from "drizzle-orm";
import type { DocumentFormat, Section } from "../../core/parser/index.js";
import { periodOf } from "../../core/plans/schedule.js";
import { normaliseTaskUnits } from "../../core/plans/task-units.js";
import { rulesOf, rulesProblem } from "../../core/supervision/rules.js";
import type { ParseChoices, PlanCreate, PlanPatch } from "../../shared/api.js";
import { recordAudit } from "../audit/record.js";
import type { Db, Queryable } from "../db/client.js";
import { planFiles, planSections, plans, tasks, taskUnits } from "../db/schema.js";
import { arrayParam } from "../db/unnest.js";
import { AppError, badRequest, versionConflict } from "../http/errors.js";
import { UnitResolver } from "../units/resolve.js";
import { allUnits, type ChangeContext, type DatedChange, listUnitGroups } from "../units/service.js";
import { refreshPlanDueDates } from "./assign.js";
import { draftsOf, type TaskDraft } from "./drafts.js";
import { layoutOf, noTasks, readPlanFile, rememberMappings, type Upload } from "./mappings.js";
import { assertEditable, findPlan, lockPlan } from "./queries.js";

export type { Upload } from "./mappings.js";

const MEDIA_TYPES: Record<DocumentFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ofd: "application/ofd",
  html: "text/html",
  text: "text/plain",
  png: "image/png",
  jpeg: "image/jpeg",
  tiff: "image/tiff",
};

function assertPeriod(year: number, endYear: number): void {
  if (endYear < year) throw badRequest("结束年度不能早于开始年度");
  if (endYear - year > 10) throw badRequest("方案期限不能超过 10 年");
}

/**
 * Reads an uploaded plan document and stores it as a draft: the original file, its sections, its tasks with their
 * deadlines and targets, and each unit phrase resolved against the registry. Tables are read with the column roles
 * chosen (which are then remembered) or remembered for their header. A file with no tasks is refused, saying why,
 * and nothing is written.
 */
export async function importPlan(
  db: Db,
  upload: Upload,
  ctx: ChangeContext,
  today: Date,
  choices: ParseChoices = {},
): Promise<number> {
  const { parsed, options } = await readPlanFile(db, upload, choices);
  if (parsed.tasks.length === 0) throw noTasks(parsed);
  const resolver = new UnitResolver(await allUnits(db), await listUnitGroups(db));
  const period = periodOf({ title: parsed.title, date: parsed.date, text: parsed.text }, today);
  const title = parsed.title?.trim() || upload.filename.replace(/\.[^.]+$/, "") || "未命名方案";

  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(plans)
      .values({
        title: title.slice(0, 300),
        docNumber: parsed.docNumber,
        issuer: parsed.issuer,
        date: parsed.date,
        ...period,
        sourceText: parsed.text,
        warnings: parsed.warnings,
        layout: layoutOf(parsed, options),
        createdBy: ctx.actorId,
      })
      .returning();
    await tx.insert(planFiles).values({
      planId: plan.id,
      filename: upload.filename.slice(0, 255),
      mediaType: MEDIA_TYPES[parsed.format],
      size: upload.bytes.length,
      sha256: createHash("sha256").update(upload.bytes).digest("hex"),
      content: byteaOf(upload.bytes),
    });
    await storeDrafts(tx, plan.id, parsed.sections, draftsOf(parsed, resolver));
    await rememberMappings(tx, choices.columnRoles, ctx.actorId);
    await recordAudit(tx, {
      ...ctx,
      action: "plan.import",
      entityType: "plan",
      entityId: plan.id,
      after: { title: plan.title, filename: upload.filename, tasks: parsed.tasks.length, year: plan.year },
    });
    return plan.id;
  });
}

/**
 * Rows per INSERT when a plan's sections, tasks and unit rows are stored. One statement for a whole plan failed: the
 * ORM builds a statement of every row's every field (a plan of ~900 tasks overflowed its stack, and PostgreSQL takes
 * at most 65,535 parameters); 250 rows of 15 fields stay far below both.
 */
export const INSERT_BATCH = 250;

/** The list in pieces of at most `size`, in order. */
export function batches<T>(rows: readonly T[], size = INSERT_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Sets the parent of many rows in one statement: the ids and their parents as two array parameters. */
async function setParents(tx: Queryable, table: typeof tasks | typeof planSections, pairs: [number, number][]) {
  if (pairs.length === 0) return;
  await tx.execute(sql`update ${table} set parent_id = v.parent_id
    from unnest(${arrayParam(
      pairs.map(([id]) => id),
      "int",
    )}, ${arrayParam(
      pairs.map(([, parentId]) => parentId),
      "int",
    )}) as v(id, parent_id)
    where ${table}.id = v.id`);
}

/**
 * Stores a plan's sections and its tasks with their units, in order; parents by the parse's ids. Rows go in batches
 * (INSERT_BATCH) inside the caller's transaction, and the parents are set afterwards in one statement each.
 */
export async function storeDrafts(tx: Queryable, planId: number, sections: Section[], drafts: TaskDraft[]) {
  const sectionIds = new Map<string, number>();
  for (const [offset, batch] of batches(sections).map((b, i) => [i * INSERT_BATCH, b] as const)) {
    const rows = await tx
      .insert(planSections)
      .values(
        batch.map((section, index) => ({
          planId,
          number: section.number,
          title: section.title,
          sortOrder: offset + index,
        })),
      )
      .returning({ id: planSections.id, sortOrder: planSections.sortOrder });
    for (const row of rows) sectionIds.set(sections[row.sortOrder].id, row.id);
  }
  await setParents(
    tx,
    planSections,
    sections.flatMap((section) => {
      const id = sectionIds.get(section.id);
      const parentId = section.parentId ? sectionIds.get(section.parentId) : undefined;
      return id && parentId ? [[id, parentId] as [number, number]] : [];
    }),
  );
  if (drafts.length === 0) return;

  // the database id of each draft: sortOrder is the draft's index
  const stored: { id: number; task: TaskDraft }[] = [];
  for (const [offset, batch] of batches(drafts).map((b, i) => [i * INSERT_BATCH, b] as const)) {
    const inserted = await tx
      .insert(tasks)
      .values(
        batch.map((task, index) => ({
          planId,
          sectionId: task.sectionId ? (sectionIds.get(task.sectionId) ?? null) : null,
          number: task.number,
          path: task.path,
          title: task.title,
          text: task.text,
          sortOrder: offset + index,
          sourceStart: task.source?.start ?? null,
          sourceEnd: task.source?.end ?? null,
          deadlines: task.deadlines,
          targets: task.targets,
          confidence: task.confidence,
          doubts: task.doubts,
          editedFields: task.editedFields,
        })),
      )
      .returning({ id: tasks.id, sortOrder: tasks.sortOrder });
    for (const row of inserted) stored.push({ id: row.id, task: drafts[row.sortOrder] });
  }
  const taskIds = new Map(stored.flatMap(({ id, task }) => (task.parseId ? [[task.parseId, id] as const] : [])));
  await setParents(
    tx,
    tasks,
    stored.flatMap(({ id, task }) => {
      const parentId = task.parentId ? taskIds.get(task.parentId) : undefined;
      return parentId ? [[id, parentId] as [number, number]] : [];
    }),
  );

  const unitRows = stored.flatMap(({ id, task }) =>
    normaliseTaskUnits(task.units).map((entry, sortOrder) => ({ ...entry, taskId: id, planId, sortOrder })),
  );
  for (const batch of batches(unitRows)) await tx.insert(taskUnits).values(batch);
}

/** A plan written by hand: no file, no source text; tasks are added on the review screen. */
export async function createPlan(db: Db, input: PlanCreate, ctx: ChangeContext): Promise<number> {
  const endYear = input.endYear ?? input.year;
  assertPeriod(input.year, endYear);
  if (input.parentId != null) await findPlan(db, input.parentId);
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(plans)
      .values({
        title: input.title.trim(),
        docNumber: input.docNumber?.trim() || null,
        issuer: input.issuer?.trim() || null,
        date: input.date ?? null,
        year: input.year,
        endYear,
        parentId: input.parentId ?? null,
        cadence: input.cadence ?? "quarterly",
        createdBy: ctx.actorId,
      })
      .returning();
    const { sourceText: _, ...after } = plan;
    await recordAudit(tx, { ...ctx, action: "plan.create", entityType: "plan", entityId: plan.id, after });
    return plan.id;
  });
}

/** The plan's own fields; a new period or cadence moves the due dates of its open assignments. */
export async function updatePlan(db: Db, id: number, patch: PlanPatch, ctx: DatedChange): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockPlan(tx, id);
    if (before.version !== patch.version) throw versionConflict();
    assertEditable(before);
    if (patch.status === "archived" && before.status !== "published") throw badRequest("只有已交办的方案可以归档");
    const next = {
      title: patch.title?.trim() ?? before.title,
      docNumber: patch.docNumber === undefined ? before.docNumber : patch.docNumber?.trim() || null,
      issuer: patch.issuer === undefined ? before.issuer : patch.issuer?.trim() || null,
      date: patch.date === undefined ? before.date : patch.date,
      year: patch.year ?? before.year,
      endYear: patch.endYear ?? (patch.year !== undefined && before.endYear < patch.year ? patch.year : before.endYear),
      parentId: patch.parentId === undefined ? before.parentId : patch.parentId,
      cadence: patch.cadence ?? before.cadence,
      supervisionRules: patch.supervisionRules === undefined ? before.supervisionRules : patch.supervisionRules,
      status: patch.status ?? before.status,
    };
    assertPeriod(next.year, next.endYear);
    const rulesWrong = next.supervisionRules && rulesProblem(rulesOf(next.supervisionRules));
    if (rulesWrong) throw badRequest(rulesWrong);
    if (next.parentId === id) throw badRequest("上级文件不能是本方案");
    if (next.parentId != null && next.parentId !== before.parentId) await findPlan(tx, next.parentId);
    const [after] = await tx
      .update(plans)
      .set({ ...next, version: before.version + 1, updatedAt: new Date() })
      .where(eq(plans.id, id))
      .returning();
    const scheduleChanged =
      next.year !== before.year || next.endYear !== before.endYear || next.cadence !== before.cadence;
    if (before.status === "published" && scheduleChanged) await refreshPlanDueDates(tx, after);
    const { sourceText: _b, warnings: _bw, ...beforeFields } = before;
    const { sourceText: _a, warnings: _aw, ...afterFields } = after;
    await recordAudit(tx, {
      ...ctx,
      action: patch.status === "archived" ? "plan.archive" : "plan.update",
      entityType: "plan",
      entityId: id,
      before: beforeFields,
      after: afterFields,
    });
  });
}

/**
 * A file's bytes as the database is given them: hex text that the database decodes. PGlite's driver turns a Buffer
 * into hex one byte at a time in JavaScript, on the server's thread: 29 s for 20 MB, during which nothing else was
 * answered; Buffer's own hex takes 70 ms.
 */
export const byteaOf = (bytes: Buffer) => sql`decode(${bytes.toString("hex")}, 'hex')`;

/** A plan's original file, its bytes read as base64 text (PGlite's driver decodes bytea as slowly as it encodes). */
export async function storedPlanFile(db: Queryable, planId: number) {
  const [file] = await db
    .select({ ...getTableColumns(planFiles), content: sql<string>`encode(${planFiles.content}, 'base64')` })
    .from(planFiles)
    .where(eq(planFiles.planId, planId));
  return file ? { ...file, content: Buffer.from(file.content, "base64") } : null;
}

export async function planFile(db: Db, id: number) {
  await findPlan(db, id);
  return storedPlanFile(db, id);
}

/**
 * 删除 a draft the office will not send out (imported twice, the wrong file): it leaves every list, and the row with its
 * tasks and file stays for the audit log, whose event names the file. A published plan is never deleted.
 */
export async function deletePlan(db: Db, id: number, version: number, ctx: ChangeContext): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockPlan(tx, id);
    if (before.status !== "draft") {
      throw new AppError(409, "plan_not_draft", "方案已交办，不能删除；如不再执行，可将其归档");
    }
    if (before.version !== version) throw versionConflict();
    const [file] = await tx
      .select({ filename: planFiles.filename, sha256: planFiles.sha256, size: planFiles.size })
      .from(planFiles)
      .where(eq(planFiles.planId, id));
    const now = new Date();
    await tx
      .update(plans)
      .set({ deletedAt: now, deletedBy: ctx.actorId, version: before.version + 1, updatedAt: now })
      .where(eq(plans.id, id));
    const [{ n }] = await tx.select({ n: count() }).from(tasks).where(eq(tasks.planId, id));
    await recordAudit(tx, {
      ...ctx,
      action: "plan.delete",
      entityType: "plan",
      entityId: id,
      before: {
        title: before.title,
        status: before.status,
        version: before.version,
        tasks: n,
        file: file ?? null,
      },
    });
  });
}
