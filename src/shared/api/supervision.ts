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
