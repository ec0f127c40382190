import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { chinaDay } from "../../core/calendar.js";
import { chineseDay } from "../../core/documents/official-date.js";
import {
  Bulletin,
  BulletinCreate,
  BulletinList,
  BulletinListQuery,
  BulletinPatch,
  BulletinPublish,
  type BulletinSummary,
  ErrorBody,
  IdParams,
} from "../../shared/api.js";
import { BULLETIN_STATUS_LABELS } from "../../shared/domain.js";
import type { Actor } from "../auth/actor.js";
import type { Deps } from "../deps.js";
import { type ListColumn, sendList } from "../documents/list-workbook.js";
import { DOCX_MEDIA_TYPE } from "../documents/official.js";
import { contentDisposition } from "../http/content-disposition.js";
import { changeContext } from "../http/context.js";
import { officeOf } from "../settings/office.js";
import { bulletinDocx } from "./document.js";
import { presentBulletin, presentSummaries } from "./present.js";
import { generateBulletin, listBulletins, publishBulletin, updateBulletin, visibleBulletin } from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const read = { access: { ability: "assignments.read" } } as const;
const manage = { access: { ability: "supervision.manage" } } as const;
const tags = ["bulletins"];

const BULLETIN_COLUMNS: ListColumn<BulletinSummary>[] = [
  { header: "文号", width: 20, value: (b) => b.docNumber ?? "（未发布）" },
  { header: "标题", width: 44, value: (b) => b.title },
  { header: "方案", width: 36, value: (b) => b.plan.title },
  { header: "通报期间", width: 20, value: (b) => b.periodName },
  { header: "点名单位", width: 10, value: (b) => b.namedUnits },
  { header: "状态", width: 8, value: (b) => BULLETIN_STATUS_LABELS[b.status] },
  {
    header: "发布日期",
    width: 16,
    value: (b) => (b.publishedAt ? chineseDay(chinaDay(new Date(b.publishedAt))) : null),
  },
];

export const bulletinRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db, clock, config } = deps;
    const detail = async (actor: Actor, id: number) =>
      presentBulletin(db, await visibleBulletin(db, id, actor), actor, await officeOf(db, config), clock());

    app.get(
      "/bulletins",
      {
        config: read,
        schema: {
          tags,
          summary: "通报列表(新的在前)：统筹部门和领导看全部，单位看已发布的",
          querystring: BulletinListQuery,
          response: { 200: BulletinList, ...errors },
        },
      },
      async (request) => {
        const rows = await listBulletins(db, request.actor as Actor, request.query);
        return { items: await presentSummaries(db, rows), total: rows.length };
      },
    );

    app.get(
      "/bulletins/export.xlsx",
      {
        config: read,
        schema: {
          tags,
          summary: "导出通报列表(Excel)：与列表相同的筛选条件(方案、状态、关键词)",
          querystring: BulletinListQuery,
          response: { 200: Type.Unknown(), ...errors },
        },
      },
      async (request, reply) => {
        const { query } = request;
        const items = await presentSummaries(db, await listBulletins(db, request.actor as Actor, query));
        const plan = query.planId ? items.find((b) => b.plan.id === query.planId)?.plan.title : null;
        const filters = [
          plan && `方案：${plan}`,
          query.status && `状态：${BULLETIN_STATUS_LABELS[query.status]}`,
          query.q?.trim() && `关键词：${query.q.trim()}`,
        ];
        return sendList(reply, { name: "通报", columns: BULLETIN_COLUMNS, rows: items, filters }, deps.clock());
      },
    );

    app.post(
      "/bulletins",
      {
        config: manage,
        schema: {
          tags,
          summary: "生成通报草稿：方案在所选期间内到期任务的完成、逾期、退回情况(按当日数据)",
          body: BulletinCreate,
          response: { 201: Bulletin, ...errors },
        },
      },
      async (request, reply) => {
        const id = await generateBulletin(deps, request.body, changeContext(request));
        return reply.status(201).send(await detail(request.actor as Actor, id));
      },
    );

    app.get(
      "/bulletins/:id",
      {
        config: read,
        schema: { tags, summary: "通报详情", params: IdParams, response: { 200: Bulletin, ...errors } },
      },
      async (request) => detail(request.actor as Actor, request.params.id),
    );

    app.get(
      "/bulletins/:id.docx",
      {
        config: read,
        schema: {
          tags,
          summary: "通报 Word 文档(公文格式)；草稿无文号",
          params: IdParams,
          response: { 200: Type.Unknown(), ...errors },
        },
      },
      async (request, reply) => {
        const bulletin = await detail(request.actor as Actor, request.params.id);
        const name = `${bulletin.docNumber ? `${bulletin.docNumber}-` : "草稿-"}${bulletin.title}.docx`;
        return reply
          .type(DOCX_MEDIA_TYPE)
          .header("content-disposition", contentDisposition(name))
          .send(await bulletinDocx(bulletin));
      },
    );

    app.patch(
      "/bulletins/:id",
      {
        config: manage,
        schema: {
          tags,
          summary: "修改通报草稿的标题、开头和工作要求(须带 version)",
          params: IdParams,
          body: BulletinPatch,
          response: { 200: Bulletin, ...errors },
        },
      },
      async (request) => {
        await updateBulletin(db, request.params.id, request.body, changeContext(request), clock());
        return detail(request.actor as Actor, request.params.id);
      },
    );

    app.post(
      "/bulletins/:id/publish",
      {
        config: manage,
        schema: {
          tags,
          summary: "发布通报：编号(通报〔年〕第N号)并通知被通报单位(须带 version)",
          params: IdParams,
          body: BulletinPublish,
          response: { 200: Bulletin, ...errors },
        },
      },
      async (request) => {
        await publishBulletin(db, request.params.id, request.body, changeContext(request), clock());
        return detail(request.actor as Actor, request.params.id);
      },
    );
  };
