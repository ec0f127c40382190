import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Dashboard, DashboardQuery, ErrorBody } from "../../shared/api.js";
import type { Actor } from "../auth/actor.js";
import { type Deps, signalDay } from "../deps.js";
import { dashboardOf } from "./service.js";

export const dashboardRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
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
      async (request) => dashboardOf(deps.db, request.query, request.actor as Actor, signalDay(deps)),
    );
  };
