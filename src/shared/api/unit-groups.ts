/** The wire contract of /api for unit groups (单位分组). */
import { type Static, Type } from "typebox";
import { Id, UnitTypeSchema } from "./common.js";

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
