/**
 * The wire contract of /api: one TypeBox schema per payload. The server validates with these and
 * derives its types from them; the web client imports the same types. Change a field here and both follow.
 */
import { type Static, type TSchema, Type } from "typebox";
import {
  ABILITIES,
  type Ability,
  ASSIGNMENT_STATUSES,
  type AssignmentStatus,
  BULLETIN_STATUSES,
  type BulletinStatus,
  CHANNEL_KINDS,
  type ChannelKind,
  COLUMN_ROLES,
  type ColumnRole,
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  type DeliveryChannel,
  type DeliveryStatus,
  EXTENSION_STATUSES,
  type ExtensionStatus,
  NOTIFICATION_KINDS,
  type NotificationKind,
  OCCURRENCE_STATES,
  type OccurrenceState,
  PAST_PERIOD_RULES,
  type PastPeriodRule,
  PLAN_STATUSES,
  type PlanStatus,
  REPORT_STATUSES,
  REPORTING_CADENCES,
  type ReportingCadence,
  type ReportStatus,
  ROLES,
  type Role,
  SIGNALS,
  type Signal,
  SUPERVISION_ORDER_LEVELS,
  SUPERVISION_ORDER_STATUSES,
  type SupervisionOrderLevel,
  type SupervisionOrderStatus,
  TASK_UNIT_ROLES,
  type TaskUnitRole,
  UNIT_TYPES,
  type UnitType,
} from "./domain.js";

/** The largest number an integer column holds: a larger id or count is refused at the edge, not by the database. */
const MAX_INT = 2147483647;
/** The years a date or time may fall in: one far outside is a typing error (and 9999 overflows the date arithmetic). */
export const YEARS_PATTERN = "^(?:199\\d|20\\d\\d|2100)-";
const Id = Type.Integer({ minimum: 1, maximum: MAX_INT });
const Timestamp = Type.String({ format: "date-time", pattern: YEARS_PATTERN });
/** Marks a Name schema: the edge strips a name's zero-width and bidi characters before it is validated and stored. */
export const NAME_MARK = "name";
/** A name the server trims before storing: it must hold more than spaces. */
const Name = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S", $comment: NAME_MARK });

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

// ---------- audit ----------
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

// ---------- plans ----------
const IsoDate = Type.String({ format: "date", pattern: YEARS_PATTERN });
const Year = Type.Integer({ minimum: 1990, maximum: 2100 });

export const PlanStatusSchema = OneOf<PlanStatus>(PLAN_STATUSES);
export const TaskUnitRoleSchema = OneOf<TaskUnitRole>(TASK_UNIT_ROLES);
export const ReportingCadenceSchema = OneOf<ReportingCadence>(REPORTING_CADENCES);
export const AssignmentStatusSchema = OneOf<AssignmentStatus>(ASSIGNMENT_STATUSES);

export const ParseWarningSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  start: Type.Optional(Type.Integer()),
});

