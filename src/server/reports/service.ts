/**
 * Progress reports (进展报送 → 审核 → 办结): units write and submit them per period, with evidence files; the
 * reviewer accepts or returns them; a returned report is resubmitted as a new revision, never overwritten. Every change
 * and its audit event share one transaction; no action deletes a report or a file.
 */
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { chineseDay } from "../../core/documents/official-date.js";
import type { ReportCreateFields, ReportPatch, ReportReview } from "../../shared/api.js";
import { can, type OccurrenceState } from "../../shared/domain.js";
import { getAssignment, markAcknowledged, recordDenied } from "../assignments/service.js";
import { recordAudit, recordAudits } from "../audit/record.js";
import type { Actor } from "../auth/actor.js";
import type { Queryable } from "../db/client.js";
import {
  type AssignmentRow,
  assignmentDueDates,
  assignments,
  files,
  type ReportRow,
  reportComments,
  reportFiles,
  reports,
  tasks,
} from "../db/schema.js";
import { type Deps, signalDay } from "../deps.js";
import type { StagedFile } from "../files/upload.js";
import { AppError, forbidden, notFound, versionConflict } from "../http/errors.js";
import { claimKey, type IdempotencyKey } from "../idempotency.js";
import { tellReviewed } from "../notifications/steps.js";
import type { ChangeContext } from "../units/service.js";
import {
  hidesDraft,
  isOwnUnit,
  leadUnitsOf,
  mayWithdraw,
  type ReportScope,
  reviewRefusal,
  SELF_REVIEW_REFUSAL,
} from "./access.js";

/** The period of an assignment that has no calendar due dates (a deadline relative to an event). */
export const UNDATED_PERIOD = "进展情况";

const ownUnitOnly = () => forbidden("只有本单位的人员可以报送、修改本单位的进展");

/** The scope of an assignment the actor may see: 404 (recorded) for one they may not. */
export async function visibleScope(
  deps: Deps,
  assignmentId: number,
  actor: Actor,
  ctx: ChangeContext,
): Promise<ReportScope> {
  const assignment = await getAssignment(deps.db, assignmentId, actor, signalDay(deps), ctx);
  const leads = await leadUnitsOf(deps.db, [assignment.taskId]);
  return { assignment, leadUnitIds: leads.get(assignment.taskId) ?? [] };
}

/** The report, when the actor may see its assignment; a draft only to its own unit, until it is submitted. */
export async function visibleReport(deps: Deps, id: number, actor: Actor, ctx: ChangeContext) {
  const [row] = await deps.db.select().from(reports).where(eq(reports.id, id));
  if (!row) throw notFound("进展报告");
  const scope = await visibleScope(deps, row.assignmentId, actor, ctx).catch((error) => {
    throw error instanceof AppError && error.statusCode === 404 ? notFound("进展报告") : error;
  });
  if (hidesDraft(actor, scope, row.status)) throw notFound("进展报告");
  return { row, scope };
}

/** Refuses (403, recorded) a change to a report by anyone but the assignment's own unit. */
export async function assertOwnUnit(deps: Deps, actor: Actor, scope: ReportScope, ctx: ChangeContext, action: string) {
  if (isOwnUnit(actor, scope)) return;
  await recordDenied(deps.db, ctx, scope.assignment.id, { reason: "not_own_unit", action });
  throw ownUnitOnly();
}

function assertWorkable(assignment: Pick<AssignmentRow, "status">): void {
  if (assignment.status === "cancelled")
    throw new AppError(409, "assignment_cancelled", "该任务已取消，无需再报送进展");
  if (assignment.status === "completed")
    throw new AppError(409, "assignment_completed", "该任务已办结，无需再报送进展");
}

async function occurrencesOf(db: Queryable, assignmentId: number) {
  return db
    .select()
    .from(assignmentDueDates)
    .where(eq(assignmentDueDates.assignmentId, assignmentId))
    .orderBy(assignmentDueDates.dueOn);
}

/**
 * The period a report is on: the one named, or the first one still waiting for a report. An assignment without
 * calendar dates reports on one undated period.
 */
