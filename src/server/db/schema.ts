/** The one database schema, for PGlite and PostgreSQL alike. Migrations are generated from it (drizzle-kit). */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { Templates } from "../../core/documents/templates.js";
import type { Deadline, ParseWarning, Target } from "../../core/parser/types.js";
import type { SupervisionRules } from "../../core/supervision/rules.js";
import type { BulletinContent, PlanLayout } from "../../shared/api.js";
import type {
  AssignmentStatus,
  BulletinStatus,
  ChannelKind,
  ColumnRole,
  DeliveryChannel,
  DeliveryStatus,
  ExtensionStatus,
  NotificationChannel,
  NotificationKind,
  OccurrenceState,
  PastPeriodRule,
  PlanStatus,
  ReportingCadence,
  ReportStatus,
  Role,
  SupervisionOrderLevel,
  SupervisionOrderStatus,
  TaskUnitRole,
  UnitType,
} from "../../shared/domain.js";
import { DEFAULT_CATCH_UP_DAYS } from "../../shared/domain.js";

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
    /** where email notices go; none: the bell only */
    email: text("email"),
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

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A plan document: imported from a file or written by hand, reviewed as a draft, then published (交办). */
export const plans = pgTable(
  "plans",
  {
    id: serial("id").primaryKey(),
    title: text("title").notNull(),
    docNumber: text("doc_number"),
    issuer: text("issuer"),
    date: date("date", { mode: "string" }),
    /** the plan's period, in whole years: yearly deadlines fall due once in each */
    year: integer("year").notNull(),
    endYear: integer("end_year").notNull(),
    status: text("status").$type<PlanStatus>().notNull().default("draft"),
    parentId: integer("parent_id").references((): AnyPgColumn => plans.id),
    /** how often units report on ongoing (长期坚持) tasks */
    cadence: text("cadence").$type<ReportingCadence>().notNull().default("quarterly"),
    /** reminders, supervision order thresholds, quiet hours; the rules it leaves out are the defaults */
    supervisionRules: jsonb("supervision_rules").$type<Partial<SupervisionRules>>(),
    /** the document's text as the parser read it: task spans point into it */
    sourceText: text("source_text"),
    warnings: jsonb("warnings").$type<ParseWarning[]>().notNull().default([]),
    /**
     * how the file was read: its task tables with their column roles, its numbering levels, the options used; and
     * the text keys of the tasks deleted or merged away by hand, which a re-read of the file leaves out again
     */
    layout: jsonb("layout").$type<PlanLayout & { removed?: string[] }>(),
    createdBy: integer("created_by").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }),
    /** 交办日期: the day it was published (China time); the periods that fell due before it follow pastPeriods */
    assignedOn: date("assigned_on", { mode: "string" }),
    /** what its late 交办 did with the periods already due: 不适用, or due catchUpDays after the 交办 */
    pastPeriods: text("past_periods").$type<PastPeriodRule>().notNull().default("not_applicable"),
    catchUpDays: integer("catch_up_days").notNull().default(DEFAULT_CATCH_UP_DAYS),
    /** 删除: a draft withdrawn (撤回) by the office; the row and its file stay, for the audit log */
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
    deletedBy: integer("deleted_by").references((): AnyPgColumn => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("plans_status_idx").on(t.status)],
);

/** The uploaded original, kept as it came so that it can be downloaded again. */
export const planFiles = pgTable("plan_files", {
  id: serial("id").primaryKey(),
  planId: integer("plan_id")
    .notNull()
    .references(() => plans.id)
    .unique(),
  filename: text("filename").notNull(),
  mediaType: text("media_type").notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  content: bytea("content").notNull(),
  createdAt: createdAt(),
});

export const planSections = pgTable(
  "plan_sections",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    number: text("number").notNull(),
    title: text("title").notNull(),
    parentId: integer("parent_id").references((): AnyPgColumn => planSections.id),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [index("plan_sections_plan_idx").on(t.planId)],
);

export const tasks = pgTable(
  "tasks",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    sectionId: integer("section_id").references(() => planSections.id),
    parentId: integer("parent_id").references((): AnyPgColumn => tasks.id),
    number: text("number").notNull(),
    path: text("path").array().notNull().default(sql`'{}'::text[]`),
    title: text("title"),
    text: text("text").notNull(),
    sortOrder: integer("sort_order").notNull(),
    /** where the task stands in the plan's source text, for the review screen's highlight */
    sourceStart: integer("source_start"),
    sourceEnd: integer("source_end"),
    deadlines: jsonb("deadlines").$type<Deadline[]>().notNull().default([]),
    targets: jsonb("targets").$type<Target[]>().notNull().default([]),
    /** how sure the parser was of the task (0 to 1), and why not more, for the review screen */
    confidence: real("confidence").notNull().default(1),
    doubts: text("doubts").array().notNull().default(sql`'{}'::text[]`),
    /** the fields the user changed by hand (TaskEditedField): a re-read of the file keeps them */
    editedFields: text("edited_fields").array().notNull().default(sql`'{}'::text[]`),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("tasks_plan_idx").on(t.planId, t.sortOrder)],
);

