import { DrizzleQueryError } from "drizzle-orm";
import type { FastifyError, FastifyInstance } from "fastify";
import { AppError } from "./errors.js";
import { chineseIssue, type ValidationIssue } from "./validation-messages.js";

/**
 * A unique index refused a row that another request wrote a moment earlier (two clicks on 保存): the services
 * check names first, but only the index sees the race. The database error may be wrapped by the query builder.
 */
function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** An error as the log may show it. */
interface LoggedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: LoggedError;
}

/**
 * What of a failed request's error is logged: its name, message, code and stack, down the cause chain, and never a
 * statement's parameters. The query builder's error names the parameters in its message and stack (a new user's
 * password hash among them), and a database error's detail may quote the row ("Failing row contains ..."): the
 * query builder's error is logged by its SQL text alone, and a database error without its detail.
 */
export function loggableError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: "(not an Error)" };
  const message = error instanceof DrizzleQueryError ? `Failed query: ${error.query}` : error.message;
  const frames = error.stack?.split("\n").filter((line) => /^\s+at /.test(line));
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message,
    ...(typeof code === "string" ? { code } : {}),
    ...(frames ? { stack: [`${error.name}: ${message}`, ...frames].join("\n") } : {}),
    ...(error.cause !== undefined && depth < 5 ? { cause: loggableError(error.cause, depth + 1) } : {}),
  };
}

/** Every error leaves as {error: {code, message, details?}}; 5xx never show internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({
        error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
      });
    }
    if (error.validation) {
      const details = (error.validation as ValidationIssue[]).map(chineseIssue);
      const messages = [...new Set(details.map((d) => d.message))].join("；");
      return reply.status(400).send({
        error: { code: "validation_failed", message: `提交的内容不符合要求：${messages}`, details },
      });
    }
    if (isUniqueViolation(error)) {
      return reply.status(409).send({ error: { code: "duplicate", message: "该名称已被使用，请刷新后查看" } });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ error: { code: "rate_limited", message: "操作过于频繁，请稍后再试" } });
    }
    if (status === 413) {
      return reply.status(413).send({ error: { code: "payload_too_large", message: "提交的内容过大" } });
    }
    if (status === 415) {
      return reply
        .status(415)
        .send({ error: { code: "unsupported_media_type", message: "请求格式不受支持，请以 JSON 提交" } });
    }
    if (status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ error: { code: error.code?.toLowerCase() ?? "bad_request", message: "请求无效" } });
    }
    // not under `err`: pino's error serializer would read the raw error's fields again
    request.log.error({ error: loggableError(error) }, "request failed");
    return reply.status(500).send({ error: { code: "internal", message: "服务器内部错误，请稍后重试或联系管理员" } });
  });
}
