import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { ChangePasswordRequest, ErrorBody, LoginRequest, Me } from "../../shared/api.js";
import { abilitiesOf } from "../../shared/domain.js";
import { recordAudit } from "../audit/record.js";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { changeContext } from "../http/context.js";
import { changeOwnPassword } from "../users/service.js";
import type { Actor } from "./actor.js";
import { login } from "./login.js";
import { forgetSessions, revokeSession, SESSION_COOKIE } from "./sessions.js";

export function presentMe(actor: Actor): Me {
  return {
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName },
    unit: actor.unit,
    roles: actor.roles,
    abilities: abilitiesOf(actor.roles),
  };
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

export const authRoutes =
  (db: Db, config: Config, clock: Clock): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      "/login",
      {
        config: { access: "public", rateLimit: { max: config.login.attemptsPerMinute, timeWindow: "1 minute" } },
        schema: {
          tags: ["auth"],
          summary: "登录",
          body: LoginRequest,
          response: { 200: Me, 429: ErrorBody, ...errors },
        },
      },
      async (request, reply) => {
        const { user, session } = await login(
          db,
          config,
          { ...request.body, ip: request.ip, userAgent: request.headers["user-agent"] ?? null },
          clock(),
        );
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: "/",
          httpOnly: true,
          sameSite: "lax",
          secure: config.mode === "production" && request.protocol === "https",
          expires: session.expiresAt,
        });
        const [row] = await db.query.units.findMany({ where: (u, { eq }) => eq(u.id, user.unitId ?? 0), limit: 1 });
        return presentMe({
          userId: user.id,
          username: user.username,
          displayName: user.displayName,
          roles: user.roles,
          unit: row ? { id: row.id, name: row.name, type: row.type } : null,
          sessionId: session.id,
        });
      },
    );

    app.post(
      "/logout",
      { config: { access: "public" }, schema: { tags: ["auth"], summary: "退出登录", response: { 204: Type.Null() } } },
      async (request, reply) => {
        const actor = request.actor;
        if (actor) {
          await db.transaction(async (tx) => {
            await revokeSession(tx, actor.sessionId);
            await recordAudit(tx, {
              actorId: actor.userId,
              action: "auth.logout",
              entityType: "user",
              entityId: actor.userId,
              ip: request.ip,
            });
          });
          forgetSessions(actor.userId);
        }
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/me",
      {
        config: { access: "authenticated" },
        schema: { tags: ["auth"], summary: "当前用户、单位、角色与权限", response: { 200: Me, 401: ErrorBody } },
      },
      async (request) => presentMe(request.actor as Actor),
    );

    app.post(
      "/password",
      {
        config: { access: "authenticated", rateLimit: { max: 10, timeWindow: "1 minute" } },
        schema: {
          tags: ["auth"],
          summary: "修改本人密码",
          body: ChangePasswordRequest,
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (request, reply) => {
        await changeOwnPassword(db, request.actor as Actor, request.body, changeContext(request));
        return reply.status(204).send(null);
      },
    );
  };
