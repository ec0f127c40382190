/**
 * The notices of the work's steps, each recorded by its key in the notice log in the transaction of the step, so it
 * goes out once: 新任务交办 (a unit hears once per plan of the tasks it got), 报告被退回 / 报告已通过 (the unit's
 * managers and whoever submitted it), 延期申请 decided (the one who asked and the unit's managers), and 新报告待审核:
 * the reports submitted in an hour, one message to each of their reviewers, sent by the due job after the hour.
 */
import { and, eq, gte, lt, sql } from "drizzle-orm";
import {
  type AssignedTask,
  acceptedText,
  assignedText,
  extensionText,
  returnedText,
  reviewDigestText,
  type WaitingReport,
} from "../../core/notifications/step-text.js";
import { can } from "../../shared/domain.js";
import { assignmentsLink, periodLink } from "../../shared/links.js";
import type { Db, Queryable } from "../db/client.js";
import {
  type AssignmentRow,
  assignments,
  type ExtensionRequestRow,
  noticeLog,
  type PlanRow,
  plans,
  type ReportRow,
  reports,
  type TaskRow,
  tasks,
  units,
  users,
} from "../db/schema.js";
import { insertNewUnnest } from "../db/unnest.js";
import { recipientsByUnit } from "../jobs/notices.js";
import { leadUnitsOf, reviewerOf } from "../reports/access.js";
import { type Addressed, notify } from "./notify.js";

interface Claim {
  key: string;
  assignmentId: number | null;
  recipients: number;
}

/** Records the keys; answers those this transaction took (a key already sent, or taken meanwhile, is left out). */
async function claim(tx: Queryable, claims: Claim[]): Promise<Set<string>> {
  const sorted = [...claims].sort((a, b) => a.key.localeCompare(b.key));
  const taken = await insertNewUnnest<{ key: string }>(
    tx,
    noticeLog,
    noticeLog.key,
    [
      [noticeLog.key, "text", sorted.map((c) => c.key)],
      [noticeLog.assignmentId, "int", sorted.map((c) => c.assignmentId)],
      [noticeLog.recipients, "int", sorted.map((c) => c.recipients)],
    ],
    [noticeLog.key],
  );
  return new Set(taken.map((row) => row.key));
}

type Created = Pick<AssignmentRow, "id" | "taskId" | "unitId" | "role">;

/** 新任务交办: each unit that got tasks of the plan hears once, of all of them, in the plan's order. */
export async function tellAssigned(tx: Queryable, plan: PlanRow, created: Created[], tasksById: Map<number, TaskRow>) {
  if (plan.status !== "published" || created.length === 0) return;
  const people = await recipientsByUnit(tx, [...new Set(created.map((a) => a.unitId))]);
  const claimed = await claim(
    tx,
    created.map((a) => ({
      key: `assigned:${a.id}`,
      assignmentId: a.id,
      recipients: people.get(a.unitId)?.length ?? 0,
    })),
  );
  const byUnit = new Map<number, Created[]>();
  for (const a of created) {
    if (claimed.has(`assigned:${a.id}`)) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a]);
  }
  const items: Addressed[] = [...byUnit].map(([unitId, mine]) => {
    const listed: (AssignedTask & { sortOrder: number })[] = mine.flatMap((a) => {
      const task = tasksById.get(a.taskId);
      if (!task) return [];
      return [{ ...task, role: a.role, deadlines: task.deadlines.map((d) => d.text), sortOrder: task.sortOrder }];
    });
    listed.sort((a, b) => a.sortOrder - b.sortOrder);
    const single = mine.length === 1;
    return {
      message: {
        kind: "assigned",
        ...assignedText(plan.title, listed),
        link: single ? periodLink(mine[0].id) : assignmentsLink({ planId: plan.id }),
        assignmentId: single ? mine[0].id : null,
      },
      userIds: (people.get(unitId) ?? []).map((p) => p.id),
      unitId,
    };
  });
  await notify(tx, items);
}

/** The plan, task and unit of an assignment, as a message names them. */
async function assignmentFacts(tx: Queryable, assignmentId: number) {
  const [row] = await tx
    .select({
      unitId: assignments.unitId,
      planTitle: plans.title,
      number: tasks.number,
      title: tasks.title,
      text: tasks.text,
    })
    .from(assignments)
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .innerJoin(plans, eq(plans.id, assignments.planId))
    .where(eq(assignments.id, assignmentId));
  return row;
}

/** The unit's managers and, when given, the one person who acted for it (who submitted, who asked). */
async function unitAudience(tx: Queryable, unitId: number, person: number | null): Promise<number[]> {
  const people = (await recipientsByUnit(tx, [unitId])).get(unitId) ?? [];
  return people.filter((p) => p.manager || p.id === person).map((p) => p.id);
}

/** 报告被退回 (with the reason) or 报告已通过, to the unit whose report it is. */
export async function tellReviewed(tx: Queryable, report: ReportRow) {
  const accepted = report.status === "accepted";
  const facts = await assignmentFacts(tx, report.assignmentId);
  const userIds = await unitAudience(tx, facts.unitId, report.submittedBy);
  const key = `${accepted ? "accepted" : "returned"}:${report.id}:${report.version}`;
  const claimed = await claim(tx, [{ key, assignmentId: report.assignmentId, recipients: userIds.length }]);
  if (!claimed.has(key)) return;
  const reviewed = {
    planTitle: facts.planTitle,
    task: facts,
    period: report.period,
    comment: report.reviewComment,
  };
  await notify(tx, [
    {
      message: {
        kind: accepted ? "accepted" : "returned",
        ...(accepted ? acceptedText(reviewed) : returnedText(reviewed)),
        link: periodLink(report.assignmentId, report.period),
        assignmentId: report.assignmentId,
      },
      userIds,
      unitId: facts.unitId,
    },
  ]);
}

