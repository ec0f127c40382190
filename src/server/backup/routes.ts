/**
 * GET /api/backup: the backup taken by the server process itself. With the embedded database (PGlite) the running
 * server is the only process that may open it, so this is how it is backed up without stopping; `fazhi backup
 * --server` calls it.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { ErrorBody } from "../../shared/api.js";
import type { Database } from "../db/client.js";
import type { Deps } from "../deps.js";
import { changeContext } from "../http/context.js";
import { writeBackup } from "./backup.js";

export const backupRoutes =
  (deps: Deps, database: Database): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      "/backup",
      {
        config: { access: { ability: "backup.run" } },
        schema: {
          tags: ["system"],
          summary: "下载备份(数据库与证据文件，tar.gz)：取自同一时刻的数据快照，服务运行中也一致；仅系统管理员",
          response: { 200: Type.Unknown(), 401: ErrorBody, 403: ErrorBody },
        },
      },
      async (request, reply) => {
        const work = await mkdtemp(path.join(tmpdir(), "fazhi-backup-download-"));
        const file = path.join(work, "backup.tar.gz");
        try {
          const manifest = await writeBackup(file, { database, store: deps.files, ...changeContext(request) });
          const stamp = manifest.createdAt.replace(/[:.]/g, "-");
          const body = createReadStream(file);
          body.once("close", () => void rm(work, { recursive: true, force: true }));
          return reply
            .type("application/gzip")
            .header("content-disposition", `attachment; filename="fazhi-backup-${stamp}.tar.gz"`)
            .header("cache-control", "no-store")
            .send(body);
        } catch (error) {
          await rm(work, { recursive: true, force: true });
          throw error;
        }
      },
    );
  };
