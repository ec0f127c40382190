/**
 * Idempotency-Key: a client that retries a request (a dropped connection, a double click) sends the same key, and the
 * server answers what the first request made instead of doing it again. The key is claimed in the transaction of
 * the change: a second request with the key waits for the first to commit, then finds what it made.
 */
import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Db, Queryable } from "./db/client.js";
import { idempotencyKeys } from "./db/schema.js";
import { badRequest } from "./http/errors.js";

export interface IdempotencyKey {
  userId: number;
  scope: string;
  key: string;
}

/** The request's Idempotency-Key for this kind of change, or null when it sent none. */
export function idempotencyKeyOf(request: FastifyRequest, scope: string): IdempotencyKey | null {
  const raw = request.headers["idempotency-key"];
  if (raw === undefined || !request.actor) return null;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw badRequest("Idempotency-Key 应为 8 至 200 个可见 ASCII 字符（例如一个 UUID）");
  }
  return { userId: request.actor.userId, scope, key };
}

/** What an earlier request with this key made, once it has committed. */
export async function earlierResult(
  db: Db,
  key: IdempotencyKey,
): Promise<{ statusCode: number; resultId: number } | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.userId, key.userId),
        eq(idempotencyKeys.scope, key.scope),
        eq(idempotencyKeys.key, key.key),
      ),
    );
  return row?.resultId != null && row.statusCode != null
    ? { statusCode: row.statusCode, resultId: row.resultId }
    : null;
}

/** Thrown inside a transaction when another request holds the key: the caller rolls back and answers its result. */
export class KeyTaken extends Error {}

/**
 * Claims the key in the change's transaction, with what the change made. Waits while another transaction holds it;
 * throws KeyTaken when that one committed.
 */
export async function claimKey(tx: Queryable, key: IdempotencyKey, statusCode: number, resultId: number) {
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ ...key, statusCode, resultId })
    .onConflictDoNothing()
    .returning({ id: idempotencyKeys.id });
  if (inserted.length === 0) throw new KeyTaken();
}
