/** User accounts: created and changed by admins (and by the CLI), each change audited in its transaction. */
import { asc, eq, sql } from "drizzle-orm";
import type { User, UserCreate, UserPatch } from "../../shared/api.js";
import type { Role } from "../../shared/domain.js";
import { recordAudit } from "../audit/record.js";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import { forgetSessions, revokeUserSessions } from "../auth/sessions.js";
import type { Db, Queryable, Tx } from "../db/client.js";
import { type UserRow, units, users } from "../db/schema.js";
import { badRequest, duplicate, notFound, versionConflict } from "../http/errors.js";
import type { ChangeContext } from "../units/service.js";
import { weakPasswordProblem } from "./password-strength.js";

/** Unit-bound roles need a unit: their users see and change only their unit's work. */
const UNIT_ROLES: readonly Role[] = ["unit_manager", "unit_staff"];

type UserWithUnit = UserRow & { unitName: string | null };

export function presentUser(row: UserWithUnit, now = new Date()): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    unitId: row.unitId,
    unitName: row.unitName,
    roles: row.roles,
    email: row.email,
    disabled: row.disabled,
    locked: row.lockedUntil != null && row.lockedUntil > now,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the audit log keeps of a user: never the password hash. */
function auditable(row: UserRow) {
  const { passwordHash: _hidden, ...rest } = row;
  return rest;
}

const withUnit = { user: users, unitName: units.name };

export async function listUsers(db: Queryable): Promise<UserWithUnit[]> {
  const rows = await db.select(withUnit).from(users).leftJoin(units, eq(units.id, users.unitId)).orderBy(asc(users.id));
  return rows.map((r) => ({ ...r.user, unitName: r.unitName }));
}

export async function getUser(db: Queryable, id: number): Promise<UserWithUnit> {
  const [row] = await db
    .select(withUnit)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  if (!row) throw notFound("用户");
  return { ...row.user, unitName: row.unitName };
}

async function checkUnitAndRoles(tx: Queryable, unitId: number | null, roles: Role[]): Promise<void> {
  if (unitId != null) {
    const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.id, unitId));
    if (!unit) throw badRequest("所属单位不存在");
  } else if (roles.some((r) => UNIT_ROLES.includes(r))) {
    throw badRequest("单位管理员和单位经办人必须指定所属单位");
  }
}

/** An email address as stored: trimmed; empty is none. */
function cleanEmail(email: string | null | undefined): string | null {
  return email?.trim() || null;
}

/** Every path that sets a password checks it here: long enough, hard to guess, and not the person's own name. */
function checkPassword(password: string, person: { username: string; displayName?: string }): void {
  const problem = weakPasswordProblem(password, person);
  if (problem) throw badRequest(problem);
}

