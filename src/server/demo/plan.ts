/**
 * The demo's plan: seed 000 (沙坡头区“四大行动”任务分工方案) imported and published by the demo coordinator, with a
 * few reports on it, so a newcomer sees real assignments and the reporting loop at once. Loading it again changes
 * nothing (the same file is not imported twice).
 */

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { eq } from "drizzle-orm";
import { seedPath } from "../../core/parser/eval/seeds.js";
import { planFiles, users } from "../db/schema.js";
import type { Deps } from "../deps.js";
import { publishPlan } from "../plans/publish.js";
import { findPlan } from "../plans/queries.js";
import { importPlan } from "../plans/service.js";
import { ROOT } from "../root.js";
import { loadDemoReports } from "./reports.js";

const DEMO_PLAN = "000";

/** Imports and publishes the demo plan unless it is there; returns its id, or null when it already was. */
export async function loadDemoPlan(deps: Deps): Promise<number | null> {
  const { db } = deps;
  const today = deps.clock();
  const file = seedPath(DEMO_PLAN, join(ROOT, "src/core/parser/eval/fixtures"));
  const bytes = readFileSync(file);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const [existing] = await db.select({ id: planFiles.id }).from(planFiles).where(eq(planFiles.sha256, sha256));
  if (existing) return null;
  const [coordinator] = await db.select({ id: users.id }).from(users).where(eq(users.username, "coordinator"));
  const ctx = { actorId: coordinator?.id ?? null, ip: null };
  const id = await importPlan(db, { bytes, filename: basename(file) }, ctx, today);
  await publishPlan(db, id, { version: (await findPlan(db, id)).version }, ctx);
  await loadDemoReports(deps, id);
  return id;
}
