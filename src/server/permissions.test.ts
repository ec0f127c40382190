/**
 * Who may call what: every role against every route of the API, through HTTP. A route added to the API
 * without a row here fails the coverage test at the bottom.
 */
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.js";
import { deliveries, notifications, officeSettings } from "./db/schema.js";
import {
  createPlan,
  createReport,
  createUnit,
  createUser,
  importFile,
  multipartFile,
  multipartForm,
  publishedPlan,
  STRONG_PASSWORD,
  TINY_PDF,
  unique,
  unitByName,
} from "./test/factories.js";
import { buildTestApp, DEMO_PASSWORD, type TestApp } from "./test/helper.js";

type Caller = "admin" | "coordinator" | "leader" | "unit_manager" | "unit_staff" | "anonymous";
const CALLERS: Caller[] = ["admin", "coordinator", "leader", "unit_manager", "unit_staff", "anonymous"];
const SIGNED_IN = CALLERS.filter((c) => c !== "anonymous");

let t: TestApp;
let admin: string;
let staffUsername: string;
let coordinator: string;
let townshipId: number;
const cookies = new Map<Caller, string | undefined>();

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login("admin");
  const township = (await t.request({ method: "GET", url: "/api/auth/me", cookie: await t.login("township") })).json();
  townshipId = township.unit.id;
  coordinator = await t.login("coordinator");
  staffUsername = (await createUser(t, admin, { roles: ["unit_staff"], unitId: township.unit.id })).username;
  const usernames: Record<Exclude<Caller, "anonymous">, string> = {
    admin: "admin",
    coordinator: "coordinator",
    leader: "leader",
    unit_manager: "township",
    unit_staff: staffUsername,
  };
  for (const caller of SIGNED_IN) {
    const username = usernames[caller as Exclude<Caller, "anonymous">];
    cookies.set(caller, await t.login(username, caller === "unit_staff" ? STRONG_PASSWORD : DEMO_PASSWORD));
  }
  cookies.set("anonymous", undefined);
});
afterAll(() => t.close());

interface RouteCase {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** the path as the OpenAPI document names it */
  path: string;
  /** who gets the success status; everyone else signed in gets 403, anonymous 401 */
  allowed: Caller[];
  success: number;
  /** allowed by role, refused for the record: the status each of these callers gets instead */
  refused?: Partial<Record<Caller, number>>;
  /** builds the request, making whatever record it needs first; runs once per caller */
  request: (caller: Caller) => Promise<InjectOptions & { cookie?: string }>;
}

const readers = SIGNED_IN;
const managers: Caller[] = ["admin", "coordinator"];
const planReaders: Caller[] = ["admin", "coordinator", "leader"];
const everyone = CALLERS;

const newUnit = () => createUnit(t, admin);
const newGroup = async () =>
  (
    await t.request({
      method: "POST",
      url: "/api/unit-groups",
      payload: { name: unique("测试分组"), unitTypes: ["court"] },
      cookie: admin,
    })
  ).json();

const TINY_PLAN = "一、总体要求\n1. 推进依法行政。(牵头单位:区司法局;责任单位:各乡镇;完成时限:2026年6月底前)\n";
const newPlan = () => createPlan(t, coordinator, [townshipId]);
const planPath =
  (rest = "") =>
  async () =>
    `/api/plans/${(await newPlan()).id}${rest}`;
/** A request about the one task of a new plan. */
const onTask =
  (build: (planId: number, task: { id: number; version: number }) => InjectOptions) =>
  async (): Promise<InjectOptions> => {
    const plan = await newPlan();
    return build(plan.id, plan.tasks[0]);
  };
const townshipAssignment = async () => (await publishedPlan(t, coordinator, [townshipId])).assignments[0];
const townshipReport = async (submit: boolean) =>
  createReport(t, cookies.get("unit_manager") as string, (await townshipAssignment()).id, { submit });
const onReport =
  (submit: boolean, build: (report: { id: number; version: number }) => InjectOptions) =>
  async (): Promise<InjectOptions> =>
    build(await townshipReport(submit));
