import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { and, asc, count, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import { Type } from "typebox";
import { chinaTime } from "../../core/calendar.js";
import { AuditActorList, type AuditEvent, AuditList, AuditQuery, ErrorBody } from "../../shared/api.js";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditLabel } from "../../shared/audit.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import { auditEvents, users } from "../db/schema.js";
import { type ListColumn, MAX_EXPORT_ROWS, sendList } from "../documents/list-workbook.js";

const timeText = (at: string) => chinaTime(new Date(at));

const COLUMNS: ListColumn<AuditEvent>[] = [
  { header: "时间", width: 18, value: (e) => timeText(e.at) },
  { header: "操作人", width: 18, value: (e) => e.actorName ?? (e.actorId === null ? "系统" : `#${e.actorId}`) },
  { header: "动作", width: 20, value: (e) => e.actionLabel },
  { header: "对象类型", width: 12, value: (e) => e.entityTypeLabel },
  { header: "对象ID", width: 10, value: (e) => e.entityId },
  { header: "IP", width: 16, value: (e) => e.ip },
];

function filtersOf(q: AuditQuery): SQL | undefined {
  return and(
    q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
    q.actorId ? eq(auditEvents.actorId, q.actorId) : undefined,
    q.action ? eq(auditEvents.action, q.action) : undefined,
    q.from ? gte(auditEvents.at, new Date(q.from)) : undefined,
    q.to ? lte(auditEvents.at, new Date(q.to)) : undefined,
  );
}

/** The events that match, newest first, with their labels and the actor's name. */
async function eventsOf(db: Db, where: SQL | undefined, limit: number, offset: number): Promise<AuditEvent[]> {
  const rows = await db
    .select({ event: auditEvents, actorName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit)
    .offset(offset);
  return rows.map(({ event, actorName }) => ({
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
  }));
}

async function actorName(db: Db, id: number): Promise<string | null> {
  const [user] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return user?.name ?? null;
}

export const auditRoutes =
  (db: Db, clock: Clock): FastifyPluginAsyncTypebox =>
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
        const where = filtersOf(q);
        const [rows, [{ total }]] = await Promise.all([
          eventsOf(db, where, q.limit ?? 50, q.offset ?? 0),
          db.select({ total: count() }).from(auditEvents).where(where),
        ]);
        return { total, items: rows };
      },
    );

    app.get(
      "/audit/export.xlsx",
      {
        config: { access: { ability: "audit.read" } },
        schema: {
          tags: ["audit"],
          summary: "导出审计日志(Excel)：与列表相同的筛选条件，最多 20000 条",
          querystring: AuditQuery,
          response: { 200: Type.Unknown(), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const rows = await eventsOf(db, filtersOf(q), MAX_EXPORT_ROWS, 0);
        const filters = [
          q.entityType && `对象类型：${auditLabel(AUDIT_ENTITY_TYPES, q.entityType)}`,
          q.entityId && `对象ID：${q.entityId}`,
          q.actorId && `操作人：${(await actorName(db, q.actorId)) ?? `#${q.actorId}`}`,
          q.action && `动作：${auditLabel(AUDIT_ACTIONS, q.action)}`,
          q.from && `自${timeText(q.from)}`,
          q.to && `至${timeText(q.to)}`,
        ];
        return sendList(reply, { name: "审计日志", columns: COLUMNS, rows, filters }, clock());
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
