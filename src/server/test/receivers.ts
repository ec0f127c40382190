/**
 * Test receivers on 127.0.0.1: a mail server that takes what fazhi sends (with a login) and parses it, and a web
 * server that answers as the group robots do, checking their signatures the robots' way. Used by the delivery tests.
 */
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export const SMTP_USER = "fazhi";
export const SMTP_PASSWORD = "mail-pass-1";

export interface MailReceiver {
  port: number;
  mails: ParsedMail[];
  close(): Promise<void>;
}

export async function startMailReceiver(): Promise<MailReceiver> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    // plain SMTP on the loopback: no certificate to trust
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: SMTP_USER });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** DingTalk's check of 加签, written out here rather than taken from the code under test. */
export function dingtalkSignatureValid(secret: string, timestamp: string, sign: string): boolean {
  const expected = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
  return sign === expected && Math.abs(Date.now() - Number(timestamp)) < 60 * 60_000;
}

/** Feishu's check of 签名校验: the key is "timestamp\nsecret", the message empty; the timestamp in seconds. */
export function feishuSignatureValid(secret: string, timestamp: string, sign: string): boolean {
  const expected = createHmac("sha256", `${timestamp}\n${secret}`).update("").digest("base64");
  return sign === expected && Math.abs(Date.now() / 1000 - Number(timestamp)) < 60 * 60;
}

export interface RobotCall {
  path: string;
  query: URLSearchParams;
  contentType: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: the JSON a robot receives, read field by field in the tests
  body: any;
}

/** How a robot path answers a call: the HTTP status and the JSON body. */
export type RobotAnswer = (call: RobotCall, nth: number) => { status: number; body: unknown };

export interface RobotReceiver {
  base: string;
  calls: RobotCall[];
  /** the calls to one path */
  to(path: string): RobotCall[];
  /** sets how a path answers (by default: the robot's "ok" for its kind, by the path's first segment) */
  answer(path: string, how: RobotAnswer): void;
  close(): Promise<void>;
}

const OK = {
  dingtalk: { errcode: 0, errmsg: "ok" },
  wecom: { errcode: 0, errmsg: "ok" },
  feishu: { code: 0, msg: "success", data: {} },
} as const;

export async function startRobotReceiver(): Promise<RobotReceiver> {
  const calls: RobotCall[] = [];
  const answers = new Map<string, RobotAnswer>();
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const call: RobotCall = {
      path: url.pathname,
      query: url.searchParams,
      contentType: request.headers["content-type"],
      body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
    };
    calls.push(call);
    const nth = calls.filter((c) => c.path === call.path).length;
    const kind = (url.pathname.split("/")[1] ?? "dingtalk") as keyof typeof OK;
    const how = answers.get(url.pathname);
    // a little time on the way, as over a network: two runners' sends overlap
    await new Promise((resolve) => setTimeout(resolve, 5));
    const reply = how ? how(call, nth) : { status: 200, body: OK[kind] ?? OK.dingtalk };
    response.writeHead(reply.status, { "content-type": "application/json; charset=utf-8" });
    response.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    calls,
    to: (path) => calls.filter((c) => c.path === path),
    answer: (path, how) => answers.set(path, how),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
