/** The wire contract of /api for notifications and the due jobs. */
import { type Static, Type } from "typebox";
import {
  CHOOSABLE_NOTIFICATION_KINDS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
} from "../domain.js";
import { Id, Nullable, OneOf, Timestamp } from "./common.js";

export const Notification = Type.Object({
  id: Id,
  kind: OneOf<NotificationKind>(NOTIFICATION_KINDS),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  createdAt: Timestamp,
  readAt: Nullable(Timestamp),
});
export type Notification = Static<typeof Notification>;

export const NotificationList = Type.Object({ items: Type.Array(Notification), unread: Type.Integer() });
export type NotificationList = Static<typeof NotificationList>;

export const NotificationListQuery = Type.Object({
  unread: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type NotificationListQuery = Static<typeof NotificationListQuery>;

/** 消息设置: how the signed-in person hears of one kind of notice. */
export const NotificationPreference = Type.Object({
  kind: OneOf<NotificationKind>(CHOOSABLE_NOTIFICATION_KINDS),
  channel: OneOf<NotificationChannel>(NOTIFICATION_CHANNELS),
});
export type NotificationPreference = Static<typeof NotificationPreference>;

export const NotificationPreferences = Type.Object({
  /** every kind a person may choose for, in the order the page lists them */
  items: Type.Array(NotificationPreference),
  /** the address emails go to (none: only the app and the unit's robots) */
  email: Nullable(Type.String()),
  /** whether the server sends emails at all */
  emailEnabled: Type.Boolean(),
});
export type NotificationPreferences = Static<typeof NotificationPreferences>;

export const JobRunRequest = Type.Object({
  /** run as at this moment (tests, catching up); refused in production mode */
  now: Type.Optional(Timestamp),
});
export type JobRunRequest = Static<typeof JobRunRequest>;

export const JobRun = Type.Object({
  at: Timestamp,
  /** plans in their quiet hours: their messages wait for the next run after them */
  held: Type.Integer(),
  reminders: Type.Integer(),
  urges: Type.Integer(),
  /** overdue periods put into supervision-order drafts (督办事项) for the coordinator to review and issue */
  orders: Type.Integer(),
  /** in-app notifications written */
  notifications: Type.Integer(),
  /** emails and robot messages sent, and those that failed this time (retried later) */
  delivered: Type.Integer(),
  deliveryFailures: Type.Integer(),
});
export type JobRun = Static<typeof JobRun>;
