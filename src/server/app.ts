/** Builds the fazhi HTTP application: plugins, the /api routes and the web app, for a given database and config. */
import { existsSync } from "node:fs";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance } from "fastify";
import { Type } from "typebox";
import { assignmentRoutes } from "./assignments/routes.js";
import { auditRoutes } from "./audit/routes.js";
import { registerHostCheck } from "./auth/hosts.js";
import { docsAccess, registerAuth, requireSignIn } from "./auth/plugin.js";
import { authRoutes } from "./auth/routes.js";
import { backupRoutes } from "./backup/routes.js";
import { bulletinRoutes } from "./bulletins/routes.js";
import { type Clock, systemClock } from "./clock.js";
import type { Config } from "./config.js";
import { dashboardRoutes } from "./dashboard/routes.js";
import type { Database } from "./db/client.js";
import { configureOutbox } from "./delivery/enqueue.js";
import { deliveryRoutes } from "./delivery/routes.js";
import { extensionRoutes } from "./extensions/routes.js";
import { fileRoutes } from "./files/routes.js";
import { fileStoreOf } from "./files/store.js";
import { healthRoutes } from "./health/routes.js";
import { registerEdge } from "./http/edge.js";
import { registerErrorHandler } from "./http/error-handler.js";
import { registerSecurityHeaders } from "./http/security-headers.js";
import { inboxRoutes } from "./inbox/routes.js";
import { jobRoutes } from "./jobs/routes.js";
import { scheduleJobs } from "./jobs/schedule.js";
import { notificationRoutes } from "./notifications/routes.js";
import { planRoutes } from "./plans/routes.js";
import { progressRoutes } from "./progress/routes.js";
import { reportRoutes } from "./reports/routes.js";
import { settingsRoutes } from "./settings/routes.js";
import { supervisionOrderRoutes } from "./supervision/routes.js";
import { unitRoutes } from "./units/routes.js";
import { userRoutes } from "./users/routes.js";
import { VERSION } from "./version.js";
import { WEB_DIR } from "./web-dir.js";

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // antd writes its styles at run time (CSS-in-JS)
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // helmet's default would send browsers on a plain-http intranet address to https, which is not there
  upgradeInsecureRequests: null,
};

export async function buildApp(
  database: Database,
  config: Config,
  options: {
    clock?: Clock;
    scheduleJobs?: boolean;
    /** where log lines go instead of stdout (tests read them) */
    logStream?: { write(line: string): void };
  } = {},
): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  // emails are queued only with a mail server to send them
  configureOutbox(config);
  const app = Fastify({
    logger: config.logLevel === "silent" ? false : { level: config.logLevel, stream: options.logStream },
    bodyLimit: 1024 * 1024,
    // behind a reverse proxy, the client's address (login limit, audit) and https come from its headers
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
    // no coercion: a body's types are as JSON sent them; the text of queries and paths is read by registerEdge
    ajv: { customOptions: { removeAdditional: "all", coerceTypes: false, useDefaults: true, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // only JSON and multipart (plan uploads) bodies: a text/plain POST is what a cross-site form could send
  app.removeContentTypeParser("text/plain");
  registerErrorHandler(app);
  registerHostCheck(app, config);
  registerEdge(app);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: { directives: CSP },
    crossOriginEmbedderPolicy: false,
    // offices often reach the server over plain http on their own network: HSTS only where TLS is expected
    strictTransportSecurity: config.mode === "production",
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: "fazhi 法治政府建设督导平台 API", version: VERSION },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "fazhi_session" } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    // the page and its /json, /yaml; swagger-ui's own script and style files hold nothing of ours
    ...(docsAccess(config) === "public" ? {} : { uiHooks: { onRequest: requireSignIn(database.db, config, clock) } }),
  });
  // at the root, after the docs UI: every /api route registered from here on, in any plugin, is checked
  registerAuth(app, database.db, config, clock);

  await app.register(
    async (api) => {
      api.get(
        "/openapi.json",
        { config: { access: docsAccess(config) }, schema: { hide: true, response: { 200: Type.Unknown() } } },
        async () => app.swagger(),
      );
      await api.register(healthRoutes(database));
      await api.register(authRoutes(database.db, config, clock), { prefix: "/auth" });
      await api.register(unitRoutes(database.db, clock));
      await api.register(userRoutes(database.db, clock));
      await api.register(auditRoutes(database.db, clock));
      await api.register(planRoutes(database.db, clock, config));
      const deps = { db: database.db, clock, config, files: fileStoreOf(config) };
      await api.register(assignmentRoutes(deps));
      await api.register(reportRoutes(deps));
      await api.register(fileRoutes(deps));
      await api.register(extensionRoutes(deps));
      await api.register(inboxRoutes(deps));
      await api.register(progressRoutes(deps));
      await api.register(dashboardRoutes(deps));
      await api.register(settingsRoutes(deps));
      await api.register(notificationRoutes(deps));
      await api.register(supervisionOrderRoutes(deps));
      await api.register(bulletinRoutes(deps));
      await api.register(jobRoutes(deps));
      await api.register(backupRoutes(deps, database));
      await api.register(deliveryRoutes(deps));
    },
    { prefix: "/api" },
  );

  await registerWeb(app);
  if (options.scheduleJobs) scheduleJobs(app, database.db, config, clock);
  return app;
}

/** The built web app with client-side routing: any non-API GET that is not a file gets index.html. */
async function registerWeb(app: FastifyInstance): Promise<void> {
  const built = existsSync(`${WEB_DIR}/index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: WEB_DIR,
      // files are looked up per request, so a rebuilt web app is served without restarting the server
      wildcard: true,
      // the .br and .gz the build wrote beside each file (vite.config.ts), to a browser that accepts them
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const immutable = filePath.includes("/assets/");
        res.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0];
    if (path.startsWith("/api/") || path === "/api" || (request.method !== "GET" && request.method !== "HEAD")) {
      return reply.status(404).send({ error: { code: "not_found", message: `接口不存在：${request.method} ${path}` } });
    }
    if (!built) {
      return reply
        .status(503)
        .type("text/plain; charset=utf-8")
        .send("fazhi 的网页界面尚未构建：请运行 npm run build:web（npm start 会自动构建）。");
    }
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").sendFile("index.html");
  });
}
