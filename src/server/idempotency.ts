/**
 * Idempotency-Key: a client that retries a request (a dropped connection, a double click) sends the same key, and the
 * server answers what the first request made instead of doing it again. The key is claimed in the transaction of
 * the change: a second request with the key waits for the first to commit, then finds what it made. The key keeps a
 * hash of what the first request asked: the same key on a different request is a client's mistake, refused (422),
 * never answered with the first one's result.
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Db, Queryable } from "./db/client.js";
import { idempotencyKeys } from "./db/schema.js";
import { AppError, badRequest } from "./http/errors.js";

export interface IdempotencyKey {
  userId: number;
  scope: string;
  key: string;
  /** sha256 of the method, the route, its parameters and what was asked (requestHashOf) */
  requestHash: string;
}

/** JSON with object keys in order: the same body written in another key order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * What a request asks, as a hash: its method, route and parameters, and `asked` (the validated body; for an upload
 * its fields and each file's name and sha256, so that no file is held to be hashed again).
 */
export function requestHashOf(request: FastifyRequest, asked: unknown): string {
  const what = [request.method, request.routeOptions.url ?? request.url, request.params ?? null, asked ?? null];
  return createHash("sha256").update(canonicalJson(what)).digest("hex");
}

/**
 * The request's Idempotency-Key for this kind of change, or null when it sent none; `asked` is what the request asks
 * (requestHashOf), by default its body.
 */
export function idempotencyKeyOf(
  request: FastifyRequest,
  scope: string,
  asked: unknown = request.body,
): IdempotencyKey | null {
  const raw = request.headers["idempotency-key"];
  if (raw === undefined || !request.actor) return null;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw badRequest("Idempotency-Key 应为 8 至 200 个可见 ASCII 字符（例如一个 UUID）");
  }
  return { userId: request.actor.userId, scope, key, requestHash: requestHashOf(request, asked) };
}

const keyReused = () =>
  new AppError(
    422,
    "idempotency_key_reused",
    "这个请求标识（Idempotency-Key）已用于另一份内容不同的请求，本次没有保存；请刷新页面后重新提交",
  );

/**
 * What an earlier request with this key made, once it has committed; 422 when that request asked something else.
 * A key stored before hashes were kept (no hash) answers as before.
 */
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
  if (row?.resultId == null || row.statusCode == null) return null;
  if (row.requestHash !== null && row.requestHash !== key.requestHash) throw keyReused();
  return { statusCode: row.statusCode, resultId: row.resultId };
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
