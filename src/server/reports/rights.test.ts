/**
 * Who may do what in the reporting loop, beyond the permission matrix: no self-approval (a report or an extension
 * request is never decided by its unit or its submitter), the leader only reads, the 经办人 drafts and submits while the
 * manager signs, asks for time and reviews as lead unit; every change of state names the version it was made on; an
 * Idempotency-Key answers only the request it was first sent with.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assignment, ReportDetail } from "../../shared/api.js";
import {
  auditCount,
  createReport,
  createUnit,
  postReport,
  publishedPlan,
  STRONG_PASSWORD,
  signedInUser,
  TINY_PDF,
  unitByName,
} from "../test/factories.js";
import { buildTestApp, type TestApp } from "../test/helper.js";

let t: TestApp;
let admin: string;
let coordinator: string;
let township: string;
let department: string;
let leader: string;
/** a coordinator of the office who is not a member of 区司法局 */
let outsideCoordinator: string;
let staff: string;
let otherStaff: string;
let ids: { justice: number; township: number; market: number };

const NOW = new Date("2026-05-20T04:00:00Z");
const DATED = [{ text: "2026年6月底前", kind: "date" as const, due: "2026-06-30" }];

beforeAll(async () => {
  t = await buildTestApp({}, { clock: () => NOW });
  admin = await t.login("admin");
  coordinator = await t.login("coordinator");
  township = await t.login("township");
  department = await t.login("department");
  leader = await t.login("leader");
  ids = {
    justice: (await unitByName(t, "区司法局")).id,
    township: (await unitByName(t, "城关街道")).id,
    market: (await unitByName(t, "区市场监管分局")).id,
  };
  outsideCoordinator = (await signedInUser(t, admin, { roles: ["coordinator"], displayName: "依法治区办督导员" }))
    .cookie;
  staff = (await signedInUser(t, admin, { roles: ["unit_staff"], unitId: ids.township, displayName: "经办人甲" }))
    .cookie;
  otherStaff = (await signedInUser(t, admin, { roles: ["unit_staff"], unitId: ids.township, displayName: "经办人乙" }))
    .cookie;
});
afterAll(() => t.close());

const get = (url: string, cookie: string) => t.request({ method: "GET", url, cookie });
const post = (url: string, payload: object, cookie: string) => t.request({ method: "POST", url, payload, cookie });
const reportOf = async (id: number, cookie: string): Promise<ReportDetail> =>
  (await get(`/api/reports/${id}`, cookie)).json();
const assignmentOf = async (id: number, cookie: string): Promise<Assignment> =>
  (await get(`/api/assignments/${id}`, cookie)).json();
const dated = async (unitIds: number[], roles?: Array<"lead" | "responsible" | "cooperating">) =>
  (await publishedPlan(t, coordinator, unitIds, { deadlines: DATED, ...(roles ? { roles } : {}) })).assignments;
const review = async (id: number, cookie: string, decision: "accept" | "return" = "accept") => {
  const { version } = await reportOf(id, cookie);
  return post(`/api/reports/${id}/review`, { decision, comment: "请补充", version }, cookie);
};

