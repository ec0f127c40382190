/**
 * 办公室与文书: the office's name (FAZHI_OFFICE_NAME until it sets one), the contact line its papers print, and its
 * wording templates. Read by every paper the office issues; changed by the office with the version it read, audited.
 */
import { eq } from "drizzle-orm";
import { type Templates, templateProblem, templatesWith } from "../../core/documents/templates.js";
import type { OfficeSettings, OfficeSettingsUpdate } from "../../shared/api.js";
import { TEMPLATE_KEYS } from "../../shared/domain.js";
import { recordAudit } from "../audit/record.js";
import type { Config } from "../config.js";
import type { Db, Queryable } from "../db/client.js";
import { officeSettings, users } from "../db/schema.js";
import { AppError, versionConflict } from "../http/errors.js";
import type { ChangeContext } from "../units/service.js";

const ROW = 1;

/** What a paper needs of the office: the name it bears, its contact line, the words it is drafted in. */
export interface Office {
  name: string;
  contactName: string | null;
  contactPhone: string | null;
  templates: Templates;
}

/** The wording templates in use: the office's own where it reworded one. */
export async function officeTemplates(db: Queryable): Promise<Templates> {
  const [row] = await db
    .select({ templates: officeSettings.templates })
    .from(officeSettings)
    .where(eq(officeSettings.id, ROW));
  return templatesWith(row?.templates);
}

type SettingsRow = typeof officeSettings.$inferSelect;

const officeFrom = (row: SettingsRow | undefined, config: Pick<Config, "officeName">): Office => ({
  name: row?.officeName ?? config.officeName,
  contactName: row?.contactName ?? null,
  contactPhone: row?.contactPhone ?? null,
  templates: templatesWith(row?.templates),
});

export async function officeOf(db: Queryable, config: Pick<Config, "officeName">): Promise<Office> {
  const [row] = await db.select().from(officeSettings).where(eq(officeSettings.id, ROW));
  return officeFrom(row, config);
}

/** The contact line under a paper's text: （联系人：张明；联系电话：0951-1234567）, or nothing when none is set. */
export function contactLine(office: Pick<Office, "contactName" | "contactPhone">): string | null {
  const parts = [
    office.contactName && `联系人：${office.contactName}`,
    office.contactPhone && `联系电话：${office.contactPhone}`,
  ].filter(Boolean);
  return parts.length ? `（${parts.join("；")}）` : null;
}

export async function readOfficeSettings(db: Queryable, config: Pick<Config, "officeName">): Promise<OfficeSettings> {
  const [row] = await db
    .select({ settings: officeSettings, updatedBy: users.displayName })
    .from(officeSettings)
    .leftJoin(users, eq(users.id, officeSettings.updatedBy))
    .where(eq(officeSettings.id, ROW));
  const office = officeFrom(row?.settings, config);
  return {
    officeName: office.name,
    contactName: office.contactName,
    contactPhone: office.contactPhone,
    templates: office.templates,
    customized: TEMPLATE_KEYS.filter((key) => row?.settings.templates[key]),
    version: row?.settings.version ?? 1,
    updatedAt: row?.settings.updatedBy ? row.settings.updatedAt.toISOString() : null,
    updatedBy: row?.updatedBy ?? null,
  };
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

export async function updateOfficeSettings(db: Db, input: OfficeSettingsUpdate, ctx: ChangeContext): Promise<void> {
  const templates: Partial<Templates> = {};
  for (const key of TEMPLATE_KEYS) {
    const text = input.templates?.[key];
    if (text === undefined || text === null) continue;
    const problem = templateProblem(key, text.trim());
    if (problem)
      throw new AppError(400, "validation_failed", problem, [{ path: `/templates/${key}`, message: problem }]);
    templates[key] = text.trim();
  }
  await db.transaction(async (tx) => {
    // the row is made at the first change (a migration's row would clash with a restored backup's)
    await tx.insert(officeSettings).values({ id: ROW }).onConflictDoNothing();
    const [before] = await tx.select().from(officeSettings).where(eq(officeSettings.id, ROW)).for("update");
    if (!before || before.version !== input.version) throw versionConflict();
    // templates left out of the request stay as they were; null puts the platform's words back
    const kept = Object.fromEntries(
      Object.entries(before.templates).filter(([key]) => input.templates?.[key as keyof Templates] === undefined),
    );
    const [after] = await tx
      .update(officeSettings)
      .set({
        officeName: input.officeName === undefined ? before.officeName : input.officeName.trim(),
        contactName: input.contactName === undefined ? before.contactName : blankToNull(input.contactName),
        contactPhone: input.contactPhone === undefined ? before.contactPhone : blankToNull(input.contactPhone),
        templates: { ...kept, ...templates },
        updatedBy: ctx.actorId,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(officeSettings.id, ROW))
      .returning();
    await recordAudit(tx, {
      ...ctx,
      action: "office_settings.update",
      entityType: "office_settings",
      entityId: ROW,
      before,
      after,
    });
  });
}
