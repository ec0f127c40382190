/**
 * Puts the emails and robot messages of a batch of notices into the outbox (table deliveries), in the transaction
 * that writes the notices: an email to each recipient who has an address (when a mail server is configured), and
 * a message to each enabled robot of the unit concerned; the office's robots (no unit) get supervision orders and
 * bulletins. The delivery job sends them afterwards.
 *
 * Each is one INSERT … SELECT that joins the batch (sent as one array per field) with the robots or the users in
 * the database: no look-up round trip, and a batch repeating a message to the same address queues it once.
 *
 * A person who keeps a kind to the app (消息设置) gets no email of it; a unit's robots stay silent on a message whose
 * every recipient keeps its kind to the app. The office's own robots hear what they always do.
 */
import { sql } from "drizzle-orm";
import type { NotificationKind } from "../../shared/domain.js";
import type { Config } from "../config.js";
import type { Queryable } from "../db/client.js";
import { channels, deliveries, notificationPreferences, users } from "../db/schema.js";
import { arrayParam } from "../db/unnest.js";
import type { Addressed } from "../notifications/notify.js";

/** What the office's own robots hear of, unless a notice says otherwise. */
const OFFICE_KINDS: readonly NotificationKind[] = ["order", "bulletin"];

/** Messages per statement. */
const CHUNK = 1000;

/**
 * Whether emails are queued: notify() is called deep inside services that carry no configuration, so the app and
 * the job pass set it from the configuration they run with (one per process).
 */
let emailQueued = false;

export function configureOutbox(config: Pick<Config, "smtp">): void {
  emailQueued = config.smtp !== null;
}

const texts = (values: (string | null)[]) => arrayParam(values, "text");
const ints = (values: (number | null)[]) => arrayParam(values, "int");

/** The batch's messages as rows m(key, subject, body, link) for the statements below. */
function messages(key: ReturnType<typeof ints>, chunk: Addressed[]) {
  return sql`unnest(${key}, ${texts(chunk.map((i) => i.message.title))}, ${texts(chunk.map((i) => i.message.body))},
    ${texts(chunk.map((i) => i.message.link))}) as m(key, subject, body, link)`;
}

/** Who keeps which kinds to the app, of the people the batch goes to: "userId:kind". */
async function appOnly(tx: Queryable, chunk: Addressed[]): Promise<Set<string>> {
  const userIds = [...new Set(chunk.flatMap((item) => item.userIds))];
  if (userIds.length === 0) return new Set();
  const p = notificationPreferences;
  const rows = await tx
    .select({ userId: p.userId, kind: p.kind })
    .from(p)
    .where(sql`${p.channel} = 'app' and ${p.userId} = any(${ints(userIds)})`);
  return new Set(rows.map((row) => `${row.userId}:${row.kind}`));
}

async function enqueueRobots(tx: Queryable, chunk: Addressed[], quiet: Set<string>): Promise<void> {
  const silent = (item: Addressed) =>
    item.userIds.length > 0 && item.userIds.every((id) => quiet.has(`${id}:${item.message.kind}`));
  const units = chunk.map((item) => (silent(item) ? null : item.unitId));
  const office = chunk.map((item) => (OFFICE_KINDS.includes(item.message.kind) ? 1 : 0));
  const columns = sql`${deliveries} (channel, channel_id, address, subject, body, link)`;
  const robot = sql`c.kind, c.id, c.name, m.subject, m.body, m.link`;
  if (units.some((id) => id !== null)) {
    await tx.execute(sql`insert into ${columns}
      select distinct ${robot} from ${messages(ints(units), chunk)}
      join ${channels} c on c.unit_id = m.key and c.enabled`);
  }
  if (office.includes(1)) {
    await tx.execute(sql`insert into ${columns}
      select distinct ${robot} from ${messages(ints(office), chunk)}
      join ${channels} c on m.key = 1 and c.unit_id is null and c.enabled`);
  }
}

async function enqueueEmails(tx: Queryable, chunk: Addressed[], quiet: Set<string>): Promise<void> {
  const each = chunk.flatMap((item) =>
    item.userIds.filter((userId) => !quiet.has(`${userId}:${item.message.kind}`)).map((userId) => ({ userId, item })),
  );
  for (let at = 0; at < each.length; at += CHUNK) {
    const part = each.slice(at, at + CHUNK);
    await tx.execute(sql`insert into ${deliveries} (channel, channel_id, address, subject, body, link)
      select distinct 'email', null::int, u.email, m.subject, m.body, m.link
      from ${messages(
        ints(part.map((p) => p.userId)),
        part.map((p) => p.item),
      )}
      join ${users} u on u.id = m.key and u.email is not null and not u.disabled`);
  }
}

/** Queues the outgoing messages of the notices. */
export async function enqueueDeliveries(tx: Queryable, items: Addressed[]): Promise<void> {
  for (let at = 0; at < items.length; at += CHUNK) {
    const chunk = items.slice(at, at + CHUNK);
    const quiet = await appOnly(tx, chunk);
    if (emailQueued) await enqueueEmails(tx, chunk, quiet);
    await enqueueRobots(tx, chunk, quiet);
  }
}
