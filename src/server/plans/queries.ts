/** Reading plans: one plan with its parts for the review screen, and the list with its counts. */
import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { PlanDuplicate, PlanListQuery } from "../../shared/api.js";
import type { Queryable } from "../db/client.js";
import { containsPattern } from "../db/like.js";
import {
  assignments,
  type PlanRow,
  planFiles,
  planSections,
  plans,
  type TaskRow,
  type TaskUnitRow,
  tasks,
  taskUnits,
} from "../db/schema.js";
import { badRequest, notFound } from "../http/errors.js";

export interface PlanCounts {
  taskCount: number;
  unresolvedCount: number;
  assignmentCount: number;
  file: { filename: string; mediaType: string; size: number } | null;
}

export interface PlanParts {
  duplicates: PlanDuplicate[];
  plan: PlanRow;
  counts: PlanCounts;
  sections: (typeof planSections.$inferSelect)[];
  tasks: TaskRow[];
  taskUnits: TaskUnitRow[];
}

/** A plan, unless unknown or deleted (a withdrawn draft is kept for the audit log only). */
export async function findPlan(db: Queryable, id: number): Promise<PlanRow> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, id), isNull(plans.deletedAt)));
  if (!row) throw notFound("方案");
  return row;
}

/** The plan, locked for the rest of the transaction: changes to one plan and its tasks happen one at a time. */
export async function lockPlan(tx: Queryable, id: number): Promise<PlanRow> {
  const [row] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.id, id), isNull(plans.deletedAt)))
    .for("update");
  if (!row) throw notFound("方案");
  return row;
}

export function assertDraft(plan: PlanRow, what: string): void {
  if (plan.status !== "draft") throw badRequest(`方案已交办，不能${what}；可以修改任务的单位、时限和内容`);
}

export function assertEditable(plan: PlanRow): void {
  if (plan.status === "archived") throw badRequest("方案已归档，不能再修改");
}

export async function findTask(tx: Queryable, planId: number, taskId: number): Promise<TaskRow> {
  const [row] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.planId, planId)));
  if (!row) throw notFound("任务");
  return row;
}

const openPhrase = and(isNull(taskUnits.unitId), isNull(taskUnits.dismissedReason));

const noCounts = (): PlanCounts => ({ taskCount: 0, unresolvedCount: 0, assignmentCount: 0, file: null });

async function countsOf(db: Queryable, planIds: number[]): Promise<Map<number, PlanCounts>> {
  const counts = new Map<number, PlanCounts>(planIds.map((id) => [id, noCounts()]));
  if (planIds.length === 0) return counts;
  const [taskRows, phraseRows, assignmentRows, fileRows] = await Promise.all([
    db
      .select({ planId: tasks.planId, n: count() })
      .from(tasks)
      .where(inArray(tasks.planId, planIds))
      .groupBy(tasks.planId),
    db
      .select({ planId: taskUnits.planId, n: sql<number>`count(distinct ${taskUnits.phrase})`.mapWith(Number) })
      .from(taskUnits)
      .where(and(inArray(taskUnits.planId, planIds), openPhrase))
      .groupBy(taskUnits.planId),
    db
      .select({ planId: assignments.planId, n: count() })
      .from(assignments)
      .where(and(inArray(assignments.planId, planIds), ne(assignments.status, "cancelled")))
      .groupBy(assignments.planId),
    db
      .select({
        planId: planFiles.planId,
        filename: planFiles.filename,
        mediaType: planFiles.mediaType,
        size: planFiles.size,
      })
      .from(planFiles)
      .where(inArray(planFiles.planId, planIds)),
  ]);
  const of = (planId: number) => counts.get(planId) ?? noCounts();
  for (const row of taskRows) of(row.planId).taskCount = row.n;
  for (const row of phraseRows) of(row.planId).unresolvedCount = row.n;
  for (const row of assignmentRows) of(row.planId).assignmentCount = row.n;
  for (const { planId, ...file } of fileRows) of(planId).file = file;
  return counts;
}

export async function listPlans(db: Queryable, query: PlanListQuery): Promise<{ plan: PlanRow; counts: PlanCounts }[]> {
  const needle = query.q?.trim();
  const rows = await db
    .select()
    .from(plans)
    .where(
      and(
        isNull(plans.deletedAt),
        query.status ? eq(plans.status, query.status) : undefined,
        needle
          ? or(ilike(plans.title, containsPattern(needle)), ilike(plans.docNumber, containsPattern(needle)))
          : undefined,
      ),
    )
    .orderBy(desc(plans.updatedAt), desc(plans.id));
  const counts = await countsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((plan) => ({ plan, counts: counts.get(plan.id) ?? noCounts() }));
}

export async function loadPlanParts(db: Queryable, id: number): Promise<PlanParts> {
  const plan = await findPlan(db, id);
  const [counts, sectionRows, taskRows, unitRows] = await Promise.all([
    countsOf(db, [id]),
    db.select().from(planSections).where(eq(planSections.planId, id)).orderBy(asc(planSections.sortOrder)),
    db.select().from(tasks).where(eq(tasks.planId, id)).orderBy(asc(tasks.sortOrder), asc(tasks.id)),
    db
      .select()
      .from(taskUnits)
      .where(eq(taskUnits.planId, id))
      .orderBy(asc(taskUnits.taskId), asc(taskUnits.sortOrder), asc(taskUnits.id)),
  ]);
  return {
    plan,
    counts: counts.get(id) ?? noCounts(),
    sections: sectionRows,
    tasks: taskRows,
    taskUnits: unitRows,
    // only a draft is warned of (its review page, its 交办): a published plan's detail is not read for them
    duplicates: plan.status === "draft" ? await duplicatesOf(db, plan) : [],
  };
}

/** Spaces, quotation marks and brackets in both widths left out: how two titles of one plan are compared. */
const TITLE_NOISE = "[\\s“”\"'‘’()（）〈〉《》]";
const titleKey = (title: string) => title.replace(new RegExp(TITLE_NOISE, "g"), "");

/**
 * The other plans (not deleted) this one may repeat: the same file (sha256), or the same title once spaces, quotation
 * marks and brackets are left out.
 */
export async function duplicatesOf(db: Queryable, plan: PlanRow): Promise<PlanDuplicate[]> {
  const [own] = await db.select({ sha256: planFiles.sha256 }).from(planFiles).where(eq(planFiles.planId, plan.id));
  const key = titleKey(plan.title);
  const rows = await db
    .select({ id: plans.id, title: plans.title, status: plans.status, sha256: planFiles.sha256 })
    .from(plans)
    .leftJoin(planFiles, eq(planFiles.planId, plans.id))
    .where(
      and(
        ne(plans.id, plan.id),
        isNull(plans.deletedAt),
        or(
          own ? eq(planFiles.sha256, own.sha256) : undefined,
          sql`regexp_replace(${plans.title}, ${TITLE_NOISE}, '', 'g') = ${key}`,
        ),
      ),
    )
    .orderBy(asc(plans.id))
    .limit(10);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    sameFile: !!own && r.sha256 === own.sha256,
    sameTitle: titleKey(r.title) === key,
  }));
}