export async function createUser(
  db: Db,
  input: UserCreate & { isDemo?: boolean; passwordHash?: string },
  ctx: ChangeContext,
): Promise<UserWithUnit> {
  if (!input.passwordHash) checkPassword(input.password, input);
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  const id = await db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.username})`, input.username.toLowerCase()));
    if (taken) throw duplicate(`用户名“${input.username}”已被使用`);
    await checkUnitAndRoles(tx, input.unitId ?? null, input.roles);
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName.trim(),
        unitId: input.unitId ?? null,
        roles: input.roles,
        email: cleanEmail(input.email),
        passwordHash,
        isDemo: input.isDemo ?? false,
      })
      .returning();
    await recordAudit(tx, {
      ...ctx,
      action: "user.create",
      entityType: "user",
      entityId: row.id,
      after: auditable(row),
    });
    return row.id;
  });
  return getUser(db, id);
}

export async function updateUser(db: Db, id: number, patch: UserPatch, ctx: ChangeContext): Promise<UserWithUnit> {
  if (patch.password !== undefined) {
    const [person] = await db
      .select({ username: users.username, displayName: users.displayName })
      .from(users)
      .where(eq(users.id, id));
    if (!person) throw notFound("用户");
    checkPassword(patch.password, { username: person.username, displayName: patch.displayName ?? person.displayName });
  }
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!before) throw notFound("用户");
    if (before.version !== patch.version) throw versionConflict();
    if (ctx.actorId === id && (patch.disabled === true || (patch.roles && !patch.roles.includes("admin")))) {
      throw badRequest("不能停用自己的账号或取消自己的管理员角色");
    }
    const roles = patch.roles ?? before.roles;
    const unitId = patch.unitId === undefined ? before.unitId : patch.unitId;
    await checkUnitAndRoles(tx, unitId, roles);
    const [after] = await tx
      .update(users)
      .set({
        displayName: patch.displayName?.trim() ?? before.displayName,
        unitId,
        roles,
        email: patch.email === undefined ? before.email : cleanEmail(patch.email),
        disabled: patch.disabled ?? before.disabled,
        ...(patch.unlock ? { failedLogins: 0, lockedUntil: null } : {}),
        ...(passwordHash ? { passwordHash, passwordChangedAt: new Date(), isDemo: false } : {}),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    // a disabled user or a reset password ends the user's open sessions at once
    if (after.disabled || passwordHash) await revokeUserSessions(tx, id);
    await recordAudit(tx, {
      ...ctx,
      action: passwordHash ? "user.password_reset" : "user.update",
      entityType: "user",
      entityId: id,
      before: auditable(before),
      after: auditable(after),
    });
  });
  // after the commit: the cached sessions of this user carry the old roles and unit, or were just revoked
  forgetSessions(id);
  return getUser(db, id);
}

/**
 * Stores a new password for a locked user row and ends the user's other sessions: one way for every path that
 * sets a password (the CLI's reset, a user's own change). A changed demo password makes the account a real one.
 */
async function storePassword(
  tx: Tx,
  user: UserRow,
  passwordHash: string,
  change: { action: "user.password_reset" | "user.password_changed"; keepSessionId?: number; ctx: ChangeContext },
): Promise<void> {
  await tx
    .update(users)
    .set({
      passwordHash,
      passwordChangedAt: new Date(),
      isDemo: false,
      failedLogins: 0,
      lockedUntil: null,
      version: user.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(users.id, user.id));
  await revokeUserSessions(tx, user.id, change.keepSessionId);
  await recordAudit(tx, { ...change.ctx, action: change.action, entityType: "user", entityId: user.id });
}

/** Sets a new password outside the HTTP API (the CLI's `user reset-password`). */
export async function resetPassword(db: Db, username: string, password: string, ctx: ChangeContext): Promise<void> {
  const [person] = await db
    .select({ username: users.username, displayName: users.displayName })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  if (!person) throw notFound(`用户“${username}”`);
  checkPassword(password, person);
  const passwordHash = await hashPassword(password);
  const userId = await db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
      .for("update");
    if (!user) throw notFound(`用户“${username}”`);
    await storePassword(tx, user, passwordHash, { action: "user.password_reset", ctx });
    return user.id;
  });
  forgetSessions(userId);
}

/** A user's change of their own password: the current one must be right; their other sessions end. */
export async function changeOwnPassword(
  db: Db,
  actor: { userId: number; sessionId: number },
  passwords: { currentPassword: string; newPassword: string },
  ctx: ChangeContext,
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw notFound("用户");
  if (!(await verifyPassword(user.passwordHash, passwords.currentPassword))) throw badRequest("当前密码不正确");
  checkPassword(passwords.newPassword, user);
  const passwordHash = await hashPassword(passwords.newPassword);
  await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(users).where(eq(users.id, user.id)).for("update");
    await storePassword(tx, locked, passwordHash, {
      action: "user.password_changed",
      keepSessionId: actor.sessionId,
      ctx,
    });
  });
  forgetSessions(user.id);
}
