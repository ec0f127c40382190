import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ErrorBody, JobRun, JobRunRequest } from "../../shared/api.js";
import type { Deps } from "../deps.js";
import { badRequest } from "../http/errors.js";
import { runDueJobs } from "./run.js";

export const jobRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      "/jobs/run",
      {
        config: { access: { ability: "jobs.run" } },
        schema: {
          tags: ["jobs"],
          summary: "立即执行到期的任务(提醒、催办、督办单、外发消息)；now 仅在非生产模式下可用",
          body: JobRunRequest,
          response: { 200: JobRun, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
        },
      },
      async (request) => {
        if (request.body.now && deps.config.mode === "production") {
          throw badRequest("生产模式下不能指定执行时间(now)");
        }
        const at = request.body.now ? new Date(request.body.now) : deps.clock();
        return runDueJobs(deps.db, deps.config, at);
      },
    );
  };
