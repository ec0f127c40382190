import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { sql } from "drizzle-orm";
import { ErrorBody, Health } from "../../shared/api.js";
import type { Database } from "../db/client.js";
import { AppError } from "../http/errors.js";
import { VERSION } from "../version.js";

export const healthRoutes =
  (database: Database): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      "/health",
      {
        config: { access: "public" },
        schema: { tags: ["health"], summary: "健康检查:数据库可达与版本", response: { 200: Health, 503: ErrorBody } },
      },
      async () => {
        try {
          await database.db.execute(sql`select 1`);
        } catch {
          throw new AppError(503, "database_unreachable", "数据库无法连接");
        }
        return { status: "ok" as const, database: database.kind, version: VERSION };
      },
    );
  };
