import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { ErrorBody, IdParams, Notification, NotificationList, NotificationListQuery } from "../../shared/api.js";
import type { Actor } from "../auth/actor.js";
import type { Db } from "../db/client.js";
import { notifications } from "../db/schema.js";
import { notFound } from "../http/errors.js";

const errors = { 401: ErrorBody, 404: ErrorBody };
const tags = ["notifications"];

function present(row: typeof notifications.$inferSelect): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** Each user's own notifications (the bell); nobody reads or marks another's. */
export const notificationRoutes =
  (db: Db): FastifyPluginAsyncTypebox =>
  async (app) => {
    const unreadOf = async (userId: number) =>
      (
        await db
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      )[0].n;

    app.get(
      "/notifications",
      {
        config: { access: "authenticated" },
        schema: {
          tags,
          summary: "我的通知(新的在前)与未读数",
          querystring: NotificationListQuery,
          response: { 200: NotificationList, ...errors },
        },
      },
      async (request) => {
        const { userId } = request.actor as Actor;
        const rows = await db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, userId), request.query.unread ? isNull(notifications.readAt) : undefined))
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(request.query.limit ?? 50);
        return { items: rows.map(present), unread: await unreadOf(userId) };
      },
    );

    app.post(
      "/notifications/:id/read",
      {
        config: { access: "authenticated" },
        schema: { tags, summary: "标为已读", params: IdParams, response: { 200: Notification, ...errors } },
      },
      async (request) => {
        const { userId } = request.actor as Actor;
        const [row] = await db
          .update(notifications)
          .set({ readAt: new Date() })
          .where(and(eq(notifications.id, request.params.id), eq(notifications.userId, userId)))
          .returning();
        if (!row) throw notFound("通知");
        return present(row);
      },
    );

    app.post(
      "/notifications/read-all",
      {
        config: { access: "authenticated" },
        schema: { tags, summary: "全部标为已读", response: { 200: NotificationList, ...errors } },
      },
      async (request) => {
        const { userId } = request.actor as Actor;
        await db
          .update(notifications)
          .set({ readAt: new Date() })
          .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
        return { items: [], unread: 0 };
      },
    );
  };
