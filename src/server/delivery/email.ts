/** Email notices over SMTP (FAZHI_SMTP_URL), as plain UTF-8 text. */
import type { Transporter } from "nodemailer";
import type { SmtpConfig } from "../config.js";
import type { OutgoingMessage } from "./robots.js";

/** One transport per mail server: a non-pooled one opens a connection per message and keeps nothing open. */
const transports = new Map<string, Transporter>();

async function transportFor(smtp: SmtpConfig): Promise<Transporter> {
  let transport = transports.get(smtp.url);
  if (!transport) {
    // loaded when the first email goes out, not at every server start
    const { default: nodemailer } = await import("nodemailer");
    transport = nodemailer.createTransport({
      url: smtp.url,
      // a mail server that does not answer must not hold the job up: the message is retried later
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    transports.set(smtp.url, transport);
  }
  return transport;
}

function emailText(message: OutgoingMessage): string {
  const link = message.url ? `\n\n查看详情：${message.url}` : "";
  return `${message.body}${link}\n\n——\n法治政府建设督导平台（系统自动发送，请勿直接回复）\n`;
}

/** Sends one email; throws with the mail server's reason when it is refused. */
export async function sendEmail(smtp: SmtpConfig, to: string, message: OutgoingMessage): Promise<void> {
  await (await transportFor(smtp)).sendMail({
    from: smtp.from,
    to,
    subject: message.subject,
    text: emailText(message),
    textEncoding: "base64",
  });
}
