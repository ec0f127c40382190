/**
 * Sends messages to people: a notification in the app (the bell) for each recipient, and into the outbox an email
 * to each recipient with an address and a message to the unit's group robots (src/server/delivery/), all written in
 * the caller's transaction, so a message exists exactly when the change that caused it does.
 */
import type { NotificationKind } from "../../shared/domain.js";
import type { Queryable } from "../db/client.js";
import { notifications } from "../db/schema.js";
import { insertUnnest } from "../db/unnest.js";
import { enqueueDeliveries } from "../delivery/enqueue.js";

export interface Message {
  kind: NotificationKind;
  title: string;
  body: string;
  /** the app's page it opens */
  link: string | null;
  assignmentId?: number | null;
}

export interface Addressed {
  message: Message;
  /** the people it goes to */
  userIds: number[];
  /** the unit it is about, if one: that unit's robots hear of it too */
  unitId: number | null;
}

/** Rows per insert statement (one array parameter per column, see insertUnnest). */
const CHUNK = 1000;

/** Writes the messages, in the transaction of what they report. Returns how many notifications were written. */
export async function notify(tx: Queryable, items: Addressed[]): Promise<number> {
  const rows = items.flatMap(({ message, userIds }) =>
    userIds.map((userId) => ({
      userId,
      kind: message.kind,
      title: message.title,
      body: message.body,
      link: message.link,
      assignmentId: message.assignmentId ?? null,
    })),
  );
  for (let at = 0; at < rows.length; at += CHUNK) {
    const chunk = rows.slice(at, at + CHUNK);
    await insertUnnest(tx, notifications, [
      [notifications.userId, "int", chunk.map((r) => r.userId)],
      [notifications.kind, "text", chunk.map((r) => r.kind)],
      [notifications.title, "text", chunk.map((r) => r.title)],
      [notifications.body, "text", chunk.map((r) => r.body)],
      [notifications.link, "text", chunk.map((r) => r.link)],
      [notifications.assignmentId, "int", chunk.map((r) => r.assignmentId)],
    ]);
  }
  await enqueueDeliveries(tx, items);
  return rows.length;
}
