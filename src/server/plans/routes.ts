import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { Value } from "typebox/value";
import { defaultReadLimits } from "../../core/parser/readers/index.js";
import {
  ErrorBody,
  IdParams,
  IMPORT_ID_PATTERN,
  ImportProgress,
  ImportProgressParams,
  ParseChoices,
  PhraseDismiss,
  PhraseMap,
  PlanCreate,
  PlanDeleteQuery,
  PlanDetail,
  PlanList,
  PlanListQuery,
  PlanPatch,
  PlanPublish,
  PlanReparse,
  PlanReparseResult,
  PlanTaskParams,
  TaskCreate,
  TaskDeleteQuery,
  TaskMerge,
  TaskPatch,
  TaskSplit,
} from "../../shared/api.js";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { contentDisposition } from "../http/content-disposition.js";
import { changeContext, datedChange } from "../http/context.js";
import { refuseControlChars } from "../http/edge.js";
import { AppError, notFound } from "../http/errors.js";
import { UnitResolver } from "../units/resolve.js";
import { allUnits, listUnitGroups } from "../units/service.js";
import { planWorkbook } from "./export.js";
import { ImportProgressBoard } from "./import-progress.js";
import { ParsePool } from "./parse-pool.js";
import { dismissPhrase, mapPhrase } from "./phrases.js";
import { presentPlan, presentPlanDetail } from "./present.js";
import { publishPlan } from "./publish.js";
import { listPlans, loadPlanParts } from "./queries.js";
import { reparsePlan } from "./reread.js";
import { createPlan, deletePlan, importPlan, planFile, updatePlan } from "./service.js";
import { createTask, deleteTask, mergeTask, splitTask, updateTask } from "./tasks.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const read = { access: { ability: "plans.read" } } as const;
const manage = { access: { ability: "plans.manage" } } as const;
const tags = ["plans"];
const MB = 1024 * 1024;
/** Plan files read at once, each in a worker thread of its own (a scan's OCR runs its own processes besides). */
const PARSE_WORKERS = 2;

export async function planDetail(db: Db, id: number): Promise<PlanDetail> {
  const [parts, registry, groups] = await Promise.all([loadPlanParts(db, id), allUnits(db), listUnitGroups(db)]);
  return presentPlanDetail(parts, registry, new UnitResolver(registry, groups));
}

/** The import form's `options` field: the JSON of the choices to read the file with (column roles, task level). */
function importChoices(raw: unknown): ParseChoices {
  if (raw === undefined || raw === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(String(raw));
  } catch {
    throw new AppError(400, "validation_failed", "导入选项（options）不是有效的 JSON");
  }
  refuseControlChars(value);
  if (!Value.Check(ParseChoices, value)) {
    throw new AppError(400, "validation_failed", "导入选项（options）不符合要求：列的含义或任务层级无效");
  }
  return Value.Clean(ParseChoices, value) as ParseChoices;
}

const IMPORT_ID = new RegExp(IMPORT_ID_PATTERN);

/** Records an import's progress under the caller and the id its X-Import-Id header gives; without one, nothing. */
function importTracker(
  board: ImportProgressBoard,
  userId: number | undefined,
  header: string | string[] | undefined,
): (progress: ImportProgress) => void {
  if (header === undefined) return () => {};
  if (typeof header !== "string" || !IMPORT_ID.test(header)) {
    throw new AppError(400, "validation_failed", "导入编号（X-Import-Id）无效：应为 8–64 位字母、数字、- 或 _");
  }
  if (userId === undefined) return () => {};
  return (progress) => board.set(userId, header, progress);
}

