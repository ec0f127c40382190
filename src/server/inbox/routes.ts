import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ErrorBody, Inbox } from "../../shared/api.js";
import type { Actor } from "../auth/actor.js";
import { type Deps, signalDay } from "../deps.js";
import { inboxOf } from "./service.js";

export const inboxRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      "/inbox",
      {
        config: { access: "authenticated" },
        schema: {
          tags: ["inbox"],
          summary: "我的待办：待签收、待报送、被退回、待我审核、待审批的延期申请",
          response: { 200: Inbox, 401: ErrorBody },
        },
      },
      async (request) => inboxOf(deps.db, request.actor as Actor, signalDay(deps)),
    );
  };
