/** The wire contract of /api for plans, their import, review and publishing (方案). */
import { type Static, Type } from "typebox";
import {
  ASSIGNMENT_STATUSES,
  type AssignmentStatus,
  COLUMN_ROLES,
  type ColumnRole,
  PAST_PERIOD_RULES,
  type PastPeriodRule,
  PLAN_STATUSES,
  type PlanStatus,
  REPORTING_CADENCES,
  type ReportingCadence,
  TASK_UNIT_ROLES,
  type TaskUnitRole,
} from "../domain.js";
import { Id, IsoDate, MAX_INT, Name, Nullable, OneOf, Timestamp, UnitTypeSchema, Year } from "./common.js";

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
  /** the unit groups it may mean, when it names a kind of unit (各乡镇, 区政府各行政执法部门) */
  groupSuggestions: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      score: Type.Number(),
      members: Type.Array(Type.Object({ id: Id, name: Type.String() })),
    }),
  ),
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
/** A phrase mapped to one unit (unitId) or to a unit group's members (groupId): exactly one of the two. */
export const PhraseMap = Type.Object({
  phrase: Type.String({ minLength: 1, maxLength: 200 }),
  unitId: Type.Optional(Id),
  groupId: Type.Optional(Id),
  /** keep the phrase as the unit's or the group's alias (the default) */
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
