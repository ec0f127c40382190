/**
 * Server-side sessions: a random 256-bit token in an httpOnly cookie; the database keeps only its HMAC under the
 * session secret, so neither a copy of the database nor the secret alone lets anyone sign in.
 */
import { createHmac, randomBytes } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Config } from "../config.js";
import type { Queryable } from "../db/client.js";
import { sessions, units, users } from "../db/schema.js";
import type { Actor } from "./actor.js";

export const SESSION_COOKIE = "fazhi_session";

const hashToken = (config: Config, token: string) =>
  createHmac("sha256", config.sessionSecret).update(token).digest("hex");

export async function createSession(
  db: Queryable,
  config: Config,
  userId: number,
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ token: string; id: number; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + config.session.absoluteHours * 3600_000);
  // a user's sessions that ended long ago go when they sign in again, so the table does not grow without end
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date(now.getTime() - 24 * 3600_000))));
  const [row] = await db
    .insert(sessions)
    .values({
      tokenHash: hashToken(config, token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: sessions.id });
  return { token, id: row.id, expiresAt };
}

/**
 * How often a session's last-seen time is written, rare enough for reads. The idle expiry does not wait for it:
 * each request is compared with the last one this process saw (the cache below keeps it). Another server
 * process, or this one after a restart, sees only the written time, so there a session may end up to this much early.
 */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * How long a looked-up session is trusted without asking the database again. Changes made in this process
 * (logout, disabling a user, new roles) drop the entry at once; another server process sees them within this time.
 */
const CACHE_TTL_MS = 5_000;
const CACHE_MAX = 10_000;

interface CachedSession {
  actor: Actor;
  /** the session's last request as this process saw it: the idle time is measured from here, exactly */
  lastSeenAt: number;
  /** the last-seen time the database holds, written at most once a TOUCH_INTERVAL_MS */
  storedLastSeenAt: number;
  expiresAt: number;
  fetchedAt: number;
}

const cache = new Map<string, CachedSession>();
/**
 * Counts forgets. A look-up that read the database before a revocation committed may finish after the forget:
 * it must not put what it read into the cache, or a logged-out session would keep working for CACHE_TTL_MS.
 */
let forgets = 0;

/**
 * Forgets the cached sessions of one user. Call it after the transaction that revoked or changed them has
 * committed: forgotten earlier, a request in between would cache the session again as it was.
 */
export function forgetSessions(userId: number): void {
  forgets++;
  for (const [key, entry] of cache) if (entry.actor.userId === userId) cache.delete(key);
}

async function lookUp(db: Queryable, tokenHash: string): Promise<CachedSession | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      disabled: users.disabled,
      unitId: units.id,
      unitName: units.name,
      unitType: units.type,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .limit(1);
  if (!row || row.disabled) return null;
  return {
    actor: {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      roles: row.roles,
      unit:
        row.unitId != null && row.unitName != null && row.unitType != null
          ? { id: row.unitId, name: row.unitName, type: row.unitType }
          : null,
      sessionId: row.sessionId,
    },
    lastSeenAt: row.lastSeenAt.getTime(),
    storedLastSeenAt: row.lastSeenAt.getTime(),
    expiresAt: row.expiresAt.getTime(),
    fetchedAt: Date.now(),
  };
}

/** The actor behind a session token, or null when the session is unknown, revoked, expired or its user disabled. */
export async function actorForToken(
  db: Queryable,
  config: Config,
  token: string,
  now = new Date(),
): Promise<Actor | null> {
  // kept by the token itself: a request with a cached session computes no hash at all
  let entry = cache.get(token);
  if (!entry || Date.now() - entry.fetchedAt > CACHE_TTL_MS) {
    const stale = entry;
    cache.delete(token);
    const forgetsBefore = forgets;
    const found = await lookUp(db, hashToken(config, token));
    if (!found) return null;
    // requests whose last-seen write was skipped still count: without this, a session used a few seconds after
    // its last write would end up to TOUCH_INTERVAL_MS before its idle time is really over
    if (stale) found.lastSeenAt = Math.max(found.lastSeenAt, stale.lastSeenAt);
    if (forgets === forgetsBefore) {
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(token, found);
    }
    entry = found;
  }
  const at = now.getTime();
  if (at > entry.lastSeenAt + config.session.idleMinutes * 60_000 || at >= entry.expiresAt) {
    cache.delete(token);
    return null;
  }
  // every request is activity, kept in memory; the database hears of it at most once a TOUCH_INTERVAL_MS
  entry.lastSeenAt = Math.max(entry.lastSeenAt, at);
  if (at - entry.storedLastSeenAt >= TOUCH_INTERVAL_MS) {
    entry.storedLastSeenAt = at;
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, entry.actor.sessionId));
  }
  return entry.actor;
}

/** Ends one session; forgetSessions after the commit. */
export async function revokeSession(db: Queryable, sessionId: number, now = new Date()): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
}

/**
 * Ends every open session of a user, but the one given (after a password change or when an admin disables them);
 * forgetSessions after the commit.
 */
export async function revokeUserSessions(db: Queryable, userId: number, keepSessionId?: number, now = new Date()) {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepSessionId === undefined ? undefined : sql`${sessions.id} <> ${keepSessionId}`,
      ),
    );
}
