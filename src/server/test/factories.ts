/**
 * Factories for the records a test needs, made through the API so that they pass the same rules as real
 * ones. Names carry a counter, so tests in one file never collide.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { and, count, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { seedPath } from "../../core/parser/eval/seeds.js";
import type { Deadline } from "../../core/parser/types.js";
import type {
  Assignment,
  JobRun,
  PlanDetail,
  ReportDetail,
  Unit,
  UnitCreate,
  User,
  UserCreate,
} from "../../shared/api.js";
import type { TaskUnitRole } from "../../shared/domain.js";
import { auditEvents, units } from "../db/schema.js";
import type { TestApp } from "./helper.js";

let sequence = 0;
/** A name no other record of this test run has. */
export const unique = (prefix: string) => `${prefix}${++sequence}${Date.now().toString(36).slice(-4)}`;

export const STRONG_PASSWORD = "Strong-pass-123";

function expectCreated<T>(response: LightMyRequestResponse, what: string): T {
  if (response.statusCode !== 201) throw new Error(`creating ${what} failed: ${response.statusCode} ${response.body}`);
  return response.json<T>();
}

export async function createUnit(t: TestApp, admin: string, overrides: Partial<UnitCreate> = {}): Promise<Unit> {
  const payload: UnitCreate = { name: unique("测试单位"), type: "department", ...overrides };
  const response = await t.request({ method: "POST", url: "/api/units", payload, cookie: admin });
  return expectCreated<Unit>(response, `unit ${payload.name}`);
}

export async function createUser(t: TestApp, admin: string, overrides: Partial<UserCreate> = {}): Promise<User> {
  const payload: UserCreate = {
    username: unique("user"),
    displayName: "测试用户",
    roles: ["leader"],
    password: STRONG_PASSWORD,
    ...overrides,
  };
  const response = await t.request({ method: "POST", url: "/api/users", payload, cookie: admin });
  return expectCreated<User>(response, `user ${payload.username}`);
}

/** A user with the given roles who is signed in: the user record and the session cookie. */
export async function signedInUser(
  t: TestApp,
  admin: string,
  overrides: Partial<UserCreate> = {},
): Promise<{ user: User; cookie: string }> {
  const user = await createUser(t, admin, overrides);
  return { user, cookie: await t.login(user.username, overrides.password ?? STRONG_PASSWORD) };
}

export async function unitByName(t: TestApp, name: string) {
  const [row] = await t.database.db.select().from(units).where(eq(units.name, name));
  if (!row) throw new Error(`no unit named ${name}`);
  return row;
}

/** How many audit events there are for one entity (and action, when given). */
/** Runs the due jobs (POST /api/jobs/run) as an administrator, as at a moment of China time: "2026-07-01T09:00:00". */
export async function runJobsAt(t: TestApp, adminCookie: string, chinaTime: string): Promise<JobRun> {
  const response = await t.request({
    method: "POST",
    url: "/api/jobs/run",
    cookie: adminCookie,
    payload: { now: new Date(`${chinaTime}+08:00`).toISOString() },
  });
  if (response.statusCode !== 200) throw new Error(`jobs run failed: ${response.statusCode} ${response.body}`);
  return response.json();
}

export async function auditCount(t: TestApp, entityType: string, entityId: number | string, action?: string) {
  const [{ n }] = await t.database.db
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, entityType),
        eq(auditEvents.entityId, String(entityId)),
        action ? eq(auditEvents.action, action) : undefined,
      ),
    );
  return n;
}

export interface FormFile {
  filename: string;
  content: Buffer | string;
  field?: string;
}