describe("no self-approval", () => {
  it("sends the office's own unit's report to a reviewer outside it, and says so", async () => {
    const [work] = await dated([ids.justice]);
    const submitted = await createReport(t, coordinator, work.id);
    expect(submitted.can.review).toBe(false);
    expect(submitted.reviewNote).toBe("本单位提交的报告须由其他督导人员审核（本单位以外的统筹协调人员或系统管理员）");

    for (const decision of ["accept", "return"] as const) {
      const refused = await review(submitted.id, coordinator, decision);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toEqual({ code: "forbidden", message: submitted.reviewNote });
    }
    expect(await auditCount(t, "assignment", work.id, "assignment.access_denied")).toBeGreaterThanOrEqual(2);
    const office = (await get("/api/inbox", coordinator)).json();
    expect(office.toReview.map((r: { id: number }) => r.id)).not.toContain(submitted.id);

    // a coordinator outside the unit reviews it, and sees it waiting; the leader only reads
    const outside = await reportOf(submitted.id, outsideCoordinator);
    expect(outside).toMatchObject({ can: { review: true }, reviewNote: null });
    const waiting = (await get("/api/inbox", outsideCoordinator)).json();
    expect(waiting.toReview.map((r: { id: number }) => r.id)).toContain(submitted.id);
    expect((await review(submitted.id, leader)).statusCode).toBe(403);
    const accepted = await review(submitted.id, outsideCoordinator);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: "accepted", reviewedByName: "依法治区办督导员" });
  });

  it("lets the system administrator review the office's own unit's report", async () => {
    const [work] = await dated([ids.justice]);
    const submitted = await createReport(t, coordinator, work.id);
    const returned = await review(submitted.id, admin, "return");
    expect(returned.statusCode).toBe(200);
    expect(returned.json().status).toBe("returned");
  });

  it("never lets a reviewer decide a report they submitted, whatever unit they are in now", async () => {
    const [work] = await dated([ids.justice]);
    const member = await signedInUser(t, admin, { roles: ["coordinator"], unitId: ids.justice });
    const submitted = await createReport(t, member.cookie, work.id);
    // the coordinator leaves 区司法局 (an account of the office without a unit) while the report waits
    const moved = await t.request({
      method: "PATCH",
      url: `/api/users/${member.user.id}`,
      cookie: admin,
      payload: { version: member.user.version, unitId: null },
    });
    expect(moved.statusCode).toBe(200);
    const again = await t.login(member.user.username, STRONG_PASSWORD);
    expect((await reportOf(submitted.id, again)).reviewNote).toBe("您报送的报告须由他人审核");
    const refused = await review(submitted.id, again);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe("您报送的报告须由他人审核");
  });

  it("does not let the office decide its own unit's extension request", async () => {
    const [work] = await dated([ids.justice]);
    const asked = await post(
      `/api/assignments/${work.id}/extension-requests`,
      { requestedDueOn: "2026-08-31", reason: "等待上级文件" },
      coordinator,
    );
    expect(asked.statusCode).toBe(201);
    const decide = `/api/extension-requests/${asked.json().id}/decide`;
    const refused = await post(decide, { approve: true, version: asked.json().version }, coordinator);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("本单位提出的延期申请须由其他督导人员审批");
    const approved = await post(decide, { approve: true, version: asked.json().version }, outsideCoordinator);
    expect(approved.statusCode).toBe(200);
  });
});

describe("the leader reads only", () => {
  it("refuses the leader's comment and tells the UI not to offer one", async () => {
    const [work] = await dated([ids.township]);
    const submitted = await createReport(t, township, work.id);
    const refused = await post(`/api/reports/${submitted.id}/comments`, { text: "请抓紧" }, leader);
    expect(refused.statusCode).toBe(403);
    expect((await reportOf(submitted.id, leader)).can.comment).toBe(false);
    expect((await reportOf(submitted.id, leader)).comments).toEqual([]);
    expect((await reportOf(submitted.id, coordinator)).can.comment).toBe(true);
  });
});

