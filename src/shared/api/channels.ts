/** The wire contract of /api for delivery channels (email, robots) and deliveries. */
import { type Static, Type } from "typebox";
import {
  CHANNEL_KINDS,
  type ChannelKind,
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  type DeliveryChannel,
  type DeliveryStatus,
} from "../domain.js";
import { Id, MAX_INT, Name, Nullable, OneOf, Timestamp } from "./common.js";

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