/**
 * A task table's column roles as a user set them, by the table's header signature: the next file with the same
 * header is read with them.
 */
export const columnMappings = pgTable("column_mappings", {
  signature: text("signature").primaryKey(),
  roles: jsonb("roles").$type<ColumnRole[]>().notNull(),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedAt: updatedAt(),
});

/**
 * A unit named by a task, in a role, with the phrase as the document wrote it (各乡镇 gives one row per township).
 * A phrase no unit matched has no unit: publishing waits until it is mapped or dismissed with a reason.
 */
export const taskUnits = pgTable(
  "task_units",
  {
    id: serial("id").primaryKey(),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    unitId: integer("unit_id").references(() => units.id),
    role: text("role").$type<TaskUnitRole>().notNull(),
    phrase: text("phrase").notNull(),
    dismissedReason: text("dismissed_reason"),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [
    uniqueIndex("task_units_task_unit_role_key").on(t.taskId, t.unitId, t.role),
    index("task_units_plan_idx").on(t.planId),
  ],
);

/** One unit's share of one task (交办): created when the plan is published, cancelled (never deleted) when amended. */
export const assignments = pgTable(
  "assignments",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    role: text("role").$type<TaskUnitRole>().notNull(),
    status: text("status").$type<AssignmentStatus>().notNull().default("new"),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true, mode: "date" }),
    acknowledgedBy: integer("acknowledged_by").references(() => users.id),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true, mode: "date" }),
    cancelledReason: text("cancelled_reason"),
    /** 办结: when the last period's report was accepted (dated work only) */
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
    /** 交办日期: the day the unit received it (the plan's publishing, or the day the unit was added later) */
    assignedOn: date("assigned_on", { mode: "string" }).notNull(),
    /** the periods that fell due before assignedOn and do not apply (不适用): shown, never chased or counted */
    notApplicable: jsonb("not_applicable").$type<{ dueOn: string; label: string }[]>().notNull().default([]),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("assignments_task_unit_role_key").on(t.taskId, t.unitId, t.role),
    index("assignments_unit_idx").on(t.unitId, t.status),
    index("assignments_plan_idx").on(t.planId),
  ],
);

/** When an assignment falls due: one date, one per year of the plan, or one per reporting period. */
export const assignmentDueDates = pgTable(
  "assignment_due_dates",
  {
    id: serial("id").primaryKey(),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** the period it closes, as the UI shows it: 2025年第一季度, 2025年度, 完成时限; reports name it */
    label: text("label").notNull(),
    state: text("state").$type<OccurrenceState>().notNull().default("open"),
    /** moved by an approved extension request: a later change of the task's deadline leaves it where it is */
    extended: boolean("extended").notNull().default(false),
  },
  (t) => [
    index("assignment_due_dates_assignment_idx").on(t.assignmentId, t.dueOn),
    uniqueIndex("assignment_due_dates_label_key").on(t.assignmentId, t.label),
    // the periods waiting for a report, by due date: the dashboard's most overdue and due-soon lists, the notice job
    index("assignment_due_dates_awaiting_idx").on(t.dueOn, t.id).where(sql`state in ('open', 'returned')`),
  ],
);

/** 16 random bytes as base64url (22 characters), drawn by the database: a hash of two random UUIDs, cut to 128 bits. */
const FILE_TOKEN =
  "rtrim(translate(encode(substring(sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())) from 1 for 16), 'base64'), '+/', '-_'), '=')";

/**
 * An evidence file (台账/佐证材料), stored once by its content under the data directory (files/ab/abcdef…); the
 * type was read from the content. A file is never deleted by a normal action.
 */
