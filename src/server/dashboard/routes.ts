import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Dashboard, DashboardQuery, ErrorBody } from "../../shared/api.js";
import { seesAll } from "../assignments/service.js";
import type { Actor } from "../auth/actor.js";
import { ChangeCache } from "../db/change-cache.js";
import { type Deps, signalBasis, signalDay } from "../deps.js";
import { type DashboardNumbers, dashboardOf } from "./service.js";

export const dashboardRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const cache = new ChangeCache<DashboardNumbers>(deps.db, { staleAfterMs: 100 });
    app.get(
      "/dashboard",
      {
        config: { access: { ability: "assignments.read" } },
        schema: {
          tags: ["dashboard"],
          summary: "驾驶舱：红黄绿灯、各单位完成率、逾期趋势、部分 × 单位热力图、逾期最久与即将到期；单位只看本单位",
          querystring: DashboardQuery,
          response: { 200: Dashboard, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => {
        const actor = request.actor as Actor;
        const day = signalDay(deps);
        // the office and the leaders see one dashboard; a unit's people see their unit's
        const scope = seesAll(actor) ? "all" : `unit:${actor.unit?.id ?? "none"}`;
        const key = [scope, request.query.planId ?? "", request.query.year ?? ""].join("|");
        const { value, computedAt, refreshing } = await cache.get(key, signalBasis(day), () =>
          dashboardOf(deps.db, request.query, actor, day),
        );
        return { ...value, computedAt: computedAt.toISOString(), refreshing };
      },
    );
  };