const townshipExtension = async () => {
  const assignment = await townshipAssignment();
  const response = await t.request({
    method: "POST",
    url: `/api/assignments/${assignment.id}/extension-requests`,
    cookie: cookies.get("unit_manager"),
    payload: { requestedDueOn: "2030-12-31", reason: "等待上级部署" },
  });
  return response.json<{ id: number; version: number }>();
};
/** A supervision order to the township, drafted by hand; issued when asked (a unit sees only what was issued to it). */
const townshipOrder = async (issued: boolean) => {
  const { assignments } = await publishedPlan(t, coordinator, [townshipId], {
    deadlines: [{ text: "2030年底前", kind: "date", due: "2030-12-31" }],
  });
  const draft = await t.request({
    method: "POST",
    url: "/api/supervision-orders",
    cookie: coordinator,
    payload: { assignmentId: assignments[0].id, period: "完成时限" },
  });
  const order = draft.json<{ id: number; version: number }>();
  if (!issued) return order;
  const issue = await t.request({
    method: "POST",
    url: `/api/supervision-orders/${order.id}/issue`,
    cookie: coordinator,
    payload: { version: order.version },
  });
  return issue.json<{ id: number; version: number }>();
};
/** A bulletin on a plan of the township's (2026, reported quarterly); published when asked (units read only those). */
const townshipBulletin = async (published: boolean) => {
  const { plan } = await publishedPlan(t, coordinator, [townshipId]);
  const draft = await t.request({
    method: "POST",
    url: "/api/bulletins",
    cookie: coordinator,
    payload: { planId: plan.id, periodStart: "2026-01-01", periodEnd: "2026-12-31" },
  });
  const bulletin = draft.json<{ id: number; version: number }>();
  if (!published) return bulletin;
  const publish = await t.request({
    method: "POST",
    url: `/api/bulletins/${bulletin.id}/publish`,
    cookie: coordinator,
    payload: { version: bulletin.version },
  });
  return publish.json<{ id: number; version: number }>();
};
/** Drafts are the office's and the leaders' to read: to a unit's people they do not exist. */
const unitsReadPublishedOnly = { unit_manager: 404, unit_staff: 404 } as const;
/** A robot at an address where nothing listens (the discard port), made by the admin. */
const robotPayload = () => ({
  kind: "wecom",
  name: unique("权限机器人"),
  url: "http://127.0.0.1:9/webhook/send?key=k",
});
const newRobot = async () =>
  (await t.request({ method: "POST", url: "/api/channels", payload: robotPayload(), cookie: admin })).json<{
    id: number;
    version: number;
  }>();
/** Allowed by role, refused for the record: only the township's own people write its reports. */
const notTheirUnit = { admin: 403, coordinator: 403, leader: 403 } as const;
/** A draft is its unit's own until submitted: to anyone else it does not exist. */
const anotherUnitsDraft = { admin: 404, coordinator: 404, leader: 404 } as const;
/** Who writes reports (reports.write): a unit's manager and staff, and the office for its own unit (区司法局). */
const writers: Caller[] = ["coordinator", "unit_manager", "unit_staff"];
/** Who binds the unit (签收, 申请延期): its manager, and the office for its own unit. */
const unitManagers: Caller[] = ["coordinator", "unit_manager"];

