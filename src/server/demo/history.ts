/**
 * The demo plan's past, so that its first screen shows a district at work and not a wall of red: most periods that
 * fell due since the 交办 reported and accepted, a few waiting for review, a few returned, a few late. The rows are
 * written at once (hundreds of reports would take the services seconds); the choice is fixed by each assignment's
 * place in the plan, so every start of a fresh demo looks the same.
 */
import { and, asc, eq, inArray, isNotNull, lt } from "drizzle-orm";
import { addDays } from "../../core/calendar.js";
import type { OccurrenceState, ReportStatus } from "../../shared/domain.js";
import { recordAudit } from "../audit/record.js";
import type { Db } from "../db/client.js";
import { assignmentDueDates, assignments, reports, users } from "../db/schema.js";

/** What the latest period due of an assignment at place `i` in the plan holds; the earlier ones are accepted. */
function latestOf(i: number): "accepted" | "submitted" | "returned" | "late" {
  if (i % 61 === 7) return "late";
  if (i % 19 === 3) return "submitted";
  if (i % 67 === 11) return "returned";
  return "accepted";
}

const TEXTS = [
  "已按方案要求完成本期工作：召开专题会议研究部署，明确责任人和完成时限，相关台账已整理归档。",
  "本期开展专项检查，发现问题已当场督促整改，整改情况已形成书面台账。",
  "已组织干部职工集中学法，参学率100%，学习记录和签到表附后。",
  "已完成行政执法信息公示更新，公示率100%，执法案卷自查已完成。",
  "本期工作按计划推进，已形成阶段性总结，下一步将持续抓好落实。",
];

const RETURN_COMMENT = "请补充具体做法、数据和佐证材料（会议记录、照片、签到表等）后重新报送";

/** China time at 10:00 of a day, as the moment a unit sent its report. */
const morningOf = (day: string) => new Date(`${day}T02:00:00Z`);

export async function loadDemoHistory(db: Db, planId: number, today: string): Promise<void> {
  const work = await db
    .select({ id: assignments.id, unitId: assignments.unitId, status: assignments.status })
    .from(assignments)
    .where(eq(assignments.planId, planId))
    .orderBy(asc(assignments.id));
  const ids = work.map((a) => a.id);
  if (ids.length === 0) return;
  const due = await db
    .select()
    .from(assignmentDueDates)
    .where(and(inArray(assignmentDueDates.assignmentId, ids), lt(assignmentDueDates.dueOn, today)))
    .orderBy(asc(assignmentDueDates.dueOn));
  // the periods the showcase reports (loadDemoReports) already hold are left as they are
  const taken = new Set(
    (
      await db
        .select({ assignmentId: reports.assignmentId, period: reports.period })
        .from(reports)
        .where(inArray(reports.assignmentId, ids))
    ).map((r) => `${r.assignmentId}:${r.period}`),
  );
  const people = new Map(
    (
      await db
        .select({ id: users.id, unitId: users.unitId })
        .from(users)
        .where(and(eq(users.isDemo, true), isNotNull(users.unitId)))
        .orderBy(asc(users.id))
    ).map((u) => [u.unitId, u.id]),
  );
  const [coordinator] = await db.select({ id: users.id }).from(users).where(eq(users.username, "coordinator"));

  const dueOf = new Map<number, (typeof due)[number][]>();
  for (const d of due) dueOf.set(d.assignmentId, [...(dueOf.get(d.assignmentId) ?? []), d]);

  const rows: (typeof reports.$inferInsert)[] = [];
  const states = new Map<OccurrenceState, number[]>();
  /** when each assignment was first reported on: its 签收 */
  const acknowledged = new Map<number, Date>();
  work.forEach((assignment, i) => {
    const author = people.get(assignment.unitId);
    const periods = dueOf.get(assignment.id) ?? [];
    if (!author || periods.length === 0 || periods.some((d) => taken.has(`${assignment.id}:${d.label}`))) return;
    periods.forEach((period, k) => {
      const latest = k === periods.length - 1;
      const fate = latest ? latestOf(i) : "accepted";
      if (fate === "late") return;
      const status: ReportStatus = fate;
      const sent = morningOf(addDays(period.dueOn, -((i + k) % 6)));
      const reviewed = new Date(sent.getTime() + 2 * 86_400_000);
      rows.push({
        assignmentId: assignment.id,
        period: period.label,
        status,
        text: TEXTS[(i + k) % TEXTS.length],
        completion: 100,
        createdBy: author,
        submittedAt: sent,
        submittedBy: author,
        reviewedAt: status === "submitted" ? null : reviewed,
        reviewedBy: status === "submitted" ? null : (coordinator?.id ?? null),
        reviewComment: status === "returned" ? RETURN_COMMENT : null,
        version: status === "submitted" ? 2 : 3,
        createdAt: sent,
        updatedAt: status === "submitted" ? sent : reviewed,
      });
      const state: OccurrenceState = status === "accepted" ? "closed" : status;
      states.set(state, [...(states.get(state) ?? []), period.id]);
      if (!acknowledged.has(assignment.id)) acknowledged.set(assignment.id, sent);
    });
  });
  await db.transaction(async (tx) => {
    for (let at = 0; at < rows.length; at += 500) await tx.insert(reports).values(rows.slice(at, at + 500));
    for (const [state, periodIds] of states) {
      await tx.update(assignmentDueDates).set({ state }).where(inArray(assignmentDueDates.id, periodIds));
    }
    const signed = work.filter((a) => acknowledged.has(a.id) && a.status === "new");
    for (const a of signed) {
      const author = people.get(a.unitId) ?? null;
      await tx
        .update(assignments)
        .set({ status: "acknowledged", acknowledgedBy: author, acknowledgedAt: acknowledged.get(a.id) })
        .where(eq(assignments.id, a.id));
    }
    await recordAudit(tx, {
      actorId: null,
      action: "demo.load",
      entityType: "plan",
      entityId: planId,
      after: { reports: rows.length, acknowledged: signed.length },
    });
  });
}
