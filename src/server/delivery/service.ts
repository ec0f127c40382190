/**
 * The admin's side of outgoing messages: the group robots (create, change, switch off, test) and the outbox (list,
 * send a failed message again). Every change is audited in its transaction; a robot's address and secret, which
 * are credentials, never leave the server nor reach the audit log.
 */
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type {
  Channel,
  ChannelCreate,
  ChannelPatch,
  ChannelTestResult,
  Delivery,
  DeliveryList,
  DeliveryListQuery,
} from "../../shared/api.js";
import { CHANNEL_KIND_LABELS, type ChannelKind, DELIVERY_STATUSES } from "../../shared/domain.js";
import { recordAudit } from "../audit/record.js";
import type { Config } from "../config.js";
import type { Db, Queryable } from "../db/client.js";
import { type ChannelRow, channels, type DeliveryRow, deliveries, units } from "../db/schema.js";
import { AppError, badRequest, notFound, versionConflict } from "../http/errors.js";
import type { ChangeContext } from "../units/service.js";
import { absoluteLink, postToRobot } from "./send.js";

type ChannelWithUnit = ChannelRow & { unitName: string | null };

const elide = (value: string) => (value.length <= 8 ? "…" : `${value.slice(0, 4)}…${value.slice(-4)}`);

/** The webhook address with its tokens elided (query values, long path segments), to recognise it by. */
export function urlHint(raw: string): string {
  try {
    const url = new URL(raw);
    const path = url.pathname
      .split("/")
      .map((segment) => (segment.length > 16 ? elide(segment) : segment))
      .join("/");
    const query = [...url.searchParams].map(([key, value]) => `${key}=${elide(value)}`).join("&");
    return `${url.origin}${path}${query ? `?${query}` : ""}`;
  } catch {
    return "（地址无法识别）";
  }
}

export function presentChannel(row: ChannelWithUnit): Channel {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    urlHint: urlHint(row.url),
    hasSecret: row.secret !== null,
    unitId: row.unitId,
    unitName: row.unitName,
    enabled: row.enabled,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a robot: never its address's token nor its secret. */
function auditable(row: ChannelRow) {
  return {
    kind: row.kind,
    name: row.name,
    urlHint: urlHint(row.url),
    hasSecret: row.secret !== null,
    unitId: row.unitId,
    enabled: row.enabled,
  };
}

export function presentDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    channel: row.channel,
    channelId: row.channelId,
    address: row.address,
    subject: row.subject,
    body: row.body,
    link: row.link,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const withUnit = { channel: channels, unitName: units.name };

export async function listChannels(db: Queryable): Promise<ChannelWithUnit[]> {
  const rows = await db
    .select(withUnit)
    .from(channels)
    .leftJoin(units, eq(units.id, channels.unitId))
    .orderBy(sql`${channels.unitId} nulls first`, asc(units.name), asc(channels.id));
  return rows.map((r) => ({ ...r.channel, unitName: r.unitName }));
}

export async function getChannel(db: Queryable, id: number): Promise<ChannelWithUnit> {
  const [row] = await db
    .select(withUnit)
    .from(channels)
    .leftJoin(units, eq(units.id, channels.unitId))
    .where(eq(channels.id, id));
  if (!row) throw notFound("消息渠道");
  return { ...row.channel, unitName: row.unitName };
}

/** A webhook address must be http(s) with a host; the schema checks the form, this the parts. */
function checkUrl(raw: string): string {
  const url = raw.trim();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest("Webhook 地址格式不正确，请从机器人设置中复制完整地址");
  }
  if ((parsed.protocol !== "https:" && parsed.protocol !== "http:") || !parsed.hostname) {
    throw badRequest("Webhook 地址须以 http:// 或 https:// 开头");
  }
  if (parsed.username || parsed.password) throw badRequest("Webhook 地址不能包含用户名或密码");
  return url;
}

function checkSecret(kind: ChannelKind, secret: string | null): string | null {
  if (kind === "wecom" && secret) {
    throw badRequest(`${CHANNEL_KIND_LABELS.wecom}不使用签名，请不要填写签名密钥`);
  }
  return secret;
}

async function checkUnit(tx: Queryable, unitId: number | null): Promise<void> {
  if (unitId === null) return;
  const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!unit) throw badRequest("所属单位不存在");
}

