/**
 * Group robots' webhooks as DingTalk, WeCom and Feishu take them: the request for a message (with the signature
 * where the robot signs) and the reading of the robot's answer, which reports a refusal in its body, often with
 * HTTP 200.
 */
import { createHmac } from "node:crypto";
import type { ChannelKind } from "../../shared/domain.js";

export interface OutgoingMessage {
  subject: string;
  body: string;
  /** the page's full address, when fazhi knows its own (FAZHI_PUBLIC_URL) */
  url: string | null;
}

export interface RobotRequest {
  url: string;
  payload: unknown;
}

/** WeCom takes at most 4,096 bytes of markdown; DingTalk and Feishu about 20,000: keep every robot's well inside. */
const MAX_BODY_BYTES = 3_000;

function clip(text: string, maxBytes = MAX_BODY_BYTES): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = text;
  while (Buffer.byteLength(`${out}…`) > maxBytes) out = out.slice(0, Math.floor(out.length * 0.9));
  return `${out}…`;
}

/** DingTalk 加签: HMAC-SHA256 keyed by the secret over "timestamp\nsecret" (milliseconds), base64. */
function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

/** Feishu 签名校验: HMAC-SHA256 keyed by "timestamp\nsecret" (seconds) over nothing, base64. */
function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

/**
 * The webhook request for a message. `nowMs` is the real time: the robots refuse a signature more than an hour
 * off their own clock, so it never comes from the jobs' (possibly simulated) clock.
 */
export function robotRequest(
  kind: ChannelKind,
  target: { url: string; secret: string | null },
  message: OutgoingMessage,
  nowMs: number,
): RobotRequest {
  const body = clip(message.body);
  switch (kind) {
    case "dingtalk": {
      const link = message.url ? `\n\n[查看详情](${message.url})` : "";
      const payload = {
        msgtype: "markdown",
        markdown: { title: message.subject, text: `#### ${message.subject}\n\n${body}${link}` },
      };
      if (!target.secret) return { url: target.url, payload };
      const url = new URL(target.url);
      url.searchParams.set("timestamp", String(nowMs));
      url.searchParams.set("sign", dingtalkSign(target.secret, nowMs));
      return { url: url.toString(), payload };
    }
    case "wecom": {
      const link = message.url ? `\n[查看详情](${message.url})` : "";
      return {
        url: target.url,
        payload: { msgtype: "markdown", markdown: { content: `**${message.subject}**\n${body}${link}` } },
      };
    }
    case "feishu": {
      const lines: unknown[][] = [[{ tag: "text", text: body }]];
      if (message.url) lines.push([{ tag: "a", text: "查看详情", href: message.url }]);
      const payload = { msg_type: "post", content: { post: { zh_cn: { title: message.subject, content: lines } } } };
      if (!target.secret) return { url: target.url, payload };
      const timestamp = Math.floor(nowMs / 1000);
      return {
        url: target.url,
        payload: { timestamp: String(timestamp), sign: feishuSign(target.secret, timestamp), ...payload },
      };
    }
  }
}

const ROBOT_NAMES: Record<ChannelKind, string> = { dingtalk: "钉钉", wecom: "企业微信", feishu: "飞书" };

/**
 * What the robot's answer says: null when it took the message, otherwise why not, in words for the admin.
 * DingTalk and WeCom answer {errcode, errmsg}, Feishu {code, msg} (older robots {StatusCode, StatusMessage}).
 */
export function robotRefusal(kind: ChannelKind, status: number, text: string): string | null {
  const name = ROBOT_NAMES[kind];
  let answer: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object") answer = parsed as Record<string, unknown>;
  } catch {
    answer = null;
  }
  if (status < 200 || status >= 300) {
    return `${name}机器人返回 HTTP ${status}${text ? `：${text.slice(0, 200)}` : ""}`;
  }
  if (!answer) return `${name}机器人的应答无法识别：${text.slice(0, 200) || "(空)"}`;
  const code = kind === "feishu" ? (answer.code ?? answer.StatusCode) : answer.errcode;
  const words = kind === "feishu" ? (answer.msg ?? answer.StatusMessage) : answer.errmsg;
  if (code === 0 || code === "0") return null;
  if (code === undefined) return `${name}机器人的应答无法识别：${text.slice(0, 200)}`;
  return `${name}机器人拒收（错误码 ${String(code)}）：${String(words ?? "")}`.trim();
}
