import type { FastifyRequest } from "fastify";
import { chinaDay } from "../../core/calendar.js";
import type { Clock } from "../clock.js";
import type { DatedChange } from "../units/service.js";

/** Who made a change and from where: what every audited service call needs from the request. */
export function changeContext(request: FastifyRequest): { actorId: number | null; ip: string | null } {
  return { actorId: request.actor?.userId ?? null, ip: request.ip ?? null };
}

/** The same, with the day of the change by the server's clock (China time): a 交办 is dated by it. */
export function datedChange(request: FastifyRequest, clock: Clock): DatedChange {
  return { ...changeContext(request), today: chinaDay(clock()) };
}
