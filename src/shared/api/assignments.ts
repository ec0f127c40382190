/** The wire contract of /api for assignments (交办) and the units' task lists. */
import { type Static, Type } from "typebox";
import { OCCURRENCE_STATES, type OccurrenceState, SIGNALS, type Signal } from "../domain.js";
import { Id, IsoDate, MAX_INT, Nullable, OneOf, Timestamp } from "./common.js";
import { AssignmentStatusSchema, DeadlineSchema, TaskUnitRoleSchema } from "./plans.js";

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