async function periodFor(db: Queryable, assignment: AssignmentRow, named: string | undefined): Promise<string> {
  const waived = named && assignment.notApplicable.find((p) => p.label === named);
  if (waived) {
    throw new AppError(
      409,
      "period_not_applicable",
      `“${named}”在交办（${chineseDay(assignment.assignedOn)}）之前已到期，不适用，无需报送`,
    );
  }
  const occurrences = await occurrencesOf(db, assignment.id);
  if (occurrences.length === 0) {
    if (named && named !== UNDATED_PERIOD) throw unknownPeriod(named, [UNDATED_PERIOD]);
    return UNDATED_PERIOD;
  }
  if (named) {
    const occurrence = occurrences.find((o) => o.label === named);
    if (!occurrence)
      throw unknownPeriod(
        named,
        occurrences.map((o) => o.label),
      );
    if (occurrence.state === "closed")
      throw new AppError(409, "period_closed", `“${named}”的进展已审核通过，无需再报送`);
    return named;
  }
  const next = occurrences.find((o) => o.state !== "closed" && o.state !== "submitted");
  if (!next) throw new AppError(409, "nothing_to_report", "各期进展都已报送，没有待报送的期次");
  return next.label;
}

const unknownPeriod = (period: string, periods: string[]) =>
  new AppError(400, "unknown_period", `该任务没有“${period}”这一报送期次，可选：${periods.join("、")}`, { periods });

async function setOccurrenceState(tx: Queryable, assignmentId: number, period: string, state: OccurrenceState) {
  await tx
    .update(assignmentDueDates)
    .set({ state })
    .where(and(eq(assignmentDueDates.assignmentId, assignmentId), eq(assignmentDueDates.label, period)));
}

/** The report in the works (draft or submitted) on a period, and the latest of all. */
async function reportsOnPeriod(tx: Queryable, assignmentId: number, period: string) {
  const rows = await tx
    .select()
    .from(reports)
    .where(and(eq(reports.assignmentId, assignmentId), eq(reports.period, period)))
    .orderBy(desc(reports.revision));
  return { open: rows.find((r) => r.status === "draft" || r.status === "submitted"), latest: rows[0] };
}

/** Files the caller names by id to carry into a report: only files already attached to this assignment's reports. */
async function carriedFiles(tx: Queryable, assignmentId: number, fileIds: number[]): Promise<number[]> {
  if (fileIds.length === 0) return [];
  const rows = await tx
    .selectDistinct({ fileId: reportFiles.fileId })
    .from(reportFiles)
    .innerJoin(reports, eq(reports.id, reportFiles.reportId))
    .where(and(inArray(reportFiles.fileId, fileIds), eq(reports.assignmentId, assignmentId)));
  const known = new Set(rows.map((r) => r.fileId));
  const missing = fileIds.filter((id) => !known.has(id));
  if (missing.length)
    throw new AppError(400, "unknown_file", "所选的材料不属于该任务，请重新上传", { fileIds: missing });
  return fileIds;
}

/**
 * Moves the request's staged files into the store: the last step of the transaction that records them, so a refusal
 * or a rollback before it leaves the store as it was (and the upload's staged files are removed by withUpload).
 */
async function adoptFiles(deps: Deps, uploads: StagedFile[]): Promise<void> {
  for (const upload of uploads) await deps.files.adopt(upload.path, upload.sha256);
}

/** Attaches the uploads and the carried files to a report (`fresh`: one just made, with none yet); answers how many. */
async function attach(
  tx: Queryable,
  reportId: number,
  uploads: StagedFile[],
  carried: number[],
  actor: Actor,
  fresh = false,
): Promise<number> {
  const inserted = uploads.length
    ? await tx
        .insert(files)
        .values(
          uploads.map((u) => ({
            sha256: u.sha256,
            size: u.size,
            mediaType: u.type.mediaType,
            filename: u.filename,
            uploadedBy: actor.userId,
          })),
        )
        .returning({ id: files.id })
    : [];
  const ids = [...carried, ...inserted.map((f) => f.id)];
  if (ids.length === 0) return 0;
  const [{ n }] = fresh
    ? [{ n: 0 }]
    : await tx.select({ n: count() }).from(reportFiles).where(eq(reportFiles.reportId, reportId));
  await tx
    .insert(reportFiles)
    .values(ids.map((fileId, i) => ({ reportId, fileId, sortOrder: n + i })))
    .onConflictDoNothing();
  return ids.length;
}

