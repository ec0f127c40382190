/** Bulletins on the wire: the list's summaries and the detail with its findings, words and what the caller may do. */
import { inArray } from "drizzle-orm";
import { periodName } from "../../core/bulletins/text.js";
import { chinaDay } from "../../core/calendar.js";
import { officialDate } from "../../core/documents/official-date.js";
import type { Bulletin, BulletinSummary } from "../../shared/api.js";
import type { Actor } from "../auth/actor.js";
import type { Queryable } from "../db/client.js";
import { type BulletinRow, plans, users } from "../db/schema.js";
import { documentNumberOf } from "../documents/numbers.js";
import { contactLine, type Office } from "../settings/office.js";
import { type BulletinListRow, mayEdit } from "./service.js";

/** The units named for an overdue period or a returned report. */
const namedUnits = (row: BulletinRow) =>
  new Set([...row.content.overdue, ...row.content.returned].map((item) => item.unitName)).size;

async function planTitles(db: Queryable, rows: Pick<BulletinRow, "planId">[]) {
  const ids = [...new Set(rows.map((r) => r.planId))];
  const found = ids.length
    ? await db.select({ id: plans.id, title: plans.title }).from(plans).where(inArray(plans.id, ids))
    : [];
  return new Map(found.map((p) => [p.id, p.title]));
}

function summary(row: BulletinListRow, planTitle: string): BulletinSummary {
  return {
    id: row.id,
    plan: { id: row.planId, title: planTitle },
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    periodName: periodName(row.periodStart, row.periodEnd),
    title: row.title,
    status: row.status,
    docNumber: documentNumberOf("bulletin", row),
    namedUnits: row.namedUnits,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function presentSummaries(db: Queryable, rows: BulletinListRow[]): Promise<BulletinSummary[]> {
  const titles = await planTitles(db, rows);
  return rows.map((row) => summary(row, titles.get(row.planId) ?? ""));
}

/** The detail; the office issues and signs it; it bears the day it was published, a draft the day it is read. */
export async function presentBulletin(
  db: Queryable,
  row: BulletinRow,
  actor: Actor,
  office: Office,
  now: Date,
): Promise<Bulletin> {
  const titles = await planTitles(db, [row]);
  const userIds = [row.createdBy, row.publishedBy].filter((id): id is number => id !== null);
  const names = userIds.length
    ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
    : [];
  const nameOf = (id: number | null) => names.find((n) => n.id === id)?.name ?? null;
  const date = chinaDay(row.publishedAt ?? now);
  return {
    ...summary({ ...row, namedUnits: namedUnits(row) }, titles.get(row.planId) ?? ""),
    intro: row.intro,
    closing: row.closing,
    content: row.content,
    issuer: office.name,
    contact: contactLine(office),
    date,
    dateText: officialDate(date),
    createdBy: nameOf(row.createdBy),
    publishedBy: nameOf(row.publishedBy),
    canEdit: mayEdit(actor, row),
  };
}