export const planRoutes =
  (db: Db, clock: Clock, config: Config): FastifyPluginAsyncTypebox =>
  async (app) => {
    const parsing = new ParsePool(PARSE_WORKERS, config.parseTimeoutSeconds * 1000);
    app.addHook("onClose", () => parsing.close());
    await app.register(multipart, {
      limits: { fileSize: defaultReadLimits.maxBytes, files: 1, fields: 5, parts: 6 },
    });
    const progress = new ImportProgressBoard();

    app.post(
      "/plans/import",
      {
        config: manage,
        schema: {
          tags,
          summary:
            "导入方案文件(multipart 字段 file：txt/docx/doc/wps/pdf/ofd/xlsx/html；可选字段 options，在 file 之前：列的含义与任务层级的 JSON)，识别为草稿",
          consumes: ["multipart/form-data"],
          response: { 201: PlanDetail, 413: ErrorBody, ...errors },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError(400, "file_required", "请选择要导入的方案文件（以表单字段 file 上传）");
        }
        const track = importTracker(progress, request.actor?.userId, request.headers["x-import-id"]);
        track({ stage: "uploading", done: 0, total: 0 });
        let upload: { bytes: Buffer; filename: string } | null = null;
        let choices: ParseChoices = {};
        try {
          const file = await request.file();
          if (file && file.fieldname === "file") upload = { bytes: await file.toBuffer(), filename: file.filename };
          const options = file?.fields.options;
          if (options && !Array.isArray(options) && options.type === "field") choices = importChoices(options.value);
        } catch (error) {
          if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
            throw new AppError(
              413,
              "document_too_large",
              `文件超过 ${defaultReadLimits.maxBytes / MB} MB 的上限，请删去附件、图片后再上传`,
            );
          }
          throw error;
        }
        if (!upload) throw new AppError(400, "file_required", "请选择要导入的方案文件（以表单字段 file 上传）");
        track({ stage: "reading", done: 0, total: 0 });
        const onProgress = ({ done, total }: { done: number; total: number }) => track({ stage: "ocr", done, total });
        try {
          const id = await importPlan(
            db,
            { ...upload, onProgress, reader: parsing.read },
            changeContext(request),
            clock(),
            choices,
          );
          track({ stage: "done", done: 0, total: 0 });
          return reply.status(201).send(await planDetail(db, id));
        } catch (error) {
          track({ stage: "failed", done: 0, total: 0 });
          throw error;
        }
      },
    );

    app.get(
      "/plans/import-progress/:importId",
      {
        config: manage,
        schema: {
          tags,
          summary: "导入进度：导入请求头 X-Import-Id 所带编号的导入进行到哪一步（扫描件为已识别页数），仅本人可查",
          params: ImportProgressParams,
          response: { 200: ImportProgress, ...errors },
        },
      },
      async (request) => {
        const found = progress.get(request.actor?.userId ?? 0, request.params.importId);
        // another user's import is as unknown as one that never was
        if (!found) throw notFound("这次导入的进度");
        return found;
      },
    );

    app.get(
      "/plans",
      {
        config: read,
        schema: { tags, summary: "方案列表", querystring: PlanListQuery, response: { 200: PlanList, ...errors } },
      },
      async (request) => {
        const rows = await listPlans(db, request.query);
        return { items: rows.map((r) => presentPlan(r.plan, r.counts)), total: rows.length };
      },
    );

    app.post(
      "/plans",
      {
        config: manage,
        schema: { tags, summary: "手工新建方案", body: PlanCreate, response: { 201: PlanDetail, ...errors } },
      },
      async (request, reply) => {
        const id = await createPlan(db, request.body, changeContext(request));
        return reply.status(201).send(await planDetail(db, id));
      },
    );

    app.get(
      "/plans/:id",
      {
        config: read,
        schema: {
          tags,
          summary: "方案详情：部分、任务(单位、时限、指标)与待处理的单位表述",
          params: IdParams,
          response: { 200: PlanDetail, ...errors },
        },
      },
      async (request) => planDetail(db, request.params.id),
    );

    app.patch(
      "/plans/:id",
      {
        config: manage,
        schema: {
          tags,
          summary: "修改方案信息(须带 version)",
          params: IdParams,
          body: PlanPatch,
          response: { 200: PlanDetail, ...errors },
        },
      },
      async (request) => {
        await updatePlan(db, request.params.id, request.body, datedChange(request, clock));
        return planDetail(db, request.params.id);
      },
    );

    app.get(
      "/plans/:id/file",
      {
        config: read,
        schema: {
          tags,
          summary: "下载导入时的原始文件",
          params: IdParams,
          response: { 200: Type.Unknown(), ...errors },
        },
      },
      async (request, reply) => {
        const file = await planFile(db, request.params.id);
        if (!file) throw notFound("原始文件");
        return reply
          .type(file.mediaType)
          .header("content-disposition", contentDisposition(file.filename))
          .header("x-content-type-options", "nosniff")
          .send(file.content);
      },
    );

    app.get(
      "/plans/:id/export.xlsx",
      {
        config: read,
        schema: {
          tags,
          summary: "导出任务分工表(Excel)",
          params: IdParams,
          response: { 200: Type.Unknown(), ...errors },
        },
      },
      async (request, reply) => {
        const plan = await planDetail(db, request.params.id);
        return reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", contentDisposition(`${plan.title}-任务分工表.xlsx`))
          .send(await planWorkbook(plan));
      },
    );

    app.post(
      "/plans/:id/publish",
      {
        config: manage,
        schema: {
          tags,
          summary: "交办：为每项任务的每个单位生成任务(须带 version)",
          params: IdParams,
          body: PlanPublish,
          response: { 200: PlanDetail, ...errors },
        },
      },
      async (request) => {
        await publishPlan(db, request.params.id, request.body, datedChange(request, clock));
        return planDetail(db, request.params.id);
      },
    );

    app.delete(
      "/plans/:id",
      {
        config: manage,
        schema: {
          tags,
          summary: "删除方案草稿(须带 version；已交办的方案不能删除)；方案及其文件留存于审计日志",
          params: IdParams,
          querystring: PlanDeleteQuery,
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (request, reply) => {
        await deletePlan(db, request.params.id, request.query.version, changeContext(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/plans/:id/reparse",
      {
        config: manage,
        schema: {
          tags,
          summary: "按新的列含义或任务层级重新识别草稿的原文件，保留仍适用的人工修改(须带 version)",
          params: IdParams,
          body: PlanReparse,
          response: { 200: PlanReparseResult, ...errors },
        },
      },
      async (request) => {
        const kept = await reparsePlan(db, request.params.id, request.body, changeContext(request), parsing.read);
        return { plan: await planDetail(db, request.params.id), ...kept };
      },
    );

    app.post(
      "/plans/:id/phrases/map",
      {
        config: manage,
        schema: {
          tags,
          summary: "把未识别的单位表述对应到单位(默认保存为该单位的别名)",
          params: IdParams,
          body: PhraseMap,
          response: { 200: PlanDetail, ...errors },
        },
      },
      async (request) => {
        await mapPhrase(db, request.params.id, request.body, datedChange(request, clock));
        return planDetail(db, request.params.id);
      },
    );

    app.post(
      "/plans/:id/phrases/dismiss",
      {
        config: manage,
        schema: {
          tags,
          summary: "忽略未识别的单位表述(须说明原因)",
          params: IdParams,
          body: PhraseDismiss,
          response: { 200: PlanDetail, ...errors },
        },
      },
      async (request) => {
        await dismissPhrase(db, request.params.id, request.body, datedChange(request, clock));
        return planDetail(db, request.params.id);
      },
    );

    app.post(
      "/plans/:id/tasks",
      {
        config: manage,
        schema: {
          tags,
          summary: "新增任务",
          params: IdParams,
          body: TaskCreate,
          response: { 201: PlanDetail, ...errors },
        },
      },
      async (request, reply) => {
        await createTask(db, request.params.id, request.body, datedChange(request, clock));
        return reply.status(201).send(await planDetail(db, request.params.id));
      },
    );

    app.patch(
      "/plans/:id/tasks/:taskId",
      {
        config: manage,
        schema: {
          tags,
          summary: "修改任务：内容、单位、时限、指标(须带 version)",
          params: PlanTaskParams,
          body: TaskPatch,
          response: { 200: PlanDetail, ...errors },
        },
      },
      async (request) => {
        const { id, taskId } = request.params;
        await updateTask(db, id, taskId, request.body, datedChange(request, clock));
        return planDetail(db, id);
      },
    );

    app.delete(
      "/plans/:id/tasks/:taskId",
      {
        config: manage,
        schema: {
          tags,
          summary: "删除任务(仅草稿)",
          params: PlanTaskParams,
          querystring: TaskDeleteQuery,
          response: { 200: PlanDetail, ...errors },
        },
      },
      async (request) => {
        const { id, taskId } = request.params;
        await deleteTask(db, id, taskId, request.query.version, changeContext(request));
        return planDetail(db, id);
      },
    );

    app.post(
      "/plans/:id/tasks/:taskId/split",
      {
        config: manage,
        schema: {
          tags,
          summary: "把一项任务拆成两项(仅草稿)",
          params: PlanTaskParams,
          body: TaskSplit,
          response: { 200: PlanDetail, ...errors },
        },
      },
      async (request) => {
        const { id, taskId } = request.params;
        await splitTask(db, id, taskId, request.body, changeContext(request));
        return planDetail(db, id);
      },
    );

    app.post(
      "/plans/:id/tasks/:taskId/merge",
      {
        config: manage,
        schema: {
          tags,
          summary: "把下一项任务并入本任务(仅草稿)",
          params: PlanTaskParams,
          body: TaskMerge,
          response: { 200: PlanDetail, ...errors },
        },
      },
      async (request) => {
        const { id, taskId } = request.params;
        await mergeTask(db, id, taskId, request.body, changeContext(request));
        return planDetail(db, id);
      },
    );
  };
