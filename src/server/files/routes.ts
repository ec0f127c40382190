import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { and, eq } from "drizzle-orm";
import { Type } from "typebox";
import { isPreviewable } from "../../core/evidence/file-type.js";
import { ErrorBody } from "../../shared/api.js";
import { recordDenied } from "../assignments/service.js";
import type { Actor } from "../auth/actor.js";
import { assignments, files, reportFiles, reports } from "../db/schema.js";
import type { Deps } from "../deps.js";
import { contentDisposition } from "../http/content-disposition.js";
import { changeContext } from "../http/context.js";
import { notFound } from "../http/errors.js";
import { reportsVisibleTo } from "../reports/access.js";

/** A file's token (files.token): 16 random bytes in base64url; a file's integer id never names it in an address. */
const FileParams = Type.Object({ token: Type.String({ pattern: "^[A-Za-z0-9_-]{22}$" }) });

const INLINE_POLICY =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

export const fileRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db } = deps;
    app.get(
      "/files/:token",
      {
        config: { access: { ability: "assignments.read" } },
        schema: {
          tags: ["reports"],
          summary:
            "下载佐证材料(inline=true 在浏览器中预览 PDF 与图片)；能看到包含它的进展报告的人才能下载(草稿只有本单位)",
          params: FileParams,
          querystring: Type.Object({ inline: Type.Optional(Type.Boolean()) }),
          response: { 200: Type.Unknown(), ...{ 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } },
        },
      },
      async (request, reply) => {
        const actor = request.actor as Actor;
        const [file] = await db.select().from(files).where(eq(files.token, request.params.token));
        if (!file) throw notFound("文件");
        // a file is seen exactly when a report that holds it is: an unsubmitted draft's only by its own unit
        const [holder] = await db
          .select({ id: reportFiles.reportId })
          .from(reportFiles)
          .innerJoin(reports, eq(reports.id, reportFiles.reportId))
          .innerJoin(assignments, eq(assignments.id, reports.assignmentId))
          .where(and(eq(reportFiles.fileId, file.id), reportsVisibleTo(actor)))
          .limit(1);
        if (!holder) {
          await recordDenied(db, changeContext(request), null, { reason: "file_not_visible", fileId: file.id });
          throw notFound("文件");
        }
        if (!deps.files.has(file.sha256)) throw notFound("文件内容");
        const inline = request.query.inline === true && isPreviewable(file.mediaType);
        // a preview opens in the app's own pages (a new tab or a frame of the app): the browser's PDF viewer and the
        // image need their own policy, which allows them and nothing else
        if (inline) reply.header("content-security-policy", INLINE_POLICY);
        return reply
          .type(file.mediaType)
          .header("content-length", file.size)
          .header("content-disposition", contentDisposition(file.filename, inline ? "inline" : "attachment"))
          .header("cache-control", "private, max-age=3600")
          .send(deps.files.read(file.sha256));
      },
    );
  };