export const DeadlineSchema = Type.Object({
  text: Type.String({ maxLength: 200 }),
  kind: OneOf(["date", "recurring", "ongoing", "relative", "until"] as const),
  due: Type.Optional(IsoDate),
  rule: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type DeadlineInput = Static<typeof DeadlineSchema>;

export const TargetSchema = Type.Object({
  text: Type.String({ maxLength: 500 }),
  metric: Type.String({ maxLength: 200 }),
  op: OneOf([">=", "<=", "="] as const),
  value: Type.Number(),
  unit: Type.String({ maxLength: 20 }),
  period: Type.Optional(Type.String({ maxLength: 20 })),
});

/** A plan's supervision rules (see src/core/supervision/rules.ts): every rule given, the defaults filled in. */
export const SupervisionRulesSchema = Type.Object({
  reminderDays: Type.Array(Type.Integer({ minimum: 1, maximum: 90 }), { maxItems: 5 }),
  yellowOrderDays: Type.Integer({ minimum: 1, maximum: 365 }),
  redOrderDays: Type.Integer({ minimum: 2, maximum: 366 }),
  quietHours: Type.Object({
    from: Type.Integer({ minimum: 0, maximum: 23 }),
    to: Type.Integer({ minimum: 0, maximum: 23 }),
  }),
});
export type SupervisionRulesSchema = Static<typeof SupervisionRulesSchema>;

export const Plan = Type.Object({
  id: Id,
  title: Type.String(),
  docNumber: Nullable(Type.String()),
  issuer: Nullable(Type.String()),
  date: Nullable(IsoDate),
  year: Type.Integer(),
  endYear: Type.Integer(),
  status: PlanStatusSchema,
  parentId: Nullable(Id),
  cadence: ReportingCadenceSchema,
  /** the rules in force: the plan's own, or the defaults */
  supervisionRules: SupervisionRulesSchema,
  /** false: the plan follows the defaults */
  supervisionRulesCustom: Type.Boolean(),
  file: Nullable(Type.Object({ filename: Type.String(), mediaType: Type.String(), size: Type.Integer() })),
  taskCount: Type.Integer(),
  /** unit phrases that still need a unit or a reason: publishing waits for them */
  unresolvedCount: Type.Integer(),
  assignmentCount: Type.Integer(),
  publishedAt: Nullable(Timestamp),
  /** 交办日期, once published; what that 交办 did with the periods already due, and in how many days they are due */
  assignedOn: Nullable(IsoDate),
  pastPeriods: OneOf<PastPeriodRule>(PAST_PERIOD_RULES),
  catchUpDays: Type.Integer(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Plan = Static<typeof Plan>;

export const PlanList = Type.Object({ items: Type.Array(Plan), total: Type.Integer() });
export type PlanList = Static<typeof PlanList>;
export const PlanListQuery = Type.Object({
  status: Type.Optional(PlanStatusSchema),
  q: Type.Optional(Type.String({ maxLength: 100 })),
});
export type PlanListQuery = Static<typeof PlanListQuery>;

export const ColumnRoleSchema = OneOf<ColumnRole>(COLUMN_ROLES);

/** A task table as the parser read it: its header, the role of each column, a sample of its cells. */
export const TableLayoutSchema = Type.Object({
  /** the header's key: a mapping set for it is remembered for later files with the same header */
  signature: Type.String(),
  headers: Type.Array(Type.String()),
  roles: Type.Array(ColumnRoleSchema),
  /** the roles were set by a user (now or for an earlier file), not guessed */
  mapped: Type.Boolean(),
  samples: Type.Array(Type.Array(Type.String())),
  rows: Type.Integer(),
});
export type TableLayout = Static<typeof TableLayoutSchema>;

/** A numbering style of a paragraph document ("arabic" for 1., "cnParen" for （一）, "paragraph" for each paragraph). */
export const NumberingLevelSchema = Type.Object({
  style: Type.String(),
  example: Type.String(),
  count: Type.Integer(),
});
export type NumberingLevel = Static<typeof NumberingLevelSchema>;

/** How to read a file the parser was unsure of: column roles by table signature, the numbering style of the tasks. */
export const ParseChoices = Type.Object({
  columnRoles: Type.Optional(
    Type.Record(Type.String({ maxLength: 2000 }), Type.Array(ColumnRoleSchema, { maxItems: 60 }), {
      maxProperties: 20,
    }),
  ),
  taskStyle: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
});
export type ParseChoices = Static<typeof ParseChoices>;

/** How a plan's file was read, for the review screen's column mapping and "what the tasks are" choice. */
export const PlanLayout = Type.Object({
  tables: Type.Array(TableLayoutSchema),
  numberingLevels: Type.Array(NumberingLevelSchema),
  /** the numbering style whose items became tasks */
  taskStyle: Nullable(Type.String()),
  /** the choices the file was read with */
  options: ParseChoices,
});
export type PlanLayout = Static<typeof PlanLayout>;

/** Re-reads a draft's file with other choices; edits already made are kept where they still apply. */
export const PlanReparse = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  ...ParseChoices.properties,
});
export type PlanReparse = Static<typeof PlanReparse>;

/** Why an import found no tasks (error no_tasks, its details), with what the file holds to choose from. */
export const NoTasksDetails = Type.Object({
  reason: OneOf(["scan_without_ocr", "no_text", "no_task_column", "no_numbering"] as const),
  tables: Type.Array(TableLayoutSchema),
  numberingLevels: Type.Array(NumberingLevelSchema),
});
export type NoTasksDetails = Static<typeof NoTasksDetails>;

/**
 * How far a running import has come, asked for by the import id the browser sent in its X-Import-Id header:
 * receiving the file, reading it, recognising the pages of a scan (done of total), then done or failed.
 */
export const ImportProgress = Type.Object({
  stage: OneOf(["uploading", "reading", "ocr", "done", "failed"] as const),
  done: Type.Integer({ minimum: 0, maximum: MAX_INT }),
  total: Type.Integer({ minimum: 0, maximum: MAX_INT }),
});
export type ImportProgress = Static<typeof ImportProgress>;

/** An import id: chosen at random by the browser for one upload. */
export const IMPORT_ID_PATTERN = "^[A-Za-z0-9_-]{8,64}$";
export const ImportProgressParams = Type.Object({ importId: Type.String({ pattern: IMPORT_ID_PATTERN }) });
export type ImportProgressParams = Static<typeof ImportProgressParams>;

/** A unit named by a task: unitId null while the phrase matches no unit (unless dismissed with a reason). */
export const TaskUnit = Type.Object({
  unitId: Nullable(Id),
  role: TaskUnitRoleSchema,
  /** the phrase as the document wrote it (各乡镇); for a unit added by hand, the unit's name */
  phrase: Type.String({ minLength: 1, maxLength: 200 }),
  dismissedReason: Nullable(Type.String({ maxLength: 200 })),
});
export type TaskUnit = Static<typeof TaskUnit>;

export const Task = Type.Object({
  id: Id,
  sectionId: Nullable(Id),
  parentId: Nullable(Id),
  number: Type.String(),
  path: Type.Array(Type.String()),
  title: Nullable(Type.String()),
  text: Type.String(),
  sortOrder: Type.Integer(),
  /** the task's span in the plan's source text */
  source: Nullable(Type.Object({ start: Type.Integer(), end: Type.Integer() })),
  units: Type.Array(Type.Object({ ...TaskUnit.properties, unitName: Nullable(Type.String()) })),
  deadlines: Type.Array(DeadlineSchema),
  targets: Type.Array(TargetSchema),
  /** how sure the parser was of the task, 0 to 1 (1 for a task written by hand), and why not more */
  confidence: Type.Number(),
  doubts: Type.Array(Type.String()),
  /** the fields changed by hand since the file was read */
  editedFields: Type.Array(Type.String()),
  version: Type.Integer(),
});
export type Task = Static<typeof Task>;

export const PlanSection = Type.Object({
  id: Id,
  number: Type.String(),
  title: Type.String(),
  parentId: Nullable(Id),
});
export type PlanSection = Static<typeof PlanSection>;

export const UnresolvedPhrase = Type.Object({
  phrase: Type.String(),
  /** the tasks that name it */
  taskIds: Type.Array(Id),
  suggestions: Type.Array(Type.Object({ id: Id, name: Type.String(), type: UnitTypeSchema, score: Type.Number() })),
});
export type UnresolvedPhrase = Static<typeof UnresolvedPhrase>;

/** Another plan this one may repeat: the same file, or the same title. */
export const PlanDuplicate = Type.Object({
  id: Id,
  title: Type.String(),
  status: PlanStatusSchema,
  sameFile: Type.Boolean(),
  sameTitle: Type.Boolean(),
});
export type PlanDuplicate = Static<typeof PlanDuplicate>;

export const PlanDetail = Type.Object({
  ...Plan.properties,
  /** for a draft, the plans (not deleted) with the same file or title: its review page and its 交办 warn; else [] */
  duplicates: Type.Array(PlanDuplicate),
  sourceText: Nullable(Type.String()),
  warnings: Type.Array(ParseWarningSchema),
  layout: Nullable(PlanLayout),
  sections: Type.Array(PlanSection),
  tasks: Type.Array(Task),
  unresolved: Type.Array(UnresolvedPhrase),
});
export type PlanDetail = Static<typeof PlanDetail>;

const PlanFields = {
  title: Name(300),
  docNumber: Nullable(Type.String({ maxLength: 100 })),
  issuer: Nullable(Type.String({ maxLength: 100 })),
  date: Nullable(IsoDate),
  year: Year,
  endYear: Year,
  parentId: Nullable(Id),
  cadence: ReportingCadenceSchema,
};

export const PlanCreate = Type.Object({
  title: PlanFields.title,
  docNumber: Type.Optional(PlanFields.docNumber),
  issuer: Type.Optional(PlanFields.issuer),
  date: Type.Optional(PlanFields.date),
  year: PlanFields.year,
  endYear: Type.Optional(PlanFields.endYear),
  parentId: Type.Optional(PlanFields.parentId),
  cadence: Type.Optional(PlanFields.cadence),
});
export type PlanCreate = Static<typeof PlanCreate>;

export const PlanPatch = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  title: Type.Optional(PlanFields.title),
  docNumber: Type.Optional(PlanFields.docNumber),
  issuer: Type.Optional(PlanFields.issuer),
  date: Type.Optional(PlanFields.date),
  year: Type.Optional(PlanFields.year),
  endYear: Type.Optional(PlanFields.endYear),
  parentId: Type.Optional(PlanFields.parentId),
  cadence: Type.Optional(PlanFields.cadence),
  /** the plan's own supervision rules; null: back to the defaults */
  supervisionRules: Type.Optional(Nullable(SupervisionRulesSchema)),
  /** only published → archived */
  status: Type.Optional(Type.Literal("archived")),
});
export type PlanPatch = Static<typeof PlanPatch>;

const TaskFields = {
  number: Type.String({ minLength: 1, maxLength: 20 }),
  title: Nullable(Type.String({ maxLength: 300 })),
  text: Type.String({ minLength: 1, maxLength: 20000, pattern: "\\S" }),
  sectionId: Nullable(Id),
  units: Type.Array(TaskUnit, { maxItems: 500 }),
  deadlines: Type.Array(DeadlineSchema, { maxItems: 20 }),
  targets: Type.Array(TargetSchema, { maxItems: 50 }),
};

export const TaskPatch = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  number: Type.Optional(TaskFields.number),
  title: Type.Optional(TaskFields.title),
  text: Type.Optional(TaskFields.text),
  sectionId: Type.Optional(TaskFields.sectionId),
  units: Type.Optional(TaskFields.units),
  deadlines: Type.Optional(TaskFields.deadlines),
  targets: Type.Optional(TaskFields.targets),
  /** on a published plan: why the units taken off this task no longer have it (their assignments are cancelled) */
  cancelReason: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: "\\S" })),
});
export type TaskPatch = Static<typeof TaskPatch>;

