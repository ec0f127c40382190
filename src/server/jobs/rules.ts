/** The published plans' supervision rules at a moment: those in their quiet hours are held back from this run. */
import { eq } from "drizzle-orm";
import { chinaHour } from "../../core/calendar.js";
import { inQuietHours } from "../../core/supervision/notices.js";
import { rulesOf, type SupervisionRules } from "../../core/supervision/rules.js";
import type { Db } from "../db/client.js";
import { plans } from "../db/schema.js";

export interface PlanRules {
  /** the plans whose messages may go out now, with their rules */
  active: Map<number, SupervisionRules>;
  /** the plans in their quiet hours now */
  held: number[];
}

export async function planRules(db: Db, now: Date): Promise<PlanRules> {
  const rows = await db
    .select({ id: plans.id, rules: plans.supervisionRules })
    .from(plans)
    .where(eq(plans.status, "published"));
  const hour = chinaHour(now);
  const result: PlanRules = { active: new Map(), held: [] };
  for (const row of rows) {
    const rules = rulesOf(row.rules);
    if (inQuietHours(hour, rules.quietHours)) result.held.push(row.id);
    else result.active.set(row.id, rules);
  }
  return result;
}
