/** The unit registry: create, change and deactivate units and groups, each change audited in its transaction. */

import { and, asc, eq, inArray } from "drizzle-orm";
import { normaliseUnitPhrase } from "../../core/units/match.js";
import type { UnitCreate, UnitGroupCreate, UnitGroupPatch, UnitListQuery, UnitPatch } from "../../shared/api.js";
import type { AuditAction } from "../../shared/audit.js";
import { recordAudit } from "../audit/record.js";
import type { Db, Queryable } from "../db/client.js";
import { type UnitGroupRow, type UnitRow, unitGroups, units } from "../db/schema.js";
import { AppError, badRequest, duplicate, notFound, versionConflict } from "../http/errors.js";

export interface ChangeContext {
  actorId: number | null;
  ip: string | null;
}

/** A change that can 交办 work (publishing, adding a unit to a published task): it is dated, yyyy-mm-dd China time. */
export interface DatedChange extends ChangeContext {
  today: string;
}

/**
 * The whole registry, kept for a few seconds: every page and every import reads it, it changes rarely.
 * Changes made in this process drop it at once; another server process sees them within REGISTRY_TTL_MS.
 */
const REGISTRY_TTL_MS = 5_000;
const registries = new WeakMap<Db, { rows: Promise<UnitRow[]>; fetchedAt: number }>();

export function forgetRegistry(db: Db): void {
  registries.delete(db);
}

export function allUnits(db: Db): Promise<UnitRow[]> {
  const kept = registries.get(db);
  if (kept && Date.now() - kept.fetchedAt < REGISTRY_TTL_MS) return kept.rows;
  // execute() gives a settled promise: awaiting drizzle's query builder itself would run the query again
  const rows = db.select().from(units).orderBy(asc(units.sortOrder), asc(units.name), asc(units.id)).execute();
  registries.set(db, { rows, fetchedAt: Date.now() });
  rows.catch(() => forgetRegistry(db));
  return rows;
}

export async function listUnits(db: Db, query: UnitListQuery = {}): Promise<UnitRow[]> {
  const needle = query.q?.trim().toLowerCase();
  return (await allUnits(db)).filter(
    (unit) =>
      (!query.type || unit.type === query.type) &&
      (query.active === undefined || unit.active === query.active) &&
      (!needle || [unit.name, unit.shortName, ...unit.aliases].some((n) => n?.toLowerCase().includes(needle))),
  );
}

export async function getUnit(db: Queryable, id: number): Promise<UnitRow> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  if (!row) throw notFound("单位");
  return row;
}

