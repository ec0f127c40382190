/** Loads the demo district: running it again changes nothing (units, groups and accounts are matched by name). */
import { and, eq } from "drizzle-orm";
import type { Role } from "../../shared/domain.js";
import { recordAudit } from "../audit/record.js";
import { hashPassword } from "../auth/passwords.js";
import type { Db } from "../db/client.js";
import { unitGroups, units, users } from "../db/schema.js";
import { DEMO_ACCOUNTS, DEMO_GROUPS, DEMO_UNITS } from "./registry.js";

export interface DemoAccount {
  username: string;
  displayName: string;
  unitName: string | null;
}

export interface DemoLoadResult {
  created: { units: number; groups: number; users: number };
  accounts: DemoAccount[];
}

/** Every demo account: the named ones, then one unit_manager for each other unit, in registry order. */
export function demoAccounts(): (DemoAccount & { roles: Role[] })[] {
  const named = DEMO_ACCOUNTS.map((a) => ({
    username: a.username,
    displayName: a.displayName,
    roles: [...a.roles] as Role[],
    unitName: a.unit as string | null,
  }));
  const covered = new Set(named.map((a) => a.unitName));
  const perUnit = DEMO_UNITS.filter((u) => !covered.has(u.name)).map((u, i) => ({
    username: `unit${String(i + 1).padStart(2, "0")}`,
    displayName: `${u.name}管理员`,
    roles: ["unit_manager"] as Role[],
    unitName: u.name,
  }));
  return [...named, ...perUnit];
}

export async function loadDemoData(db: Db, password: string): Promise<DemoLoadResult> {
  const accounts = demoAccounts();
  // usernames are unique in any letter case: an account named Leader already is the demo's leader
  const existingUsers = new Set(
    (await db.select({ username: users.username }).from(users)).map((u) => u.username.toLowerCase()),
  );
  const missingAccounts = accounts.filter((a) => !existingUsers.has(a.username.toLowerCase()));
  // one hash for all demo accounts: they share the demo password, and fifty argon2 hashes would cost seconds
  const passwordHash = missingAccounts.length ? await hashPassword(password) : "";

  return db.transaction(async (tx) => {
    const existingUnits = new Set((await tx.select({ name: units.name }).from(units)).map((u) => u.name));
    const newUnits = DEMO_UNITS.map((u, i) => ({ ...u, sortOrder: (i + 1) * 10 })).filter(
      (u) => !existingUnits.has(u.name),
    );
    if (newUnits.length) {
      await tx.insert(units).values(
        newUnits.map((u) => ({
          name: u.name,
          type: u.type,
          aliases: u.aliases ?? [],
          shortName: u.shortName ?? null,
          sortOrder: u.sortOrder,
        })),
      );
    }

    const existingGroups = new Set((await tx.select({ name: unitGroups.name }).from(unitGroups)).map((g) => g.name));
    const newGroups = DEMO_GROUPS.filter((g) => !existingGroups.has(g.name));
    if (newGroups.length) await tx.insert(unitGroups).values(newGroups);

    const unitIds = new Map(
      (await tx.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.name, u.id]),
    );
    if (missingAccounts.length) {
      await tx.insert(users).values(
        missingAccounts.map((a) => ({
          username: a.username,
          displayName: a.displayName,
          roles: a.roles,
          unitId: a.unitName ? (unitIds.get(a.unitName) ?? null) : null,
          passwordHash,
          isDemo: true,
        })),
      );
    }

    const created = { units: newUnits.length, groups: newGroups.length, users: missingAccounts.length };
    if (created.units || created.groups || created.users) {
      await recordAudit(tx, { actorId: null, action: "demo.load", entityType: "system", after: created });
    }
    return { created, accounts };
  });
}

/** Whether a demo account with the demo password can still sign in: disabled or re-passworded ones cannot. */
export async function hasDemoAccounts(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.isDemo, true), eq(users.disabled, false)))
    .limit(1);
  return !!row;
}
