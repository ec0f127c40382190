import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { Type } from "typebox";
import {
  Assignment,
  AssignmentAcknowledge,
  AssignmentList,
  AssignmentListQuery,
  AssignmentsAcknowledge,
  AssignmentsAcknowledged,
  ErrorBody,
  IdParams,
  TaskUnitProgressList,
} from "../../shared/api.js";
import type { Actor } from "../auth/actor.js";
import { ChangeCache } from "../db/change-cache.js";
import { type Deps, queryKey, signalBasis, signalDay } from "../deps.js";
import { sendList } from "../documents/list-workbook.js";
import { changeContext } from "../http/context.js";
import { forbidden } from "../http/errors.js";
import { sendKept } from "../http/kept-json.js";
import { assignmentsExport } from "./export.js";
import {
  acknowledgeAssignment,
  acknowledgeAssignments,
  getAssignment,
  listAssignments,
  mayListUnit,
  recordDenied,
  taskUnitsOf,
} from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const read = { access: { ability: "assignments.read" } } as const;
const tags = ["assignments"];

export const assignmentRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db } = deps;
    /** A list (or its export) of another unit than the actor may see is refused, and the refusal recorded. */
    const assertMayList = async (request: FastifyRequest, actor: Actor, unitId: number | undefined) => {
      if (!unitId || (await mayListUnit(db, actor, unitId))) return;
      await recordDenied(db, changeContext(request), null, { reason: "other_unit", unitId });
      throw forbidden("您只能查看本单位的任务");
    };
    // 我的任务 and 交办情况 are what every user opens: each user's pages are kept until something changes
    const lists = new ChangeCache<AssignmentList>(db);
    app.get(
      "/assignments",
      {
        config: read,
        schema: {
          tags,
          summary: "任务列表：统筹单位看全部，其他单位看本单位的(牵头单位还能看所牵头任务的配合单位)",
          querystring: AssignmentListQuery,
          response: { 200: AssignmentList, ...errors },
        },
      },
      async (request, reply) => {
        const actor = request.actor as Actor;
        await assertMayList(request, actor, request.query.unitId);
        const day = signalDay(deps);
        const key = `${actor.userId}|${queryKey(request.query)}`;
        const kept = await lists.get(key, signalBasis(day), () => listAssignments(db, request.query, actor, day));
        return sendKept(reply, kept.value);
      },
    );

    app.get(
      "/assignments/export.xlsx",
      {
        config: read,
        schema: {
          tags,
          summary: "导出任务列表(Excel)：与列表相同的筛选条件，全部符合的任务",
          querystring: AssignmentListQuery,
          response: { 200: Type.Unknown(), ...errors },
        },
      },
      async (request, reply) => {
        const actor = request.actor as Actor;
        await assertMayList(request, actor, request.query.unitId);
        return sendList(reply, await assignmentsExport(db, request.query, actor, signalDay(deps)), deps.clock());
      },
    );

    app.get(
      "/assignments/:id",
      {
        config: read,
        schema: { tags, summary: "任务详情", params: IdParams, response: { 200: Assignment, ...errors } },
      },
      async (request) =>
        getAssignment(db, request.params.id, request.actor as Actor, signalDay(deps), changeContext(request)),
    );

    app.get(
      "/assignments/:id/units",
      {
        config: read,
        schema: {
          tags,
          summary: "任务分工：该任务的牵头、责任、配合单位；统筹部门、领导和牵头单位还可见各单位进展",
          params: IdParams,
          response: { 200: TaskUnitProgressList, ...errors },
        },
      },
      async (request) => {
        const actor = request.actor as Actor;
        const day = signalDay(deps);
        const assignment = await getAssignment(db, request.params.id, actor, day, changeContext(request));
        return { items: await taskUnitsOf(db, assignment, actor, day) };
      },
    );

    app.post(
      "/assignments/acknowledge",
      {
        config: { access: { ability: "assignments.acknowledge" } },
        schema: {
          tags,
          summary: "批量签收本单位的任务(本单位管理员；每项须带 version；全部签收或全部不签收)",
          body: AssignmentsAcknowledge,
          response: { 200: AssignmentsAcknowledged, ...errors },
        },
      },
      async (request) => ({
        acknowledged: await acknowledgeAssignments(db, request.body, request.actor as Actor, changeContext(request)),
      }),
    );

    app.post(
      "/assignments/:id/acknowledge",
      {
        // 签收 binds the unit: its manager's, not every 经办人's
        config: { access: { ability: "assignments.acknowledge" } },
        schema: {
          tags,
          summary: "签收任务(本单位管理员；须带 version)",
          params: IdParams,
          body: AssignmentAcknowledge,
          response: { 200: Assignment, ...errors },
        },
      },
      async (request) =>
        acknowledgeAssignment(
          db,
          request.params.id,
          request.body.version,
          request.actor as Actor,
          changeContext(request),
          signalDay(deps),
        ),
    );
  };