const ROUTES: RouteCase[] = [
  {
    method: "GET",
    path: "/api/health",
    allowed: everyone,
    success: 200,
    request: async () => ({ url: "/api/health" }),
  },
  {
    method: "POST",
    path: "/api/auth/login",
    allowed: everyone,
    success: 200,
    request: async () => ({ url: "/api/auth/login", payload: { username: "leader", password: DEMO_PASSWORD } }),
  },
  {
    method: "POST",
    path: "/api/auth/logout",
    allowed: everyone,
    success: 204,
    // a session of its own: logging out must not end the caller's session used by the other rows
    request: async (caller) => ({
      url: "/api/auth/logout",
      cookie: caller === "anonymous" ? undefined : await t.login(caller === "admin" ? "admin" : "leader"),
    }),
  },
  {
    method: "GET",
    path: "/api/auth/me",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/auth/me" }),
  },
  {
    method: "POST",
    path: "/api/auth/password",
    allowed: readers,
    // a wrong current password: the call is allowed, and nothing changes
    success: 400,
    request: async () => ({
      url: "/api/auth/password",
      payload: { currentPassword: "Not-the-password-1", newPassword: "Another-pass-2" },
    }),
  },
  { method: "GET", path: "/api/units", allowed: readers, success: 200, request: async () => ({ url: "/api/units" }) },
  {
    method: "GET",
    path: "/api/units/export.xlsx",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/units/export.xlsx?type=township" }),
  },
  {
    method: "POST",
    path: "/api/units",
    allowed: managers,
    success: 201,
    request: async () => ({ url: "/api/units", payload: { name: unique("权限单位"), type: "other" } }),
  },
  {
    method: "GET",
    path: "/api/units/{id}",
    allowed: readers,
    success: 200,
    request: async () => ({ url: `/api/units/${(await newUnit()).id}` }),
  },
  {
    method: "PATCH",
    path: "/api/units/{id}",
    allowed: managers,
    success: 200,
    request: async () => {
      const unit = await newUnit();
      return { url: `/api/units/${unit.id}`, payload: { version: unit.version, sortOrder: 5 } };
    },
  },
  {
    method: "DELETE",
    path: "/api/units/{id}",
    allowed: managers,
    success: 200,
    request: async () => {
      const unit = await newUnit();
      return { url: `/api/units/${unit.id}?version=${unit.version}` };
    },
  },
  {
    method: "POST",
    path: "/api/units/resolve",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/units/resolve", payload: { phrases: ["各乡镇", "区司法局"] } }),
  },
  {
    method: "GET",
    path: "/api/unit-groups",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/unit-groups" }),
  },
  {
    method: "POST",
    path: "/api/unit-groups",
    allowed: managers,
    success: 201,
    request: async () => ({ url: "/api/unit-groups", payload: { name: unique("权限分组"), unitTypes: ["court"] } }),
  },
  {
    method: "PATCH",
    path: "/api/unit-groups/{id}",
    allowed: managers,
    success: 200,
    request: async () => {
      const group = await newGroup();
      return { url: `/api/unit-groups/${group.id}`, payload: { version: group.version, unitTypes: ["procuratorate"] } };
    },
  },
  { method: "GET", path: "/api/users", allowed: ["admin"], success: 200, request: async () => ({ url: "/api/users" }) },
  {
    method: "GET",
    path: "/api/users/export.xlsx",
    allowed: ["admin"],
    success: 200,
    request: async () => ({ url: "/api/users/export.xlsx?q=unit0" }),
  },
  {
    method: "POST",
    path: "/api/users",
    allowed: ["admin"],
    success: 201,
    request: async () => ({
      url: "/api/users",
      payload: { username: unique("perm"), displayName: "权限测试", roles: ["leader"], password: STRONG_PASSWORD },
    }),
  },
  {
    method: "GET",
    path: "/api/users/{id}",
    allowed: ["admin"],
    success: 200,
    request: async () => ({ url: `/api/users/${(await createUser(t, admin)).id}` }),
  },
  {
    method: "PATCH",
    path: "/api/users/{id}",
    allowed: ["admin"],
    success: 200,
    request: async () => {
      const user = await createUser(t, admin);
      return { url: `/api/users/${user.id}`, payload: { version: user.version, displayName: "改名" } };
    },
  },
  { method: "GET", path: "/api/audit", allowed: managers, success: 200, request: async () => ({ url: "/api/audit" }) },
  {
    method: "GET",
    path: "/api/audit/export.xlsx",
    allowed: managers,
    success: 200,
    request: async () => ({ url: "/api/audit/export.xlsx?action=auth.login" }),
  },
  {
    method: "GET",
    path: "/api/audit/actors",
    allowed: managers,
    success: 200,
    request: async () => ({ url: "/api/audit/actors" }),
  },
  {
    method: "POST",
    path: "/api/plans/import",
    allowed: managers,
    success: 201,
    request: async () => ({ url: "/api/plans/import", ...multipartFile("方案.txt", TINY_PLAN) }),
  },
  {
    method: "GET",
    path: "/api/plans/import-progress/{importId}",
    allowed: managers,
    // the caller's own import, under the id its upload sent; another user's is not found (import-progress.test.ts)
    success: 200,
    request: async (caller) => {
      const importId = `perm-${caller}-${unique("id").replace(/\W/g, "")}`.slice(0, 64);
      const form = multipartFile("方案.txt", TINY_PLAN);
      await t.request({
        method: "POST",
        url: "/api/plans/import",
        cookie: cookies.get(caller),
        payload: form.payload,
        headers: { ...form.headers, "x-import-id": importId },
      });
      return { url: `/api/plans/import-progress/${importId}` };
    },
  },
  {
    method: "GET",
    path: "/api/plans",
    allowed: planReaders,
    success: 200,
    request: async () => ({ url: "/api/plans" }),
  },
  {
    method: "POST",
    path: "/api/plans",
    allowed: managers,
    success: 201,
    request: async () => ({ url: "/api/plans", payload: { title: unique("权限方案"), year: 2026 } }),
  },
  {
    method: "GET",
    path: "/api/plans/{id}",
    allowed: planReaders,
    success: 200,
    request: async () => ({ url: await planPath()() }),
  },
  {
    method: "PATCH",
    path: "/api/plans/{id}",
    allowed: managers,
    success: 200,
    request: async () => {
      const plan = await newPlan();
      return { url: `/api/plans/${plan.id}`, payload: { version: plan.version, issuer: "区政府办公室" } };
    },
  },
  {
    method: "GET",
    path: "/api/plans/{id}/file",
    allowed: planReaders,
    // a plan made by hand has no file: the caller may ask, and is told so
    success: 404,
    request: async () => ({ url: await planPath("/file")() }),
  },
  {
    method: "GET",
    path: "/api/plans/{id}/export.xlsx",
    allowed: planReaders,
    success: 200,
    request: async () => ({ url: await planPath("/export.xlsx")() }),
  },
  {
    method: "POST",
    path: "/api/plans/{id}/publish",
    allowed: managers,
    success: 200,
    request: async () => {
      const plan = await newPlan();
      return { url: `/api/plans/${plan.id}/publish`, payload: { version: plan.version } };
    },
  },
  {
    method: "DELETE",
    path: "/api/plans/{id}",
    allowed: managers,
    success: 204,
    request: async () => {
      const plan = await newPlan();
      return { url: `/api/plans/${plan.id}?version=${plan.version}` };
    },
  },
  {
    method: "POST",
    path: "/api/plans/{id}/reparse",
    allowed: managers,
    success: 200,
    request: async () => {
      const plan = (await importFile(t, coordinator, "方案.txt", TINY_PLAN)).json<{ id: number; version: number }>();
      return { url: `/api/plans/${plan.id}/reparse`, payload: { version: plan.version } };
    },
  },
  {
    method: "POST",
    path: "/api/plans/{id}/phrases/map",
    allowed: managers,
    // the phrase is not waiting for a unit: allowed, and answered that it is not there
    success: 404,
    request: async () => ({
      url: await planPath("/phrases/map")(),
      payload: { phrase: "不存在的表述", unitId: (await unitByName(t, "区司法局")).id },
    }),
  },
  {
    method: "POST",
    path: "/api/plans/{id}/phrases/dismiss",
    allowed: managers,
    success: 404,
    request: async () => ({ url: await planPath("/phrases/dismiss")(), payload: { phrase: "不存在", reason: "无" } }),
  },
  {
    method: "POST",
    path: "/api/plans/{id}/tasks",
    allowed: managers,
    success: 201,
    request: async () => ({ url: await planPath("/tasks")(), payload: { number: "2", text: "新增任务" } }),
  },
  {
    method: "PATCH",
    path: "/api/plans/{id}/tasks/{taskId}",
    allowed: managers,
    success: 200,
    request: onTask((plan, task) => ({
      url: `/api/plans/${plan}/tasks/${task.id}`,
      payload: { version: task.version, text: "改写" },
    })),
  },
  {
    method: "DELETE",
    path: "/api/plans/{id}/tasks/{taskId}",
    allowed: managers,
    success: 200,
    request: onTask((plan, task) => ({ url: `/api/plans/${plan}/tasks/${task.id}?version=${task.version}` })),
  },
  {
    method: "POST",
    path: "/api/plans/{id}/tasks/{taskId}/split",
    allowed: managers,
    success: 200,
    request: onTask((plan, task) => ({
      url: `/api/plans/${plan}/tasks/${task.id}/split`,
      payload: { version: task.version, at: 3 },
    })),
  },
  {
    method: "POST",
    path: "/api/plans/{id}/tasks/{taskId}/merge",
    allowed: managers,
    // merging a task with itself is refused: allowed, and told why
    success: 400,
    request: onTask((plan, task) => ({
      url: `/api/plans/${plan}/tasks/${task.id}/merge`,
      payload: { version: task.version, nextTaskId: task.id, nextVersion: task.version },
    })),
  },
  {
    method: "GET",
    path: "/api/assignments",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/assignments?mine=true" }),
  },
  {
    method: "GET",
    path: "/api/assignments/{id}",
    allowed: readers,
    success: 200,
    request: async () => ({ url: `/api/assignments/${(await townshipAssignment()).id}` }),
  },
  {
    method: "GET",
    path: "/api/assignments/export.xlsx",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/assignments/export.xlsx?mine=true" }),
  },
  {
    method: "GET",
    path: "/api/assignments/{id}/units",
    allowed: readers,
    success: 200,
    request: async () => ({ url: `/api/assignments/${(await townshipAssignment()).id}/units` }),
  },
  {
    method: "POST",
    path: "/api/assignments/{id}/acknowledge",
    allowed: unitManagers,
    success: 200,
    // only the unit's own manager acknowledges: the coordinator signs for 区司法局, not for the township
    refused: { coordinator: 403 },
    request: async () => {
      const assignment = await townshipAssignment();
      return { url: `/api/assignments/${assignment.id}/acknowledge`, payload: { version: assignment.version } };
    },
  },
  {
    method: "POST",
    path: "/api/assignments/acknowledge",
    allowed: unitManagers,
    success: 200,
    // the township's assignments, not the coordinator's unit's: refused as not its own
    refused: { coordinator: 404 },
    request: async () => {
      const assignment = await townshipAssignment();
      return {
        url: "/api/assignments/acknowledge",
        payload: { items: [{ id: assignment.id, version: assignment.version }] },
      };
    },
  },
  {
    method: "POST",
    path: "/api/assignments/{id}/reports",
    allowed: writers,
    success: 201,
    refused: notTheirUnit,
    request: async () => {
      const form = multipartForm({ text: "本季度工作进展", submit: "false" });
      return { url: `/api/assignments/${(await townshipAssignment()).id}/reports`, ...form };
    },
  },
  {
    method: "GET",
    path: "/api/assignments/{id}/reports",
    allowed: readers,
    success: 200,
    request: async () => ({ url: `/api/assignments/${(await townshipAssignment()).id}/reports` }),
  },
  {
    method: "GET",
    path: "/api/reports/{id}",
    allowed: readers,
    success: 200,
    request: onReport(true, (report) => ({ url: `/api/reports/${report.id}` })),
  },
  {
    method: "PATCH",
    path: "/api/reports/{id}",
    allowed: writers,
    success: 200,
    refused: anotherUnitsDraft,
    request: onReport(false, (report) => ({
      url: `/api/reports/${report.id}`,
      payload: { version: report.version, text: "改" },
    })),
  },
  {
    method: "POST",
    path: "/api/reports/{id}/files",
    allowed: writers,
    success: 200,
    refused: anotherUnitsDraft,
    request: onReport(false, (report) => ({
      url: `/api/reports/${report.id}/files`,
      ...multipartForm({}, [{ filename: "照片.pdf", content: TINY_PDF }]),
    })),
  },
  {
    method: "POST",
    path: "/api/reports/{id}/submit",
    allowed: writers,
    success: 200,
    // staff submit once the manager has signed: this assignment is not signed yet (rights.test.ts)
    refused: { ...anotherUnitsDraft, unit_staff: 409 },
    request: onReport(false, (report) => ({
      url: `/api/reports/${report.id}/submit`,
      payload: { version: report.version },
    })),
  },
  {
    method: "POST",
    path: "/api/reports/{id}/withdraw",
    allowed: writers,
    success: 200,
    // the manager submitted it: its staff withdraw only their own submissions
    refused: { ...notTheirUnit, unit_staff: 403 },
    request: onReport(true, (report) => ({
      url: `/api/reports/${report.id}/withdraw`,
      payload: { version: report.version },
    })),
  },
  {
    method: "POST",
    path: "/api/reports/{id}/review",
    allowed: ["admin", "coordinator", "unit_manager"],
    success: 200,
    // the township leads its own task: its report goes to the coordinating office, never to its own unit
    refused: { unit_manager: 403 },
    request: onReport(true, (report) => ({
      url: `/api/reports/${report.id}/review`,
      payload: { decision: "accept", version: report.version },
    })),
  },
  {
    method: "POST",
    path: "/api/reports/{id}/comments",
    // the leader reads only
    allowed: ["admin", "coordinator", "unit_manager", "unit_staff"],
    success: 201,
    request: onReport(true, (report) => ({ url: `/api/reports/${report.id}/comments`, payload: { text: "收到" } })),
  },
  {
    method: "GET",
    path: "/api/files/{token}",
    allowed: readers,
    success: 200,
    request: async () => ({ url: `/api/files/${(await townshipReport(true)).files[0].token}` }),
  },
  {
    method: "POST",
    path: "/api/assignments/{id}/extension-requests",
    allowed: unitManagers,
    success: 201,
    refused: { coordinator: 403 },
    request: async () => ({
      url: `/api/assignments/${(await townshipAssignment()).id}/extension-requests`,
      payload: { requestedDueOn: "2030-12-31", reason: "等待上级部署" },
    }),
  },
  {
    method: "GET",
    path: "/api/extension-requests",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/extension-requests?status=pending" }),
  },
  {
    method: "POST",
    path: "/api/extension-requests/{id}/decide",
    allowed: managers,
    success: 200,
    request: async () => {
      const asked = await townshipExtension();
      return { url: `/api/extension-requests/${asked.id}/decide`, payload: { approve: true, version: asked.version } };
    },
  },
  {
    method: "GET",
    path: "/api/notifications",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/notifications?unread=true" }),
  },
  {
    method: "POST",
    path: "/api/notifications/{id}/read",
    allowed: readers,
    success: 200,
    // a notification of the caller's own, as the jobs send them
    request: async (caller) => {
      const me = await t.request({ method: "GET", url: "/api/auth/me", cookie: cookies.get(caller) });
      const userId = me.statusCode === 200 ? me.json().user.id : (await createUser(t, admin)).id;
      const [row] = await t.database.db
        .insert(notifications)
        .values({ userId, kind: "reminder", title: "到期提醒", body: "请按时报送" })
        .returning();
      return { url: `/api/notifications/${row.id}/read`, payload: {} };
    },
  },
  {
    method: "POST",
    path: "/api/notifications/read-all",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/notifications/read-all", payload: {} }),
  },
  {
    method: "GET",
    path: "/api/supervision-orders",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/supervision-orders?status=issued" }),
  },
  {
    method: "GET",
    path: "/api/supervision-orders/export.xlsx",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/supervision-orders/export.xlsx?status=issued" }),
  },
  {
    method: "GET",
    path: "/api/supervision-orders/summary",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/supervision-orders/summary" }),
  },
  {
    method: "GET",
    path: "/api/supervision-orders/summary.xlsx",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/supervision-orders/summary.xlsx" }),
  },
  {
    method: "POST",
    path: "/api/supervision-orders/issue",
    allowed: managers,
    success: 200,
    request: async () => {
      const { id, version } = await townshipOrder(false);
      return { url: "/api/supervision-orders/issue", payload: { items: [{ id, version }] } };
    },
  },
  {
    method: "POST",
    path: "/api/supervision-orders/cancel",
    allowed: managers,
    success: 200,
    request: async () => {
      const { id, version } = await townshipOrder(false);
      return { url: "/api/supervision-orders/cancel", payload: { items: [{ id, version }], reason: "情况已说明" } };
    },
  },
  {
    method: "POST",
    path: "/api/supervision-orders",
    allowed: managers,
    success: 201,
    request: async () => {
      const { assignments } = await publishedPlan(t, coordinator, [townshipId]);
      const period = (
        await t.request({ method: "GET", url: `/api/assignments/${assignments[0].id}`, cookie: coordinator })
      ).json().dueDates[0].label;
      return { url: "/api/supervision-orders", payload: { assignmentId: assignments[0].id, period } };
    },
  },
  {
    method: "GET",
    path: "/api/supervision-orders/{id}",
    allowed: readers,
    success: 200,
    request: async () => ({ url: `/api/supervision-orders/${(await townshipOrder(true)).id}` }),
  },
  {
    method: "GET",
    path: "/api/supervision-orders/{id}.docx",
    allowed: readers,
    success: 200,
    request: async () => ({ url: `/api/supervision-orders/${(await townshipOrder(true)).id}.docx` }),
  },
  {
    method: "PATCH",
    path: "/api/supervision-orders/{id}",
    allowed: managers,
    success: 200,
    request: async () => {
      const order = await townshipOrder(false);
      return { url: `/api/supervision-orders/${order.id}`, payload: { version: order.version, level: "yellow" } };
    },
  },
  {
    method: "POST",
    path: "/api/supervision-orders/{id}/issue",
    allowed: managers,
    success: 200,
    request: async () => {
      const order = await townshipOrder(false);
      return { url: `/api/supervision-orders/${order.id}/issue`, payload: { version: order.version } };
    },
  },
  {
    method: "POST",
    path: "/api/supervision-orders/{id}/cancel",
    allowed: managers,
    success: 200,
    request: async () => {
      const order = await townshipOrder(true);
      return {
        url: `/api/supervision-orders/${order.id}/cancel`,
        payload: { version: order.version, reason: "情况已说明" },
      };
    },
  },
  {
    method: "GET",
    path: "/api/bulletins",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/bulletins" }),
  },
  {
    method: "GET",
    path: "/api/bulletins/export.xlsx",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/bulletins/export.xlsx" }),
  },
  {
    method: "POST",
    path: "/api/bulletins",
    allowed: managers,
    success: 201,
    request: async () => {
      const { plan } = await publishedPlan(t, coordinator, [townshipId]);
      return {
        url: "/api/bulletins",
        payload: { planId: plan.id, periodStart: "2026-07-01", periodEnd: "2026-09-30" },
      };
    },
  },
  {
    method: "GET",
    path: "/api/bulletins/{id}",
    allowed: readers,
    success: 200,
    refused: unitsReadPublishedOnly,
    request: async () => ({ url: `/api/bulletins/${(await townshipBulletin(false)).id}` }),
  },
  {
    method: "GET",
    path: "/api/bulletins/{id}.docx",
    allowed: readers,
    success: 200,
    request: async () => ({ url: `/api/bulletins/${(await townshipBulletin(true)).id}.docx` }),
  },
  {
    method: "PATCH",
    path: "/api/bulletins/{id}",
    allowed: managers,
    success: 200,
    request: async () => {
      const bulletin = await townshipBulletin(false);
      return {
        url: `/api/bulletins/${bulletin.id}`,
        payload: { version: bulletin.version, title: "关于任务落实情况的通报" },
      };
    },
  },
  {
    method: "POST",
    path: "/api/bulletins/{id}/publish",
    allowed: managers,
    success: 200,
    request: async () => {
      const bulletin = await townshipBulletin(false);
      return { url: `/api/bulletins/${bulletin.id}/publish`, payload: { version: bulletin.version } };
    },
  },
  {
    method: "POST",
    path: "/api/jobs/run",
    allowed: ["admin"],
    success: 200,
    request: async () => ({ url: "/api/jobs/run", payload: {} }),
  },
  {
    method: "GET",
    path: "/api/backup",
    allowed: ["admin"],
    success: 200,
    request: async () => ({ url: "/api/backup" }),
  },
  {
    method: "GET",
    path: "/api/channels",
    allowed: ["admin"],
    success: 200,
    request: async () => ({ url: "/api/channels" }),
  },
  {
    method: "POST",
    path: "/api/channels",
    allowed: ["admin"],
    success: 201,
    request: async () => ({ url: "/api/channels", payload: robotPayload() }),
  },
  {
    method: "GET",
    path: "/api/channels/{id}",
    allowed: ["admin"],
    success: 200,
    request: async () => ({ url: `/api/channels/${(await newRobot()).id}` }),
  },
  {
    method: "PATCH",
    path: "/api/channels/{id}",
    allowed: ["admin"],
    success: 200,
    request: async () => {
      const robot = await newRobot();
      return { url: `/api/channels/${robot.id}`, payload: { version: robot.version, enabled: false } };
    },
  },
  {
    method: "POST",
    path: "/api/channels/{id}/test",
    allowed: ["admin"],
    // nothing listens at the robot's address: the test is made, and its answer says it failed
    success: 200,
    request: async () => ({ url: `/api/channels/${(await newRobot()).id}/test`, payload: {} }),
  },
  {
    method: "GET",
    path: "/api/deliveries",
    allowed: ["admin"],
    success: 200,
    request: async () => ({ url: "/api/deliveries?status=failed" }),
  },
  {
    method: "POST",
    path: "/api/deliveries/{id}/retry",
    allowed: ["admin"],
    success: 200,
    request: async () => {
      const [row] = await t.database.db
        .insert(deliveries)
        .values({ channel: "email", address: "a@example.gov.cn", subject: "催办", body: "正文", status: "failed" })
        .returning();
      return { url: `/api/deliveries/${row.id}/retry`, payload: {} };
    },
  },
  {
    method: "GET",
    path: "/api/settings",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/settings" }),
  },
  {
    method: "GET",
    path: "/api/reports",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/reports?status=submitted" }),
  },
  {
    method: "GET",
    path: "/api/reports/export.xlsx",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/reports/export.xlsx?toReview=true" }),
  },
  {
    method: "GET",
    path: "/api/notification-preferences",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/notification-preferences" }),
  },
  {
    method: "PATCH",
    path: "/api/notification-preferences",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/notification-preferences", payload: { kind: "bulletin", channel: "app" } }),
  },
  {
    method: "GET",
    path: "/api/settings/office",
    allowed: managers,
    success: 200,
    request: async () => ({ url: "/api/settings/office" }),
  },
  {
    method: "PATCH",
    path: "/api/settings/office",
    allowed: managers,
    success: 200,
    request: async () => {
      const [row] = await t.database.db.select().from(officeSettings);
      return { url: "/api/settings/office", payload: { version: row?.version ?? 1, contactName: "张明" } };
    },
  },
  {
    method: "GET",
    path: "/api/inbox",
    allowed: readers,
    success: 200,
    request: async () => ({ url: "/api/inbox" }),
  },
  {
    method: "GET",
    path: "/api/plans/{id}/progress",
    allowed: planReaders,
    success: 200,
    request: async () => ({ url: `/api/plans/${(await townshipAssignment()).planId}/progress` }),
  },
  {
    method: "GET",
    path: "/api/dashboard",
    // every signed-in user: the office and the leaders see all units, a unit's people their own
    allowed: readers,
    success: 200,
    request: async () => ({ url: `/api/dashboard?planId=${(await townshipAssignment()).planId}&year=2026` }),
  },
];