/** 延期申请 approved (with the new date) or refused, to who asked and the unit's managers. */
export async function tellExtensionDecided(tx: Queryable, request: ExtensionRequestRow) {
  const facts = await assignmentFacts(tx, request.assignmentId);
  const userIds = await unitAudience(tx, facts.unitId, request.requestedBy);
  const key = `extension:${request.id}`;
  const claimed = await claim(tx, [{ key, assignmentId: request.assignmentId, recipients: userIds.length }]);
  if (!claimed.has(key)) return;
  const text = extensionText({
    planTitle: facts.planTitle,
    task: facts,
    period: request.period,
    approved: request.status === "approved",
    requestedDueOn: request.requestedDueOn,
    currentDueOn: request.currentDueOn,
    comment: request.decisionComment,
  });
  await notify(tx, [
    {
      message: {
        kind: "extension",
        ...text,
        link: periodLink(request.assignmentId, request.period),
        assignmentId: request.assignmentId,
      },
      userIds,
      unitId: facts.unitId,
    },
  ]);
}

const HOUR = 3600_000;
/** How far back the digest looks for reports still waiting: a server down for a day still tells of them. */
const LOOK_BACK_HOURS = 48;

/** The hour a moment falls in, China time: 2026-12-04T10. */
const chinaHour = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 13);

/**
 * 新报告待审核: the reports submitted in each past hour that still wait, one message to each reviewer per hour: the
 * office's coordinators outside the report's unit for the reports they review, a lead unit's managers for its
 * cooperating units'; never the one who submitted it. Answers how many notifications it wrote.
 */
export async function sendReviewDigests(db: Db, now: Date): Promise<number> {
  const hourStart = new Date(Math.floor(now.getTime() / HOUR) * HOUR);
  const waiting = await db
    .select({
      id: reports.id,
      submittedAt: reports.submittedAt,
      submittedBy: reports.submittedBy,
      period: reports.period,
      assignmentId: assignments.id,
      unitId: assignments.unitId,
      role: assignments.role,
      taskId: assignments.taskId,
      planId: assignments.planId,
      status: assignments.status,
      unitName: units.name,
      planTitle: plans.title,
      number: tasks.number,
      title: tasks.title,
      text: tasks.text,
    })
    .from(reports)
    .innerJoin(assignments, eq(assignments.id, reports.assignmentId))
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .innerJoin(plans, eq(plans.id, assignments.planId))
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(
      and(
        eq(reports.status, "submitted"),
        gte(reports.submittedAt, new Date(hourStart.getTime() - LOOK_BACK_HOURS * HOUR)),
        lt(reports.submittedAt, hourStart),
      ),
    )
    .orderBy(reports.submittedAt, reports.id);
  if (waiting.length === 0) return 0;

  const leads = await leadUnitsOf(db, [...new Set(waiting.map((r) => r.taskId))]);
  const reviewers = await db
    .select({ id: users.id, unitId: users.unitId, roles: users.roles })
    .from(users)
    .where(and(eq(users.disabled, false), sql`${users.roles} && array['coordinator', 'unit_manager']::text[]`));
  const office = reviewers.filter((u) => u.roles.includes("coordinator") && can(u.roles, "reports.review"));
  const unitManagers = reviewers.filter((u) => u.roles.includes("unit_manager") && can(u.roles, "reports.review"));

  const digests = new Map<string, { userId: number; reports: WaitingReport[] }>();
  for (const r of waiting) {
    const leadUnitIds = leads.get(r.taskId) ?? [];
    const assignment = { id: r.assignmentId, unitId: r.unitId, role: r.role, taskId: r.taskId, planId: r.planId };
    const scope = { assignment: { ...assignment, status: r.status }, leadUnitIds };
    const theirs =
      reviewerOf(scope) === "lead"
        ? unitManagers.filter((u) => u.unitId !== null && u.unitId !== r.unitId && leadUnitIds.includes(u.unitId))
        : office.filter((u) => u.unitId !== r.unitId);
    const hour = chinaHour(r.submittedAt ?? hourStart);
    for (const reviewer of theirs) {
      if (reviewer.id === r.submittedBy) continue;
      const key = `review:${reviewer.id}:${hour}`;
      const digest = digests.get(key) ?? { userId: reviewer.id, reports: [] };
      digest.reports.push({ unitName: r.unitName, planTitle: r.planTitle, task: r, period: r.period });
      digests.set(key, digest);
    }
  }
  if (digests.size === 0) return 0;
  return db.transaction(async (tx) => {
    const claimed = await claim(
      tx,
      [...digests.keys()].map((key) => ({ key, assignmentId: null, recipients: 1 })),
    );
    const items: Addressed[] = [...digests]
      .filter(([key]) => claimed.has(key))
      .map(([, d]) => ({
        message: { kind: "review", ...reviewDigestText(d.reports), link: "/", assignmentId: null },
        userIds: [d.userId],
        unitId: null,
      }));
    return notify(tx, items);
  });
}
