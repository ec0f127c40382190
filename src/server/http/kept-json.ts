/**
 * The JSON of an answer kept in a ChangeCache (src/server/db/change-cache.ts), written once by its route's response
 * schema and sent as it is to everyone it is kept for: a 50 KB inbox costs its serialization only when it changes.
 * A kept value is answered by one route only, so the schema that wrote it is the one the route would use.
 */
import type { FastifyReply } from "fastify";

const written = new WeakMap<object, string>();

export function sendKept(reply: FastifyReply, value: object): FastifyReply {
  let json = written.get(value);
  if (json === undefined) {
    json = reply.serialize(value) as string;
    written.set(value, json);
  }
  return reply.type("application/json; charset=utf-8").send(json);
}
