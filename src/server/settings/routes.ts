import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ErrorBody, Settings } from "../../shared/api.js";
import type { Config } from "../config.js";

export const settingsRoutes =
  (config: Config): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      "/settings",
      {
        config: { access: "authenticated" },
        schema: {
          tags: ["settings"],
          summary: "网页端需要的设置：材料大小上限、黄灯提前天数",
          response: { 200: Settings, 401: ErrorBody },
        },
      },
      async () => ({ maxUploadBytes: config.maxUploadBytes, yellowDays: config.yellowDays }),
    );
  };
