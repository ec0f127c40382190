/** The wire contract of /api for the audit log (审计日志). */
import { type Static, Type } from "typebox";
import { Id, MAX_INT, Name, Nullable, Timestamp, UnitTypeSchema } from "./common.js";

export const AuditEvent = Type.Object({
  id: Id,
  at: Timestamp,
  actorId: Nullable(Id),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  /** the action's Chinese label (AUDIT_ACTIONS, src/shared/audit.ts) */
  actionLabel: Type.String(),
  entityType: Type.String(),
  entityTypeLabel: Type.String(),
  entityId: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Nullable(Type.String()),
});
export type AuditEvent = Static<typeof AuditEvent>;

export const AuditQuery = Type.Object({
  entityType: Type.Optional(Type.String({ maxLength: 50 })),
  entityId: Type.Optional(Type.String({ maxLength: 50 })),
  actorId: Type.Optional(Id),
  action: Type.Optional(Type.String({ maxLength: 50 })),
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_INT })),
});
export type AuditQuery = Static<typeof AuditQuery>;
export const AuditList = Type.Object({ items: Type.Array(AuditEvent), total: Type.Integer() });
export type AuditList = Static<typeof AuditList>;

/** Everyone who may appear in the audit log as its actor: for the log's 操作人 filter. */
export const AuditActorList = Type.Object({
  items: Type.Array(Type.Object({ id: Id, username: Type.String(), displayName: Type.String() })),
});
export type AuditActorList = Static<typeof AuditActorList>;

export const Health = Type.Object({ status: Type.Literal("ok"), database: Type.String(), version: Type.String() });

export const UnitGroupCreate = Type.Object({
  name: Name(100),
  aliases: Type.Optional(Type.Array(Name(100), { maxItems: 50 })),
  unitTypes: Type.Optional(Type.Array(UnitTypeSchema, { uniqueItems: true })),
  memberIds: Type.Optional(Type.Array(Id, { maxItems: 2000, uniqueItems: true })),
});
export type UnitGroupCreate = Static<typeof UnitGroupCreate>;

export const UnitGroupPatch = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  name: Type.Optional(Name(100)),
  aliases: Type.Optional(Type.Array(Name(100), { maxItems: 50 })),
  unitTypes: Type.Optional(Type.Array(UnitTypeSchema, { uniqueItems: true })),
  memberIds: Type.Optional(Type.Array(Id, { maxItems: 2000, uniqueItems: true })),
});
export type UnitGroupPatch = Static<typeof UnitGroupPatch>;
