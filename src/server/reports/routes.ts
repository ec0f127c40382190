import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { eq } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import { Type } from "typebox";
import {
  CommentCreate,
  ErrorBody,
  IdParams,
  ReportCreateFields,
  ReportDetail,
  ReportList,
  ReportListQuery,
  ReportPatch,
  ReportReview,
  VersionBody,
  VersionRequired,
} from "../../shared/api.js";
import { getAssignment } from "../assignments/service.js";
import type { Actor } from "../auth/actor.js";
import { reports } from "../db/schema.js";
import { type Deps, signalDay } from "../deps.js";
import { sendList } from "../documents/list-workbook.js";
import { uploadLimitsOf, withUpload } from "../files/upload.js";
import { changeContext } from "../http/context.js";
import { AppError, notFound } from "../http/errors.js";
import { earlierResult, type IdempotencyKey, idempotencyKeyOf, KeyTaken, requestHashOf } from "../idempotency.js";
import { listReports, reportsExport } from "./list.js";
import { loadReports, reportDetail } from "./queries.js";
import {
  addComment,
  assertOwnUnit,
  attachFiles,
  reviewReport,
  submitReport,
  updateDraft,
  visibleReport,
  visibleScope,
  withdrawReport,
  writeReport,
} from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const access = { access: { ability: "assignments.read" } } as const;
const write = { access: { ability: "reports.write" } } as const;
const tags = ["reports"];

/** A change that a retried request with the same Idempotency-Key must not repeat; answers the first one's result. */
async function once(
  deps: Deps,
  key: IdempotencyKey | null,
  change: () => Promise<{ statusCode: number; reportId: number }>,
): Promise<{ statusCode: number; reportId: number }> {
  if (key) {
    const earlier = await earlierResult(deps.db, key);
    if (earlier) return { statusCode: earlier.statusCode, reportId: earlier.resultId };
  }
  try {
    return await change();
  } catch (error) {
    // the same key raced this request: the other committed first, and its result is the answer
    const earlier = key ? await earlierResult(deps.db, key) : null;
    if (earlier) return { statusCode: earlier.statusCode, reportId: earlier.resultId };
    if (error instanceof KeyTaken || (error as { code?: string }).code === "23505") {
      throw new AppError(409, "report_in_progress", "本期已有一份进展正在填写或已报送，请刷新后查看");
    }
    throw error;
  }
}