export const files = pgTable(
  "files",
  {
    id: serial("id").primaryKey(),
    // the file's name in URLs: 128 random bits (base64url), so a file's address cannot be guessed from another's; the
    // database draws it, for old rows too when the column came
    token: text("token").notNull().default(sql.raw(FILE_TOKEN)),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    mediaType: text("media_type").notNull(),
    filename: text("filename").notNull(),
    uploadedBy: integer("uploaded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("files_sha256_idx").on(t.sha256), uniqueIndex("files_token_key").on(t.token)],
);

/**
 * A progress report (进展报送) on one assignment and period. States: draft → submitted → accepted, or returned (with
 * the reviewer's reason); a resubmission is a new row with the next revision, pointing at the returned one.
 */
export const reports = pgTable(
  "reports",
  {
    id: serial("id").primaryKey(),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id),
    period: text("period").notNull(),
    status: text("status").$type<ReportStatus>().notNull().default("draft"),
    revision: integer("revision").notNull().default(1),
    previousId: integer("previous_id").references((): AnyPgColumn => reports.id),
    text: text("text").notNull().default(""),
    completion: integer("completion"),
    links: text("links").array().notNull().default(sql`'{}'::text[]`),
    createdBy: integer("created_by").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }),
    submittedBy: integer("submitted_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: "date" }),
    reviewedBy: integer("reviewed_by").references(() => users.id),
    reviewComment: text("review_comment"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("reports_assignment_idx").on(t.assignmentId, t.period),
    index("reports_status_idx").on(t.status),
    // one report in the works (draft or submitted) per assignment and period
    uniqueIndex("reports_open_key").on(t.assignmentId, t.period).where(sql`status in ('draft', 'submitted')`),
  ],
);

export const reportFiles = pgTable(
  "report_files",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    fileId: integer("file_id")
      .notNull()
      .references(() => files.id),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [uniqueIndex("report_files_key").on(t.reportId, t.fileId), index("report_files_file_idx").on(t.fileId)],
);

export const reportComments = pgTable(
  "report_comments",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("report_comments_report_idx").on(t.reportId)],
);

/** 延期申请: a unit asks to move one period's due date; approving it moves the date, and the request keeps the old one. */
export const extensionRequests = pgTable(
  "extension_requests",
  {
    id: serial("id").primaryKey(),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id),
    period: text("period").notNull(),
    currentDueOn: date("current_due_on", { mode: "string" }).notNull(),
    requestedDueOn: date("requested_due_on", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    status: text("status").$type<ExtensionStatus>().notNull().default("pending"),
    requestedBy: integer("requested_by").references(() => users.id),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    decisionComment: text("decision_comment"),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index("extension_requests_assignment_idx").on(t.assignmentId),
    uniqueIndex("extension_requests_pending_key").on(t.assignmentId, t.period).where(sql`status = 'pending'`),
  ],
);

/** A request's Idempotency-Key: a retry with the same key answers what the first request made, and makes nothing. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    key: text("key").notNull(),
    scope: text("scope").notNull(),
    /** sha256 of what the first request asked (method, route, body; for uploads the fields and the files' hashes) */
    requestHash: text("request_hash"),
    statusCode: integer("status_code"),
    resultId: integer("result_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("idempotency_keys_key").on(t.userId, t.scope, t.key)],
);

/** A message to one user in the app (the bell): what the jobs send, with the page it points to. */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").$type<NotificationKind>().notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** the app's page it opens, e.g. /assignments/12?period=… */
    link: text("link"),
    assignmentId: integer("assignment_id").references(() => assignments.id),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/** 消息设置: a kind a person keeps to the app (no row: the app, email and the unit's robots). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").$type<NotificationKind>().notNull(),
    channel: text("channel").$type<NotificationChannel>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * Every notice the jobs sent, by the key that names it (reminder:7:<due date>:<day>): written in the transaction
 * of the send, so a notice goes out once however many runners there are and however often they run.
 */
export const noticeLog = pgTable("notice_log", {
  id: serial("id").primaryKey(),
  key: text("key").notNull().unique(),
  assignmentId: integer("assignment_id").references(() => assignments.id),
  recipients: integer("recipients").notNull(),
  sentAt: createdAt(),
});