export const TaskCreate = Type.Object({
  /** the new task goes after this one; first in the plan when absent */
  afterTaskId: Type.Optional(Nullable(Id)),
  number: TaskFields.number,
  title: Type.Optional(TaskFields.title),
  text: TaskFields.text,
  sectionId: Type.Optional(TaskFields.sectionId),
  units: Type.Optional(TaskFields.units),
  deadlines: Type.Optional(TaskFields.deadlines),
  targets: Type.Optional(TaskFields.targets),
});
export type TaskCreate = Static<typeof TaskCreate>;

export const TaskSplit = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  /** where the second task's text begins, as an offset into the task's text */
  at: Type.Integer({ minimum: 1, maximum: MAX_INT }),
});
export type TaskSplit = Static<typeof TaskSplit>;

export const TaskMerge = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  /** the task merged into this one (it must be the next one); its version */
  nextTaskId: Id,
  nextVersion: Type.Integer({ minimum: 1, maximum: MAX_INT }),
});
export type TaskMerge = Static<typeof TaskMerge>;

export const TaskDeleteQuery = Type.Object({ version: Type.Integer({ minimum: 1, maximum: MAX_INT }) });
/** DELETE /api/plans/:id: the version the office saw */
export const PlanDeleteQuery = TaskDeleteQuery;
export const PlanTaskParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  taskId: Type.Integer({ minimum: 1, maximum: MAX_INT }),
});

/** Maps an unresolved phrase, in every task of the plan, to a unit; by default the phrase becomes the unit's alias. */
export const PhraseMap = Type.Object({
  phrase: Type.String({ minLength: 1, maxLength: 200 }),
  unitId: Id,
  saveAlias: Type.Optional(Type.Boolean()),
});
export type PhraseMap = Static<typeof PhraseMap>;

export const PhraseDismiss = Type.Object({
  phrase: Type.String({ minLength: 1, maxLength: 200 }),
  reason: Type.String({ minLength: 1, maxLength: 200, pattern: "\\S" }),
});
export type PhraseDismiss = Static<typeof PhraseDismiss>;

/** What a re-read did: the plan as it now is, and how many hand-edited tasks kept their edits or lost them. */
export const PlanReparseResult = Type.Object({
  plan: PlanDetail,
  keptEdits: Type.Integer(),
  lostEdits: Type.Integer(),
});
export type PlanReparseResult = Static<typeof PlanReparseResult>;

export const PlanPublish = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  cadence: Type.Optional(ReportingCadenceSchema),
  /**
   * 交办日期 (yyyy-mm-dd), today when not given: an office entering a plan it sent out on paper earlier gives that
   * day, and the periods since fall due as they did. Not after today, not before the year ahead of the plan's.
   */
  assignedOn: Type.Optional(IsoDate),
  /** the periods already due on the day of the 交办: 不适用 (not_applicable, the default) or 限期补报 (catch_up) */
  pastPeriods: Type.Optional(OneOf<PastPeriodRule>(PAST_PERIOD_RULES)),
  /** with catch_up: the days after the 交办 that they fall due */
  catchUpDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 180 })),
  /** the office has seen that a plan with the same file or title is already published, and publishes all the same */
  confirmDuplicate: Type.Optional(Type.Boolean()),
});
export type PlanPublish = Static<typeof PlanPublish>;

