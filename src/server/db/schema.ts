/** The one database schema, for PGlite and PostgreSQL alike. Migrations are generated from it (drizzle-kit). */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { Role, UnitType } from "../../shared/domain.js";

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const version = () => integer("version").notNull().default(1);

export const units = pgTable(
  "units",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
    type: text("type").$type<UnitType>().notNull(),
    parentId: integer("parent_id").references((): AnyPgColumn => units.id),
    active: boolean("active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("units_name_key").on(t.name), index("units_type_idx").on(t.type)],
);

/** A phrase such as 各乡镇 that names a set of units: by unit types, by an explicit list, or both. */
export const unitGroups = pgTable(
  "unit_groups",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
    unitTypes: text("unit_types").array().$type<UnitType[]>().notNull().default(sql`'{}'::text[]`),
    memberIds: integer("member_ids").array().notNull().default(sql`'{}'::integer[]`),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("unit_groups_name_key").on(t.name)],
);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    unitId: integer("unit_id").references(() => units.id),
    roles: text("roles").array().$type<Role[]>().notNull(),
    passwordHash: text("password_hash").notNull(),
    disabled: boolean("disabled").notNull().default(false),
    /** demo accounts are refused in production mode */
    isDemo: boolean("is_demo").notNull().default(false),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true, mode: "date" }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true, mode: "date" }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_username_key").on(sql`lower(${t.username})`), index("users_unit_idx").on(t.unitId)],
);

/** Server-side sessions: the cookie carries a random token, the database only its sha256. */
export const sessions = pgTable(
  "sessions",
  {
    id: serial("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [uniqueIndex("sessions_token_key").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: serial("id").primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entityType, t.entityId),
    index("audit_events_actor_idx").on(t.actorId),
    index("audit_events_at_idx").on(t.at),
  ],
);

export type UnitRow = typeof units.$inferSelect;
export type UnitGroupRow = typeof unitGroups.$inferSelect;
export type UserRow = typeof users.$inferSelect;
