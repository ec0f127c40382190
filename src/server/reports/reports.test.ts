import { readdirSync } from "node:fs";
import path from "node:path";
import { and, count, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assignment, ReportDetail } from "../../shared/api.js";
import { assignmentDueDates, files, reports, units } from "../db/schema.js";
import {
  auditCount,
  createReport,
  postReport,
  publishedPlan,
  signedInUser,
  TINY_PDF,
  unitByName,
} from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let coordinator: string;
let township: string;
let department: string;
let otherTownship: string;
let ids: { township: number; market: number; court: number; other: number };

// the clock stands on 2026-05-20 in China: the plans below run in 2026
const NOW = new Date("2026-05-20T04:00:00Z");
const DATED = [{ text: "2026年6月底前", kind: "date" as const, due: "2026-06-30" }];

beforeAll(async () => {
  t = await buildTestApp({ FAZHI_MAX_UPLOAD_MB: "1" }, { clock: () => NOW });
  coordinator = await t.login("coordinator");
  township = await t.login("township");
  department = await t.login("department");
  const me = (await t.request({ method: "GET", url: "/api/auth/me", cookie: township })).json();
  const admin = await t.login("admin");
  const [other] = await t.database.db
    .select()
    .from(units)
    .where(and(eq(units.type, "township"), ne(units.id, me.unit.id)))
    .limit(1);
  const otherId = other.id;
  otherTownship = (await signedInUser(t, admin, { roles: ["unit_manager"], unitId: otherId })).cookie;
  ids = {
    township: me.unit.id,
    market: (await unitByName(t, "区市场监管分局")).id,
    court: (await unitByName(t, "区人民法院")).id,
    other: otherId,
  };
});
afterAll(() => t.close());

const get = (url: string, cookie = coordinator) => t.request({ method: "GET", url, cookie });
const post = (url: string, payload: object, cookie = coordinator) =>
  t.request({ method: "POST", url, payload, cookie });
const report = async (id: number, cookie = coordinator): Promise<ReportDetail> =>
  (await get(`/api/reports/${id}`, cookie)).json();
/** A review made on the version the office sees now. */
const review = async (id: number, body: { decision: "accept" | "return"; comment?: string }, cookie = coordinator) =>
  post(`/api/reports/${id}/review`, { ...body, version: (await report(id)).version }, cookie);
const assignment = async (id: number, cookie = coordinator): Promise<Assignment> =>
  (await get(`/api/assignments/${id}`, cookie)).json();
const counts = async () => ({
  reports: (await t.database.db.select({ n: count() }).from(reports))[0].n,
  files: (await t.database.db.select({ n: count() }).from(files))[0].n,
  stored: readdirSync(path.join(t.config.dataDir, "files"), { recursive: true }).length,
});

async function datedAssignment(unitIds = [ids.township]) {
  return (await publishedPlan(t, coordinator, unitIds, { deadlines: DATED })).assignments[0];
}