// ---------- assignments ----------
export const SignalSchema = OneOf<Signal>(SIGNALS);
export const OccurrenceStateSchema = OneOf<OccurrenceState>(OCCURRENCE_STATES);

/** One occurrence (period) of an assignment: when it falls due, what it is called, where it stands. */
export const DueDate = Type.Object({
  id: Id,
  dueOn: IsoDate,
  label: Type.String(),
  state: OccurrenceStateSchema,
  signal: SignalSchema,
  /** moved by an approved extension request */
  extended: Type.Boolean(),
});
export type DueDate = Static<typeof DueDate>;

export const Assignment = Type.Object({
  id: Id,
  planId: Id,
  planTitle: Type.String(),
  taskId: Id,
  taskNumber: Type.String(),
  taskText: Type.String(),
  unitId: Id,
  unitName: Type.String(),
  role: TaskUnitRoleSchema,
  status: AssignmentStatusSchema,
  deadlines: Type.Array(DeadlineSchema),
  dueDates: Type.Array(DueDate),
  /** the first due date from today on, or the last one when all have passed */
  nextDue: Nullable(IsoDate),
  overdue: Type.Boolean(),
  /** 红黄绿灯 of the whole assignment: red when a period is overdue, else that of the next open period */
  signal: SignalSchema,
  /** 交办日期: the day the unit received it */
  assignedOn: IsoDate,
  /** the periods that fell due before assignedOn: 不适用, never chased or counted */
  notApplicable: Type.Array(Type.Object({ dueOn: IsoDate, label: Type.String() })),
  completedAt: Nullable(Timestamp),
  acknowledgedAt: Nullable(Timestamp),
  acknowledgedByName: Nullable(Type.String()),
  cancelledAt: Nullable(Timestamp),
  cancelledReason: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Timestamp,
});
export type Assignment = Static<typeof Assignment>;

/** How much of a task's text a list row carries: the two lines its table cell shows. */
export const TASK_EXCERPT_CHARS = 80;

/**
 * A row of the assignment lists (我的任务, 交办情况, the inbox's trays): what their tables show. The task's whole text
 * and who signed when are the detail's (GET /api/assignments/:id).
 */
export const AssignmentListItem = Type.Object({
  ...Type.Pick(Assignment, [
    "id",
    "planId",
    "planTitle",
    "taskId",
    "taskNumber",
    "unitId",
    "unitName",
    "role",
    "status",
    "deadlines",
    "dueDates",
    "nextDue",
    "overdue",
    "signal",
    "assignedOn",
    "cancelledReason",
    "version",
  ]).properties,
  /** the task's text, its first TASK_EXCERPT_CHARS characters followed by … when it is longer */
  taskExcerpt: Type.String(),
  /** whether taskExcerpt is cut short */
  taskExcerptCut: Type.Boolean(),
});
export type AssignmentListItem = Static<typeof AssignmentListItem>;

export const AssignmentList = Type.Object({ items: Type.Array(AssignmentListItem), total: Type.Integer() });
export type AssignmentList = Static<typeof AssignmentList>;

export const AssignmentListQuery = Type.Object({
  unitId: Type.Optional(Id),
  planId: Type.Optional(Id),
  role: Type.Optional(TaskUnitRoleSchema),
  status: Type.Optional(AssignmentStatusSchema),
  /** has a due date on or before this day */
  dueBefore: Type.Optional(IsoDate),
  /** has a due date within this many days from today */
  dueWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3660 })),
  overdue: Type.Optional(Type.Boolean()),
  /** 红黄绿灯 */
  signal: Type.Optional(SignalSchema),
  /** has a period that falls due in this year */
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  /** only the caller's own unit's assignments */
  mine: Type.Optional(Type.Boolean()),
  /** words found in the plan's title, the task's number or text, or the unit's name */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  /** 20 unless asked: a screen's page */
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_INT })),
});
export type AssignmentListQuery = Static<typeof AssignmentListQuery>;

export const AssignmentAcknowledge = Type.Object({ version: Type.Integer({ minimum: 1, maximum: MAX_INT }) });

/** 批量签收: the assignments with the versions the unit saw; all are signed, or none. */
export const AssignmentsAcknowledge = Type.Object({
  items: Type.Array(Type.Object({ id: Id, version: Type.Integer({ minimum: 1, maximum: MAX_INT }) }), {
    minItems: 1,
    maxItems: 200,
  }),
});
export type AssignmentsAcknowledge = Static<typeof AssignmentsAcknowledge>;
export const AssignmentsAcknowledged = Type.Object({ acknowledged: Type.Integer() });
export type AssignmentsAcknowledged = Static<typeof AssignmentsAcknowledged>;

// ---------- progress reports, evidence, extension requests ----------
export const ReportStatusSchema = OneOf<ReportStatus>(REPORT_STATUSES);

/**
 * One unit of an assignment's task (任务分工): who leads it, who carries it out, who cooperates. Its progress is the
 * task's lead unit's to follow and the office's: to the other units of the task it is null.
 */
export const TaskUnitProgress = Type.Object({
  assignmentId: Id,
  unitId: Id,
  unitName: Type.String(),
  role: TaskUnitRoleSchema,
  status: AssignmentStatusSchema,
  /** the assignment the page shows */
  current: Type.Boolean(),
  progress: Nullable(
    Type.Object({
      signal: SignalSchema,
      nextDue: Nullable(IsoDate),
      overdue: Type.Boolean(),
      /** the unit's latest report sent for review (drafts are its own) */
      latestReport: Nullable(
        Type.Object({ id: Id, period: Type.String(), status: ReportStatusSchema, submittedAt: Nullable(Timestamp) }),
      ),
    }),
  ),
});
export type TaskUnitProgress = Static<typeof TaskUnitProgress>;
export const TaskUnitProgressList = Type.Object({ items: Type.Array(TaskUnitProgress) });
export type TaskUnitProgressList = Static<typeof TaskUnitProgressList>;
export const ExtensionStatusSchema = OneOf<ExtensionStatus>(EXTENSION_STATUSES);

