/**
 * The demo's plan: seed 000 (沙坡头区“四大行动”任务分工方案) made a plan of the current year, sent out about five
 * months ago (never before the year began), a few of its tasks due in the coming days, and its past filled in: most
 * periods since reported and accepted, a few waiting for review, returned or late. So a newcomer sees a district at
 * work, whatever the day. Loading it again changes nothing (the demo file is not imported twice).
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { addDays, chinaDay } from "../../core/calendar.js";
import { chineseDay } from "../../core/documents/official-date.js";
import { seedPath } from "../../core/parser/eval/seeds.js";
import { planFiles, tasks, users } from "../db/schema.js";
import type { Deps } from "../deps.js";
import { publishPlan } from "../plans/publish.js";
import { findPlan } from "../plans/queries.js";
import { importPlan } from "../plans/service.js";
import { ROOT } from "../root.js";
import { loadDemoHistory } from "./history.js";
import { loadDemoReports } from "./reports.js";

const DEMO_PLAN = "000";
/** The name the demo's file is kept under, the same every year: how a second load knows it is there. */
const DEMO_FILENAME = "沙坡头区法治政府建设四大行动任务分工方案（演示）.txt";
/** The tasks (by number) that fall due in the coming days, so that some work shows 临期. */
const DUE_SOON = ["3", "9", "16"];

/** The 交办 of the demo plan: about five months before today, not before the year's first working days. */
export function demoAssignedOn(today: string): string {
  const early = `${today.slice(0, 4)}-01-05`;
  const back = addDays(today, -160);
  return back > early ? back : early < today ? early : today;
}

/** Seed 000's text as a plan of `year`, issued on `issuedOn`: its own year (2025) and date moved, year ranges kept. */
function demoText(seed: string, year: string, issuedOn: string): string {
  return seed.replace("2025年6月26日", chineseDay(issuedOn)).replace(/(?<![—–\-－~～至到]\s*)2025年/g, `${year}年`);
}

/** Imports and publishes the demo plan unless it is there; returns its id, or null when it already was. */
export async function loadDemoPlan(deps: Deps): Promise<number | null> {
  const { db } = deps;
  const now = deps.clock();
  const today = chinaDay(now);
  const [existing] = await db.select({ id: planFiles.id }).from(planFiles).where(eq(planFiles.filename, DEMO_FILENAME));
  if (existing) return null;
  const assignedOn = demoAssignedOn(today);
  const issuedOn = addDays(assignedOn, -3) >= `${today.slice(0, 4)}-01-01` ? addDays(assignedOn, -3) : assignedOn;
  const seed = readFileSync(seedPath(DEMO_PLAN, join(ROOT, "src/core/parser/eval/fixtures")), "utf8");
  const bytes = Buffer.from(demoText(seed, today.slice(0, 4), issuedOn), "utf8");
  const [coordinator] = await db.select({ id: users.id }).from(users).where(eq(users.username, "coordinator"));
  const ctx = { actorId: coordinator?.id ?? null, ip: null, today };
  const id = await importPlan(db, { bytes, filename: DEMO_FILENAME }, ctx, now);
  const soon = addDays(today, 2);
  if (soon.slice(0, 4) === today.slice(0, 4)) {
    await db
      .update(tasks)
      .set({ deadlines: [{ text: `${chineseDay(soon)}前`, kind: "date", due: soon }] })
      .where(and(eq(tasks.planId, id), inArray(tasks.number, DUE_SOON)));
  }
  await publishPlan(db, id, { version: (await findPlan(db, id)).version, assignedOn }, ctx);
  await loadDemoReports(deps, id);
  await loadDemoHistory(db, id, today);
  return id;
}