const hasContent = async (tx: Queryable, report: ReportRow, hasFiles: boolean) => {
  if (report.text.trim() !== "" || hasFiles) return true;
  const [{ n }] = await tx.select({ n: count() }).from(reportFiles).where(eq(reportFiles.reportId, report.id));
  return n > 0;
};

const emptyReport = () => new AppError(400, "report_empty", "报送内容为空：请填写工作进展，或上传佐证材料后再报送");

/**
 * Submitting on an assignment not yet signed for signs for it, which is the manager's to do: a 经办人 drafts, and
 * submits once the unit has signed.
 */
function assertMaySign(assignment: Pick<AssignmentRow, "status">, actor: Actor): void {
  if (assignment.status !== "new" || can(actor.roles, "assignments.acknowledge")) return;
  throw new AppError(409, "not_acknowledged", "该任务尚未签收：请本单位管理员先签收，再报送进展（草稿可以先保存）");
}

/**
 * Submits a draft inside the caller's transaction, which holds the assignment's row locked: the period now waits for
 * review, and a unit that reports on an assignment it had not signed for has signed for it.
 */
async function submitInTx(
  tx: Queryable,
  assignment: AssignmentRow,
  draft: ReportRow,
  actor: Actor,
  ctx: ChangeContext,
  /** files were attached in this transaction: the report has content without counting them */
  hasFiles = false,
): Promise<void> {
  if (!(await hasContent(tx, draft, hasFiles))) throw emptyReport();
  assertMaySign(assignment, actor);
  const now = new Date();
  const [after] = await tx
    .update(reports)
    .set({
      status: "submitted",
      submittedAt: now,
      submittedBy: actor.userId,
      version: draft.version + 1,
      updatedAt: now,
    })
    .where(eq(reports.id, draft.id))
    .returning();
  await recordAudit(tx, {
    ...ctx,
    action: "report.submit",
    entityType: "report",
    entityId: draft.id,
    before: draft,
    after,
  });
  await submitted(tx, assignment, after, actor, ctx);
}

/** What follows a report's sending: its period waits for review, and a new assignment counts as 签收. */
async function submitted(
  tx: Queryable,
  assignment: AssignmentRow,
  report: ReportRow,
  actor: Actor,
  ctx: ChangeContext,
) {
  await setOccurrenceState(tx, report.assignmentId, report.period, "submitted");
  if (assignment.status === "new") await markAcknowledged(tx, assignment, actor, ctx);
}

/** A new report's row: the period's next revision, following the returned one it answers. */
const newReport = (
  assignmentId: number,
  period: string,
  latest: ReportRow | undefined,
  actor: Actor,
  fields: ReturnType<typeof givenFields>,
) => ({
  assignmentId,
  period,
  revision: (latest?.revision ?? 0) + 1,
  previousId: latest?.status === "returned" ? latest.id : null,
  createdBy: actor.userId,
  ...fields,
});

async function lockAssignment(tx: Queryable, id: number) {
  const [row] = await tx.select().from(assignments).where(eq(assignments.id, id)).for("update");
  if (!row) throw notFound("任务");
  return row;
}

/** The fields of a report the caller gave: those it left out stay as they are. */
function givenFields(input: Pick<ReportPatch, "text" | "completion" | "links">) {
  return {
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.completion !== undefined ? { completion: input.completion } : {}),
    ...(input.links !== undefined ? { links: input.links } : {}),
  };
}

async function lockReport(tx: Queryable, id: number) {
  const [row] = await tx.select().from(reports).where(eq(reports.id, id)).for("update");
  if (!row) throw notFound("进展报告");
  return row;
}

const notDraft = () =>
  new AppError(409, "not_draft", "该报告已报送或已撤回，不能再修改；如需修改，请先撤回（未审核前）或等待审核结果");

/**
 * Writes a report on one period of an assignment: the period's draft is continued when there is one, else a new
 * report is made (the next revision after a returned one). With `submit` it goes to review at once. Answers the
 * report's id and whether it was made (201) or a draft continued (200). `scope` is the assignment as the actor sees it
 * (visibleScope), looked up before the upload was read.
 */
