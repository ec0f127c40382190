/** Sign-in with a failed-login counter and a temporary lockout; every attempt is audited. */
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import type { Config } from "../config.js";
import type { Db, Queryable } from "../db/client.js";
import { users } from "../db/schema.js";
import { AppError } from "../http/errors.js";
import { decoyHash, verifyPassword } from "./passwords.js";
import { createSession } from "./sessions.js";

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

const invalid = () => new AppError(401, "invalid_credentials", "用户名或密码错误");

export async function login(db: Db, config: Config, input: LoginInput, now = new Date()) {
  /**
   * A sign-in attempt's audit event. The account tried is the entity; the actor is that user only once the
   * password was right: before that, whoever tried is unknown.
   */
  const attempt = (q: Queryable, action: string, userId: number | null, after?: Record<string, unknown>) =>
    recordAudit(q, {
      actorId: action === "auth.login" ? userId : null,
      action,
      entityType: "user",
      entityId: userId,
      after,
      ip: input.ip,
    });

  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, input.username.trim().toLowerCase()))
    .limit(1);

  if (!user) {
    await verifyPassword(await decoyHash(), input.password);
    await attempt(db, "auth.login_failed", null, { username: input.username.slice(0, 100), reason: "unknown_user" });
    throw invalid();
  }

  if (user.lockedUntil && user.lockedUntil > now) {
    await attempt(db, "auth.login_refused", user.id, { reason: "locked" });
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new AppError(
      423,
      "account_locked",
      `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`,
    );
  }

  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk) {
    const { failures, lock } = await db.transaction(async (tx) => {
      // counted by the database, not from the row read above: guesses sent at the same time must each count
      const [counted] = await tx
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failures: users.failedLogins });
      const lock = counted.failures >= config.login.maxFailures;
      if (lock) {
        await tx
          .update(users)
          .set({ failedLogins: 0, lockedUntil: new Date(now.getTime() + config.login.lockMinutes * 60_000) })
          .where(eq(users.id, user.id));
      }
      await attempt(tx, lock ? "auth.locked" : "auth.login_failed", user.id, {
        reason: "wrong_password",
        failures: counted.failures,
      });
      return { failures: counted.failures, lock };
    });
    if (lock) {
      throw new AppError(
        423,
        "account_locked",
        `连续 ${failures} 次密码错误，账号已锁定 ${config.login.lockMinutes} 分钟`,
      );
    }
    throw invalid();
  }

  if (user.disabled) {
    await attempt(db, "auth.login_refused", user.id, { reason: "disabled" });
    throw new AppError(403, "account_disabled", "账号已停用，请联系管理员");
  }

  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    const session = await createSession(tx, config, user.id, { ip: input.ip, userAgent: input.userAgent }, now);
    await attempt(tx, "auth.login", user.id);
    return { user, session };
  });
}
