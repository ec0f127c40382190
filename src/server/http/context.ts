import type { FastifyRequest } from "fastify";

/** Who made a change and from where: what every audited service call needs from the request. */
export function changeContext(request: FastifyRequest): { actorId: number | null; ip: string | null } {
  return { actorId: request.actor?.userId ?? null, ip: request.ip ?? null };
}