export async function writeReport(
  deps: Deps,
  scope: ReportScope,
  input: ReportCreateFields,
  uploads: StagedFile[],
  actor: Actor,
  ctx: ChangeContext,
  key: IdempotencyKey | null,
): Promise<{ reportId: number; statusCode: 200 | 201 }> {
  const assignmentId = scope.assignment.id;
  await assertOwnUnit(deps, actor, scope, ctx, "report");
  assertWorkable(scope.assignment);
  if (input.submit) assertMaySign(scope.assignment, actor);
  // the upload has been read: the rest is checked under the assignment's lock (a refusal there leaves nothing)
  return deps.db.transaction(async (tx) => {
    const assignment = await lockAssignment(tx, assignmentId);
    assertWorkable(assignment);
    const period = await periodFor(tx, assignment, input.period);
    const { open, latest } = await reportsOnPeriod(tx, assignmentId, period);
    if (open?.status === "submitted") throw alreadySubmitted(period);
    const carried = await carriedFiles(tx, assignmentId, input.fileIds ?? []);
    const fields = givenFields(input);
    let report: ReportRow;
    let statusCode: 200 | 201;
    if (open) {
      [report] = await tx
        .update(reports)
        .set({ ...fields, version: open.version + 1, updatedAt: new Date() })
        .where(eq(reports.id, open.id))
        .returning();
      await recordAudit(tx, {
        ...ctx,
        action: "report.update",
        entityType: "report",
        entityId: open.id,
        before: open,
        after: report,
      });
      statusCode = 200;
    } else if (input.submit) {
      // written and sent at once (the end of a quarter's burst): the row is inserted already sent, and its two
      // audit events, 新建 and 报送, go in one statement
      if (!(fields.text ?? "").trim() && uploads.length + carried.length === 0) throw emptyReport();
      assertMaySign(assignment, actor);
      const now = new Date();
      [report] = await tx
        .insert(reports)
        .values({
          ...newReport(assignmentId, period, latest, actor, fields),
          status: "submitted",
          submittedAt: now,
          submittedBy: actor.userId,
          updatedAt: now,
        })
        .returning();
      const draft = { ...report, status: "draft" as const, submittedAt: null, submittedBy: null };
      const entity = { ...ctx, entityType: "report" as const, entityId: report.id };
      await recordAudits(tx, [
        { ...entity, action: "report.create", after: draft },
        { ...entity, action: "report.submit", before: draft, after: report },
      ]);
      await attach(tx, report.id, uploads, carried, actor, true);
      await submitted(tx, assignment, report, actor, ctx);
      statusCode = 201;
    } else {
      [report] = await tx
        .insert(reports)
        .values(newReport(assignmentId, period, latest, actor, fields))
        .returning();
      await recordAudit(tx, {
        ...ctx,
        action: "report.create",
        entityType: "report",
        entityId: report.id,
        after: report,
      });
      statusCode = 201;
    }
    const attached = report.status === "submitted" ? 0 : await attach(tx, report.id, uploads, carried, actor, !open);
    if (input.submit && report.status !== "submitted") {
      await submitInTx(tx, assignment, report, actor, ctx, attached > 0);
    }
    if (key) await claimKey(tx, key, statusCode, report.id);
    await adoptFiles(deps, uploads);
    return { reportId: report.id, statusCode };
  });
}

const alreadySubmitted = (period: string) =>
  new AppError(409, "already_submitted", `“${period}”的进展已报送，正在等待审核；如需修改，请先撤回`);

/** Saves a draft's fields (the browser does so as the user types); only the unit's own people, only drafts. */
export async function updateDraft(deps: Deps, id: number, patch: ReportPatch, actor: Actor, ctx: ChangeContext) {
  const { scope } = await visibleReport(deps, id, actor, ctx);
  await assertOwnUnit(deps, actor, scope, ctx, "report.update");
  await deps.db.transaction(async (tx) => {
    const before = await lockReport(tx, id);
    if (before.version !== patch.version) throw versionConflict();
    if (before.status !== "draft") throw notDraft();
    const [after] = await tx
      .update(reports)
      .set({ ...givenFields(patch), version: before.version + 1, updatedAt: new Date() })
      .where(eq(reports.id, id))
      .returning();
    const removed = patch.removeFileIds ?? [];
    if (removed.length) {
      await tx.delete(reportFiles).where(and(eq(reportFiles.reportId, id), inArray(reportFiles.fileId, removed)));
    }
    await recordAudit(tx, {
      ...ctx,
      action: "report.update",
      entityType: "report",
      entityId: id,
      before,
      after: { ...after, removedFileIds: removed },
    });
  });
}

