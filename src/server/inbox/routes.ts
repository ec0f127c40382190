import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ErrorBody, Inbox } from "../../shared/api.js";
import type { Actor } from "../auth/actor.js";
import { ChangeCache } from "../db/change-cache.js";
import { type Deps, signalBasis, signalDay } from "../deps.js";
import { sendKept } from "../http/kept-json.js";
import { inboxOf } from "./service.js";

export const inboxRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    // the first thing every user loads: kept for each user until something changes
    const inboxes = new ChangeCache<Inbox>(deps.db);
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
      async (request, reply) => {
        const actor = request.actor as Actor;
        const day = signalDay(deps);
        const kept = await inboxes.get(String(actor.userId), signalBasis(day), () => inboxOf(deps.db, actor, day));
        return sendKept(reply, kept.value);
      },
    );
  };
