/** The building blocks of the wire contract: ids, dates, names, nullable and one-of schemas, the error body. */
import { type Static, type TSchema, Type } from "typebox";
import { ABILITIES, type Ability, ROLES, type Role, UNIT_TYPES, type UnitType } from "../domain.js";

/** The largest number an integer column holds: a larger id or count is refused at the edge, not by the database. */
export const MAX_INT = 2147483647;
/** The years a date or time may fall in: one far outside is a typing error (and 9999 overflows the date arithmetic). */
export const YEARS_PATTERN = "^(?:199\\d|20\\d\\d|2100)-";
export const Id = Type.Integer({ minimum: 1, maximum: MAX_INT });
export const Timestamp = Type.String({ format: "date-time", pattern: YEARS_PATTERN });
/** Marks a Name schema: the edge strips a name's zero-width and bidi characters before it is validated and stored. */
export const NAME_MARK = "name";
/** A name the server trims before storing: it must hold more than spaces. */
export const Name = (maxLength: number) =>
  Type.String({ minLength: 1, maxLength, pattern: "\\S", $comment: NAME_MARK });

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_INT }) });

/** T or null, as a JSON-schema type list: fast to serialise, where anyOf makes every response slow. */
export const Nullable = <T extends TSchema>(schema: T) => {
  const { type, enum: values, ...rest } = schema as unknown as { type: string; enum?: unknown[] };
  return Type.Unsafe<Static<T> | null>({
    ...rest,
    type: [type, "null"],
    ...(values ? { enum: [...values, null] } : {}),
  });
};

/** A string restricted to one of the given names, typed as their union. */
export const OneOf = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: "string", enum: [...values] });

export const RoleSchema = OneOf<Role>(ROLES);
export const UnitTypeSchema = OneOf<UnitType>(UNIT_TYPES);
export const AbilitySchema = OneOf<Ability>(ABILITIES);

/** A calendar day, yyyy-mm-dd, in the years a date may fall in. */
export const IsoDate = Type.String({ format: "date", pattern: YEARS_PATTERN });
export const Year = Type.Integer({ minimum: 1990, maximum: 2100 });
