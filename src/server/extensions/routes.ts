import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { and, eq } from "drizzle-orm";
import {
  ErrorBody,
  ExtensionDecision,
  ExtensionRequest,
  ExtensionRequestCreate,
  ExtensionRequestList,
  ExtensionRequestListQuery,
  IdParams,
} from "../../shared/api.js";
import type { Actor } from "../auth/actor.js";
import { extensionRequests } from "../db/schema.js";
import type { Deps } from "../deps.js";
import { changeContext } from "../http/context.js";
import { decideExtension, getExtensionRequest, listExtensionRequests, requestExtension } from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const access = { access: { ability: "assignments.read" } } as const;
const tags = ["extension-requests"];

export const extensionRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      "/assignments/:id/extension-requests",
      {
        config: { access: { ability: "extensions.request" } },
        schema: {
          tags,
          summary: "申请延期(本单位管理员)：period 缺省为下一未完成期次",
          params: IdParams,
          body: ExtensionRequestCreate,
          response: { 201: ExtensionRequest, ...errors },
        },
      },
      async (request, reply) => {
        const actor = request.actor as Actor;
        const id = await requestExtension(deps, request.params.id, request.body, actor, changeContext(request));
        return reply.status(201).send(await getExtensionRequest(deps.db, id));
      },
    );

    app.get(
      "/extension-requests",
      {
        config: access,
        schema: {
          tags,
          summary: "延期申请列表：统筹单位看全部，单位看本单位的",
          querystring: ExtensionRequestListQuery,
          response: { 200: ExtensionRequestList, ...errors },
        },
      },
      async (request) => {
        const { status, assignmentId } = request.query;
        const items = await listExtensionRequests(
          deps.db,
          request.actor as Actor,
          and(
            status ? eq(extensionRequests.status, status) : undefined,
            assignmentId ? eq(extensionRequests.assignmentId, assignmentId) : undefined,
          ),
        );
        return { items, total: items.length };
      },
    );

    app.post(
      "/extension-requests/:id/decide",
      {
        config: { access: { ability: "plans.manage" } },
        schema: {
          tags,
          summary:
            "审批延期申请(统筹单位，不审批本单位的申请；须带 version)：approve=true 同意，截止日期随之改为申请的日期",
          params: IdParams,
          body: ExtensionDecision,
          response: { 200: ExtensionRequest, ...errors },
        },
      },
      async (request) => {
        await decideExtension(deps, request.params.id, request.body, request.actor as Actor, changeContext(request));
        return getExtensionRequest(deps.db, request.params.id);
      },
    );
  };