function cleanAliases(name: string, aliases: string[] | undefined): string[] {
  const seen = new Set<string>([normaliseUnitPhrase(name)]);
  const out: string[] = [];
  for (const alias of aliases ?? []) {
    const trimmed = alias.trim();
    const key = normaliseUnitPhrase(trimmed);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}

/**
 * Whether a patch leaves a record as it is: saving an unchanged form keeps the version (no needless conflict for
 * someone else editing it) and writes no audit event.
 */
function unchanged<T extends object>(row: T, next: Partial<T>): boolean {
  return Object.entries(next).every(([key, value]) => JSON.stringify(row[key as keyof T]) === JSON.stringify(value));
}

/**
 * A name or alias must point to one unit or one group only, or a document phrase would resolve ambiguously:
 * a unit named 各乡镇 would hide the group of every township.
 */
async function assertNamesFree(
  tx: Queryable,
  names: string[],
  except: { unitId?: number; groupId?: number },
): Promise<void> {
  const wanted = new Set(names.map(normaliseUnitPhrase));
  const clashes = (taken: string | null) => taken != null && wanted.has(normaliseUnitPhrase(taken));
  const all = await tx
    .select({ id: units.id, name: units.name, shortName: units.shortName, aliases: units.aliases })
    .from(units);
  for (const unit of all) {
    if (unit.id === except.unitId) continue;
    const taken = [unit.name, unit.shortName, ...unit.aliases].find(clashes);
    if (taken) throw duplicate(`名称或别名“${taken}”已被单位“${unit.name}”使用`);
  }
  for (const group of await listUnitGroups(tx)) {
    if (group.id === except.groupId) continue;
    const taken = [group.name, ...group.aliases].find(clashes);
    if (taken) throw duplicate(`名称或别名“${taken}”已被单位分组“${group.name}”使用`);
  }
}

async function assertParent(tx: Queryable, parentId: number | null | undefined, selfId: number | null): Promise<void> {
  if (parentId == null) return;
  if (parentId === selfId) throw badRequest("上级单位不能是本单位");
  let cursor: number | null = parentId;
  for (let depth = 0; cursor != null; depth++) {
    if (depth > 50 || cursor === selfId) throw badRequest("上级单位设置形成了循环，请重新选择");
    const [row] = await tx.select({ parentId: units.parentId }).from(units).where(eq(units.id, cursor));
    if (!row) throw badRequest("上级单位不存在");
    cursor = row.parentId;
  }
}

export async function createUnit(db: Db, input: UnitCreate, ctx: ChangeContext): Promise<UnitRow> {
  const row = await db.transaction(async (tx) => {
    const name = input.name.trim();
    const aliases = cleanAliases(name, input.aliases);
    const shortName = input.shortName?.trim() || null;
    await assertNamesFree(tx, [name, ...aliases, ...(shortName ? [shortName] : [])], {});
    await assertParent(tx, input.parentId, null);
    const [row] = await tx
      .insert(units)
      .values({
        name,
        shortName,
        aliases,
        type: input.type,
        parentId: input.parentId ?? null,
        sortOrder: input.sortOrder ?? 0,
      })
      .returning();
    await recordAudit(tx, { ...ctx, action: "unit.create", entityType: "unit", entityId: row.id, after: row });
    return row;
  });
  forgetRegistry(db);
  return row;
}

export async function updateUnit(db: Db, id: number, patch: UnitPatch, ctx: ChangeContext): Promise<UnitRow> {
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(units).where(eq(units.id, id)).for("update");
    if (!before) throw notFound("单位");
    if (before.version !== patch.version) throw versionConflict();
    const name = patch.name?.trim() ?? before.name;
    const aliases = patch.aliases ? cleanAliases(name, patch.aliases) : before.aliases;
    const shortName = patch.shortName === undefined ? before.shortName : patch.shortName?.trim() || null;
    const next = {
      name,
      shortName,
      aliases,
      type: patch.type ?? before.type,
      parentId: patch.parentId === undefined ? before.parentId : patch.parentId,
      active: patch.active ?? before.active,
      sortOrder: patch.sortOrder ?? before.sortOrder,
    };
    if (unchanged(before, next)) return before;
    await assertNamesFree(tx, [name, ...aliases, ...(shortName ? [shortName] : [])], { unitId: id });
    if (patch.parentId !== undefined) await assertParent(tx, patch.parentId, id);
    const [after] = await tx
      .update(units)
      .set({ ...next, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(units.id, id), eq(units.version, patch.version)))
      .returning();
    if (!after) throw versionConflict();
    await recordAudit(tx, {
      ...ctx,
      action: unitChangeAction(before, after),
      entityType: "unit",
      entityId: id,
      before,
      after,
    });
    return after;
  });
  forgetRegistry(db);
  return row;
}

/**
 * Adds a phrase from a plan as one more alias of a unit, in the caller's transaction (the caller forgets the
 * registry after it commits). Nothing changes when the unit already answers to the phrase.
 */
export async function addUnitAlias(tx: Queryable, unitId: number, phrase: string, ctx: ChangeContext): Promise<void> {
  const [before] = await tx.select().from(units).where(eq(units.id, unitId)).for("update");
  if (!before) throw notFound("单位");
  const aliases = cleanAliases(before.name, [...before.aliases, phrase]);
  if (aliases.length === before.aliases.length || before.shortName === phrase.trim()) return;
  await assertNamesFree(tx, [phrase], { unitId });
  const [after] = await tx
    .update(units)
    .set({ aliases, version: before.version + 1, updatedAt: new Date() })
    .where(eq(units.id, unitId))
    .returning();
  await recordAudit(tx, { ...ctx, action: "unit.update", entityType: "unit", entityId: unitId, before, after });
}

/** Switching a unit on or off is its own action in the audit log; any other change is an update. */
function unitChangeAction(before: UnitRow, after: UnitRow): AuditAction {
  if (before.active === after.active) return "unit.update";
  return after.active ? "unit.activate" : "unit.deactivate";
}

