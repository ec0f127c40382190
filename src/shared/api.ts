/**
 * The wire contract of /api: one TypeBox schema per payload. The server validates with these and
 * derives its types from them; the web client imports the same types. Change a field here and both follow.
 */

export * from "./api/assignments.js";
export * from "./api/audit.js";
export * from "./api/bulletins.js";
export * from "./api/channels.js";
export {
  AbilitySchema,
  ErrorBody,
  IdParams,
  NAME_MARK,
  RoleSchema,
  UnitTypeSchema,
  YEARS_PATTERN,
} from "./api/common.js";
export * from "./api/dashboard.js";
export * from "./api/notifications.js";
export * from "./api/plans.js";
export * from "./api/reports.js";
export * from "./api/settings.js";
export * from "./api/supervision.js";
export * from "./api/unit-groups.js";
export * from "./api/units.js";
export * from "./api/users.js";
