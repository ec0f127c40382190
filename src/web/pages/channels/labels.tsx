import { Tag } from "antd";
import {
  CHANNEL_KIND_LABELS,
  CHANNEL_KINDS,
  type ChannelKind,
  DELIVERY_STATUS_LABELS,
  type DeliveryChannel,
  type DeliveryStatus,
} from "../../../shared/domain";

export const CHANNEL_KIND_OPTIONS = CHANNEL_KINDS.map((kind) => ({ value: kind, label: CHANNEL_KIND_LABELS[kind] }));

/** Where a robot's settings are found and what they hold, as the admin sees them in the group's robot settings. */
export const CHANNEL_KIND_HINTS: Record<ChannelKind, { url: string; secret: string | null }> = {
  dingtalk: {
    url: "钉钉群 → 群设置 → 机器人 → 自定义机器人，复制 Webhook 地址（https://oapi.dingtalk.com/robot/send?access_token=…）",
    secret: "安全设置选“加签”时，填写以 SEC 开头的密钥",
  },
  wecom: {
    url: "企业微信群 → 群机器人 → 添加机器人，复制 Webhook 地址（https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…）",
    secret: null,
  },
  feishu: {
    url: "飞书群 → 设置 → 群机器人 → 自定义机器人，复制 Webhook 地址（https://open.feishu.cn/open-apis/bot/v2/hook/…）",
    secret: "安全设置勾选“签名校验”时，填写其密钥",
  },
};

const DELIVERY_CHANNEL_LABELS: Record<DeliveryChannel, string> = { email: "邮件", ...CHANNEL_KIND_LABELS };

export function deliveryChannelLabel(channel: DeliveryChannel): string {
  return DELIVERY_CHANNEL_LABELS[channel];
}

const STATUS_COLORS: Record<DeliveryStatus, string> = { pending: "processing", sent: "success", failed: "error" };

export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{DELIVERY_STATUS_LABELS[status]}</Tag>;
}