/** Units are never deleted (plans and reports refer to them): "delete" deactivates. */
export async function deactivateUnit(db: Db, id: number, version: number, ctx: ChangeContext): Promise<UnitRow> {
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(units).where(eq(units.id, id)).for("update");
    if (!before) throw notFound("单位");
    if (before.version !== version) throw versionConflict();
    if (!before.active) return before;
    const [after] = await tx
      .update(units)
      .set({ active: false, version: before.version + 1, updatedAt: new Date() })
      .where(eq(units.id, id))
      .returning();
    await recordAudit(tx, { ...ctx, action: "unit.deactivate", entityType: "unit", entityId: id, before, after });
    return after;
  });
  forgetRegistry(db);
  return row;
}

// ---------- groups ----------

export function listUnitGroups(db: Queryable): Promise<UnitGroupRow[]> {
  return db.select().from(unitGroups).orderBy(asc(unitGroups.id));
}

async function assertMembersExist(tx: Queryable, memberIds: number[] | undefined): Promise<void> {
  if (!memberIds?.length) return;
  const found = await tx.select({ id: units.id }).from(units).where(inArray(units.id, memberIds));
  if (found.length !== new Set(memberIds).size) throw badRequest("分组成员中有不存在的单位");
}

function assertGroupHasRule(unitTypes: string[], memberIds: number[]): void {
  if (unitTypes.length === 0 && memberIds.length === 0) {
    throw new AppError(400, "bad_request", "分组须按单位类型或指定成员单位确定其范围");
  }
}

export async function createUnitGroup(db: Db, input: UnitGroupCreate, ctx: ChangeContext): Promise<UnitGroupRow> {
  return db.transaction(async (tx) => {
    const name = input.name.trim();
    const aliases = cleanAliases(name, input.aliases);
    const unitTypes = input.unitTypes ?? [];
    const memberIds = input.memberIds ?? [];
    assertGroupHasRule(unitTypes, memberIds);
    await assertNamesFree(tx, [name, ...aliases], {});
    await assertMembersExist(tx, memberIds);
    const [row] = await tx.insert(unitGroups).values({ name, aliases, unitTypes, memberIds }).returning();
    await recordAudit(tx, {
      ...ctx,
      action: "unit_group.create",
      entityType: "unit_group",
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

/** A plan's phrase mapped to the group (区政府各行政执法部门): kept as its alias, so the next import resolves it. */
export async function addGroupAlias(tx: Queryable, groupId: number, phrase: string, ctx: ChangeContext): Promise<void> {
  const [before] = await tx.select().from(unitGroups).where(eq(unitGroups.id, groupId)).for("update");
  if (!before) throw notFound("单位分组");
  const aliases = cleanAliases(before.name, [...before.aliases, phrase]);
  if (aliases.length === before.aliases.length) return;
  await assertNamesFree(tx, [phrase], { groupId });
  const [after] = await tx
    .update(unitGroups)
    .set({ aliases, version: before.version + 1, updatedAt: new Date() })
    .where(eq(unitGroups.id, groupId))
    .returning();
  await recordAudit(tx, {
    ...ctx,
    action: "unit_group.update",
    entityType: "unit_group",
    entityId: groupId,
    before,
    after,
  });
}

export async function updateUnitGroup(
  db: Db,
  id: number,
  patch: UnitGroupPatch,
  ctx: ChangeContext,
): Promise<UnitGroupRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(unitGroups).where(eq(unitGroups.id, id)).for("update");
    if (!before) throw notFound("单位分组");
    if (before.version !== patch.version) throw versionConflict();
    const name = patch.name?.trim() ?? before.name;
    const aliases = patch.aliases ? cleanAliases(name, patch.aliases) : before.aliases;
    const unitTypes = patch.unitTypes ?? before.unitTypes;
    const memberIds = patch.memberIds ?? before.memberIds;
    const next = { name, aliases, unitTypes, memberIds };
    if (unchanged(before, next)) return before;
    assertGroupHasRule(unitTypes, memberIds);
    await assertNamesFree(tx, [name, ...aliases], { groupId: id });
    await assertMembersExist(tx, patch.memberIds);
    const [after] = await tx
      .update(unitGroups)
      .set({ ...next, version: before.version + 1, updatedAt: new Date() })
      .where(eq(unitGroups.id, id))
      .returning();
    await recordAudit(tx, {
      ...ctx,
      action: "unit_group.update",
      entityType: "unit_group",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
