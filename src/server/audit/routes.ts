import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { and, asc, count, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import { AuditActorList, AuditList, AuditQuery, ErrorBody } from "../../shared/api.js";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditLabel } from "../../shared/audit.js";
import type { Db } from "../db/client.js";
import { auditEvents, users } from "../db/schema.js";

export const auditRoutes =
  (db: Db): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      "/audit",
      {
        config: { access: { ability: "audit.read" } },
        schema: {
          tags: ["audit"],
          summary: "审计日志(按对象、操作人、动作、时间筛选,最新在前)",
          querystring: AuditQuery,
          response: { 200: AuditList, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
        },
      },
      async (request) => {
        const q = request.query;
        const filters: (SQL | undefined)[] = [
          q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
          q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
          q.actorId ? eq(auditEvents.actorId, q.actorId) : undefined,
          q.action ? eq(auditEvents.action, q.action) : undefined,
          q.from ? gte(auditEvents.at, new Date(q.from)) : undefined,
          q.to ? lte(auditEvents.at, new Date(q.to)) : undefined,
        ];
        const where = and(...filters);
        const [rows, [{ total }]] = await Promise.all([
          db
            .select({ event: auditEvents, actorName: users.displayName })
            .from(auditEvents)
            .leftJoin(users, eq(users.id, auditEvents.actorId))
            .where(where)
            .orderBy(desc(auditEvents.at), desc(auditEvents.id))
            .limit(q.limit ?? 50)
            .offset(q.offset ?? 0),
          db.select({ total: count() }).from(auditEvents).where(where),
        ]);
        return {
          total,
          items: rows.map(({ event, actorName }) => ({
            id: event.id,
            at: event.at.toISOString(),
            actorId: event.actorId,
            actorName,
            action: event.action,
            actionLabel: auditLabel(AUDIT_ACTIONS, event.action),
            entityType: event.entityType,
            entityTypeLabel: auditLabel(AUDIT_ENTITY_TYPES, event.entityType),
            entityId: event.entityId,
            before: event.before,
            after: event.after,
            ip: event.ip,
          })),
        };
      },
    );

    app.get(
      "/audit/actors",
      {
        config: { access: { ability: "audit.read" } },
        schema: {
          tags: ["audit"],
          summary: "可作为审计日志操作人筛选条件的账号",
          response: { 200: AuditActorList, 401: ErrorBody, 403: ErrorBody },
        },
      },
      async () => ({
        items: await db
          .select({ id: users.id, username: users.username, displayName: users.displayName })
          .from(users)
          .orderBy(asc(users.id)),
      }),
    );
  };
