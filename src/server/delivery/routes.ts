import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  Channel,
  ChannelCreate,
  ChannelList,
  ChannelPatch,
  ChannelTestResult,
  Delivery,
  DeliveryList,
  DeliveryListQuery,
  ErrorBody,
  IdParams,
} from "../../shared/api.js";
import type { Deps } from "../deps.js";
import { changeContext } from "../http/context.js";
import {
  createChannel,
  getChannel,
  listChannels,
  listDeliveries,
  presentChannel,
  presentDelivery,
  retryDelivery,
  testChannel,
  updateChannel,
} from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const manage = { access: { ability: "channels.manage" } } as const;
const tags = ["channels"];

/** 消息渠道: the group robots and the outbox of emails and robot messages (admin). */
export const deliveryRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db } = deps;

    app.get(
      "/channels",
      { config: manage, schema: { tags, summary: "群机器人列表", response: { 200: ChannelList, ...errors } } },
      async () => ({ items: (await listChannels(db)).map(presentChannel) }),
    );

    app.post(
      "/channels",
      {
        config: manage,
        schema: { tags, summary: "新建群机器人", body: ChannelCreate, response: { 201: Channel, ...errors } },
      },
      async (request, reply) =>
        reply.status(201).send(presentChannel(await createChannel(db, request.body, changeContext(request)))),
    );

    app.get(
      "/channels/:id",
      {
        config: manage,
        schema: { tags, summary: "群机器人详情", params: IdParams, response: { 200: Channel, ...errors } },
      },
      async (request) => presentChannel(await getChannel(db, request.params.id)),
    );

    app.patch(
      "/channels/:id",
      {
        config: manage,
        schema: {
          tags,
          summary: "修改、启用或停用群机器人(须带 version)",
          params: IdParams,
          body: ChannelPatch,
          response: { 200: Channel, ...errors },
        },
      },
      async (request) =>
        presentChannel(await updateChannel(db, request.params.id, request.body, changeContext(request))),
    );

    app.post(
      "/channels/:id/test",
      {
        config: manage,
        schema: {
          tags,
          summary: "立即向群机器人发送一条测试消息，返回机器人的应答",
          params: IdParams,
          response: { 200: ChannelTestResult, ...errors },
        },
      },
      async (request) => testChannel(db, deps.config, request.params.id, changeContext(request)),
    );

    app.get(
      "/deliveries",
      {
        config: manage,
        schema: {
          tags,
          summary: "外发消息(邮件、群机器人)：待发送、已发送、发送失败，新的在前",
          querystring: DeliveryListQuery,
          response: { 200: DeliveryList, ...errors },
        },
      },
      async (request) => listDeliveries(db, request.query),
    );

    app.post(
      "/deliveries/:id/retry",
      {
        config: manage,
        schema: {
          tags,
          summary: "重新发送一条发送失败的消息(下一次执行到期任务时发送)",
          params: IdParams,
          response: { 200: Delivery, ...errors },
        },
      },
      async (request) =>
        presentDelivery(await retryDelivery(db, request.params.id, deps.clock(), changeContext(request))),
    );
  };
