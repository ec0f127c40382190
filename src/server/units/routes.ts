import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import {
  ErrorBody,
  IdParams,
  ResolveRequest,
  ResolveResult,
  Unit,
  UnitCreate,
  UnitDeleteQuery,
  UnitGroup,
  UnitGroupCreate,
  UnitGroupList,
  UnitGroupPatch,
  UnitList,
  UnitListQuery,
  UnitPatch,
} from "../../shared/api.js";
import { UNIT_TYPE_LABELS } from "../../shared/domain.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import { type ListColumn, sendList } from "../documents/list-workbook.js";
import { changeContext } from "../http/context.js";
import { recheckDraftPhrases } from "../plans/phrases.js";
import { presentUnit, presentUnitGroup, presentUnitListJson } from "./present.js";
import { UnitResolver } from "./resolve.js";
import {
  allUnits,
  createUnit,
  createUnitGroup,
  deactivateUnit,
  getUnit,
  listUnitGroups,
  listUnits,
  updateUnit,
  updateUnitGroup,
} from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const read = { access: { ability: "units.read" } } as const;
const manage = { access: { ability: "units.manage" } } as const;
const tags = ["units"];

export const unitRoutes =
  (db: Db, clock: Clock): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      "/units",
      {
        config: read,
        schema: {
          tags,
          summary: "单位列表(可按名称/别名、类型、状态筛选)",
          querystring: UnitListQuery,
          response: { 200: UnitList, ...errors },
        },
      },
      async (request, reply) => {
        const { q, type, active } = request.query;
        if (!q && !type && active === undefined) {
          // the whole registry, asked for by every page: its JSON is made once per registry read
          // (a byte body is sent as it is; the type system only knows the object form of the same UnitList)
          const json = presentUnitListJson(await allUnits(db));
          return reply.type("application/json; charset=utf-8").send(json as unknown as UnitList);
        }
        const rows = await listUnits(db, request.query);
        return { items: rows.map(presentUnit), total: rows.length };
      },
    );

    app.get(
      "/units/export.xlsx",
      {
        config: read,
        schema: {
          tags,
          summary: "导出单位名录(Excel)：与列表相同的筛选条件",
          querystring: UnitListQuery,
          response: { 200: Type.Unknown(), ...errors },
        },
      },
      async (request, reply) => {
        const { q, type, active } = request.query;
        const [rows, registry] = await Promise.all([listUnits(db, request.query), allUnits(db)]);
        const names = new Map(registry.map((u) => [u.id, u.name]));
        const columns: ListColumn<Unit>[] = [
          { header: "单位名称", width: 28, value: (u) => u.name },
          { header: "简称", width: 14, value: (u) => u.shortName },
          { header: "类型", width: 12, value: (u) => UNIT_TYPE_LABELS[u.type] },
          { header: "上级单位", width: 24, value: (u) => (u.parentId ? (names.get(u.parentId) ?? null) : null) },
          { header: "别名", width: 30, value: (u) => u.aliases.join("、") },
          { header: "状态", width: 8, value: (u) => (u.active ? "启用" : "已停用") },
        ];
        const filters = [
          q?.trim() && `关键词：${q.trim()}`,
          type && `类型：${UNIT_TYPE_LABELS[type]}`,
          active === undefined ? null : active ? "启用的" : "已停用的",
        ];
        return sendList(reply, { name: "单位名录", columns, rows: rows.map(presentUnit), filters }, clock());
      },
    );

    app.post(
      "/units",
      { config: manage, schema: { tags, summary: "新建单位", body: UnitCreate, response: { 201: Unit, ...errors } } },
      async (request, reply) => {
        const ctx = changeContext(request);
        const unit = await createUnit(db, request.body, ctx);
        await recheckDraftPhrases(db, ctx);
        return reply.status(201).send(presentUnit(unit));
      },
    );

    app.get(
      "/units/:id",
      { config: read, schema: { tags, summary: "单位详情", params: IdParams, response: { 200: Unit, ...errors } } },
      async (request) => presentUnit(await getUnit(db, request.params.id)),
    );

    app.patch(
      "/units/:id",
      {
        config: manage,
        schema: {
          tags,
          summary: "修改单位(须带 version)",
          params: IdParams,
          body: UnitPatch,
          response: { 200: Unit, ...errors },
        },
      },
      async (request) => {
        const ctx = changeContext(request);
        const unit = await updateUnit(db, request.params.id, request.body, ctx);
        await recheckDraftPhrases(db, ctx);
        return presentUnit(unit);
      },
    );

    app.delete(
      "/units/:id",
      {
        config: manage,
        schema: {
          tags,
          summary: "停用单位(单位不会被删除)",
          params: IdParams,
          querystring: UnitDeleteQuery,
          response: { 200: Unit, ...errors },
        },
      },
      async (request) =>
        presentUnit(await deactivateUnit(db, request.params.id, request.query.version, changeContext(request))),
    );

    app.post(
      "/units/resolve",
      {
        config: read,
        schema: {
          tags,
          summary: "把文件中的单位表述解析为单位",
          body: ResolveRequest,
          response: { 200: ResolveResult, ...errors },
        },
      },
      async (request) => {
        const [allUnits, groups] = await Promise.all([listUnits(db), listUnitGroups(db)]);
        const resolver = new UnitResolver(allUnits, groups);
        return { results: request.body.phrases.map((phrase) => resolver.resolve(phrase)) };
      },
    );

    app.get(
      "/unit-groups",
      {
        config: read,
        schema: { tags, summary: "单位分组(各乡镇、各行政执法部门…)", response: { 200: UnitGroupList, ...errors } },
      },
      async () => ({ items: (await listUnitGroups(db)).map(presentUnitGroup) }),
    );

    app.post(
      "/unit-groups",
      {
        config: manage,
        schema: { tags, summary: "新建单位分组", body: UnitGroupCreate, response: { 201: UnitGroup, ...errors } },
      },
      async (request, reply) => {
        const ctx = changeContext(request);
        const group = await createUnitGroup(db, request.body, ctx);
        await recheckDraftPhrases(db, ctx);
        return reply.status(201).send(presentUnitGroup(group));
      },
    );

    app.patch(
      "/unit-groups/:id",
      {
        config: manage,
        schema: {
          tags,
          summary: "修改单位分组(须带 version)",
          params: IdParams,
          body: UnitGroupPatch,
          response: { 200: UnitGroup, ...errors },
        },
      },
      async (request) => {
        const ctx = changeContext(request);
        const group = await updateUnitGroup(db, request.params.id, request.body, ctx);
        await recheckDraftPhrases(db, ctx);
        return presentUnitGroup(group);
      },
    );
  };