export const EvidenceFile = Type.Object({
  /** names the file in a report's fileIds and removeFileIds */
  id: Id,
  /** names the file in its download address, /api/files/{token}: 128 random bits, not to be guessed from another's */
  token: Type.String(),
  filename: Type.String(),
  /** the type read from the content, not from the name */
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  /** PDF and images open in the browser */
  previewable: Type.Boolean(),
  createdAt: Timestamp,
});
export type EvidenceFile = Static<typeof EvidenceFile>;

export const ReportComment = Type.Object({
  id: Id,
  authorName: Type.String(),
  authorUnitName: Nullable(Type.String()),
  text: Type.String(),
  createdAt: Timestamp,
});
export type ReportComment = Static<typeof ReportComment>;

export const Report = Type.Object({
  id: Id,
  assignmentId: Id,
  planId: Id,
  planTitle: Type.String(),
  taskId: Id,
  taskNumber: Type.String(),
  taskText: Type.String(),
  unitId: Id,
  unitName: Type.String(),
  role: TaskUnitRoleSchema,
  /** the occurrence reported on, by its label (2025年第一季度, 完成时限) */
  period: Type.String(),
  dueOn: Nullable(IsoDate),
  status: ReportStatusSchema,
  /** 1 for the first report of the period; each resubmission after a return is the next revision */
  revision: Type.Integer(),
  previousId: Nullable(Id),
  text: Type.String(),
  completion: Nullable(Type.Integer()),
  links: Type.Array(Type.String()),
  files: Type.Array(EvidenceFile),
  /** who reviews it: the coordinating office, or for a cooperating unit's report the task's lead unit */
  reviewer: Type.Union([Type.Literal("coordinator"), Type.Literal("lead")]),
  createdByName: Nullable(Type.String()),
  submittedAt: Nullable(Timestamp),
  submittedByName: Nullable(Type.String()),
  reviewedAt: Nullable(Timestamp),
  reviewedByName: Nullable(Type.String()),
  /** the reviewer's words: the reason of a return, or a remark on acceptance */
  reviewComment: Nullable(Type.String()),
  /** what the caller may do with it now, so that the UI offers only that */
  can: Type.Object({
    edit: Type.Boolean(),
    submit: Type.Boolean(),
    withdraw: Type.Boolean(),
    review: Type.Boolean(),
    resubmit: Type.Boolean(),
    comment: Type.Boolean(),
  }),
  /** why the caller, who reviews reports, may not review this one (their own unit's or their own submission) */
  reviewNote: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Report = Static<typeof Report>;

export const ReportDetail = Type.Object({
  ...Report.properties,
  comments: Type.Array(ReportComment),
  /** every revision of this period's report, oldest first */
  history: Type.Array(Report),
  /** for a lead unit's report: the cooperating units' reports on the same task and period behind it */
  behind: Type.Array(Report),
});
export type ReportDetail = Static<typeof ReportDetail>;

export const ReportList = Type.Object({ items: Type.Array(Report), total: Type.Integer() });
export type ReportList = Static<typeof ReportList>;

const ReportText = Type.String({ maxLength: 20000 });
const Completion = Type.Integer({ minimum: 0, maximum: 100 });
const Links = Type.Array(Type.String({ minLength: 1, maxLength: 1000, pattern: "^https?://\\S+$" }), { maxItems: 20 });

/** The text fields of POST /api/assignments/:id/reports (multipart; the files come as `files`). */
export const ReportCreateFields = Type.Object({
  period: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  text: Type.Optional(ReportText),
  completion: Type.Optional(Completion),
  links: Type.Optional(Links),
  /** files of this assignment's earlier reports carried into this one (a resubmission keeps its evidence) */
  fileIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  submit: Type.Optional(Type.Boolean()),
});
export type ReportCreateFields = Static<typeof ReportCreateFields>;

/** A draft's fields, saved as the user types (the browser saves them every few seconds). */
export const ReportPatch = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  text: Type.Optional(ReportText),
  completion: Type.Optional(Nullable(Completion)),
  links: Type.Optional(Links),
  /** files of the draft taken off it (the files themselves are kept) */
  removeFileIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
});
export type ReportPatch = Static<typeof ReportPatch>;

export const VersionBody = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_INT })) });
export type VersionBody = Static<typeof VersionBody>;

/** A change of state (submit, withdraw) made on the version the caller saw: a stale one is refused (409). */
export const VersionRequired = Type.Object({ version: Type.Integer({ minimum: 1, maximum: MAX_INT }) });
export type VersionRequired = Static<typeof VersionRequired>;

export const ReportReview = Type.Object({
  decision: Type.Union([Type.Literal("accept"), Type.Literal("return")]),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
});
export type ReportReview = Static<typeof ReportReview>;

export const CommentCreate = Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000, pattern: "\\S" }) });
export type CommentCreate = Static<typeof CommentCreate>;

export const ExtensionRequest = Type.Object({
  id: Id,
  assignmentId: Id,
  planId: Id,
  planTitle: Type.String(),
  taskNumber: Type.String(),
  unitId: Id,
  unitName: Type.String(),
  period: Type.String(),
  currentDueOn: IsoDate,
  requestedDueOn: IsoDate,
  reason: Type.String(),
  status: ExtensionStatusSchema,
  requestedByName: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Timestamp),
  decisionComment: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Timestamp,
});
export type ExtensionRequest = Static<typeof ExtensionRequest>;

export const ExtensionRequestList = Type.Object({ items: Type.Array(ExtensionRequest), total: Type.Integer() });
export type ExtensionRequestList = Static<typeof ExtensionRequestList>;

export const ExtensionRequestCreate = Type.Object({
  /** the occurrence to move; the next open one when absent */
  period: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  requestedDueOn: IsoDate,
  reason: Type.String({ minLength: 1, maxLength: 2000, pattern: "\\S" }),
});
export type ExtensionRequestCreate = Static<typeof ExtensionRequestCreate>;

export const ExtensionRequestListQuery = Type.Object({
  status: Type.Optional(ExtensionStatusSchema),
  assignmentId: Type.Optional(Id),
});
export type ExtensionRequestListQuery = Static<typeof ExtensionRequestListQuery>;

