import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ErrorBody, IdParams, User, UserCreate, UserList, UserPatch } from "../../shared/api.js";
import type { Db } from "../db/client.js";
import { changeContext } from "../http/context.js";
import { createUser, getUser, listUsers, presentUser, updateUser } from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const admin = { access: { ability: "users.manage" } } as const;
const tags = ["users"];

export const userRoutes =
  (db: Db): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      "/users",
      { config: admin, schema: { tags, summary: "用户列表", response: { 200: UserList, ...errors } } },
      async () => {
        const rows = await listUsers(db);
        return { items: rows.map((r) => presentUser(r)), total: rows.length };
      },
    );

    app.post(
      "/users",
      { config: admin, schema: { tags, summary: "新建用户", body: UserCreate, response: { 201: User, ...errors } } },
      async (request, reply) =>
        reply.status(201).send(presentUser(await createUser(db, request.body, changeContext(request)))),
    );

    app.get(
      "/users/:id",
      { config: admin, schema: { tags, summary: "用户详情", params: IdParams, response: { 200: User, ...errors } } },
      async (request) => presentUser(await getUser(db, request.params.id)),
    );

    app.patch(
      "/users/:id",
      {
        config: admin,
        schema: {
          tags,
          summary: "修改用户(须带 version):角色、单位、停用、解锁、重置密码",
          params: IdParams,
          body: UserPatch,
          response: { 200: User, ...errors },
        },
      },
      async (request) => presentUser(await updateUser(db, request.params.id, request.body, changeContext(request))),
    );
  };