describe.each(ROUTES)("$method $path", (route) => {
  it.each(CALLERS)("as %s", async (caller) => {
    const options = await route.request(caller);
    const response = await t.request({ method: route.method, cookie: cookies.get(caller), ...options });
    const allowed = route.allowed.includes(caller);
    const expected = allowed ? (route.refused?.[caller] ?? route.success) : caller === "anonymous" ? 401 : 403;
    expect(response.statusCode, response.body).toBe(expected);
    if (expected === 401) expect(response.json().error.code).toBe("unauthenticated");
    if (expected === 403 && !allowed)
      expect(response.json().error).toEqual({ code: "forbidden", message: "您没有执行此操作的权限" });
  });
});

describe("the route table", () => {
  it("covers every route of the API document", async () => {
    const doc = (await t.request({ method: "GET", url: "/api/openapi.json" })).json();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => m !== "head")
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });
});

describe("declared access", () => {
  const appOnTheTestDatabase = () => buildApp(t.database, t.config);

  it("refuses to start when an /api route does not declare who may call it, in whatever plugin", async () => {
    const app = await appOnTheTestDatabase();
    app.register(async (feature) => feature.get("/undeclared", async () => ({ ok: true })), { prefix: "/api" });
    await expect(app.ready()).rejects.toThrow(/config\.access/);
    await app.close();
  });

  it("checks the access of an /api route registered outside the API plugin", async () => {
    const app = await appOnTheTestDatabase();
    await app.register(
      async (feature) =>
        feature.get("/managers-only", { config: { access: { ability: "units.manage" } } }, async () => "ok"),
      { prefix: "/api" },
    );
    await app.ready();
    expect((await app.inject({ method: "GET", url: "/api/managers-only" })).statusCode).toBe(401);
    const leader = await app.inject({
      method: "GET",
      url: "/api/managers-only",
      headers: { cookie: cookies.get("leader") },
    });
    expect(leader.statusCode).toBe(403);
    await app.close();
  });

  it("answers an unexpected failure with 500 and no internals", async () => {
    const app = await appOnTheTestDatabase();
    await app.register(
      async (feature) =>
        feature.get("/boom", { config: { access: "public" } }, async () => {
          throw new Error("secret detail: connection string postgres://x:y@db");
        }),
      { prefix: "/api" },
    );
    const response = await app.inject({ method: "GET", url: "/api/boom" });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: "internal", message: expect.stringMatching(/服务器内部错误/) } });
    expect(response.body).not.toMatch(/secret|postgres|at .*\.ts/);
    await app.close();
  });
});
