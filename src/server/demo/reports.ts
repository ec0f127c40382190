/**
 * The demo's reporting, on the demo plan: a few reports in each state, an extension request, so that a newcomer sees
 * the 工作台 trays, the signals and the progress matrix at work. Written through the same services as the API.
 */
import { eq } from "drizzle-orm";
import { addDays, chinaDay } from "../../core/calendar.js";
import { listAssignments } from "../assignments/service.js";
import type { Actor } from "../auth/actor.js";
import { reports, units, users } from "../db/schema.js";
import { type Deps, signalDay } from "../deps.js";
import { requestExtension } from "../extensions/service.js";
import { reviewReport, visibleScope, writeReport } from "../reports/service.js";

async function demoActor(deps: Deps, username: string): Promise<Actor> {
  const [row] = await deps.db
    .select({ user: users, unit: units })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username));
  if (!row) throw new Error(`demo account ${username} is missing`);
  const { user, unit } = row;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    unit: unit ? { id: unit.id, name: unit.name, type: unit.type } : null,
    sessionId: 0,
  };
}

export async function loadDemoReports(deps: Deps, planId: number): Promise<void> {
  const [township, department, coordinator] = await Promise.all(
    ["township", "department", "coordinator"].map((username) => demoActor(deps, username)),
  );
  const ctx = (actor: Actor) => ({ actorId: actor.userId, ip: null });
  const assignmentsOf = async (actor: Actor) =>
    (await listAssignments(deps.db, { planId, mine: true, limit: 10 }, actor, signalDay(deps))).items.filter(
      (a) => a.dueDates.length >= 2,
    );
  const report = async (actor: Actor, assignmentId: number, period: string, text: string) =>
    (
      await writeReport(
        deps,
        await visibleScope(deps, assignmentId, actor, ctx(actor)),
        { period, text, completion: 100, submit: true },
        [],
        actor,
        ctx(actor),
        null,
      )
    ).reportId;
  const review = async (reportId: number, decision: "accept" | "return", comment?: string) => {
    const [{ version }] = await deps.db
      .select({ version: reports.version })
      .from(reports)
      .where(eq(reports.id, reportId));
    await reviewReport(deps, reportId, { decision, comment, version }, coordinator, ctx(coordinator));
  };

  const [first, second, third] = await assignmentsOf(township);
  if (first) {
    const [q1, q2] = first.dueDates;
    await review(
      await report(township, first.id, q1.label, "已完成本季度工作，召开专题会议 2 次，整改问题 5 个。"),
      "accept",
    );
    await report(township, first.id, q2.label, "本季度开展专项检查 3 次，形成检查台账。");
  }
  if (second) {
    const reportId = await report(township, second.id, second.dueDates[0].label, "已按要求落实。");
    await review(reportId, "return", "请补充具体做法和佐证材料（活动照片、签到表等）后重新报送");
  }
  if (third) {
    // a month past today, or past the period's own date when that is later (the demo of a January)
    const today = chinaDay(deps.clock());
    const due = third.dueDates.find((d) => d.state === "open")?.dueOn ?? today;
    await requestExtension(
      deps,
      third.id,
      { requestedDueOn: addDays([due, today].sort()[1], 30), reason: "需等待上级配套文件印发后统一部署" },
      township,
      ctx(township),
    );
  }
  const [led] = await assignmentsOf(department);
  if (led) {
    await review(
      await report(department, led.id, led.dueDates[0].label, "全区市场监管领域执法检查已完成，详见台账。"),
      "accept",
    );
  }
}