export const ExtensionDecision = Type.Object({
  approve: Type.Boolean(),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
});
export type ExtensionDecision = Static<typeof ExtensionDecision>;

/** An occurrence a unit has to report on now: due (or overdue) and not yet reported, or returned. */
export const InboxOccurrence = Type.Object({
  assignment: AssignmentListItem,
  dueDate: DueDate,
});
export type InboxOccurrence = Static<typeof InboxOccurrence>;

/** A report as a tray shows it (what it is about, which submission, why it came back); the report is its page's. */
export const InboxReport = Type.Pick(Report, [
  "id",
  "assignmentId",
  "planId",
  "planTitle",
  "taskNumber",
  "unitId",
  "unitName",
  "period",
  "status",
  "revision",
  "submittedAt",
  "reviewComment",
  "version",
]);
export type InboxReport = Static<typeof InboxReport>;

/** What waits for the caller: the four trays of the 工作台. */
export const Inbox = Type.Object({
  toAcknowledge: Type.Array(AssignmentListItem),
  toReport: Type.Array(InboxOccurrence),
  returned: Type.Array(InboxReport),
  toReview: Type.Array(InboxReport),
  /** for the coordinating office: extension requests to decide */
  extensionRequests: Type.Array(ExtensionRequest),
  /** the trays hold at most this many items each; the counts are whole */
  counts: Type.Object({
    toAcknowledge: Type.Integer(),
    toReport: Type.Integer(),
    returned: Type.Integer(),
    toReview: Type.Integer(),
    extensionRequests: Type.Integer(),
  }),
});
export type Inbox = Static<typeof Inbox>;

/** The plan progress matrix: tasks down, units across, each cell an assignment coloured by its signal. */
export const PlanProgress = Type.Object({
  planId: Id,
  title: Type.String(),
  tasks: Type.Array(
    Type.Object({ id: Id, number: Type.String(), title: Nullable(Type.String()), text: Type.String() }),
  ),
  units: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  cells: Type.Array(
    Type.Object({
      taskId: Id,
      unitId: Id,
      assignmentId: Id,
      role: TaskUnitRoleSchema,
      status: AssignmentStatusSchema,
      signal: SignalSchema,
    }),
  ),
  /** how many assignments have each signal */
  signals: Type.Object({ green: Type.Integer(), yellow: Type.Integer(), red: Type.Integer(), done: Type.Integer() }),
});
export type PlanProgress = Static<typeof PlanProgress>;

/** The settings the browser needs to act as the server will: the upload limit, the yellow-light days. */
export const Settings = Type.Object({
  maxUploadBytes: Type.Integer(),
  yellowDays: Type.Integer(),
});
export type Settings = Static<typeof Settings>;

// ---------- notifications and jobs ----------
export const Notification = Type.Object({
  id: Id,
  kind: OneOf<NotificationKind>(NOTIFICATION_KINDS),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  createdAt: Timestamp,
  readAt: Nullable(Timestamp),
});
export type Notification = Static<typeof Notification>;

export const NotificationList = Type.Object({ items: Type.Array(Notification), unread: Type.Integer() });
export type NotificationList = Static<typeof NotificationList>;

export const NotificationListQuery = Type.Object({
  unread: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type NotificationListQuery = Static<typeof NotificationListQuery>;

export const JobRunRequest = Type.Object({
  /** run as at this moment (tests, catching up); refused in production mode */
  now: Type.Optional(Timestamp),
});
export type JobRunRequest = Static<typeof JobRunRequest>;

export const JobRun = Type.Object({
  at: Timestamp,
  /** plans in their quiet hours: their messages wait for the next run after them */
  held: Type.Integer(),
  reminders: Type.Integer(),
  urges: Type.Integer(),
  /** supervision orders drafted for the coordinator to review and issue */
  orders: Type.Integer(),
  /** in-app notifications written */
  notifications: Type.Integer(),
  /** emails and robot messages sent, and those that failed this time (retried later) */
  delivered: Type.Integer(),
  deliveryFailures: Type.Integer(),
});
export type JobRun = Static<typeof JobRun>;

// ---------- supervision orders (督办单) ----------
const OrderLevelSchema = OneOf<SupervisionOrderLevel>(SUPERVISION_ORDER_LEVELS);
const OrderStatusSchema = OneOf<SupervisionOrderStatus>(SUPERVISION_ORDER_STATUSES);

export const SupervisionOrder = Type.Object({
  id: Id,
  level: OrderLevelSchema,
  status: OrderStatusSchema,
  /** 督办〔2026〕第3号, once issued */
  docNumber: Nullable(Type.String()),
  /** drafted by the job (yellow, red) rather than by hand */
  automatic: Type.Boolean(),
  plan: Type.Object({ id: Id, title: Type.String(), issuer: Nullable(Type.String()) }),
  unit: Type.Object({ id: Id, name: Type.String() }),
  assignmentId: Id,
  task: Type.Object({ id: Id, number: Type.String(), text: Type.String() }),
  period: Type.String(),
  dueOn: IsoDate,
  daysOverdue: Type.Integer(),
  /** where the period stands now: an order whose period was reported since has been answered */
  periodState: Nullable(OneOf<OccurrenceState>(OCCURRENCE_STATES)),
  title: Type.String(),
  body: Type.String(),
  replyBy: IsoDate,
  cancelledReason: Nullable(Type.String()),
  issuedAt: Nullable(Timestamp),
  issuedBy: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SupervisionOrder = Static<typeof SupervisionOrder>;

export const SupervisionOrderList = Type.Object({
  items: Type.Array(SupervisionOrder),
  total: Type.Integer(),
  /** how many drafts wait to be issued (for the coordinator's badge) */
  drafts: Type.Integer(),
});
export type SupervisionOrderList = Static<typeof SupervisionOrderList>;

export const SupervisionOrderListQuery = Type.Object({
  /** words (split at spaces), each in the order's title, unit, plan, or task number or text */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(OrderStatusSchema),
  level: Type.Optional(OrderLevelSchema),
  planId: Type.Optional(Id),
  unitId: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_INT })),
});
export type SupervisionOrderListQuery = Static<typeof SupervisionOrderListQuery>;

/** A blue order (or any level) drafted by hand for one period of an assignment. */
export const SupervisionOrderCreate = Type.Object({
  assignmentId: Id,
  period: Type.String({ minLength: 1, maxLength: 100 }),
  level: Type.Optional(OrderLevelSchema),
});
export type SupervisionOrderCreate = Static<typeof SupervisionOrderCreate>;

export const SupervisionOrderPatch = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  level: Type.Optional(OrderLevelSchema),
  title: Type.Optional(Name(200)),
  body: Type.Optional(Type.String({ minLength: 1, maxLength: 5000, pattern: "\\S" })),
  replyBy: Type.Optional(IsoDate),
});
export type SupervisionOrderPatch = Static<typeof SupervisionOrderPatch>;

