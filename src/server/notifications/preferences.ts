/**
 * 消息设置: each person chooses, kind by kind, whether a notice reaches them in the app only or also by email and
 * through their unit's group robots (delivery/enqueue.ts reads the choice). No row is the default: everything.
 */
import { and, eq } from "drizzle-orm";
import type { NotificationPreference, NotificationPreferences } from "../../shared/api.js";
import { CHOOSABLE_NOTIFICATION_KINDS } from "../../shared/domain.js";
import { recordAudit } from "../audit/record.js";
import type { Config } from "../config.js";
import type { Db, Queryable } from "../db/client.js";
import { notificationPreferences, users } from "../db/schema.js";
import type { ChangeContext } from "../units/service.js";

const p = notificationPreferences;

export async function readPreferences(
  db: Queryable,
  config: Pick<Config, "smtp">,
  userId: number,
): Promise<NotificationPreferences> {
  const rows = await db.select({ kind: p.kind, channel: p.channel }).from(p).where(eq(p.userId, userId));
  const chosen = new Map(rows.map((row) => [row.kind, row.channel]));
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return {
    items: CHOOSABLE_NOTIFICATION_KINDS.map((kind) => ({ kind, channel: chosen.get(kind) ?? "all" })),
    email: user?.email ?? null,
    emailEnabled: config.smtp !== null,
  };
}

/** Sets one kind's choice: a change of one kind never touches another's, so two pages open at once cannot clash. */
export async function setPreference(db: Db, userId: number, choice: NotificationPreference, ctx: ChangeContext) {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ kind: p.kind, channel: p.channel })
      .from(p)
      .where(and(eq(p.userId, userId), eq(p.kind, choice.kind)))
      .for("update");
    const was = before?.channel ?? "all";
    if (was === choice.channel) return;
    if (choice.channel === "all") await tx.delete(p).where(and(eq(p.userId, userId), eq(p.kind, choice.kind)));
    else await tx.insert(p).values({ userId, kind: choice.kind, channel: choice.channel }).onConflictDoNothing();
    await recordAudit(tx, {
      ...ctx,
      action: "notification_preference.update",
      entityType: "user",
      entityId: userId,
      before: { kind: choice.kind, channel: was },
      after: { kind: choice.kind, channel: choice.channel },
    });
  });
}
