/**
 * The request pipeline's auth steps: authenticate from the session cookie, refuse cross-site changes,
 * and check the route's declared access before its handler runs.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { can } from "../../shared/domain.js";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { AppError, forbidden, unauthenticated } from "../http/errors.js";
import type { Access } from "./actor.js";
import { actorForToken, SESSION_COOKIE } from "./sessions.js";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function sessionToken(request: FastifyRequest): string | null {
  return request.cookies[SESSION_COOKIE] || null;
}

/** Same-origin check for changes (CSRF): browsers send Origin (or Referer) and Sec-Fetch-Site with every POST. */
function isCrossSite(request: FastifyRequest): boolean {
  if (request.headers["sec-fetch-site"] === "cross-site") return true;
  const origin = request.headers.origin ?? request.headers.referer;
  if (!origin) return false;
  try {
    const from = new URL(origin);
    // read the Host header with the origin's scheme, so that an explicit default port (host:80) compares equal
    return new URL(`${from.protocol}//${request.headers.host}`).host !== from.host;
  } catch {
    return true;
  }
}

export function registerAuth(app: FastifyInstance, db: Db, config: Config, clock: Clock): void {
  app.decorateRequest("actor", null);

  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api") && !route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} does not declare who may call it (config.access)`);
    }
  });

  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    if (UNSAFE.has(request.method) && isCrossSite(request)) {
      throw new AppError(403, "cross_site_request", "请求来源不被允许，请从本系统页面操作");
    }
    const token = sessionToken(request);
    if (token) request.actor = await actorForToken(db, config, token, clock());
    checkAccess(request, access);
  });
}

/**
 * Who may read the API's description (GET /api/openapi.json, the /api/docs UI): anyone in demo mode, to try the
 * API out; in production any signed-in user, since it maps every route for an attacker but holds no data.
 */
export const docsAccess = (config: Config): Access => (config.mode === "production" ? "authenticated" : "public");

/** An onRequest hook for routes registered by plugins that cannot declare config.access (the docs UI). */
export function requireSignIn(db: Db, config: Config, clock: Clock) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = sessionToken(request);
    if (token) request.actor = await actorForToken(db, config, token, clock());
    checkAccess(request, "authenticated");
  };
}

/** Role-level access, before the input is even validated; record-level policies run in the handlers. */
function checkAccess(request: FastifyRequest, access: Access): void {
  if (access === "public") return;
  if (!request.actor) throw unauthenticated();
  if (access === "authenticated") return;
  if (!can(request.actor.roles, access.ability)) throw forbidden();
}
