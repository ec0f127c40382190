import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { eq } from "drizzle-orm";
import { Type } from "typebox";
import { chinaDay } from "../../core/calendar.js";
import {
  ErrorBody,
  IdParams,
  SupervisionOrder,
  SupervisionOrderCancel,
  SupervisionOrderCreate,
  SupervisionOrderIssue,
  SupervisionOrderList,
  SupervisionOrderListQuery,
  SupervisionOrderPatch,
  SupervisionOrdersCancel,
  SupervisionOrdersDone,
  SupervisionOrdersIssue,
  SupervisionSummary,
  SupervisionSummaryQuery,
} from "../../shared/api.js";
import type { Actor } from "../auth/actor.js";
import { plans } from "../db/schema.js";
import type { Deps } from "../deps.js";
import { sendList } from "../documents/list-workbook.js";
import { DOCX_MEDIA_TYPE } from "../documents/official.js";
import { contentDisposition } from "../http/content-disposition.js";
import { changeContext } from "../http/context.js";
import { officeOf } from "../settings/office.js";
import { orderDocx } from "./document.js";
import { cancelOrders, createOrder, issueOrders, updateOrder } from "./orders.js";
import { getOrder, listOrders, ordersExport } from "./queries.js";
import { summaryExport, supervisionSummary } from "./summary.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const read = { access: { ability: "assignments.read" } } as const;
const manage = { access: { ability: "supervision.manage" } } as const;
const tags = ["supervision"];

export const supervisionOrderRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db, clock } = deps;

    app.get(
      "/supervision-orders",
      {
        config: read,
        schema: {
          tags,
          summary: "督办单列表：统筹部门和领导看全部，单位只看签发给本单位的",
          querystring: SupervisionOrderListQuery,
          response: { 200: SupervisionOrderList, ...errors },
        },
      },
      async (request) => listOrders(db, request.actor as Actor, request.query),
    );

    app.get(
      "/supervision-orders/export.xlsx",
      {
        config: read,
        schema: {
          tags,
          summary: "导出督办单列表(Excel)：与列表相同的筛选条件(状态、等级、方案、单位、关键词)，全部符合的督办单",
          querystring: SupervisionOrderListQuery,
          response: { 200: Type.Unknown(), ...errors },
        },
      },
      async (request, reply) => sendList(reply, await ordersExport(db, request.actor as Actor, request.query), clock()),
    );

    app.get(
      "/supervision-orders/summary",
      {
        config: read,
        schema: {
          tags,
          summary: "督办情况按单位汇总：待签发事项、已督办未整改事项、最长逾期天数、本年各等级督办单数",
          querystring: SupervisionSummaryQuery,
          response: { 200: SupervisionSummary, ...errors },
        },
      },
      async (request) => supervisionSummary(db, request.actor as Actor, request.query, chinaDay(clock())),
    );

    app.get(
      "/supervision-orders/summary.xlsx",
      {
        config: read,
        schema: {
          tags,
          summary: "导出督办情况按单位汇总(Excel)，筛选条件同汇总",
          querystring: SupervisionSummaryQuery,
          response: { 200: Type.Unknown(), ...errors },
        },
      },
      async (request, reply) => {
        const { query } = request;
        const [summary, [plan]] = await Promise.all([
          supervisionSummary(db, request.actor as Actor, query, chinaDay(clock())),
          query.planId ? db.select({ title: plans.title }).from(plans).where(eq(plans.id, query.planId)) : [],
        ]);
        return sendList(reply, summaryExport(summary, query, plan?.title), clock());
      },
    );

    app.post(
      "/supervision-orders/issue",
      {
        config: manage,
        schema: {
          tags,
          summary: "批量签发督办单草稿(须带各自 version)：全部签发或全部不签发，按所给顺序编号",
          body: SupervisionOrdersIssue,
          response: { 200: SupervisionOrdersDone, ...errors },
        },
      },
      async (request) => ({ count: await issueOrders(db, request.body, changeContext(request), clock()) }),
    );

    app.post(
      "/supervision-orders/cancel",
      {
        config: manage,
        schema: {
          tags,
          summary: "批量撤销督办单(草稿或已签发，须带各自 version 和一个原因)：全部撤销或全部不撤销",
          body: SupervisionOrdersCancel,
          response: { 200: SupervisionOrdersDone, ...errors },
        },
      },
      async (request) => ({ count: await cancelOrders(db, request.body, changeContext(request)) }),
    );

    app.post(
      "/supervision-orders",
      {
        config: manage,
        schema: {
          tags,
          summary: "手工督办某项交办的某一期次(默认蓝牌)：并入该单位同一方案同一等级的督办单草稿，没有则新拟一份",
          body: SupervisionOrderCreate,
          response: { 201: SupervisionOrder, ...errors },
        },
      },
      async (request, reply) => {
        const id = await createOrder(db, request.body, changeContext(request), clock());
        return reply.status(201).send(await getOrder(db, null, id));
      },
    );

    app.get(
      "/supervision-orders/:id",
      {
        config: read,
        schema: { tags, summary: "督办单详情", params: IdParams, response: { 200: SupervisionOrder, ...errors } },
      },
      async (request) => getOrder(db, request.actor as Actor, request.params.id),
    );

    app.get(
      "/supervision-orders/:id.docx",
      {
        config: read,
        schema: {
          tags,
          summary: "督办单 Word 文档(公文格式)；草稿无文号",
          params: IdParams,
          response: { 200: Type.Unknown(), ...errors },
        },
      },
      async (request, reply) => {
        const order = await getOrder(db, request.actor as Actor, request.params.id);
        const name = `${order.docNumber ?? "督办单草稿"}-${order.unit.name}.docx`;
        return reply
          .type(DOCX_MEDIA_TYPE)
          .header("content-disposition", contentDisposition(name))
          .send(await orderDocx(order, await officeOf(db, deps.config), clock()));
      },
    );

    app.patch(
      "/supervision-orders/:id",
      {
        config: manage,
        schema: {
          tags,
          summary: "修改督办单草稿(须带 version)：等级、标题、正文、整改时限，移出督办事项",
          params: IdParams,
          body: SupervisionOrderPatch,
          response: { 200: SupervisionOrder, ...errors },
        },
      },
      async (request) => {
        await updateOrder(db, request.params.id, request.body, changeContext(request), clock());
        return getOrder(db, null, request.params.id);
      },
    );

    app.post(
      "/supervision-orders/:id/issue",
      {
        config: manage,
        schema: {
          tags,
          summary: "签发督办单：编号并通知被督办单位",
          params: IdParams,
          body: SupervisionOrderIssue,
          response: { 200: SupervisionOrder, ...errors },
        },
      },
      async (request) => {
        const { id } = request.params;
        await issueOrders(db, { items: [{ id, version: request.body.version }] }, changeContext(request), clock());
        return getOrder(db, null, request.params.id);
      },
    );

    app.post(
      "/supervision-orders/:id/cancel",
      {
        config: manage,
        schema: {
          tags,
          summary: "撤销督办单(草稿或已签发)，须说明原因",
          params: IdParams,
          body: SupervisionOrderCancel,
          response: { 200: SupervisionOrder, ...errors },
        },
      },
      async (request) => {
        const { id } = request.params;
        const { version, reason } = request.body;
        await cancelOrders(db, { items: [{ id, version }], reason }, changeContext(request));
        return getOrder(db, null, request.params.id);
      },
    );
  };
