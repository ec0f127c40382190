/** The wire contract of /api for progress reports, evidence and extension requests (进展报送). */
import { type Static, Type } from "typebox";
import { EXTENSION_STATUSES, type ExtensionStatus, REPORT_STATUSES, type ReportStatus } from "../domain.js";
import { AssignmentListItem, DueDate, SignalSchema } from "./assignments.js";
import { Id, IsoDate, MAX_INT, Nullable, OneOf, Timestamp } from "./common.js";
import { AssignmentStatusSchema, TaskUnitRoleSchema } from "./plans.js";

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

/** 进展报告: the reports the caller may read, each period's latest, filtered; a page of them. */
export const ReportListQuery = Type.Object({
  status: Type.Optional(ReportStatusSchema),
  planId: Type.Optional(Id),
  unitId: Type.Optional(Id),
  /** only those waiting for the caller's review (待我审核) */
  toReview: Type.Optional(Type.Boolean()),
  /** submitted on or after / on or before this day (China time) */
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  /** words found in the report's text, the plan's title, the task's text or the unit's name */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_INT })),
});
export type ReportListQuery = Static<typeof ReportListQuery>;

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