describe("the report loop", () => {
  it("submits with a PDF, is returned with a reason, resubmitted as a new revision and accepted: 已办结", async () => {
    const work = await datedAssignment();
    expect(work).toMatchObject({ status: "new", signal: "green" });

    const first = await createReport(t, township, work.id);
    expect(first).toMatchObject({ status: "submitted", revision: 1, period: "完成时限", dueOn: "2026-06-30" });
    expect(first.files).toHaveLength(1);
    expect(first.files[0]).toMatchObject({ filename: "台账.pdf", mediaType: "application/pdf", previewable: true });
    expect(first.can).toMatchObject({ edit: false, withdraw: true, review: false });
    // reporting on an assignment it had not signed for signs for it
    const reported = await assignment(work.id, township);
    expect(reported.status).toBe("acknowledged");
    expect(reported.dueDates[0]).toMatchObject({ state: "submitted", signal: "green" });
    expect((await report(first.id)).can.review).toBe(true);

    const noReason = await review(first.id, { decision: "return" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe("return_reason_required");

    const returned = await review(first.id, {
      decision: "return",
      comment: "请补充培训签到表",
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: "returned", reviewComment: "请补充培训签到表" });
    const seen = await report(first.id, township);
    expect(seen).toMatchObject({
      status: "returned",
      reviewComment: "请补充培训签到表",
      reviewedByName: "司法局统筹员",
    });
    expect(seen.can.resubmit).toBe(true);
    expect((await assignment(work.id, township)).dueDates[0].state).toBe("returned");

    const again = await postReport(t, township, work.id, {
      period: "完成时限",
      text: "已补充培训签到表。",
      fileIds: JSON.stringify([first.files[0].id]),
      submit: "true",
    });
    expect(again.statusCode).toBe(201);
    const second: ReportDetail = again.json();
    expect(second).toMatchObject({ status: "submitted", revision: 2, previousId: first.id });
    expect(second.files.map((f) => f.id)).toEqual([first.files[0].id]);
    expect(second.history.map((r) => [r.revision, r.status])).toEqual([
      [1, "returned"],
      [2, "submitted"],
    ]);
    // the returned revision is kept as it was: a resubmission never overwrites it
    expect((await report(first.id)).text).toBe("已按要求完成，详见附件。");
    expect((await report(first.id, township)).can.resubmit).toBe(false);

    const accepted = await review(second.id, { decision: "accept" });
    expect(accepted.json().status).toBe("accepted");
    const done = await assignment(work.id, township);
    expect(done).toMatchObject({ status: "completed", signal: "done" });
    expect(done.completedAt).not.toBeNull();
    expect(await auditCount(t, "report", second.id, "report.accept")).toBe(1);
    expect(await auditCount(t, "assignment", work.id, "assignment.complete")).toBe(1);

    const late = await postReport(t, township, work.id, { text: "再报一次", submit: "true" });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("assignment_completed");
  });

  it("lets one of two reviewers acting at once win; the other gets 409", async () => {
    const work = await datedAssignment();
    const submitted = await createReport(t, township, work.id);
    const admin = await t.login("admin");
    const [a, b] = await Promise.all([
      review(submitted.id, { decision: "accept" }),
      review(submitted.id, { decision: "return", comment: "不全" }, admin),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe("not_awaiting_review");
    expect(loser.json().error.message).toMatch(/已由他人/);
  });

  it("keeps a draft on the server, refuses a stale save, and withdraws a report to report again", async () => {
    const work = await datedAssignment();
    const draft = await createReport(t, township, work.id, { submit: false, text: "初稿" });
    expect(draft.status).toBe("draft");
    const url = `/api/reports/${draft.id}`;
    const saved = await t.request({
      method: "PATCH",
      url,
      cookie: township,
      payload: { version: draft.version, text: "第二稿", completion: 60 },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ text: "第二稿", completion: 60, version: draft.version + 1 });
    const stale = await t.request({
      method: "PATCH",
      url,
      cookie: township,
      payload: { version: draft.version, text: "x" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    // a draft is the unit's own: the coordinator neither reads nor changes it
    const foreign = await t.request({ method: "PATCH", url, cookie: coordinator, payload: { version: 2, text: "x" } });
    expect(foreign.statusCode).toBe(404);
    expect((await get(url)).statusCode).toBe(404);
    expect((await get(`/api/assignments/${work.id}/reports`)).json().items).toEqual([]);
    expect((await get(`/api/assignments/${work.id}/reports`, township)).json().items).toHaveLength(1);

    // a second "save draft" of the same period continues the draft instead of making another
    const continued = await postReport(t, township, work.id, { text: "第三稿" });
    expect(continued.statusCode).toBe(200);
    expect(continued.json().id).toBe(draft.id);

    const submitted = await post(`${url}/submit`, { version: continued.json().version }, township);
    expect(submitted.json().status).toBe("submitted");
    const edit = await t.request({ method: "PATCH", url, cookie: township, payload: { version: 4, text: "x" } });
    expect(edit.json().error.code).toBe("not_draft");
    const withdrawn = await post(`${url}/withdraw`, { version: submitted.json().version }, township);
    expect(withdrawn.json().status).toBe("withdrawn");
    expect((await assignment(work.id, township)).dueDates[0].state).toBe("open");
    const anew = await createReport(t, township, work.id);
    expect(anew).toMatchObject({ status: "submitted", revision: 2, previousId: null });
  });

  it("keeps the thread of comments on a report", async () => {
    const work = await datedAssignment();
    const submitted = await createReport(t, township, work.id);
    const asked = await post(`/api/reports/${submitted.id}/comments`, { text: "签到表是否齐全？" });
    expect(asked.statusCode).toBe(201);
    await post(`/api/reports/${submitted.id}/comments`, { text: "齐全，共 42 人。" }, township);
    const thread = (await report(submitted.id, township)).comments;
    expect(thread.map((c) => [c.authorName, c.text])).toEqual([
      ["司法局统筹员", "签到表是否齐全？"],
      ["城关街道管理员", "齐全，共 42 人。"],
    ]);
    const empty = await post(`/api/reports/${submitted.id}/comments`, { text: "  " });
    expect(empty.statusCode).toBe(400);
  });
});

describe("idempotency", () => {
  it("answers a retried submission with the same report, never a second one", async () => {
    const work = await datedAssignment();
    const key = { "idempotency-key": `retry-${work.id}-abcdef` };
    const form = { text: "第一季度工作总结", submit: "true" };
    const first = await postReport(t, township, work.id, form, [], key);
    const retry = await postReport(t, township, work.id, form, [], key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    const all = await t.database.db.select().from(reports).where(eq(reports.assignmentId, work.id));
    expect(all).toHaveLength(1);
    // written and sent in one request: still a 新建 and a 报送 in the audit log, the period waiting for review
    expect(all[0]).toMatchObject({ status: "submitted", submittedBy: expect.any(Number) });
    expect(await auditCount(t, "report", first.json().id, "report.create")).toBe(1);
    expect(await auditCount(t, "report", first.json().id, "report.submit")).toBe(1);
    const [due] = await t.database.db
      .select()
      .from(assignmentDueDates)
      .where(eq(assignmentDueDates.assignmentId, work.id));
    expect(due.state).toBe("submitted");
    expect((await assignment(work.id)).status).toBe("acknowledged");
  });

  it("makes one report of two identical requests sent at once", async () => {
    const work = await datedAssignment();
    const key = { "idempotency-key": `race-${work.id}-abcdef` };
    const form = { text: "同时提交", submit: "true" };
    const [a, b] = await Promise.all([
      postReport(t, township, work.id, form, [], key),
      postReport(t, township, work.id, form, [], key),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(await t.database.db.select().from(reports).where(eq(reports.assignmentId, work.id))).toHaveLength(1);
  });
});

describe("lead consolidation", () => {
  it("sends a cooperating unit's report to the lead unit, and shows it behind the lead's report", async () => {
    const { assignments } = await publishedPlan(t, coordinator, [ids.market, ids.township], {
      deadlines: DATED,
      roles: ["lead", "cooperating"],
    });
    const lead = assignments.find((a) => a.role === "lead") as Assignment;
    const cooperating = assignments.find((a) => a.role === "cooperating") as Assignment;
    expect([lead.unitId, cooperating.unitId]).toEqual([ids.market, ids.township]);
    const part = await createReport(t, township, cooperating.id, { text: "配合完成宣传活动 3 场" });
    expect(part.reviewer).toBe("lead");
    const inbox = (await get("/api/inbox", department)).json();
    expect(inbox.toReview.map((r: { id: number }) => r.id)).toContain(part.id);
    expect((await get("/api/inbox")).json().toReview.map((r: { id: number }) => r.id)).not.toContain(part.id);
    const accepted = await review(part.id, { decision: "accept" }, department);
    expect(accepted.statusCode).toBe(200);

    const whole = await createReport(t, department, lead.id, { text: "牵头汇总：全区开展宣传活动 12 场" });
    expect(whole.reviewer).toBe("coordinator");
    expect(whole.behind.map((r) => [r.unitName, r.status])).toEqual([["城关街道", "accepted"]]);
    // a cooperating unit does not see the lead unit's assignment, let alone review it
    const refused = await review(whole.id, { decision: "accept" }, township);
    expect(refused.statusCode).toBe(404);
    const reviewed = await review(whole.id, { decision: "accept" });
    expect(reviewed.json().status).toBe("accepted");
    // the coordinator opens the cooperating report behind it
    expect((await report(whole.id)).behind[0].id).toBe(part.id);
  });
});

describe("periods of recurring work", () => {
  it("closes a yearly task period by period and keeps the assignment open", async () => {
    const yearly = [{ text: "每年2月底前", kind: "recurring" as const, rule: { every: "year", month: 2, day: "end" } }];
    const plan = await t.request({
      method: "POST",
      url: "/api/plans",
      cookie: coordinator,
      payload: { title: "两年方案", year: 2026, endYear: 2027 },
    });
    const task = await post(`/api/plans/${plan.json().id}/tasks`, {
      number: "1",
      text: "报送上一年度法治政府建设情况。",
      units: [{ unitId: ids.township, role: "responsible", phrase: "各乡镇", dismissedReason: null }],
      deadlines: yearly,
    });
    await post(`/api/plans/${plan.json().id}/publish`, { version: task.json().version, assignedOn: "2026-01-01" });
    const [work] = (await get(`/api/assignments?planId=${plan.json().id}`)).json().items as Assignment[];
    expect(work.dueDates.map((d) => [d.label, d.dueOn, d.signal])).toEqual([
      ["2026年度", "2026-02-28", "red"],
      ["2027年度", "2027-02-28", "green"],
    ]);
    expect(work).toMatchObject({ signal: "red", overdue: true });

    const first = await createReport(t, township, work.id, { text: "2025年度法治政府建设情况报告" });
    expect(first.period).toBe("2026年度");
    await review(first.id, { decision: "accept" });
    const after = await assignment(work.id, township);
    expect(after).toMatchObject({ status: "acknowledged", signal: "green", overdue: false });
    expect(after.dueDates.map((d) => d.state)).toEqual(["closed", "open"]);
    const next = await createReport(t, township, work.id, { submit: false });
    expect(next.period).toBe("2027年度");
  });
});

describe("extension requests", () => {
  it("moves the due date when approved, keeps the old one on the request, and holds against a deadline edit", async () => {
    const {
      plan,
      assignments: [work],
    } = await publishedPlan(t, coordinator, [ids.township], { deadlines: DATED });
    const url = `/api/assignments/${work.id}/extension-requests`;
    const early = await post(url, { requestedDueOn: "2026-06-01", reason: "x" }, township);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain("应晚于");
    const asked = await post(url, { requestedDueOn: "2026-08-31", reason: "需等待上级文件" }, township);
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ status: "pending", currentDueOn: "2026-06-30", period: "完成时限" });
    expect((await post(url, { requestedDueOn: "2026-09-30", reason: "再延" }, township)).statusCode).toBe(409);
    expect((await post(url, { requestedDueOn: "2026-09-30", reason: "代申请" })).statusCode).toBe(403);

    const decide = `/api/extension-requests/${asked.json().id}/decide`;
    const version = asked.json().version;
    expect((await post(decide, { approve: true, version }, township)).statusCode).toBe(403);
    expect((await get("/api/inbox")).json().extensionRequests.map((r: { id: number }) => r.id)).toContain(
      asked.json().id,
    );
    const approved = await post(decide, { approve: true, comment: "同意", version });
    expect(approved.json()).toMatchObject({ status: "approved", decidedByName: "司法局统筹员" });
    expect((await post(decide, { approve: false, version })).statusCode).toBe(409);
    const moved = await assignment(work.id, township);
    expect(moved.dueDates[0]).toMatchObject({ dueOn: "2026-08-31", extended: true });

    // editing the task's deadline later moves the other periods, not the one extended
    const task = plan.tasks[0];
    const fresh = (await get(`/api/plans/${plan.id}`)).json().tasks[0];
    const edited = await t.request({
      method: "PATCH",
      url: `/api/plans/${plan.id}/tasks/${task.id}`,
      cookie: coordinator,
      payload: { version: fresh.version, deadlines: [{ text: "2026年7月底前", kind: "date", due: "2026-07-31" }] },
    });
    expect(edited.statusCode).toBe(200);
    expect((await assignment(work.id)).dueDates.map((d) => d.dueOn)).toEqual(["2026-08-31"]);
    const history = (await get(`/api/extension-requests?assignmentId=${work.id}`, township)).json().items;
    expect(history.map((r: { currentDueOn: string; status: string }) => [r.currentDueOn, r.status])).toEqual([
      ["2026-06-30", "approved"],
    ]);
  });
});

describe("evidence files", () => {
  it("downloads with the Chinese name to those who see the assignment, and to nobody else", async () => {
    const work = await datedAssignment();
    const submitted = await createReport(t, township, work.id);
    const file = submitted.files[0];
    const download = await get(`/api/files/${file.token}`, township);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(TINY_PDF)).toBe(true);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="__.pdf"; filename*=UTF-8''${encodeURIComponent("台账.pdf")}`,
    );
    const preview = await get(`/api/files/${file.token}?inline=true`);
    expect(preview.headers["content-disposition"]).toMatch(/^inline;/);

    expect((await get(`/api/files/${file.token}`, otherTownship)).statusCode).toBe(404);
    expect((await get(`/api/reports/${submitted.id}`, otherTownship)).statusCode).toBe(404);
    expect((await get(`/api/assignments/${work.id}/reports`, otherTownship)).statusCode).toBe(404);
    expect(await auditCount(t, "assignment", work.id, "assignment.access_denied")).toBeGreaterThanOrEqual(2);
  });

  it("refuses an oversize file, a program renamed .pdf, an empty submission and an unknown assignment, storing nothing", async () => {
    const work = await datedAssignment();
    const before = await counts();

    const big = await postReport(t, township, work.id, { text: "大文件", submit: "true" }, [
      { filename: "扫描件.pdf", content: Buffer.concat([TINY_PDF, Buffer.alloc(2 * 1024 * 1024)]) },
    ]);
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: "file_too_large" });
    expect(big.json().error.message).toContain("1 MB");
    // the browser knows the limit beforehand, and says the same
    expect((await get("/api/settings", township)).json()).toEqual({ maxUploadBytes: 1024 * 1024, yellowDays: 3 });

    const program = Buffer.concat([Buffer.from("MZ\x90\x00"), Buffer.alloc(100)]);
    const exe = await postReport(t, township, work.id, { text: "附件", submit: "true" }, [
      { filename: "通知.pdf", content: program },
    ]);
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.code).toBe("file_type_not_allowed");
    expect(exe.json().error.message).toContain("「通知.pdf」不是允许上传的材料类型");

    const reportsBefore = (await get(`/api/assignments/${work.id}/reports`, township)).json().total;
    const empty = await postReport(t, township, work.id, { text: "  ", submit: "true" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe("report_empty");
    // refused under the assignment's lock: the draft it began is not kept
    expect((await get(`/api/assignments/${work.id}/reports`, township)).json().total).toBe(reportsBefore);

    const unknown = await postReport(t, township, 999999, { text: "x", submit: "true" });
    expect(unknown.statusCode).toBe(404);
    const badPeriod = await postReport(t, township, work.id, { text: "x", period: "2030年度", submit: "true" });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().error.message).toContain("完成时限");
    const badCompletion = await postReport(t, township, work.id, { text: "x", completion: "150" });
    expect(badCompletion.statusCode).toBe(400);
    expect(badCompletion.json().error.message).toContain("完成进度");

    expect(await counts()).toEqual(before);
    const [due] = await t.database.db
      .select()
      .from(assignmentDueDates)
      .where(eq(assignmentDueDates.assignmentId, work.id));
    expect(due.state).toBe("open");
  });
});

describe("inbox and progress", () => {
  it("fills the unit's trays and the office's, and colours the plan's matrix as the lists do", async () => {
    const {
      plan,
      assignments: [dated],
    } = await publishedPlan(t, coordinator, [ids.township, ids.court], {
      deadlines: [{ text: "2026年5月22日前", kind: "date", due: "2026-05-22" }],
    });
    const inbox = (await get("/api/inbox", township)).json();
    expect(inbox.toAcknowledge.map((a: Assignment) => a.id)).toContain(dated.id);
    const due = inbox.toReport.find((o: { assignment: Assignment }) => o.assignment.id === dated.id);
    expect(due.dueDate).toMatchObject({ dueOn: "2026-05-22", signal: "yellow" });

    const submitted = await createReport(t, township, dated.id);
    expect((await get("/api/inbox")).json().toReview.map((r: { id: number }) => r.id)).toContain(submitted.id);
    await review(submitted.id, { decision: "return", comment: "请补充照片" });
    const returned = (await get("/api/inbox", township)).json().returned;
    expect(returned.map((r: { id: number; reviewComment: string }) => [r.id, r.reviewComment])).toContainEqual([
      submitted.id,
      "请补充照片",
    ]);

    const progress = (await get(`/api/plans/${plan.id}/progress`)).json();
    expect(progress.units.map((u: { name: string }) => u.name).sort()).toEqual(["区人民法院", "城关街道"].sort());
    const listed = (await get(`/api/assignments?planId=${plan.id}`)).json().items as Assignment[];
    for (const cell of progress.cells) {
      expect(cell.signal).toBe(listed.find((a) => a.id === cell.assignmentId)?.signal);
    }
    expect(progress.signals).toEqual({ green: 0, yellow: 2, red: 0, done: 0 });
    expect((await get(`/api/plans/${plan.id}/progress`, township)).statusCode).toBe(403);
  });

  it("filters the lists by signal exactly as it computes each assignment's signal", async () => {
    const quarterly = await publishedPlan(t, coordinator, [ids.township, ids.court]);
    const soon = await publishedPlan(t, coordinator, [ids.township], {
      deadlines: [{ text: "2026年5月21日前", kind: "date", due: "2026-05-21" }],
    });
    const later = await datedAssignment([ids.court]);
    const finished = await datedAssignment();
    const accepted = await createReport(t, township, finished.id);
    await review(accepted.id, { decision: "accept" });
    const reported = await createReport(
      t,
      township,
      quarterly.assignments.find((a) => a.unitId === ids.township)?.id ?? 0,
    );
    expect(reported.period).toBe("2026年第一季度");

    const all = (await get("/api/assignments?limit=1000")).json().items as Assignment[];
    const signals = new Set(all.map((a) => a.signal));
    expect([...signals].sort()).toEqual(["done", "green", "red", "yellow"]);
    for (const signal of ["green", "yellow", "red", "done"]) {
      const filtered = (await get(`/api/assignments?limit=1000&signal=${signal}`)).json().items as Assignment[];
      expect(filtered.map((a) => a.id).sort(), signal).toEqual(
        all
          .filter((a) => a.signal === signal)
          .map((a) => a.id)
          .sort(),
      );
    }
    expect(all.find((a) => a.id === soon.assignments[0].id)?.signal).toBe("yellow");
    expect(all.find((a) => a.id === later.id)?.signal).toBe("green");
    expect(all.find((a) => a.id === finished.id)?.signal).toBe("done");
  });
});