/** Adds evidence files to a draft; `visible` is the draft as the actor sees it (visibleReport), looked up before the upload. */
export async function attachFiles(
  deps: Deps,
  visible: { row: ReportRow; scope: ReportScope },
  uploads: StagedFile[],
  actor: Actor,
  ctx: ChangeContext,
) {
  const { row: current, scope } = visible;
  const id = current.id;
  await assertOwnUnit(deps, actor, scope, ctx, "report.attach");
  if (uploads.length === 0) throw new AppError(400, "file_required", "请选择要上传的材料");
  if (current.status !== "draft") throw notDraft();
  await deps.db.transaction(async (tx) => {
    const before = await lockReport(tx, id);
    if (before.status !== "draft") throw notDraft();
    await attach(tx, id, uploads, [], actor);
    const [after] = await tx
      .update(reports)
      .set({ version: before.version + 1, updatedAt: new Date() })
      .where(eq(reports.id, id))
      .returning();
    await recordAudit(tx, {
      ...ctx,
      action: "report.attach",
      entityType: "report",
      entityId: id,
      before,
      after: { ...after, files: uploads.map((f) => ({ filename: f.filename, sha256: f.sha256 })) },
    });
    await adoptFiles(deps, uploads);
  });
}

export async function submitReport(
  deps: Deps,
  id: number,
  version: number,
  actor: Actor,
  ctx: ChangeContext,
  key: IdempotencyKey | null,
) {
  const { scope } = await visibleReport(deps, id, actor, ctx);
  await assertOwnUnit(deps, actor, scope, ctx, "report.submit");
  await deps.db.transaction(async (tx) => {
    const assignment = await lockAssignment(tx, scope.assignment.id);
    assertWorkable(assignment);
    const before = await lockReport(tx, id);
    if (before.status === "submitted") throw alreadySubmitted(before.period);
    if (before.status !== "draft") throw notDraft();
    if (before.version !== version) throw versionConflict();
    await submitInTx(tx, assignment, before, actor, ctx);
    if (key) await claimKey(tx, key, 200, id);
  });
}

/**
 * 撤回: a draft, or a submitted report not yet reviewed, is taken back; it stays on record as withdrawn. A 经办人
 * withdraws only what they wrote or submitted themselves; the unit's manager any of the unit's.
 */
export async function withdrawReport(deps: Deps, id: number, version: number, actor: Actor, ctx: ChangeContext) {
  const { row, scope } = await visibleReport(deps, id, actor, ctx);
  await assertOwnUnit(deps, actor, scope, ctx, "report.withdraw");
  if (!mayWithdraw(actor, row)) {
    await recordDenied(deps.db, ctx, scope.assignment.id, { reason: "not_own_submission", reportId: id });
    throw forbidden("经办人只能撤回本人填写或报送的报告；其他报告请由本单位管理员撤回");
  }
  await deps.db.transaction(async (tx) => {
    const before = await lockReport(tx, id);
    if (before.version !== version) throw versionConflict();
    if (before.status !== "draft" && before.status !== "submitted") {
      throw new AppError(409, "not_withdrawable", "该报告已审核或已撤回，不能再撤回");
    }
    const [after] = await tx
      .update(reports)
      .set({ status: "withdrawn", version: before.version + 1, updatedAt: new Date() })
      .where(eq(reports.id, id))
      .returning();
    if (before.status === "submitted") {
      const previous = before.previousId ? "returned" : "open";
      await setOccurrenceState(tx, before.assignmentId, before.period, previous);
    }
    await recordAudit(tx, { ...ctx, action: "report.withdraw", entityType: "report", entityId: id, before, after });
  });
}