export const SupervisionOrderIssue = Type.Object({ version: Type.Integer({ minimum: 1, maximum: MAX_INT }) });
export type SupervisionOrderIssue = Static<typeof SupervisionOrderIssue>;

export const SupervisionOrderCancel = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  reason: Type.String({ minLength: 1, maxLength: 500, pattern: "\\S" }),
});
export type SupervisionOrderCancel = Static<typeof SupervisionOrderCancel>;

// ---------- dashboard ----------
export const DashboardQuery = Type.Object({
  planId: Type.Optional(Id),
  /** the periods that fall due in this year, and the assignments that have one */
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
});
export type DashboardQuery = Static<typeof DashboardQuery>;

/** Periods counted together: 应报 (due by today, or closed early), 已完成 (accepted), 逾期 (overdue with nothing in). */
const PeriodTally = {
  due: Type.Integer(),
  done: Type.Integer(),
  overdue: Type.Integer(),
  /** done ÷ due, 0–1; null while nothing is due */
  rate: Type.Unsafe<number | null>({ type: ["number", "null"] }),
};

/** One period waiting for a report: overdue (the most overdue list) or due soon. */
export const DashboardPeriod = Type.Object({
  assignmentId: Id,
  unitId: Id,
  unitName: Type.String(),
  planId: Id,
  planTitle: Type.String(),
  taskNumber: Type.String(),
  taskText: Type.String(),
  period: Type.String(),
  dueOn: IsoDate,
  state: OccurrenceStateSchema,
  /** days past the due date (negative: days left) */
  daysOverdue: Type.Integer(),
  link: Type.String(),
});
export type DashboardPeriod = Static<typeof DashboardPeriod>;

export const Dashboard = Type.Object({
  today: IsoDate,
  /** when the numbers were counted: a change after that is not in them yet */
  computedAt: Timestamp,
  /** newer numbers are being counted (a large province's take a moment): ask again shortly */
  refreshing: Type.Boolean(),
  /** the filters as applied, and what they can be set to */
  planId: Nullable(Id),
  year: Nullable(Type.Integer()),
  plans: Type.Array(Type.Object({ id: Id, title: Type.String(), year: Type.Integer(), endYear: Type.Integer() })),
  years: Type.Array(Type.Integer()),
  /** the caller's unit when they see only their own; null for the coordinating office and the leaders */
  unit: Nullable(Type.Object({ id: Id, name: Type.String() })),
  /** assignments per 红黄绿灯, as GET /api/assignments?signal= counts them */
  signals: Type.Object({ green: Type.Integer(), yellow: Type.Integer(), red: Type.Integer(), done: Type.Integer() }),
  /** the periods of the assignments in view */
  totals: Type.Object({
    assignments: Type.Integer(),
    ...PeriodTally,
    returned: Type.Integer(),
    submitted: Type.Integer(),
    dueSoon: Type.Integer(),
  }),
  /** per unit, lowest completion rate first */
  units: Type.Array(Type.Object({ unitId: Id, unitName: Type.String(), ...PeriodTally })),
  /** per month in which periods fall due: how many, how many done, how many of them are overdue now */
  trend: Type.Array(
    Type.Object({ month: Type.String(), due: Type.Integer(), done: Type.Integer(), overdue: Type.Integer() }),
  ),
  /** rows: the plan's top-level sections (or the plans, when no plan is chosen); columns: the units lowest in rate */
  heatmap: Type.Object({
    rows: Type.Array(Type.Object({ id: Type.Integer(), label: Type.String() })),
    units: Type.Array(Type.Object({ id: Id, name: Type.String() })),
    cells: Type.Array(Type.Object({ rowId: Type.Integer(), unitId: Id, ...PeriodTally })),
  }),
  mostOverdue: Type.Array(DashboardPeriod),
  dueSoon: Type.Array(DashboardPeriod),
});
export type Dashboard = Static<typeof Dashboard>;

// ---------- channels and deliveries ----------
export const ChannelKindSchema = OneOf<ChannelKind>(CHANNEL_KINDS);
export const DeliveryStatusSchema = OneOf<DeliveryStatus>(DELIVERY_STATUSES);

