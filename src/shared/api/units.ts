/** The wire contract of /api for units (单位). */
import { type Static, Type } from "typebox";
import { Id, MAX_INT, Name, Nullable, OneOf, Timestamp, UnitTypeSchema } from "./common.js";

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
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  name: Type.Optional(UnitFields.name),
  shortName: Type.Optional(UnitFields.shortName),
  aliases: Type.Optional(UnitFields.aliases),
  type: Type.Optional(UnitFields.type),
  parentId: Type.Optional(UnitFields.parentId),
  active: Type.Optional(UnitFields.active),
  sortOrder: Type.Optional(UnitFields.sortOrder),
});
export type UnitPatch = Static<typeof UnitPatch>;

export const UnitDeleteQuery = Type.Object({ version: Type.Integer({ minimum: 1, maximum: MAX_INT }) });

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