/** Kinds of deadline after which work goes on: their assignments close period by period and never complete. */
const RECURRING = new Set(["recurring", "ongoing"]);

/**
 * 审核: accept (the period closes; a dated assignment whose every period closed is 办结) or return with a reason. Of
 * two reviewers acting at once one wins: the other finds the report no longer waiting and gets 409.
 */
export async function reviewReport(deps: Deps, id: number, review: ReportReview, actor: Actor, ctx: ChangeContext) {
  const { row, scope } = await visibleReport(deps, id, actor, ctx);
  const refusal = reviewRefusal(actor, scope, row.submittedBy);
  if (refusal) {
    const reason = refusal === SELF_REVIEW_REFUSAL ? "own_unit" : "not_reviewer";
    await recordDenied(deps.db, ctx, scope.assignment.id, { reason, reportId: id });
    throw forbidden(refusal);
  }
  const comment = review.comment?.trim() ?? "";
  if (review.decision === "return" && comment === "") {
    throw new AppError(400, "return_reason_required", "退回时请写明退回原因，便于单位修改后重新报送");
  }
  await deps.db.transaction(async (tx) => {
    const before = await lockReport(tx, id);
    if (before.status !== "submitted") throw alreadyReviewed(before);
    if (before.version !== review.version) throw versionConflict();
    const now = new Date();
    const accepted = review.decision === "accept";
    const [after] = await tx
      .update(reports)
      .set({
        status: accepted ? "accepted" : "returned",
        reviewedAt: now,
        reviewedBy: actor.userId,
        reviewComment: comment || null,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(reports.id, id))
      .returning();
    await setOccurrenceState(tx, before.assignmentId, before.period, accepted ? "closed" : "returned");
    await recordAudit(tx, {
      ...ctx,
      action: accepted ? "report.accept" : "report.return",
      entityType: "report",
      entityId: id,
      before,
      after,
    });
    await tellReviewed(tx, after);
    if (accepted) await completeWhenDone(tx, before.assignmentId, actor, ctx, now);
  });
}

function alreadyReviewed(report: ReportRow): AppError {
  const messages: Partial<Record<ReportRow["status"], string>> = {
    accepted: "该报告已由他人审核通过",
    returned: "该报告已由他人退回",
    withdrawn: "该报告已被单位撤回",
    draft: "该报告尚未报送，不能审核",
  };
  return new AppError(409, "not_awaiting_review", messages[report.status] ?? "该报告不在待审核状态");
}

/** 办结: an assignment with dated deadlines only, whose every period is closed. */
async function completeWhenDone(tx: Queryable, assignmentId: number, actor: Actor, ctx: ChangeContext, now: Date) {
  const assignment = await lockAssignment(tx, assignmentId);
  const [task] = await tx.select({ deadlines: tasks.deadlines }).from(tasks).where(eq(tasks.id, assignment.taskId));
  if (task.deadlines.length === 0 || task.deadlines.some((d) => RECURRING.has(d.kind) || d.rule?.thenOngoing)) return;
  const occurrences = await occurrencesOf(tx, assignmentId);
  if (occurrences.length === 0 || occurrences.some((o) => o.state !== "closed")) return;
  const [after] = await tx
    .update(assignments)
    .set({ status: "completed", completedAt: now, version: assignment.version + 1, updatedAt: now })
    .where(eq(assignments.id, assignmentId))
    .returning();
  await recordAudit(tx, {
    ...ctx,
    action: "assignment.complete",
    entityType: "assignment",
    entityId: assignmentId,
    before: assignment,
    after: { ...after, completedBy: actor.userId },
  });
}

/** A remark in a report's thread, by anyone who may see the report and comment (the leader only reads). */
export async function addComment(deps: Deps, id: number, text: string, actor: Actor, ctx: ChangeContext) {
  await visibleReport(deps, id, actor, ctx);
  await deps.db.transaction(async (tx) => {
    const [comment] = await tx
      .insert(reportComments)
      .values({ reportId: id, authorId: actor.userId, text: text.trim() })
      .returning();
    await recordAudit(tx, { ...ctx, action: "report.comment", entityType: "report", entityId: id, after: comment });
  });
}
