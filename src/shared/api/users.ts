/** The wire contract of /api for users, sessions and sign-in. */
import { type Static, Type } from "typebox";
import { AbilitySchema, Id, MAX_INT, Name, Nullable, RoleSchema, Timestamp, UnitTypeSchema } from "./common.js";

export const User = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  unitId: Nullable(Id),
  unitName: Nullable(Type.String()),
  roles: Type.Array(RoleSchema),
  /** where email notices go; null: the bell only */
  email: Nullable(Type.String()),
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
/** An email address for notices; null or left out: none. */
const Email = Type.String({ maxLength: 254, format: "email" });

export const UserCreate = Type.Object({
  username: Username,
  displayName: Name(50),
  unitId: Type.Optional(Nullable(Id)),
  roles: Type.Array(RoleSchema, { minItems: 1, uniqueItems: true }),
  email: Type.Optional(Nullable(Email)),
  password: Password,
});
export type UserCreate = Static<typeof UserCreate>;

export const UserPatch = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  displayName: Type.Optional(Name(50)),
  unitId: Type.Optional(Nullable(Id)),
  roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, uniqueItems: true })),
  email: Type.Optional(Nullable(Email)),
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
