// The ceiling for bench/api.ts: a bare Fastify route on the same machine, Node and Fastify version.
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/bare", async () => ({ ok: true }));
const address = await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
console.log(`bare listening on ${address}`);
