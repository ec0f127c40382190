/**
 * Sign-in with a failed-login counter and a temporary lockout; every attempt is audited.
 *
 * Each attempt first claims one of the account's FAZHI_LOGIN_MAX_FAILURES guesses in a single row update, and only a
 * claimed guess has its password hash checked: however many guesses arrive at once, from however many addresses, at
 * most that many are checked before the lock. Every failure (unknown user, wrong password, locked, disabled) answers
 * the same, after about the same time; the person behind a locked account hears of it by a notification.
 */

import { and, eq, gte, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { AuditAction } from "../../shared/audit.js";
import { recordAudit } from "../audit/record.js";
import type { Config } from "../config.js";
import type { Db, Queryable } from "../db/client.js";
import { users } from "../db/schema.js";
import { AppError } from "../http/errors.js";
import { notify } from "../notifications/notify.js";
import { decoyHash, verifyPassword } from "./passwords.js";
import { createSession } from "./sessions.js";

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/** The one answer to every failed sign-in: what is wrong is not told to whoever tries. */
export function loginFailed(config: Config): AppError {
  return new AppError(
    401,
    "invalid_credentials",
    `用户名或密码错误。连续输错 ${config.login.maxFailures} 次账号将锁定 ${config.login.lockMinutes} 分钟；确认无误仍无法登录，请联系管理员`,
  );
}

export async function login(db: Db, config: Config, input: LoginInput, now = new Date()) {
  /**
   * A sign-in attempt's audit event. The account tried is the entity; the actor is that user only once the
   * password was right: before that, whoever tried is unknown.
   */
  const attempt = (q: Queryable, action: AuditAction, userId: number | null, after?: Record<string, unknown>) =>
    recordAudit(q, {
      actorId: action === "auth.login" ? userId : null,
      action,
      entityType: "user",
      entityId: userId,
      after,
      ip: input.ip,
    });
  /** A failure that checked no real hash still takes one hash's time, so the answer's delay tells nothing. */
  const refuse = async (): Promise<never> => {
    await verifyPassword(await decoyHash(), input.password);
    throw loginFailed(config);
  };

  const [user] = await db
    .select({ id: users.id, disabled: users.disabled })
    .from(users)
    .where(eq(sql`lower(${users.username})`, input.username.trim().toLowerCase()))
    .limit(1);

  if (!user) {
    await attempt(db, "auth.login_failed", null, { username: input.username.slice(0, 100), reason: "unknown_user" });
    return refuse();
  }
  if (user.disabled) {
    await attempt(db, "auth.login_refused", user.id, { reason: "disabled" });
    return refuse();
  }

  // the claim: one guess more, unless the account is locked or its guesses are all taken (some still being checked)
  const [claimed] = await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(
      and(
        eq(users.id, user.id),
        or(isNull(users.lockedUntil), lte(users.lockedUntil, now)),
        lt(users.failedLogins, config.login.maxFailures),
      ),
    )
    .returning({ passwordHash: users.passwordHash, failures: users.failedLogins });
  if (!claimed) {
    await attempt(db, "auth.login_refused", user.id, { reason: "locked" });
    return refuse();
  }

  if (!(await verifyPassword(claimed.passwordHash, input.password))) {
    await db.transaction(async (tx) => {
      // the guess that uses up the last one locks the account; the counter starts again when the lock ends
      const lockedUntil = new Date(now.getTime() + config.login.lockMinutes * 60_000);
      const [locked] = await tx
        .update(users)
        .set({ failedLogins: 0, lockedUntil })
        .where(
          and(
            eq(users.id, user.id),
            gte(users.failedLogins, config.login.maxFailures),
            or(isNull(users.lockedUntil), lte(users.lockedUntil, now)),
          ),
        )
        .returning({ id: users.id });
      await attempt(tx, locked ? "auth.locked" : "auth.login_failed", user.id, {
        reason: "wrong_password",
        failures: claimed.failures,
      });
      if (locked) await notifyLocked(tx, config, user.id, input.ip, lockedUntil);
    });
    throw loginFailed(config);
  }

  const session = await db.transaction(async (tx) => {
    // a lock set meanwhile by guesses checked alongside this one stands: the right password does not lift it
    const [signedIn] = await tx
      .update(users)
      .set({ failedLogins: 0, lastLoginAt: now })
      .where(and(eq(users.id, user.id), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
      .returning();
    if (!signedIn) return null;
    const session = await createSession(tx, config, user.id, { ip: input.ip, userAgent: input.userAgent }, now);
    await attempt(tx, "auth.login", user.id);
    return { user: signedIn, session };
  });
  if (!session) {
    await attempt(db, "auth.login_refused", user.id, { reason: "locked" });
    throw loginFailed(config);
  }
  return session;
}

/** Tells the account's owner, in the app (and by email when they have one), that wrong passwords locked it. */
async function notifyLocked(tx: Queryable, config: Config, userId: number, ip: string | null, until: Date) {
  const at = until.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
  await notify(tx, [
    {
      message: {
        kind: "security",
        title: "账号因多次密码错误被临时锁定",
        body: `您的账号连续 ${config.login.maxFailures} 次密码错误${ip ? `（来自 ${ip}）` : ""}，已锁定至 ${at}。如果不是您本人操作，请修改密码并告知管理员；管理员也可提前解锁。`,
        link: null,
      },
      userIds: [userId],
      unitId: null,
    },
  ]);
}