describe("the 经办人 and the manager", () => {
  it("lets staff draft, and submit once the manager has signed; signing is the manager's", async () => {
    const [work] = await dated([ids.township]);
    const ack = await post(`/api/assignments/${work.id}/acknowledge`, { version: work.version }, staff);
    expect(ack.statusCode).toBe(403);

    const early = await postReport(t, staff, work.id, { text: "初稿", submit: "true" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: "not_acknowledged" });
    expect(early.json().error.message).toContain("请本单位管理员先签收");
    const draft: ReportDetail = (await postReport(t, staff, work.id, { text: "初稿" })).json();
    expect(draft).toMatchObject({ status: "draft", can: { edit: true, submit: true } });
    const stillUnsigned = await post(`/api/reports/${draft.id}/submit`, { version: draft.version }, staff);
    expect(stillUnsigned.json().error.code).toBe("not_acknowledged");
    expect((await assignmentOf(work.id, township)).status).toBe("new");

    const signed = await post(`/api/assignments/${work.id}/acknowledge`, { version: work.version }, township);
    expect(signed.statusCode).toBe(200);
    const submitted = await post(`/api/reports/${draft.id}/submit`, { version: draft.version }, staff);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: "submitted", submittedByName: "经办人甲" });
  });

  it("lets staff withdraw only their own submission; the manager any of the unit's", async () => {
    const [work] = await dated([ids.township]);
    const byManager = await createReport(t, township, work.id);
    const seen = await reportOf(byManager.id, staff);
    expect(seen.can.withdraw).toBe(false);
    const refused = await post(`/api/reports/${byManager.id}/withdraw`, { version: seen.version }, staff);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("经办人只能撤回本人填写或报送的报告");
    const withdrawn = await post(`/api/reports/${byManager.id}/withdraw`, { version: seen.version }, township);
    expect(withdrawn.statusCode).toBe(200);

    const byStaff = await createReport(t, staff, work.id);
    expect(byStaff.can.withdraw).toBe(true);
    expect((await reportOf(byStaff.id, otherStaff)).can.withdraw).toBe(false);
    const other = await post(`/api/reports/${byStaff.id}/withdraw`, { version: byStaff.version }, otherStaff);
    expect(other.statusCode).toBe(403);
    const own = await post(`/api/reports/${byStaff.id}/withdraw`, { version: byStaff.version }, staff);
    expect(own.statusCode).toBe(200);
  });

  it("leaves extension requests and the lead unit's review to the manager", async () => {
    const [work] = await dated([ids.township]);
    const asked = await post(
      `/api/assignments/${work.id}/extension-requests`,
      { requestedDueOn: "2026-08-31", reason: "等待上级文件" },
      staff,
    );
    expect(asked.statusCode).toBe(403);

    // the township leads, the market cooperates: the township's manager reviews the market's report, its staff not
    const assignments = await dated([ids.township, ids.market], ["lead", "cooperating"]);
    const cooperating = assignments.find((a) => a.role === "cooperating") as Assignment;
    const part = await createReport(t, department, cooperating.id);
    const bystander = await reportOf(part.id, staff);
    expect(bystander).toMatchObject({ reviewer: "lead", can: { review: false }, reviewNote: null });
    expect((await review(part.id, staff)).statusCode).toBe(403);
    expect((await reportOf(part.id, township)).can.review).toBe(true);
    expect((await review(part.id, township)).statusCode).toBe(200);
  });

  it("sends each role's abilities to the UI", async () => {
    const abilities = async (cookie: string) => (await get("/api/auth/me", cookie)).json().abilities;
    expect(await abilities(staff)).toEqual(["units.read", "assignments.read", "reports.write", "reports.comment"]);
    expect(await abilities(township)).toEqual(
      expect.arrayContaining(["assignments.acknowledge", "reports.write", "reports.review", "extensions.request"]),
    );
    expect(await abilities(leader)).not.toContain("reports.comment");
  });
});