/** A group robot (DingTalk, WeCom, Feishu). Its webhook address and secret are credentials: never sent back whole. */
export const Channel = Type.Object({
  id: Id,
  kind: ChannelKindSchema,
  name: Type.String(),
  /** the webhook address with its token shortened, to recognise it by */
  urlHint: Type.String(),
  /** whether a signing secret is kept (the secret itself is never shown) */
  hasSecret: Type.Boolean(),
  /** the unit whose messages it gets; null: the office's robot (supervision orders and bulletins) */
  unitId: Nullable(Id),
  unitName: Nullable(Type.String()),
  enabled: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Channel = Static<typeof Channel>;

export const ChannelList = Type.Object({ items: Type.Array(Channel) });
export type ChannelList = Static<typeof ChannelList>;

/** A robot's webhook address: http or https (checked by the server too). */
const RobotUrl = Type.String({ minLength: 8, maxLength: 1000, pattern: "^[Hh][Tt][Tt][Pp][Ss]?://\\S+$" });
const RobotSecret = Type.String({ minLength: 1, maxLength: 200, pattern: "^\\S+$" });

export const ChannelCreate = Type.Object({
  kind: ChannelKindSchema,
  name: Name(50),
  url: RobotUrl,
  /** DingTalk 加签 / Feishu 签名校验 secret; WeCom robots do not sign */
  secret: Type.Optional(RobotSecret),
  unitId: Type.Optional(Nullable(Id)),
  enabled: Type.Optional(Type.Boolean()),
});
export type ChannelCreate = Static<typeof ChannelCreate>;

export const ChannelPatch = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  kind: Type.Optional(ChannelKindSchema),
  name: Type.Optional(Name(50)),
  /** left out: the address stays */
  url: Type.Optional(RobotUrl),
  /** left out: the secret stays; null: no signing */
  secret: Type.Optional(Nullable(RobotSecret)),
  unitId: Type.Optional(Nullable(Id)),
  enabled: Type.Optional(Type.Boolean()),
});
export type ChannelPatch = Static<typeof ChannelPatch>;

/** What a test message to a robot came to: the robot's own refusal, when it refused. */
export const ChannelTestResult = Type.Object({ ok: Type.Boolean(), error: Nullable(Type.String()) });
export type ChannelTestResult = Static<typeof ChannelTestResult>;

/** One outgoing email or robot message of the outbox. */
export const Delivery = Type.Object({
  id: Id,
  channel: OneOf<DeliveryChannel>(DELIVERY_CHANNELS),
  channelId: Nullable(Id),
  /** the email address, or the robot's name */
  address: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  status: DeliveryStatusSchema,
  attempts: Type.Integer(),
  /** when it is (next) tried; for a sent or failed one, when it was last tried or is no longer tried */
  nextAttemptAt: Timestamp,
  lastError: Nullable(Type.String()),
  sentAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type Delivery = Static<typeof Delivery>;

export const DeliveryListQuery = Type.Object({
  status: Type.Optional(DeliveryStatusSchema),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type DeliveryListQuery = Static<typeof DeliveryListQuery>;

export const DeliveryList = Type.Object({
  items: Type.Array(Delivery),
  /** how many match the status asked for */
  total: Type.Integer(),
  /** how many there are of every status */
  counts: Type.Object({ pending: Type.Integer(), sent: Type.Integer(), failed: Type.Integer() }),
});
export type DeliveryList = Static<typeof DeliveryList>;

// ---------- bulletins (通报) ----------
export const BulletinStatusSchema = OneOf<BulletinStatus>(BULLETIN_STATUSES);

/** What a bulletin found, as generated: per unit, the overdue periods, the returned reports. */
export const BulletinContent = Type.Object({
  units: Type.Array(
    Type.Object({
      unitId: Id,
      unitName: Type.String(),
      /** periods due in the range by the day it was generated (or closed early) */
      due: Type.Integer(),
      done: Type.Integer(),
      overdue: Type.Integer(),
      returned: Type.Integer(),
      /** done ÷ due, 0–1 */
      rate: Type.Number(),
    }),
  ),
  overdue: Type.Array(
    Type.Object({
      assignmentId: Id,
      unitName: Type.String(),
      taskNumber: Type.String(),
      taskText: Type.String(),
      period: Type.String(),
      dueOn: IsoDate,
      daysOverdue: Type.Integer(),
    }),
  ),
  returned: Type.Array(
    Type.Object({
      reportId: Id,
      assignmentId: Id,
      unitName: Type.String(),
      taskNumber: Type.String(),
      period: Type.String(),
      /** the day it was sent back */
      returnedAt: IsoDate,
      reason: Type.String(),
    }),
  ),
});
export type BulletinContent = Static<typeof BulletinContent>;

export const BulletinSummary = Type.Object({
  id: Id,
  plan: Type.Object({ id: Id, title: Type.String() }),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  /** 2026年第三季度, or the dates */
  periodName: Type.String(),
  title: Type.String(),
  status: BulletinStatusSchema,
  /** 通报〔2026〕第1号, once published */
  docNumber: Nullable(Type.String()),
  /** units named for overdue periods or returned reports */
  namedUnits: Type.Integer(),
  publishedAt: Nullable(Timestamp),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type BulletinSummary = Static<typeof BulletinSummary>;

export const Bulletin = Type.Object({
  ...BulletinSummary.properties,
  /** the words before the tables and after them */
  intro: Type.String(),
  closing: Type.String(),
  content: BulletinContent,
  /** the document's issuer line and signature */
  issuer: Nullable(Type.String()),
  /** the date it bears (published, else today), yyyy-mm-dd, and as the document writes it */
  date: IsoDate,
  dateText: Type.String(),
  createdBy: Nullable(Type.String()),
  publishedBy: Nullable(Type.String()),
  /** what the caller may do with it */
  canEdit: Type.Boolean(),
});
export type Bulletin = Static<typeof Bulletin>;

export const BulletinList = Type.Object({ items: Type.Array(BulletinSummary), total: Type.Integer() });
export type BulletinList = Static<typeof BulletinList>;

export const BulletinListQuery = Type.Object({
  /** words (split at spaces), each in the bulletin's title or its plan's */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  planId: Type.Optional(Id),
  status: Type.Optional(BulletinStatusSchema),
});
export type BulletinListQuery = Static<typeof BulletinListQuery>;

export const BulletinCreate = Type.Object({
  planId: Id,
  periodStart: IsoDate,
  periodEnd: IsoDate,
});
export type BulletinCreate = Static<typeof BulletinCreate>;

export const BulletinPatch = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  title: Type.Optional(Name(200)),
  intro: Type.Optional(Type.String({ minLength: 1, maxLength: 5000, pattern: "\\S" })),
  closing: Type.Optional(Type.String({ minLength: 1, maxLength: 5000, pattern: "\\S" })),
});
export type BulletinPatch = Static<typeof BulletinPatch>;

export const BulletinPublish = Type.Object({ version: Type.Integer({ minimum: 1, maximum: MAX_INT }) });
export type BulletinPublish = Static<typeof BulletinPublish>;
