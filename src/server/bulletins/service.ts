/**
 * 通报: generated as a draft for a plan and a range of due dates from the data of the day, edited by the coordinator
 * (its words; the tables stay as generated), then published: numbered 通报〔year〕第N号 and sent to the units it
 * names, in one transaction with its audit event. The office and the leaders read every bulletin; a unit's people read
 * the published ones, which are circulated to all units.
 */
import { and, desc, eq, getTableColumns, ilike, or, type SQL, sql } from "drizzle-orm";
import { bulletinClosing, bulletinIntro, bulletinTitle, formatRate, periodName } from "../../core/bulletins/text.js";
import { chinaDay } from "../../core/calendar.js";
import type { BulletinCreate, BulletinListQuery, BulletinPatch, BulletinPublish } from "../../shared/api.js";
import { can } from "../../shared/domain.js";
import { bulletinLink } from "../../shared/links.js";
import { seesAll } from "../assignments/service.js";
import { recordAudit } from "../audit/record.js";
import type { Actor } from "../auth/actor.js";
import type { Db, Queryable } from "../db/client.js";
import { containsPattern } from "../db/like.js";
import { type BulletinRow, bulletins, plans } from "../db/schema.js";
import type { Deps } from "../deps.js";
import { documentNumberText, nextDocumentNumber } from "../documents/numbers.js";
import { AppError, notFound, versionConflict } from "../http/errors.js";
import { recipientsByUnit } from "../jobs/notices.js";
import { type Addressed, notify } from "../notifications/notify.js";
import { officeOf } from "../settings/office.js";
import type { ChangeContext } from "../units/service.js";
import { findings, unitsNamed } from "./generate.js";

export const mayEdit = (actor: Actor, row: Pick<BulletinRow, "status">) =>
  row.status === "draft" && can(actor.roles, "supervision.manage");

const alreadyPublished = () => new AppError(409, "already_published", "该通报已发布，不能再修改或重复发布");

/** The bulletin if the actor may read it; 404 otherwise, so a draft's existence is not told to a unit. */
export async function visibleBulletin(db: Queryable, id: number, actor: Actor): Promise<BulletinRow> {
  const [row] = await db.select().from(bulletins).where(eq(bulletins.id, id));
  // the coordinating office and the leaders read drafts too; everyone else only what was published
  if (!row || (row.status !== "published" && !seesAll(actor))) throw notFound("通报");
  return row;
}

/** A bulletin as the list shows it: without its findings, only how many units they name. */
export type BulletinListRow = Omit<BulletinRow, "content" | "intro" | "closing"> & { namedUnits: number };

/** Units named for an overdue period or a returned report, counted in the database: lists do not read findings. */
const namedUnitsSql = sql<number>`(select count(distinct item->>'unitName') from jsonb_array_elements(
  (${bulletins.content}->'overdue') || (${bulletins.content}->'returned')) as item)`.mapWith(Number);

export async function listBulletins(db: Db, actor: Actor, query: BulletinListQuery): Promise<BulletinListRow[]> {
  const conditions: (SQL | undefined)[] = [
    query.planId ? eq(bulletins.planId, query.planId) : undefined,
    query.status ? eq(bulletins.status, query.status) : undefined,
    seesAll(actor) ? undefined : eq(bulletins.status, "published"),
    ...(query.q?.trim().split(/\s+/).slice(0, 5) ?? []).map((word) => {
      const pattern = containsPattern(word);
      return or(
        ilike(bulletins.title, pattern),
        sql`exists (select 1 from ${plans} where ${plans.id} = ${bulletins.planId} and ${plans.title} ilike ${pattern})`,
      );
    }),
  ];
  const { content: _content, intro: _intro, closing: _closing, ...columns } = getTableColumns(bulletins);
  return db
    .select({ ...columns, namedUnits: namedUnitsSql })
    .from(bulletins)
    .where(and(...conditions))
    .orderBy(desc(bulletins.createdAt), desc(bulletins.id));
}

function checkRange(input: BulletinCreate) {
  if (input.periodEnd < input.periodStart) {
    throw new AppError(400, "bad_period", "通报期间的结束日期不能早于开始日期，请重新选择");
  }
  if (input.periodEnd >= nextYear(input.periodStart)) {
    throw new AppError(400, "bad_period", "通报期间最长一年，请缩短所选期间");
  }
}