export async function createChannel(db: Db, input: ChannelCreate, ctx: ChangeContext): Promise<ChannelWithUnit> {
  const url = checkUrl(input.url);
  const secret = checkSecret(input.kind, input.secret ?? null);
  const id = await db.transaction(async (tx) => {
    await checkUnit(tx, input.unitId ?? null);
    const [row] = await tx
      .insert(channels)
      .values({
        kind: input.kind,
        name: input.name.trim(),
        url,
        secret,
        unitId: input.unitId ?? null,
        enabled: input.enabled ?? true,
      })
      .returning();
    await recordAudit(tx, {
      ...ctx,
      action: "channel.create",
      entityType: "channel",
      entityId: row.id,
      after: auditable(row),
    });
    return row.id;
  });
  return getChannel(db, id);
}

export async function updateChannel(
  db: Db,
  id: number,
  patch: ChannelPatch,
  ctx: ChangeContext,
): Promise<ChannelWithUnit> {
  const url = patch.url === undefined ? undefined : checkUrl(patch.url);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(channels).where(eq(channels.id, id)).for("update");
    if (!before) throw notFound("消息渠道");
    if (before.version !== patch.version) throw versionConflict();
    const kind = patch.kind ?? before.kind;
    // a WeCom robot has no secret: one left from an earlier kind goes with the change
    const keptSecret = kind === "wecom" && patch.secret === undefined ? null : before.secret;
    const next = {
      kind,
      name: patch.name?.trim() ?? before.name,
      url: url ?? before.url,
      secret: checkSecret(kind, patch.secret === undefined ? keptSecret : patch.secret),
      unitId: patch.unitId === undefined ? before.unitId : patch.unitId,
      enabled: patch.enabled ?? before.enabled,
    };
    if (Object.entries(next).every(([key, value]) => before[key as keyof typeof next] === value)) return;
    if (next.unitId !== before.unitId) await checkUnit(tx, next.unitId);
    const [after] = await tx
      .update(channels)
      .set({ ...next, version: before.version + 1, updatedAt: new Date() })
      .where(eq(channels.id, id))
      .returning();
    const action =
      before.enabled !== after.enabled ? (after.enabled ? "channel.enable" : "channel.disable") : "channel.update";
    await recordAudit(tx, {
      ...ctx,
      action,
      entityType: "channel",
      entityId: id,
      before: auditable(before),
      after: auditable(after),
    });
  });
  return getChannel(db, id);
}

/** Sends a test message to a robot now (switched off or not) and says what the robot answered. */
export async function testChannel(db: Db, config: Config, id: number, ctx: ChangeContext): Promise<ChannelTestResult> {
  const robot = await getChannel(db, id);
  const error = await postToRobot(robot, {
    subject: "测试消息：法治政府建设督导平台",
    body: `这是一条来自法治政府建设督导平台的测试消息。收到即表示机器人「${robot.name}」配置正确，今后的到期提醒、催办、督办和通报将发到这里。`,
    url: absoluteLink(config.publicUrl, "/"),
  });
  await recordAudit(db, {
    ...ctx,
    action: "channel.test",
    entityType: "channel",
    entityId: id,
    after: { ok: error === null, error },
  });
  return { ok: error === null, error };
}

export async function listDeliveries(db: Db, query: DeliveryListQuery): Promise<DeliveryList> {
  const pageSize = query.pageSize ?? 20;
  const page = query.page ?? 1;
  const where = query.status ? eq(deliveries.status, query.status) : undefined;
  const [rows, byStatus] = await Promise.all([
    db
      .select()
      .from(deliveries)
      .where(where)
      .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ status: deliveries.status, n: count() }).from(deliveries).groupBy(deliveries.status),
  ]);
  const counts = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as DeliveryList["counts"];
  for (const { status, n } of byStatus) counts[status] = n;
  const total = query.status ? counts[query.status] : counts.pending + counts.sent + counts.failed;
  return { items: rows.map(presentDelivery), total, counts };
}

/** A failed message goes back into the outbox, due at once, with its tries counted afresh. */
export async function retryDelivery(db: Db, id: number, now: Date, ctx: ChangeContext): Promise<DeliveryRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(deliveries).where(eq(deliveries.id, id)).for("update");
    if (!before) throw notFound("消息");
    if (before.status !== "failed") {
      throw new AppError(
        409,
        "not_failed",
        before.status === "sent" ? "该消息已发送，无需重新发送" : "该消息正在等待发送，无需重新发送",
      );
    }
    const [after] = await tx
      .update(deliveries)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, updatedAt: new Date() })
      .where(and(eq(deliveries.id, id), eq(deliveries.status, "failed")))
      .returning();
    await recordAudit(tx, {
      ...ctx,
      action: "delivery.retry",
      entityType: "delivery",
      entityId: id,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
      after: { status: after.status },
    });
    return after;
  });
}
