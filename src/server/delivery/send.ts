/**
 * The delivery job: sends what waits in the outbox. A batch is claimed in a short transaction (row locks, skipping
 * rows another runner holds) and leased by moving its next attempt ahead, then sent outside any transaction, then
 * settled: sent, or tried again later with a growing delay, or after the last try failed (listed for the admin, who
 * can send it again). Two runners never send the same message; nothing is dropped.
 */
import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { ChannelKind } from "../../shared/domain.js";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { type ChannelRow, channels, type DeliveryRow, deliveries } from "../db/schema.js";
import { sendEmail } from "./email.js";
import { type OutgoingMessage, robotRefusal, robotRequest } from "./robots.js";

export interface DeliveryRun {
  delivered: number;
  failures: number;
}

/** Minutes to wait after the 1st, 2nd, … failed try; the try after the last of them is the last one. */
export const RETRY_MINUTES = [1, 5, 15, 60, 180, 360, 720] as const;
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;

/** Rows claimed at a time, and at most per run: the next run goes on with the rest. */
const CLAIM = 20;
const CAP = 200;
/** How long a claimed row stays away from other runners: far longer than its batch can take to send. */
const LEASE_MS = 30 * 60_000;
const ROBOT_TIMEOUT_MS = 10_000;

function retryDelayMs(attempts: number): number {
  return RETRY_MINUTES[Math.min(Math.max(attempts, 1), RETRY_MINUTES.length) - 1] * 60_000;
}

/** What one try came to: null when sent; `final` when trying again cannot help (a robot switched off, no mail server). */
type Outcome = { error: string; final?: boolean } | null;

export function absoluteLink(publicUrl: string | null, link: string | null): string | null {
  if (!link) return null;
  if (/^https?:\/\//i.test(link)) return link;
  return publicUrl ? `${publicUrl}${link.startsWith("/") ? "" : "/"}${link}` : null;
}

const reason = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
};

/** Posts a message to a robot's webhook; null when the robot took it, otherwise why not. */
export async function postToRobot(
  robot: { kind: ChannelKind; url: string; secret: string | null },
  message: OutgoingMessage,
): Promise<string | null> {
  const request = robotRequest(robot.kind, robot, message, Date.now());
  try {
    const response = await fetch(request.url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(request.payload),
      signal: AbortSignal.timeout(ROBOT_TIMEOUT_MS),
      redirect: "error",
    });
    return robotRefusal(robot.kind, response.status, await response.text());
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") {
      return `机器人在 ${ROBOT_TIMEOUT_MS / 1000} 秒内没有应答`;
    }
    return `无法连接机器人：${reason(error)}`;
  }
}

async function attempt(row: DeliveryRow, robot: ChannelRow | undefined, config: Config): Promise<Outcome> {
  const message = { subject: row.subject, body: row.body, url: absoluteLink(config.publicUrl, row.link) };
  if (row.channel === "email") {
    if (!config.smtp) return { error: "未配置邮件服务器（FAZHI_SMTP_URL），邮件未发送", final: true };
    try {
      await sendEmail(config.smtp, row.address, message);
      return null;
    } catch (error) {
      return { error: `邮件发送失败：${reason(error)}` };
    }
  }
  if (!robot) return { error: "该机器人已不存在，消息未发送", final: true };
  if (!robot.enabled) return { error: `机器人「${robot.name}」已停用，消息未发送；重新启用后可重新发送`, final: true };
  const refusal = await postToRobot(robot, message);
  return refusal === null ? null : { error: refusal };
}

/** Claims up to `limit` due rows for this runner: locked rows are another runner's, and are skipped. */
async function claim(db: Db, now: Date, limit: number): Promise<DeliveryRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(deliveries)
      .where(
        and(
          eq(deliveries.status, "pending"),
          // a new message (never tried) is due at once, whatever the clock the jobs run by
          or(lte(deliveries.nextAttemptAt, now), eq(deliveries.attempts, 0)),
        ),
      )
      .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    await tx
      .update(deliveries)
      .set({
        attempts: sql`${deliveries.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + LEASE_MS),
        updatedAt: new Date(),
      })
      .where(
        inArray(
          deliveries.id,
          due.map((row) => row.id),
        ),
      );
    return due.map((row) => ({ ...row, attempts: row.attempts + 1 }));
  });
}

/** Sends a batch: one robot (or the mail server) a message at a time, different ones side by side. */
async function sendBatch(db: Db, config: Config, batch: DeliveryRow[]): Promise<Map<number, Outcome>> {
  const robotIds = [...new Set(batch.flatMap((row) => (row.channelId === null ? [] : [row.channelId])))];
  const robots = new Map(
    robotIds.length
      ? (await db.select().from(channels).where(inArray(channels.id, robotIds))).map((r) => [r.id, r] as const)
      : [],
  );
  const byTarget = new Map<string, DeliveryRow[]>();
  for (const row of batch) {
    const target = row.channel === "email" ? "email" : `robot:${row.channelId}`;
    byTarget.set(target, [...(byTarget.get(target) ?? []), row]);
  }
  const outcomes = new Map<number, Outcome>();
  await Promise.all(
    [...byTarget.values()].map(async (rows) => {
      for (const row of rows) {
        const robot = row.channelId === null ? undefined : robots.get(row.channelId);
        // a fault of one message (say, an address the robot's host cannot take) must not hold back the others
        outcomes.set(row.id, await attempt(row, robot, config).catch((error) => ({ error: reason(error) })));
      }
    }),
  );
  return outcomes;
}

async function settle(db: Db, now: Date, batch: DeliveryRow[], outcomes: Map<number, Outcome>): Promise<DeliveryRun> {
  const sent = batch.filter((row) => outcomes.get(row.id) === null).map((row) => row.id);
  const failed = batch.filter((row) => outcomes.get(row.id));
  await db.transaction(async (tx) => {
    if (sent.length) {
      await tx
        .update(deliveries)
        .set({ status: "sent", sentAt: now, lastError: null, nextAttemptAt: now, updatedAt: new Date() })
        .where(inArray(deliveries.id, sent));
    }
    for (const row of failed) {
      const outcome = outcomes.get(row.id) as NonNullable<Outcome>;
      const last = outcome.final || row.attempts >= MAX_ATTEMPTS;
      await tx
        .update(deliveries)
        .set({
          status: last ? "failed" : "pending",
          lastError: outcome.error.slice(0, 1000),
          nextAttemptAt: last ? now : new Date(now.getTime() + retryDelayMs(row.attempts)),
          updatedAt: new Date(),
        })
        .where(eq(deliveries.id, row.id));
    }
  });
  return { delivered: sent.length, failures: failed.length };
}

/** Sends the due messages of the outbox, as at `now`: at most a few hundred a run, the next run goes on. */
export async function deliverDue(db: Db, config: Config, now: Date): Promise<DeliveryRun> {
  const run: DeliveryRun = { delivered: 0, failures: 0 };
  for (let done = 0; done < CAP; ) {
    const batch = await claim(db, now, Math.min(CLAIM, CAP - done));
    if (batch.length === 0) break;
    done += batch.length;
    const outcome = await settle(db, now, batch, await sendBatch(db, config, batch));
    run.delivered += outcome.delivered;
    run.failures += outcome.failures;
  }
  return run;
}
