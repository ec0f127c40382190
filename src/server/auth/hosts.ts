/**
 * Production answers only requests addressed to its own names. A page on another name that the attacker's DNS
 * points at this server (DNS rebinding) is same-origin to the browser, so the Origin check cannot refuse it;
 * its Host header still names the attacker's domain.
 */
import type { FastifyInstance } from "fastify";
import type { Config } from "../config.js";
import { AppError } from "../http/errors.js";

/** Container and load-balancer probes address the server by whatever IP they know it under. */
const PROBE_PATH = "/api/health";
const WILDCARD = new Set(["0.0.0.0", "::", "[::]"]);

/**
 * A loopback name at any port: a browser sends it only to a server on this machine, ours or a local reverse proxy
 * in front of it, never to a rebound domain.
 */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** host[:port] as a URL spells it: lower case, IPv6 in brackets, the scheme's default port left out */
function parseHost(host: string, protocol: string): URL | null {
  try {
    return new URL(`${protocol}//${host}`);
  } catch {
    return null;
  }
}

/** The names the server may be addressed by, besides loopback: FAZHI_PUBLIC_URL's host and the listen address. */
export function allowedHosts(config: Config): string[] {
  const hosts: string[] = [];
  if (config.publicUrl) hosts.push(new URL(config.publicUrl).host);
  const listen = config.host.includes(":") && !config.host.startsWith("[") ? `[${config.host}]` : config.host;
  if (!WILDCARD.has(config.host)) hosts.push(`${listen}:${config.port}`);
  return hosts;
}

export function registerHostCheck(app: FastifyInstance, config: Config): void {
  if (config.mode !== "production") return;
  const hosts = allowedHosts(config);
  const allowed = {
    "http:": new Set(hosts.map((host) => parseHost(host, "http:")?.host)),
    "https:": new Set(hosts.map((host) => parseHost(host, "https:")?.host)),
  };
  app.addHook("onRequest", async (request) => {
    if (request.url === PROBE_PATH) return;
    const protocol = request.protocol === "https" ? "https:" : "http:";
    // the Host header as sent and, behind a trusted proxy, the host it forwarded: both must be ours
    for (const given of [request.headers.host ?? "", request.host]) {
      const host = parseHost(given, protocol);
      if (!host || !(LOOPBACK.has(host.hostname) || allowed[protocol].has(host.host))) {
        throw new AppError(
          421,
          "host_not_allowed",
          "请通过本系统的正式地址访问（管理员可在 FAZHI_PUBLIC_URL 中设置该地址）",
        );
      }
    }
  });
}
