import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ErrorBody, IdParams, PlanProgress } from "../../shared/api.js";
import { type Deps, signalDay } from "../deps.js";
import { planProgress } from "./service.js";

export const progressRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      "/plans/:id/progress",
      {
        config: { access: { ability: "assignments.read_all" } },
        schema: {
          tags: ["plans"],
          summary: "方案进度矩阵：任务 × 单位，按红黄绿灯着色",
          params: IdParams,
          response: { 200: PlanProgress, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => planProgress(deps.db, request.params.id, signalDay(deps)),
    );
  };
