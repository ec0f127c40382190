/** The wire contract of /api for bulletins (通报). */
import { type Static, Type } from "typebox";
import { BULLETIN_STATUSES, type BulletinStatus } from "../domain.js";
import { Id, IsoDate, MAX_INT, Name, Nullable, OneOf, Timestamp } from "./common.js";

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
      /** the task's short title (bulletins drafted before titles were kept have none) */
      taskTitle: Type.Optional(Nullable(Type.String())),
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
  /** the office's contact line under the text: （联系人：…；联系电话：…）, when it set one */
  contact: Nullable(Type.String()),
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
