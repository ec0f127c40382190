import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { chinaTime } from "../../core/calendar.js";
import { ErrorBody, IdParams, User, UserCreate, UserList, UserPatch } from "../../shared/api.js";
import { ROLE_LABELS } from "../../shared/domain.js";
import { userMatches } from "../../shared/user-search.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import { type ListColumn, sendList } from "../documents/list-workbook.js";
import { changeContext } from "../http/context.js";
import { createUser, getUser, listUsers, presentUser, updateUser } from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const admin = { access: { ability: "users.manage" } } as const;
const tags = ["users"];

const UserExportQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) });

const USER_COLUMNS: ListColumn<User>[] = [
  { header: "用户名", width: 16, value: (u) => u.username },
  { header: "姓名", width: 14, value: (u) => u.displayName },
  { header: "所属单位", width: 24, value: (u) => u.unitName ?? "未分配单位" },
  { header: "角色", width: 24, value: (u) => u.roles.map((r) => ROLE_LABELS[r]).join("、") },
  { header: "邮箱", width: 26, value: (u) => u.email },
  { header: "状态", width: 10, value: (u) => (u.disabled ? "已停用" : u.locked ? "已锁定" : "启用") },
  { header: "最近登录", width: 18, value: (u) => (u.lastLoginAt ? chinaTime(new Date(u.lastLoginAt)) : "从未登录") },
];

export const userRoutes =
  (db: Db, clock: Clock): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      "/users",
      { config: admin, schema: { tags, summary: "用户列表", response: { 200: UserList, ...errors } } },
      async () => {
        const rows = await listUsers(db);
        return { items: rows.map((r) => presentUser(r)), total: rows.length };
      },
    );

    app.get(
      "/users/export.xlsx",
      {
        config: admin,
        schema: {
          tags,
          summary: "导出用户列表(Excel)：q 与页面搜索相同(用户名、姓名、单位、邮箱)",
          querystring: UserExportQuery,
          response: { 200: Type.Unknown(), ...errors },
        },
      },
      async (request, reply) => {
        const q = request.query.q ?? "";
        const users = (await listUsers(db)).map((r) => presentUser(r)).filter((u) => userMatches(u, q));
        const filters = [q.trim() && `关键词：${q.trim()}`];
        return sendList(reply, { name: "用户", columns: USER_COLUMNS, rows: users, filters }, clock());
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
