import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import {
  ErrorBody,
  IdParams,
  Notification,
  NotificationList,
  NotificationListQuery,
  NotificationPreference,
  NotificationPreferences,
} from "../../shared/api.js";
import type { Actor } from "../auth/actor.js";
import { notifications } from "../db/schema.js";
import type { Deps } from "../deps.js";
import { changeContext } from "../http/context.js";
import { notFound } from "../http/errors.js";
import { readPreferences, setPreference } from "./preferences.js";

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
  ({ db, config }: Deps): FastifyPluginAsyncTypebox =>
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

    app.get(
      "/notification-preferences",
      {
        config: { access: "authenticated" },
        schema: {
          tags,
          summary: "我的消息设置：每类通知是否同时发邮件和群机器人",
          response: { 200: NotificationPreferences, 401: ErrorBody },
        },
      },
      async (request) => readPreferences(db, config, (request.actor as Actor).userId),
    );

    app.patch(
      "/notification-preferences",
      {
        config: { access: "authenticated" },
        schema: {
          tags,
          summary: "修改一类通知的接收方式（仅站内消息，或站内消息 + 邮件/群机器人）",
          body: NotificationPreference,
          response: { 200: NotificationPreferences, 400: ErrorBody, 401: ErrorBody },
        },
      },
      async (request) => {
        const { userId } = request.actor as Actor;
        await setPreference(db, userId, request.body, changeContext(request));
        return readPreferences(db, config, userId);
      },
    );
  };
