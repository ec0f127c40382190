import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import {
  Bulletin,
  BulletinCreate,
  BulletinList,
  BulletinListQuery,
  BulletinPatch,
  BulletinPublish,
  ErrorBody,
  IdParams,
} from "../../shared/api.js";
import type { Actor } from "../auth/actor.js";
import type { Deps } from "../deps.js";
import { DOCX_MEDIA_TYPE } from "../documents/official.js";
import { contentDisposition } from "../http/content-disposition.js";
import { changeContext } from "../http/context.js";
import { bulletinDocx } from "./document.js";
import { presentBulletin, presentSummaries } from "./present.js";
import { generateBulletin, listBulletins, publishBulletin, updateBulletin, visibleBulletin } from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const read = { access: { ability: "assignments.read" } } as const;
const manage = { access: { ability: "supervision.manage" } } as const;
const tags = ["bulletins"];

export const bulletinRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db, clock, config } = deps;
    const detail = async (actor: Actor, id: number) =>
      presentBulletin(db, await visibleBulletin(db, id, actor), actor, config.officeName, clock());

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
