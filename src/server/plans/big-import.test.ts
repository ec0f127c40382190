/**
 * Big imports (issue 13, item 6): a plan of some thousand tasks was answered 500 ("Maximum call stack size exceeded"
 * in the ORM's one insert of every task); it is stored in batches now, and published.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanDetail } from "../../shared/api.js";
import { assignments, taskUnits } from "../db/schema.js";
import { importFile } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let coordinator: string;

beforeAll(async () => {
  t = await buildTestApp();
  coordinator = await t.login("coordinator");
});
afterAll(() => t.close());

const UNITS = ["区司法局", "区发展和改革局", "区财政局", "区教育局", "区民政局"];
const SECTION_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** A plan of `n` numbered tasks, 100 to a section, each with a lead unit, two responsible units and a deadline. */
function bigPlanText(n: number): string {
  const lines = ["某区法治政府建设任务分工方案", ""];
  let k = 0;
  for (let s = 1; k < n; s++) {
    lines.push(`${SECTION_NUMBERS[(s - 1) % 10]}、第${s}部分工作`, "");
    for (let i = 0; i < 100 && k < n; i++, k++) {
      lines.push(
        `${i + 1}.推进第${k + 1}项法治建设重点工作，完善制度机制，加强监督检查。` +
          `（牵头单位：${UNITS[k % 5]}；责任单位：${UNITS[(k + 1) % 5]}、${UNITS[(k + 2) % 5]}；完成时限：2026年12月底前）`,
      );
    }
  }
  return lines.join("\n");
}

describe("big imports", () => {
  it("imports and publishes a plan of 5,000 tasks: every task, unit row and assignment stored", async () => {
    const response = await importFile(t, coordinator, "五千项任务.txt", bigPlanText(5000));
    expect(response.statusCode, response.body.slice(0, 300)).toBe(201);
    const plan = response.json<PlanDetail>();
    expect(plan.tasks).toHaveLength(5000);
    expect(plan.sections).toHaveLength(50);
    expect(plan.unresolved).toEqual([]);
    expect(plan.tasks.at(-1)?.text).toContain("推进第5000项");
    const published = await t.request({
      method: "POST",
      url: `/api/plans/${plan.id}/publish`,
      cookie: coordinator,
      payload: { version: plan.version },
    });
    expect(published.statusCode, published.body.slice(0, 300)).toBe(200);
    const [{ n: unitRows }] = await t.database.db
      .select({ n: count() })
      .from(taskUnits)
      .where(eq(taskUnits.planId, plan.id));
    const [{ n: assignmentRows }] = await t.database.db
      .select({ n: count() })
      .from(assignments)
      .where(eq(assignments.planId, plan.id));
    expect(unitRows).toBe(15000);
    expect(assignmentRows).toBe(15000);
  }, 240_000);
});
