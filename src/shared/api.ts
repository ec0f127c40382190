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
  EXTENSION_STATUSES,
  type ExtensionStatus,
  NOTIFICATION_KINDS,
  type NotificationKind,
  OCCURRENCE_STATES,
  type OccurrenceState,
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
  TASK_UNIT_ROLES,
  type TaskUnitRole,
  UNIT_TYPES,
  type UnitType,
} from "./domain.js";

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

// ---------- plans ----------
const IsoDate = Type.String({ format: "date" });
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
  file: Nullable(Type.Object({ filename: Type.String(), mediaType: Type.String(), size: Type.Integer() })),
  taskCount: Type.Integer(),
  /** unit phrases that still need a unit or a reason: publishing waits for them */
  unresolvedCount: Type.Integer(),
  assignmentCount: Type.Integer(),
  publishedAt: Nullable(Timestamp),
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

export const PlanDetail = Type.Object({
  ...Plan.properties,
  sourceText: Nullable(Type.String()),
  warnings: Type.Array(ParseWarningSchema),
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
  version: Type.Integer({ minimum: 1 }),
  title: Type.Optional(PlanFields.title),
  docNumber: Type.Optional(PlanFields.docNumber),
  issuer: Type.Optional(PlanFields.issuer),
  date: Type.Optional(PlanFields.date),
  year: Type.Optional(PlanFields.year),
  endYear: Type.Optional(PlanFields.endYear),
  parentId: Type.Optional(PlanFields.parentId),
  cadence: Type.Optional(PlanFields.cadence),
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
  version: Type.Integer({ minimum: 1 }),
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
  version: Type.Integer({ minimum: 1 }),
  /** where the second task's text begins, as an offset into the task's text */
  at: Type.Integer({ minimum: 1 }),
});
export type TaskSplit = Static<typeof TaskSplit>;

export const TaskMerge = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  /** the task merged into this one (it must be the next one); its version */
  nextTaskId: Id,
  nextVersion: Type.Integer({ minimum: 1 }),
});
export type TaskMerge = Static<typeof TaskMerge>;

export const TaskDeleteQuery = Type.Object({ version: Type.Integer({ minimum: 1 }) });
export const PlanTaskParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  taskId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
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

export const PlanPublish = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  cadence: Type.Optional(ReportingCadenceSchema),
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
  completedAt: Nullable(Timestamp),
  acknowledgedAt: Nullable(Timestamp),
  acknowledgedByName: Nullable(Type.String()),
  cancelledAt: Nullable(Timestamp),
  cancelledReason: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Timestamp,
});
export type Assignment = Static<typeof Assignment>;

export const AssignmentList = Type.Object({ items: Type.Array(Assignment), total: Type.Integer() });
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
  /** only the caller's own unit's assignments */
  mine: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type AssignmentListQuery = Static<typeof AssignmentListQuery>;

export const AssignmentAcknowledge = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) });

// ---------- progress reports, evidence, extension requests ----------
export const ReportStatusSchema = OneOf<ReportStatus>(REPORT_STATUSES);
export const ExtensionStatusSchema = OneOf<ExtensionStatus>(EXTENSION_STATUSES);

export const EvidenceFile = Type.Object({
  id: Id,
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
  }),
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
  version: Type.Integer({ minimum: 1 }),
  text: Type.Optional(ReportText),
  completion: Type.Optional(Nullable(Completion)),
  links: Type.Optional(Links),
  /** files of the draft taken off it (the files themselves are kept) */
  removeFileIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
});
export type ReportPatch = Static<typeof ReportPatch>;

export const VersionBody = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) });
export type VersionBody = Static<typeof VersionBody>;

export const ReportReview = Type.Object({
  decision: Type.Union([Type.Literal("accept"), Type.Literal("return")]),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type ReportReview = Static<typeof ReportReview>;

export const CommentCreate = Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000, pattern: "\\S" }) });
export type CommentCreate = Static<typeof CommentCreate>;

export const ExtensionRequest = Type.Object({
  id: Id,
  assignmentId: Id,
  planId: Id,
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
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type ExtensionDecision = Static<typeof ExtensionDecision>;

/** An occurrence a unit has to report on now: due (or overdue) and not yet reported, or returned. */
export const InboxOccurrence = Type.Object({
  assignment: Assignment,
  dueDate: DueDate,
});
export type InboxOccurrence = Static<typeof InboxOccurrence>;

/** What waits for the caller: the four trays of the 工作台. */
export const Inbox = Type.Object({
  toAcknowledge: Type.Array(Assignment),
  toReport: Type.Array(InboxOccurrence),
  returned: Type.Array(Report),
  toReview: Type.Array(Report),
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
