/** The wire contract of /api for supervision orders (督办单). */
import { type Static, Type } from "typebox";
import {
  OCCURRENCE_STATES,
  type OccurrenceState,
  SUPERVISION_ORDER_LEVELS,
  SUPERVISION_ORDER_STATUSES,
  type SupervisionOrderLevel,
  type SupervisionOrderStatus,
} from "../domain.js";
import { Id, IsoDate, MAX_INT, Name, Nullable, OneOf, Timestamp } from "./common.js";

const OrderLevelSchema = OneOf<SupervisionOrderLevel>(SUPERVISION_ORDER_LEVELS);
const OrderStatusSchema = OneOf<SupervisionOrderStatus>(SUPERVISION_ORDER_STATUSES);

/** 督办事项: one overdue period an order names. */
export const SupervisionOrderItem = Type.Object({
  id: Id,
  assignmentId: Id,
  task: Type.Object({ id: Id, number: Type.String(), title: Nullable(Type.String()), text: Type.String() }),
  /** the task as official text names it: 第四项“严格依法执法” */
  taskReference: Type.String(),
  period: Type.String(),
  dueOn: IsoDate,
  daysOverdue: Type.Integer(),
  /** where the period stands now: an item whose period was reported since has been answered */
  periodState: Nullable(OneOf<OccurrenceState>(OCCURRENCE_STATES)),
  /** why a draft no longer holds it (reported since, raised to red, taken out); null while it does */
  droppedReason: Nullable(Type.String()),
});
export type SupervisionOrderItem = Static<typeof SupervisionOrderItem>;

/** 督办单: one unit's overdue items of one plan at one level. */
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
  /** the items it holds, oldest due first; dropped ones after them */
  items: Type.Array(SupervisionOrderItem),
  /** how many items it holds (dropped ones not counted), and the most days one of them is overdue */
  itemCount: Type.Integer(),
  daysOverdue: Type.Integer(),
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
  /** words (split at spaces), each in the order's title, unit, plan, or one of its tasks' number, title or text */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(OrderStatusSchema),
  level: Type.Optional(OrderLevelSchema),
  planId: Type.Optional(Id),
  unitId: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_INT })),
});
export type SupervisionOrderListQuery = Static<typeof SupervisionOrderListQuery>;

/**
 * A period of an assignment put under supervision by hand (blue by default): it joins the unit's open draft of that
 * plan and level, or starts one.
 */
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
  /** items the office takes out of the draft (at least one must stay: a draft with none is cancelled instead) */
  dropItems: Type.Optional(Type.Array(Id, { maxItems: 500 })),
});
export type SupervisionOrderPatch = Static<typeof SupervisionOrderPatch>;

export const SupervisionOrderIssue = Type.Object({ version: Type.Integer({ minimum: 1, maximum: MAX_INT }) });
export type SupervisionOrderIssue = Static<typeof SupervisionOrderIssue>;

export const SupervisionOrderCancel = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT }),
  reason: Type.String({ minLength: 1, maxLength: 500, pattern: "\\S" }),
});
export type SupervisionOrderCancel = Static<typeof SupervisionOrderCancel>;

const Versions = Type.Array(Type.Object({ id: Id, version: Type.Integer({ minimum: 1, maximum: MAX_INT }) }), {
  minItems: 1,
  maxItems: 200,
});

/** 批量签发: the drafts with the versions the office saw; all are issued (numbered in this order), or none. */
export const SupervisionOrdersIssue = Type.Object({ items: Versions });
export type SupervisionOrdersIssue = Static<typeof SupervisionOrdersIssue>;

/** 批量撤销: the orders with the versions the office saw and one reason; all are cancelled, or none. */
export const SupervisionOrdersCancel = Type.Object({
  items: Versions,
  reason: Type.String({ minLength: 1, maxLength: 500, pattern: "\\S" }),
});
export type SupervisionOrdersCancel = Static<typeof SupervisionOrdersCancel>;

export const SupervisionOrdersDone = Type.Object({ count: Type.Integer() });
export type SupervisionOrdersDone = Static<typeof SupervisionOrdersDone>;

/** 按单位汇总: per unit, what is under supervision now and how many orders it has had. */
export const SupervisionUnitSummary = Type.Object({
  unit: Type.Object({ id: Id, name: Type.String() }),
  /** items in drafts waiting to be issued, and in issued orders whose period is still not reported */
  draftItems: Type.Integer(),
  openItems: Type.Integer(),
  /** the most days one of those items is overdue */
  maxDaysOverdue: Type.Integer(),
  /** orders issued to it (withdrawn ones not counted), by level, in the year asked */
  issued: Type.Object({ blue: Type.Integer(), yellow: Type.Integer(), red: Type.Integer() }),
  lastIssuedAt: Nullable(Timestamp),
});
export type SupervisionUnitSummary = Static<typeof SupervisionUnitSummary>;

export const SupervisionSummaryQuery = Type.Object({
  /** words (split at spaces), each in the unit's name */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  planId: Type.Optional(Id),
  level: Type.Optional(OrderLevelSchema),
  /** the year whose issued orders are counted; this year by default */
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
});
export type SupervisionSummaryQuery = Static<typeof SupervisionSummaryQuery>;

export const SupervisionSummary = Type.Object({ year: Type.Integer(), units: Type.Array(SupervisionUnitSummary) });
export type SupervisionSummary = Static<typeof SupervisionSummary>;