/** The last number given per kind of document and year: 督办〔2026〕第N号, 通报〔2026〕第N号. */
export const documentNumbers = pgTable(
  "document_numbers",
  {
    kind: text("kind").notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);

/**
 * 督办单: a formal order to a unit whose period is late. The job drafts yellow and red ones (by key, once each);
 * the coordinator may draft a blue one by hand. The coordinator edits and issues it, which gives it its number.
 */
/**
 * 督办单: one per unit, plan and level while a draft, listing the unit's overdue periods (its items); the job merges
 * newly overdue periods into the unit's open draft, and the coordinator issues or cancels it.
 */
export const supervisionOrders = pgTable(
  "supervision_orders",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    level: text("level").$type<SupervisionOrderLevel>().notNull(),
    status: text("status").$type<SupervisionOrderStatus>().notNull().default("draft"),
    /** given when issued: 督办〔year〕第number号 */
    year: integer("year"),
    number: integer("number"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** the date by which the unit must report what it did (整改时限) */
    replyBy: date("reply_by", { mode: "string" }).notNull(),
    cancelledReason: text("cancelled_reason"),
    /** null for an order the job drafted */
    createdBy: integer("created_by").references(() => users.id),
    issuedAt: timestamp("issued_at", { withTimezone: true, mode: "date" }),
    issuedBy: integer("issued_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("supervision_orders_number_key").on(t.year, t.number),
    // a unit has at most one open draft per plan and level: new overdue periods join it
    uniqueIndex("supervision_orders_open_draft_key").on(t.unitId, t.planId, t.level).where(sql`status = 'draft'`),
    index("supervision_orders_status_idx").on(t.status, t.createdAt),
    index("supervision_orders_unit_idx").on(t.unitId),
  ],
);

/** 督办事项: one overdue period of an order. Its key claims the period for the job's order of that level, once. */
export const supervisionOrderItems = pgTable(
  "supervision_order_items",
  {
    id: serial("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .references(() => supervisionOrders.id),
    /** order:yellow:<due date id>:<due on> for the job's items; null for one added by hand */
    key: text("key").unique(),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id),
    dueDateId: integer("due_date_id").references(() => assignmentDueDates.id),
    period: text("period").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** as of the day the order was last drafted or issued */
    daysOverdue: integer("days_overdue").notNull(),
    /** why a draft no longer holds it (reported since, raised to red, taken out by the office); null while it does */
    droppedReason: text("dropped_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("supervision_order_items_order_idx").on(t.orderId),
    index("supervision_order_items_assignment_idx").on(t.assignmentId),
  ],
);

/** 通报: for a plan and period, who is late, what was sent back, each unit's completion rate; edited, then published. */
export const bulletins = pgTable(
  "bulletins",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    title: text("title").notNull(),
    /** the words before the tables and after them: generated, then the coordinator's */
    intro: text("intro").notNull(),
    closing: text("closing").notNull(),
    content: jsonb("content").$type<BulletinContent>().notNull(),
    status: text("status").$type<BulletinStatus>().notNull().default("draft"),
    year: integer("year"),
    number: integer("number"),
    createdBy: integer("created_by").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }),
    publishedBy: integer("published_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("bulletins_number_key").on(t.year, t.number), index("bulletins_plan_idx").on(t.planId)],
);

/**
 * The coordinating office's own particulars (one row): the name its papers bear, the contact line they print, and
 * its rewording of the papers' templates (only those it changed; the platform's words stand for the rest). A name
 * not set here is FAZHI_OFFICE_NAME's.
 */
export const officeSettings = pgTable("office_settings", {
  id: integer("id").primaryKey(),
  officeName: text("office_name"),
  contactName: text("contact_name"),
  contactPhone: text("contact_phone"),
  templates: jsonb("templates").$type<Partial<Templates>>().notNull().default({}),
  updatedBy: integer("updated_by").references(() => users.id),
  version: version(),
  updatedAt: updatedAt(),
});

/** A group robot (DingTalk, WeCom, Feishu): a unit's own gets that unit's notices; one without a unit, the office's. */
export const channels = pgTable("channels", {
  id: serial("id").primaryKey(),
  kind: text("kind").$type<ChannelKind>().notNull(),
  name: text("name").notNull(),
  url: text("url").notNull(),
  /** the robot's signing secret (DingTalk 加签, Feishu 签名校验); WeCom robots do not sign */
  secret: text("secret"),
  unitId: integer("unit_id").references(() => units.id),
  enabled: boolean("enabled").notNull().default(true),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * The outbox of messages beyond the bell: written in the transaction that makes the notice, sent afterwards by the
 * delivery job, retried with backoff, and kept (sent or failed) so that none is lost.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: serial("id").primaryKey(),
    channel: text("channel").$type<DeliveryChannel>().notNull(),
    channelId: integer("channel_id").references(() => channels.id),
    /** the email address, or the robot's name as it was when the message was made */
    address: text("address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    status: text("status").$type<DeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("deliveries_due_idx").on(t.status, t.nextAttemptAt), index("deliveries_created_idx").on(t.createdAt)],
);

export type UnitRow = typeof units.$inferSelect;
export type UnitGroupRow = typeof unitGroups.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type TaskUnitRow = typeof taskUnits.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
export type DueDateRow = typeof assignmentDueDates.$inferSelect;
export type FileRow = typeof files.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;
export type ExtensionRequestRow = typeof extensionRequests.$inferSelect;
export type SupervisionOrderRow = typeof supervisionOrders.$inferSelect;
export type SupervisionOrderItemRow = typeof supervisionOrderItems.$inferSelect;
export type BulletinRow = typeof bulletins.$inferSelect;
export type ChannelRow = typeof channels.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