export const reportRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db, config } = deps;
    const limits = uploadLimitsOf(config);
    await app.register(multipart, {
      limits: {
        fileSize: limits.maxFileBytes,
        files: limits.maxFiles,
        fields: 60,
        parts: limits.maxFiles + 60,
        fieldSize: 256 * 1024,
      },
    });

    const detail = async (reply: FastifyReply, actor: Actor, id: number, statusCode = 200) => {
      const report = await reportDetail(db, actor, id);
      if (!report) throw notFound("进展报告");
      return reply.status(statusCode).send(report);
    };

    app.get(
      "/reports",
      {
        config: { access: { ability: "assignments.read" } },
        schema: {
          tags,
          summary: "进展报告列表：可见任务的各期最新报告，可按状态、方案、单位、报送日期、关键词筛选，或只看待我审核",
          querystring: ReportListQuery,
          response: { 200: ReportList, ...errors },
        },
      },
      async (request) => listReports(db, request.query, request.actor as Actor),
    );

    app.get(
      "/reports/export.xlsx",
      {
        config: { access: { ability: "assignments.read" } },
        schema: {
          tags,
          summary: "导出进展报告(Excel)：与列表相同的筛选条件，全部符合的报告",
          querystring: ReportListQuery,
          response: { 200: Type.Unknown(), ...errors },
        },
      },
      async (request, reply) =>
        sendList(reply, await reportsExport(db, request.query, request.actor as Actor), deps.clock()),
    );

    app.post(
      "/assignments/:id/reports",
      {
        config: write,
        schema: {
          tags,
          summary:
            "报送进展(multipart：text、period、completion、links、fileIds、files[]、submit=true|false)；可带 Idempotency-Key",
          consumes: ["multipart/form-data"],
          params: IdParams,
          response: { 200: ReportDetail, 201: ReportDetail, 413: ErrorBody, ...errors },
        },
      },
      async (request, reply) => {
        const actor = request.actor as Actor;
        const ctx = changeContext(request);
        // the assignment and the right to write on it are looked at before the upload is read: an unknown or
        // foreign one costs no upload
        const scope = await visibleScope(deps, request.params.id, actor, ctx);
        await assertOwnUnit(deps, actor, scope, ctx, "report");
        // a malformed key is refused before the upload; what it asks is known once the upload is read
        const header = idempotencyKeyOf(request, `report.create:${request.params.id}`, null);
        const { statusCode, reportId } = await withUpload(
          request,
          ReportCreateFields,
          deps.files,
          limits,
          ({ fields, files }) => {
            const asked = { fields, files: files.map((f) => ({ filename: f.filename, sha256: f.sha256 })) };
            const key = header && { ...header, requestHash: requestHashOf(request, asked) };
            return once(deps, key, () => writeReport(deps, scope, fields, files, actor, ctx, key));
          },
        );
        return detail(reply, actor, reportId, statusCode);
      },
    );

    app.get(
      "/assignments/:id/reports",
      {
        config: access,
        schema: {
          tags,
          summary: "任务的全部进展报告(新的在前)",
          params: IdParams,
          response: { 200: ReportList, ...errors },
        },
      },
      async (request) => {
        const actor = request.actor as Actor;
        await getAssignment(db, request.params.id, actor, signalDay(deps), changeContext(request));
        const items = await loadReports(db, actor, eq(reports.assignmentId, request.params.id));
        return { items, total: items.length };
      },
    );

    app.get(
      "/reports/:id",
      {
        config: access,
        schema: {
          tags,
          summary: "进展报告详情：各次修订、讨论、(牵头单位报告)配合单位的报告",
          params: IdParams,
          response: { 200: ReportDetail, ...errors },
        },
      },
      async (request, reply) => {
        await visibleReport(deps, request.params.id, request.actor as Actor, changeContext(request));
        return detail(reply, request.actor as Actor, request.params.id);
      },
    );

    app.patch(
      "/reports/:id",
      {
        config: write,
        schema: {
          tags,
          summary: "保存草稿(须带 version)",
          params: IdParams,
          body: ReportPatch,
          response: { 200: ReportDetail, ...errors },
        },
      },
      async (request, reply) => {
        await updateDraft(deps, request.params.id, request.body, request.actor as Actor, changeContext(request));
        return detail(reply, request.actor as Actor, request.params.id);
      },
    );

    app.post(
      "/reports/:id/files",
      {
        config: write,
        schema: {
          tags,
          summary: "为草稿上传佐证材料(multipart files[])",
          consumes: ["multipart/form-data"],
          params: IdParams,
          response: { 200: ReportDetail, 413: ErrorBody, ...errors },
        },
      },
      async (request, reply) => {
        const actor = request.actor as Actor;
        const ctx = changeContext(request);
        const visible = await visibleReport(deps, request.params.id, actor, ctx);
        await assertOwnUnit(deps, actor, visible.scope, ctx, "report.attach");
        await withUpload(request, VersionBody, deps.files, limits, ({ files }) =>
          attachFiles(deps, visible, files, actor, ctx),
        );
        return detail(reply, actor, request.params.id);
      },
    );

    app.post(
      "/reports/:id/submit",
      {
        config: write,
        schema: {
          tags,
          summary: "报送草稿(须带 version)；可带 Idempotency-Key",
          params: IdParams,
          body: VersionRequired,
          response: { 200: ReportDetail, ...errors },
        },
      },
      async (request, reply) => {
        const actor = request.actor as Actor;
        const key = idempotencyKeyOf(request, `report.submit:${request.params.id}`);
        const { reportId } = await once(deps, key, async () => {
          await submitReport(deps, request.params.id, request.body.version, actor, changeContext(request), key);
          return { statusCode: 200, reportId: request.params.id };
        });
        return detail(reply, actor, reportId);
      },
    );

    app.post(
      "/reports/:id/withdraw",
      {
        config: write,
        schema: {
          tags,
          summary: "撤回草稿或未审核的报告(留档，不删除；须带 version)：经办人只能撤回自己报送的",
          params: IdParams,
          body: VersionRequired,
          response: { 200: ReportDetail, ...errors },
        },
      },
      async (request, reply) => {
        await withdrawReport(
          deps,
          request.params.id,
          request.body.version,
          request.actor as Actor,
          changeContext(request),
        );
        return detail(reply, request.actor as Actor, request.params.id);
      },
    );

    app.post(
      "/reports/:id/review",
      {
        config: { access: { ability: "reports.review" } },
        schema: {
          tags,
          summary: "审核：通过(accept)或退回(return，须写原因)；须带 version；不审核本单位的、本人报送的报告",
          params: IdParams,
          body: ReportReview,
          response: { 200: ReportDetail, ...errors },
        },
      },
      async (request, reply) => {
        await reviewReport(deps, request.params.id, request.body, request.actor as Actor, changeContext(request));
        return detail(reply, request.actor as Actor, request.params.id);
      },
    );

    app.post(
      "/reports/:id/comments",
      {
        config: { access: { ability: "reports.comment" } },
        schema: {
          tags,
          summary: "在报告下留言",
          params: IdParams,
          body: CommentCreate,
          response: { 201: ReportDetail, ...errors },
        },
      },
      async (request, reply) => {
        await addComment(deps, request.params.id, request.body.text, request.actor as Actor, changeContext(request));
        return detail(reply, request.actor as Actor, request.params.id, 201);
      },
    );
  };
