/**
 * The wire contract of /api: one TypeBox schema per payload. The server validates with these and
 * derives its types from them; the web client imports the same types. Change a field here and both follow.
 */
import { type Static, type TSchema, Type } from "typebox";
import { ABILITIES, type Ability, ROLES, type Role, UNIT_TYPES, type UnitType } from "./domain.js";

const Id = Type.Integer({ minimum: 1 });
const Timestamp = Type.String({ format: "date-time" });
/** A name the server trims before storing: it must hold more than spaces. */
const Name = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

/** T or null, as a JSON-schema type list: fast to serialise, where anyOf makes every response slow. */
const Nullable = <T extends TSchema>(schema: T) => {
  const { type, enum: values, ...rest } = schema as unknown as { type: string; enum?: unknown[] };
  return Type.Unsafe<Static<T> | null>({
    ...rest,
    type: [type, "null"],
    ...(values ? { enum: [...values, null] } : {}),
  });
};

/** A string restricted to one of the given names, typed as their union. */
const OneOf = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: "string", enum: [...values] });

export const RoleSchema = OneOf<Role>(ROLES);
export const UnitTypeSchema = OneOf<UnitType>(UNIT_TYPES);
export const AbilitySchema = OneOf<Ability>(ABILITIES);

// ---------- units ----------
export const Unit = Type.Object({
  id: Id,
  name: Type.String(),
  shortName: Nullable(Type.String()),
  aliases: Type.Array(Type.String()),
  type: UnitTypeSchema,
  parentId: Nullable(Id),
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Unit = Static<typeof Unit>;

export const UnitList = Type.Object({ items: Type.Array(Unit), total: Type.Integer() });
export type UnitList = Static<typeof UnitList>;

export const UnitListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  type: Type.Optional(UnitTypeSchema),
  active: Type.Optional(Type.Boolean()),
});
export type UnitListQuery = Static<typeof UnitListQuery>;

const UnitFields = {
  name: Name(100),
  shortName: Nullable(Type.String({ maxLength: 50 })),
  aliases: Type.Array(Name(100), { maxItems: 50 }),
  type: UnitTypeSchema,
  parentId: Nullable(Id),
  active: Type.Boolean(),
  sortOrder: Type.Integer({ minimum: 0, maximum: 1000000 }),
};

export const UnitCreate = Type.Object({
  name: UnitFields.name,
  type: UnitFields.type,
  shortName: Type.Optional(UnitFields.shortName),
  aliases: Type.Optional(UnitFields.aliases),
  parentId: Type.Optional(UnitFields.parentId),
  sortOrder: Type.Optional(UnitFields.sortOrder),
});
export type UnitCreate = Static<typeof UnitCreate>;

export const UnitPatch = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  name: Type.Optional(UnitFields.name),
  shortName: Type.Optional(UnitFields.shortName),
  aliases: Type.Optional(UnitFields.aliases),
  type: Type.Optional(UnitFields.type),
  parentId: Type.Optional(UnitFields.parentId),
  active: Type.Optional(UnitFields.active),
  sortOrder: Type.Optional(UnitFields.sortOrder),
});
export type UnitPatch = Static<typeof UnitPatch>;

export const UnitDeleteQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) });

export const ResolveRequest = Type.Object({
  phrases: Type.Array(Type.String({ maxLength: 200 }), { minItems: 1, maxItems: 500 }),
});
export type ResolveRequest = Static<typeof ResolveRequest>;

export const MatchKind = OneOf(["name", "shortName", "alias", "group"] as const);
const UnitRef = Type.Object({ id: Id, name: Type.String(), type: UnitTypeSchema });
export const ResolveResult = Type.Object({
  results: Type.Array(
    Type.Object({
      phrase: Type.String(),
      matchedBy: Nullable(MatchKind),
      group: Nullable(Type.Object({ id: Id, name: Type.String() })),
      units: Type.Array(UnitRef),
      suggestions: Type.Array(Type.Object({ id: Id, name: Type.String(), type: UnitTypeSchema, score: Type.Number() })),
    }),
  ),
});
export type ResolveResult = Static<typeof ResolveResult>;

// ---------- unit groups ----------
export const UnitGroup = Type.Object({
  id: Id,
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  unitTypes: Type.Array(UnitTypeSchema),
  memberIds: Type.Array(Id),
  version: Type.Integer(),
});
export type UnitGroup = Static<typeof UnitGroup>;
export const UnitGroupList = Type.Object({ items: Type.Array(UnitGroup) });

// ---------- users and auth ----------
export const User = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  unitId: Nullable(Id),
  unitName: Nullable(Type.String()),
  roles: Type.Array(RoleSchema),
  disabled: Type.Boolean(),
  locked: Type.Boolean(),
  lastLoginAt: Nullable(Timestamp),
  version: Type.Integer(),
  createdAt: Timestamp,
});
export type User = Static<typeof User>;
export const UserList = Type.Object({ items: Type.Array(User), total: Type.Integer() });

const Username = Type.String({ minLength: 2, maxLength: 50, pattern: "^[A-Za-z0-9_.-]+$" });
const Password = Type.String({ minLength: 1, maxLength: 128 });

export const UserCreate = Type.Object({
  username: Username,
  displayName: Name(50),
  unitId: Type.Optional(Nullable(Id)),
  roles: Type.Array(RoleSchema, { minItems: 1, uniqueItems: true }),
  password: Password,
});
export type UserCreate = Static<typeof UserCreate>;

export const UserPatch = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  displayName: Type.Optional(Name(50)),
  unitId: Type.Optional(Nullable(Id)),
  roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, uniqueItems: true })),
  disabled: Type.Optional(Type.Boolean()),
  /** true clears the failed-login counter and lockout */
  unlock: Type.Optional(Type.Boolean()),
  /** an admin sets a new password for the user */
  password: Type.Optional(Password),
});
export type UserPatch = Static<typeof UserPatch>;

export const LoginRequest = Type.Object({ username: Type.String({ maxLength: 100 }), password: Password });
export type LoginRequest = Static<typeof LoginRequest>;

export const Me = Type.Object({
  user: Type.Object({ id: Id, username: Type.String(), displayName: Type.String() }),
  unit: Nullable(Type.Object({ id: Id, name: Type.String(), type: UnitTypeSchema })),
  roles: Type.Array(RoleSchema),
  abilities: Type.Array(AbilitySchema),
});
export type Me = Static<typeof Me>;

export const ChangePasswordRequest = Type.Object({ currentPassword: Password, newPassword: Password });
export type ChangePasswordRequest = Static<typeof ChangePasswordRequest>;

// ---------- audit ----------
export const AuditEvent = Type.Object({
  id: Id,
  at: Timestamp,
  actorId: Nullable(Id),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
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
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
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
  version: Type.Integer({ minimum: 1 }),
  name: Type.Optional(Name(100)),
  aliases: Type.Optional(Type.Array(Name(100), { maxItems: 50 })),
  unitTypes: Type.Optional(Type.Array(UnitTypeSchema, { uniqueItems: true })),
  memberIds: Type.Optional(Type.Array(Id, { maxItems: 2000, uniqueItems: true })),
});
export type UnitGroupPatch = Static<typeof UnitGroupPatch>;