describe("changes name the version they were made on", () => {
  const missing = async (response: { statusCode: number; json: () => { error: { code: string } } }) => {
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
  };
  const stale = async (response: { statusCode: number; json: () => { error: { code: string } } }) => {
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("version_conflict");
  };

  it("refuses a submit, withdraw, review, acknowledge, extension decision or unit delete without a version, or a stale one", async () => {
    const [work] = await dated([ids.township]);
    await missing(await post(`/api/assignments/${work.id}/acknowledge`, {}, township));
    await stale(await post(`/api/assignments/${work.id}/acknowledge`, { version: work.version + 5 }, township));

    const draft = await createReport(t, township, work.id, { submit: false });
    await missing(await post(`/api/reports/${draft.id}/submit`, {}, township));
    await stale(await post(`/api/reports/${draft.id}/submit`, { version: draft.version + 5 }, township));
    const submitted = (await post(`/api/reports/${draft.id}/submit`, { version: draft.version }, township)).json();
    await missing(await post(`/api/reports/${draft.id}/withdraw`, {}, township));
    await stale(await post(`/api/reports/${draft.id}/withdraw`, { version: draft.version }, township));
    await missing(await post(`/api/reports/${draft.id}/review`, { decision: "accept" }, coordinator));
    await stale(
      await post(`/api/reports/${draft.id}/review`, { decision: "accept", version: draft.version }, coordinator),
    );
    expect((await reportOf(draft.id, coordinator)).status).toBe("submitted");
    const accepted = await post(
      `/api/reports/${draft.id}/review`,
      { decision: "accept", version: submitted.version },
      coordinator,
    );
    expect(accepted.statusCode).toBe(200);

    const [later] = await dated([ids.township]);
    const asked = (
      await post(
        `/api/assignments/${later.id}/extension-requests`,
        { requestedDueOn: "2026-08-31", reason: "等待上级文件" },
        township,
      )
    ).json();
    const decide = `/api/extension-requests/${asked.id}/decide`;
    await missing(await post(decide, { approve: true }, coordinator));
    await stale(await post(decide, { approve: true, version: asked.version + 1 }, coordinator));
    expect((await post(decide, { approve: true, version: asked.version }, coordinator)).statusCode).toBe(200);

    const unit = await createUnit(t, admin);
    await missing(await t.request({ method: "DELETE", url: `/api/units/${unit.id}`, cookie: admin }));
    const staleDelete = await t.request({
      method: "DELETE",
      url: `/api/units/${unit.id}?version=${unit.version + 1}`,
      cookie: admin,
    });
    await stale(staleDelete);
    const deleted = await t.request({
      method: "DELETE",
      url: `/api/units/${unit.id}?version=${unit.version}`,
      cookie: admin,
    });
    expect(deleted.json()).toMatchObject({ active: false });
  });
});

describe("an Idempotency-Key answers only the request it came with", () => {
  const headers = (key: string) => ({ "idempotency-key": key });

  it("answers a retry with the first report, and a different request under the same key with 422", async () => {
    const [work] = await dated([ids.township]);
    const key = `reuse-${work.id}-abcdef`;
    const first = await postReport(t, township, work.id, { text: "第一稿", submit: "false" }, [], headers(key));
    expect(first.statusCode).toBe(201);
    // the same fields in another order are the same request
    const retry = await postReport(t, township, work.id, { submit: "false", text: "第一稿" }, [], headers(key));
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);

    const changed = await postReport(t, township, work.id, { text: "第二稿", submit: "false" }, [], headers(key));
    expect(changed.statusCode).toBe(422);
    expect(changed.json().error).toMatchObject({ code: "idempotency_key_reused" });
    expect(changed.json().error.message).toContain("已用于另一份内容不同的请求");
    expect((await reportOf(first.json().id, township)).text).toBe("第一稿");

    const withFile = await postReport(
      t,
      township,
      work.id,
      { text: "第一稿", submit: "false" },
      [{ filename: "台账.pdf", content: TINY_PDF }],
      headers(key),
    );
    expect(withFile.statusCode).toBe(422);
    expect((await reportOf(first.json().id, township)).files).toEqual([]);
  });

  it("tells one file from another under the same key by its content", async () => {
    const [work] = await dated([ids.township]);
    const key = `files-${work.id}-abcdef`;
    const pdf = (extra: string) => Buffer.concat([TINY_PDF, Buffer.from(`%${extra}\n`)]);
    const sent = (content: Buffer) =>
      postReport(t, township, work.id, { text: "附件" }, [{ filename: "台账.pdf", content }], headers(key));
    const first = await sent(pdf("a"));
    expect(first.statusCode).toBe(201);
    expect((await sent(pdf("a"))).statusCode).toBe(201);
    expect((await sent(pdf("b"))).statusCode).toBe(422);
  });

  it("refuses a submission retried under its key on another version", async () => {
    const [work] = await dated([ids.township]);
    const draft = await createReport(t, township, work.id, { submit: false });
    const key = headers(`submit-${draft.id}-abcdef`);
    const url = `/api/reports/${draft.id}/submit`;
    const submit = (version: number) =>
      t.request({ method: "POST", url, payload: { version }, cookie: township, headers: key });
    expect((await submit(draft.version)).statusCode).toBe(200);
    expect((await submit(draft.version)).statusCode).toBe(200);
    const other = await submit(draft.version + 1);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe("idempotency_key_reused");
  });
});
