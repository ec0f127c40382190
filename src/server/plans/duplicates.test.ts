/**
 * Drafts that can be withdrawn and duplicates that are flagged (issue 14 item 5): a draft plan can be deleted (kept
 * for the audit log with its file); a plan whose file or title repeats another's says so; publishing a duplicate of
 * a published plan needs the office to confirm.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanDetail } from "../../shared/api.js";
import { auditEvents, plans } from "../db/schema.js";
import { importFile, unitByName } from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let coordinator: string;
let marketId: number;

beforeAll(async () => {
  t = await buildTestApp({}, { clock: () => new Date("2026-03-02T02:00:00Z") });
  coordinator = await t.login("coordinator");
  marketId = (await unitByName(t, "区市场监管分局")).id;
});
afterAll(() => t.close());

const call = (method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
  t.request({ method, url, payload, cookie: coordinator });
const detail = async (id: number): Promise<PlanDetail> => (await call("GET", `/api/plans/${id}`)).json();

const PLAN_TEXT = `关于印发《某区2026年依法行政工作要点》的通知
一、严格规范执法
1.全面落实行政执法三项制度。
责任单位：区市场监管分局
2.开展执法案卷评查。
责任单位：区市场监管分局
`;

/** A plan by hand with one task for the market bureau, as a draft. */
async function handPlan(title: string): Promise<PlanDetail> {
  const plan = (await call("POST", "/api/plans", { title, year: 2026 })).json();
  const units = [{ unitId: marketId, role: "lead", phrase: "区市场监管分局", dismissedReason: null }];
  return (await call("POST", `/api/plans/${plan.id}/tasks`, { number: "1", text: "依法履职。", units })).json();
}

describe("duplicates", () => {
  it("flags a file imported twice and a plan of the same title, each linking to the other", async () => {
    const first = (await importFile(t, coordinator, "工作要点.txt", PLAN_TEXT)).json<PlanDetail>();
    const second = (await importFile(t, coordinator, "工作要点（再次上传）.txt", PLAN_TEXT)).json<PlanDetail>();
    expect(second.duplicates).toEqual([
      { id: first.id, title: first.title, status: "draft", sameFile: true, sameTitle: true },
    ]);
    // the same title with other brackets and spaces is the same plan; another title is not
    const typed = await handPlan(first.title.replace("《", "“").replace("》", "”").replace("2026", " 2026 "));
    expect(typed.duplicates.map((d) => [d.id, d.sameFile, d.sameTitle])).toEqual([
      [first.id, false, true],
      [second.id, false, true],
    ]);
    expect((await handPlan("另一份方案")).duplicates).toEqual([]);
  });

  it("asks for a confirmation before publishing a duplicate of a published plan, and refuses without it", async () => {
    const title = `重复交办的方案${Date.now()}`;
    const published = await handPlan(title);
    expect((await call("POST", `/api/plans/${published.id}/publish`, { version: published.version })).statusCode).toBe(
      200,
    );
    const again = await handPlan(title);
    const refused = await call("POST", `/api/plans/${again.id}/publish`, { version: again.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: "duplicate_plan", details: { plans: [{ id: published.id }] } });
    expect(refused.json().error.message).toContain(title);
    expect((await detail(again.id)).status).toBe("draft");
    const confirmed = await call("POST", `/api/plans/${again.id}/publish`, {
      version: again.version,
      confirmDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(200);
  });
});

describe("deleting a draft", () => {
  it("takes it out of every list, keeps it with its file for the audit log, and refuses a published plan", async () => {
    const draft = (await importFile(t, coordinator, "撤回的方案.txt", `${PLAN_TEXT}\n（撤回）`)).json<PlanDetail>();
    const stale = await call("DELETE", `/api/plans/${draft.id}?version=${draft.version + 1}`);
    expect(stale.statusCode).toBe(409);
    expect((await detail(draft.id)).id).toBe(draft.id);

    const deleted = await call("DELETE", `/api/plans/${draft.id}?version=${draft.version}`);
    expect(deleted.statusCode).toBe(204);
    expect((await call("GET", `/api/plans/${draft.id}`)).statusCode).toBe(404);
    const list = (await call("GET", "/api/plans")).json();
    expect(list.items.map((p: { id: number }) => p.id)).not.toContain(draft.id);
    const [row] = await t.database.db.select().from(plans).where(eq(plans.id, draft.id));
    expect(row.deletedAt).not.toBeNull();
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "plan.delete"), eq(auditEvents.entityId, String(draft.id))));
    expect(event.before).toMatchObject({ title: draft.title, tasks: 2, file: { filename: "撤回的方案.txt" } });
    const audit = (await call("GET", `/api/audit?action=plan.delete`)).json();
    expect(audit.items[0]).toMatchObject({ actionLabel: "删除方案草稿" });
    // deleted twice: not found; a published plan: refused
    expect((await call("DELETE", `/api/plans/${draft.id}?version=${draft.version + 1}`)).statusCode).toBe(404);
    const live = await handPlan(`已交办不能删除${Date.now()}`);
    await call("POST", `/api/plans/${live.id}/publish`, { version: live.version });
    const refused = await call("DELETE", `/api/plans/${live.id}?version=${live.version + 1}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("plan_not_draft");
  });
});