/** A multipart/form-data body of text fields and files, as a browser's form sends it. */
export function multipartForm(fields: Record<string, string>, files: FormFile[] = []) {
  const boundary = `----fazhi${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? "files"}"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    parts.push(Buffer.from(head), Buffer.from(file.content), Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** A multipart/form-data body with one file in the field `file`, as a browser's upload sends it. */
export function multipartFile(filename: string, content: Buffer | string, field = "file") {
  return multipartForm({}, [{ filename, content, field }]);
}

/** The smallest PDF that readers open: what a scanned 台账 page is, for the evidence tests. */
export const TINY_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** Writes a progress report on an assignment through the API (multipart), as the holder of the cookie. */
export async function postReport(
  t: TestApp,
  cookie: string,
  assignmentId: number,
  fields: Record<string, string> = {},
  files: FormFile[] = [],
  headers: Record<string, string> = {},
) {
  const form = multipartForm(fields, files);
  return t.request({
    method: "POST",
    url: `/api/assignments/${assignmentId}/reports`,
    cookie,
    payload: form.payload,
    headers: { ...form.headers, ...headers },
  });
}

/** A report on the assignment's next period, submitted (or a draft), with one PDF; the report detail. */
export async function createReport(
  t: TestApp,
  cookie: string,
  assignmentId: number,
  options: { submit?: boolean; text?: string } = {},
): Promise<ReportDetail> {
  const response = await postReport(
    t,
    cookie,
    assignmentId,
    { text: options.text ?? "已按要求完成，详见附件。", submit: String(options.submit ?? true) },
    [{ filename: "台账.pdf", content: TINY_PDF }],
  );
  return expectCreated<ReportDetail>(response, "report");
}

export async function importFile(t: TestApp, cookie: string, filename: string, content: Buffer | string) {
  return t.request({ method: "POST", url: "/api/plans/import", cookie, ...multipartFile(filename, content) });
}

/** Imports one of the seed plans ("000" … "004") as a draft. */
export async function importSeed(t: TestApp, cookie: string, id: string): Promise<PlanDetail> {
  const path = seedPath(id);
  return expectCreated<PlanDetail>(await importFile(t, cookie, basename(path), readFileSync(path)), `plan ${id}`);
}

export interface PlanOptions {
  /** the task's deadlines; 长期坚持 (reported quarterly) when not given */
  deadlines?: Deadline[];
  /**
   * 交办日期 of publishedPlan: 2025-01-01 when not given, so that the 2026 plan's periods all stand whatever the test's
   * clock (a late 交办 is tested on its own)
   */
  assignedOn?: string;
  /** each unit's role; lead for the first and responsible for the rest when not given */
  roles?: TaskUnitRole[];
  /** the plan's tasks (numbered 1, 2, …, each for the same units, with these or the options' deadlines); one when not given */
  tasks?: { title?: string; text?: string; deadlines?: Deadline[] }[];
}

/** A plan made by hand with one task (or the options' tasks) for the given units (as lead of the first, responsible for the rest). */
export async function createPlan(
  t: TestApp,
  cookie: string,
  unitIds: number[] = [],
  options: PlanOptions = {},
): Promise<PlanDetail> {
  const created = expectCreated<PlanDetail>(
    await t.request({
      method: "POST",
      url: "/api/plans",
      cookie,
      payload: { title: unique("测试方案"), year: 2026 },
    }),
    "plan",
  );
  if (unitIds.length === 0) return created;
  const units = unitIds.map((unitId, i) => ({
    unitId,
    role: options.roles?.[i] ?? (i === 0 ? "lead" : "responsible"),
    phrase: `单位${unitId}`,
    dismissedReason: null,
  }));
  const deadlines = options.deadlines ?? [{ text: "长期坚持", kind: "ongoing" }];
  let plan = created;
  for (const [i, task] of (options.tasks ?? [{}]).entries()) {
    const payload = {
      afterTaskId: plan.tasks.at(-1)?.id ?? null,
      number: String(i + 1),
      ...(task.title ? { title: task.title } : {}),
      text: task.text ?? "依法履行职责。",
      units,
      deadlines: task.deadlines ?? deadlines,
    };
    const response = await t.request({ method: "POST", url: `/api/plans/${created.id}/tasks`, cookie, payload });
    plan = expectCreated<PlanDetail>(response, "task");
  }
  return plan;
}

/** A published plan with one task for the given units, and its assignments. */
export async function publishedPlan(t: TestApp, cookie: string, unitIds: number[], options: PlanOptions = {}) {
  const plan = await createPlan(t, cookie, unitIds, options);
  const response = await t.request({
    method: "POST",
    url: `/api/plans/${plan.id}/publish`,
    cookie,
    payload: { version: plan.version, assignedOn: options.assignedOn ?? "2025-01-01" },
  });
  if (response.statusCode !== 200) throw new Error(`publishing failed: ${response.statusCode} ${response.body}`);
  const list = await t.request({ method: "GET", url: `/api/assignments?planId=${plan.id}&limit=1000`, cookie });
  return { plan: response.json<PlanDetail>(), assignments: list.json<{ items: Assignment[] }>().items };
}

/** The first sheet of an Excel answer (an export), read back as a user's spreadsheet program would. */
export async function exportedSheet(response: { rawPayload: Buffer }) {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}