/** The same day a year later (a year's range may cross New Year, as 2025-12-01 to 2026-11-30 does). */
const nextYear = (day: string) => `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;

/** Generates a draft from the data as of the clock's day; answers its id. */
export async function generateBulletin(deps: Deps, input: BulletinCreate, ctx: ChangeContext): Promise<number> {
  checkRange(input);
  const { db } = deps;
  const [plan] = await db.select().from(plans).where(eq(plans.id, input.planId));
  if (!plan) throw notFound("方案");
  if (plan.status === "draft") {
    throw new AppError(409, "plan_not_published", "该方案尚未交办，还没有可以通报的任务");
  }
  const today = chinaDay(deps.clock());
  const content = await findings(db, input, today, deps.config.yellowDays);
  if (content.units.length === 0 && content.returned.length === 0) {
    throw new AppError(
      409,
      "nothing_due",
      `《${plan.title}》在${periodName(input.periodStart, input.periodEnd)}内没有已到期的任务，无需通报；请选择其他期间`,
    );
  }
  const sum = (key: "due" | "done" | "overdue") => content.units.reduce((n, u) => n + u[key], 0);
  const overdueUnits = new Set(content.overdue.map((o) => o.unitName)).size;
  const intro = bulletinIntro({
    planTitle: plan.title,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    today,
    units: content.units.length,
    due: sum("due"),
    done: sum("done"),
    overdue: sum("overdue"),
    overdueUnits,
    returned: content.returned.length,
  });
  const hasProblems = content.overdue.length > 0 || content.returned.length > 0;
  const office = await officeOf(db, deps.config);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(bulletins)
      .values({
        planId: plan.id,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        title: bulletinTitle(plan.title, input.periodStart, input.periodEnd),
        intro,
        closing: bulletinClosing(hasProblems, office.name, office.templates),
        content,
        createdBy: ctx.actorId,
      })
      .returning();
    // the findings are the bulletin's own record; the audit event keeps their size, not a second copy
    const sizes = { units: content.units.length, overdue: content.overdue.length, returned: content.returned.length };
    await recordAudit(tx, {
      ...ctx,
      action: "bulletin.create",
      entityType: "bulletin",
      entityId: row.id,
      after: { ...row, content: sizes },
    });
    return row.id;
  });
}

async function lockBulletin(tx: Queryable, id: number, version: number): Promise<BulletinRow> {
  const [row] = await tx.select().from(bulletins).where(eq(bulletins.id, id)).for("update");
  if (!row) throw notFound("通报");
  if (row.status !== "draft") throw alreadyPublished();
  if (row.version !== version) throw versionConflict();
  return row;
}

/** Edits a draft's words: its title, opening and requirements. */
export async function updateBulletin(db: Db, id: number, patch: BulletinPatch, ctx: ChangeContext, now: Date) {
  await db.transaction(async (tx) => {
    const before = await lockBulletin(tx, id, patch.version);
    const [after] = await tx
      .update(bulletins)
      .set({
        ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
        ...(patch.intro !== undefined ? { intro: patch.intro.trim() } : {}),
        ...(patch.closing !== undefined ? { closing: patch.closing.trim() } : {}),
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(bulletins.id, id))
      .returning();
    const words = (row: BulletinRow) => ({
      title: row.title,
      intro: row.intro,
      closing: row.closing,
      version: row.version,
    });
    await recordAudit(tx, {
      ...ctx,
      action: "bulletin.update",
      entityType: "bulletin",
      entityId: id,
      before: words(before),
      after: words(after),
    });
  });
}

/**
 * What each named unit's people are told: its own figures, and a request to rectify when it was named for a
 * problem. A unit with nobody to tell is left out.
 */
function messages(
  row: BulletinRow,
  docNumber: string,
  { all, flagged }: { all: number[]; flagged: Set<number> },
  people: Map<number, { id: number }[]>,
): Addressed[] {
  const byUnit = new Map(row.content.units.map((u) => [u.unitId, u]));
  return all.flatMap((unitId) => {
    const userIds = (people.get(unitId) ?? []).map((p) => p.id);
    if (userIds.length === 0) return [];
    const tally = byUnit.get(unitId);
    const figures = tally
      ? `你单位本期应完成${tally.due}项次，已完成${tally.done}项次，完成率${formatRate(tally.rate)}` +
        (tally.overdue > 0 ? `，逾期未完成${tally.overdue}项次` : "") +
        (tally.returned > 0 ? `，退回重办${tally.returned}份` : "")
      : "你单位有进展报告被退回重办";
    const ask = flagged.has(unitId) ? "请对照通报逐项整改，按时报送整改情况。" : "请查阅。";
    return [
      {
        message: {
          kind: "bulletin" as const,
          title: `通报：${row.title}`,
          body: `${docNumber}《${row.title}》已印发。${figures}。${ask}`,
          link: bulletinLink(row.id),
        },
        userIds,
        unitId,
      },
    ];
  });
}

/** Publishes a draft: its number, then the notices to the units it names, in one transaction. */
export async function publishBulletin(db: Db, id: number, input: BulletinPublish, ctx: ChangeContext, now: Date) {
  await db.transaction(async (tx) => {
    const before = await lockBulletin(tx, id, input.version);
    const named = await unitsNamed(tx, before.content);
    const people = await recipientsByUnit(tx, named.all);
    const year = Number(chinaDay(now).slice(0, 4));
    const number = await nextDocumentNumber(tx, "bulletin", year);
    const [after] = await tx
      .update(bulletins)
      .set({
        status: "published",
        year,
        number,
        publishedAt: now,
        publishedBy: ctx.actorId,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(bulletins.id, id))
      .returning();
    const docNumber = documentNumberText("bulletin", year, number);
    const sent = await notify(tx, messages(after, docNumber, named, people));
    await recordAudit(tx, {
      ...ctx,
      action: "bulletin.publish",
      entityType: "bulletin",
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: after.status, docNumber, version: after.version, units: named.all, notifications: sent },
    });
  });
}
