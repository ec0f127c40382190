/**
 * The one typed client for /api. Types come from the shared wire contract (src/shared/api.ts), imported as types
 * only so the TypeBox runtime never reaches the browser bundle.
 */
import type { Static } from "typebox";
import type {
  Assignment,
  AssignmentList,
  AssignmentListQuery,
  AssignmentsAcknowledged,
  AuditActorList,
  AuditList,
  AuditQuery,
  Bulletin,
  BulletinCreate,
  BulletinList,
  BulletinListQuery,
  BulletinPatch,
  ChangePasswordRequest,
  Channel,
  ChannelCreate,
  ChannelList,
  ChannelPatch,
  ChannelTestResult,
  CommentCreate,
  Dashboard,
  DashboardQuery,
  Delivery,
  DeliveryList,
  DeliveryListQuery,
  ErrorBody,
  ExtensionDecision,
  ExtensionRequest,
  ExtensionRequestCreate,
  ExtensionRequestList,
  ExtensionRequestListQuery,
  ImportProgress,
  Inbox,
  JobRun,
  LoginRequest,
  Me,
  Notification,
  NotificationList,
  NotificationListQuery,
  NotificationPreference,
  NotificationPreferences,
  OfficeSettings,
  OfficeSettingsUpdate,
  ParseChoices,
  PhraseDismiss,
  PhraseMap,
  PlanCreate,
  PlanDetail,
  PlanList,
  PlanListQuery,
  PlanPatch,
  PlanProgress,
  PlanPublish,
  PlanReparse,
  PlanReparseResult,
  ReportCreateFields,
  ReportDetail,
  ReportList,
  ReportListQuery,
  ReportPatch,
  ReportReview,
  ResolveResult,
  Settings,
  SupervisionOrder,
  SupervisionOrderCancel,
  SupervisionOrderCreate,
  SupervisionOrderList,
  SupervisionOrderListQuery,
  SupervisionOrderPatch,
  SupervisionOrdersCancel,
  SupervisionOrdersDone,
  SupervisionOrdersIssue,
  SupervisionSummary,
  SupervisionSummaryQuery,
  TaskCreate,
  TaskMerge,
  TaskPatch,
  TaskSplit,
  TaskUnitProgressList,
  Unit,
  UnitCreate,
  UnitGroup,
  UnitGroupCreate,
  UnitGroupPatch,
  UnitList,
  UnitListQuery,
  UnitPatch,
  User,
  UserCreate,
  UserList as UserListSchema,
  UserPatch,
} from "../../shared/api";

export type UserList = Static<typeof UserListSchema>;
export type UnitGroupList = { items: UnitGroup[] };

/** Shown when the server cannot be reached at all. */
export const NETWORK_ERROR_MESSAGE = "无法连接服务器，请检查网络后重试";

/** An error answered by the server (or a network failure, with status 0 and code "network_error"). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** What the failed call was: reading (a page can simply be reloaded) or changing (the user may have typed work). */
export type UnauthorizedCall = { method: string; path: string };
type UnauthorizedHandler = (call: UnauthorizedCall) => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** The auth state registers what happens when the session is gone (401 on any call but login). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler;
}

type QueryValue = string | number | boolean | undefined | null;
type RequestOptions = {
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Login answers 401 for a wrong password (and logout for an expired session): not a session to recover. */
  expectUnauthorized?: boolean;
};

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ""}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The ApiError for a failed answer: the server's coded error, or a generic one when something else answered. */
function failure(status: number, payload: unknown, call: UnauthorizedCall, expectUnauthorized = false): ApiError {
  if (status === 401 && !expectUnauthorized) onUnauthorized?.(call);
  if (isErrorBody(payload)) {
    const { code, message, details } = payload.error;
    return new ApiError(status, code, message, details);
  }
  // A proxy in front of the application may refuse a large upload before the application sees it.
  if (status === 413) return new ApiError(status, "file_too_large", "文件过大，超出了允许上传的大小");
  // A proxy or gateway answered instead of the application (502/504 while it restarts, for example).
  if (status >= 500) return new ApiError(status, "server_unavailable", "服务器暂时不可用，请稍后重试");
  return new ApiError(status, "unexpected_response", `请求失败（HTTP ${status}），请稍后重试`);
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  const init: RequestInit = { method, credentials: "same-origin", headers };
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), init);
  } catch {
    throw new ApiError(0, "network_error", NETWORK_ERROR_MESSAGE);
  }

  const payload = await readJson(response);
  if (response.ok) return payload as T;
  throw failure(response.status, payload, { method, path }, options.expectUnauthorized);
}

export type UploadOptions = {
  /** Called as the files go out, with the share sent so far (0–100). */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  /** Sent as the Idempotency-Key header: the same key for a retry of the same user action. */
  idempotencyKey?: string;
  /** Sent as the X-Import-Id header: the id to ask the import's progress by while the upload is pending. */
  importId?: string;
};

/**
 * Sends a multipart form (fields and files). XMLHttpRequest rather than fetch, because only it reports upload
 * progress; the browser sets the multipart content type with its boundary.
 */
function sendForm<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", buildUrl(path));
    xhr.setRequestHeader("Accept", "application/json");
    if (options.idempotencyKey) xhr.setRequestHeader("Idempotency-Key", options.idempotencyKey);
    if (options.importId) xhr.setRequestHeader("X-Import-Id", options.importId);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      else reject(failure(xhr.status, payload, { method: "POST", path }));
    };
    xhr.onerror = () => reject(new ApiError(0, "network_error", NETWORK_ERROR_MESSAGE));
    xhr.onabort = () => reject(new ApiError(0, "aborted", "已取消上传"));
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** A plan document as the form field `file`, after the choices to read it with (the server reads them first). */
function planForm(file: File, choices?: ParseChoices): FormData {
  const form = new FormData();
  if (choices) form.append("options", JSON.stringify(choices));
  form.append("file", file);
  return form;
}

/** A progress report's fields and evidence as POST /assignments/:id/reports reads them (lists as JSON, files as `files`). */
function reportForm(fields: ReportCreateFields, files: readonly File[]): FormData {
  const form = new FormData();
  if (fields.period !== undefined) form.append("period", fields.period);
  if (fields.text !== undefined) form.append("text", fields.text);
  if (fields.completion !== undefined) form.append("completion", String(fields.completion));
  if (fields.links !== undefined) form.append("links", JSON.stringify(fields.links));
  if (fields.fileIds !== undefined) form.append("fileIds", JSON.stringify(fields.fileIds));
  if (fields.submit !== undefined) form.append("submit", String(fields.submit));
  return withFiles(form, files);
}

/** Evidence files as the field `files`, once per file. */
function withFiles(form: FormData, files: readonly File[]): FormData {
  for (const file of files) form.append("files", file, file.name);
  return form;
}

/**
 * A fresh Idempotency-Key (a UUID v4) for one user action. Built from getRandomValues, because crypto.randomUUID
 * exists only in secure contexts and offices often open the platform over plain http on the intranet.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const idempotent = (key: string | undefined) => (key ? { "Idempotency-Key": key } : undefined);

/** The file name a Content-Disposition header gives (filename* in UTF-8 first, as the server writes Chinese names). */
function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || null;
}

/**
 * Downloads a file the server sends (an original document, an export) and saves it under the server's name, so that
 * a failure is shown in the page as a message instead of replacing the page with an error body.
 */
async function download(path: string, fallbackName: string, query?: Record<string, QueryValue>): Promise<void> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network_error", NETWORK_ERROR_MESSAGE);
  }
  if (!response.ok) throw failure(response.status, await readJson(response), { method: "GET", path });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = dispositionName(response.headers.get("Content-Disposition")) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the save asynchronously: keep the blob a moment longer than the click.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  auth: {
    login: (body: LoginRequest) => request<Me>("POST", "/auth/login", { body, expectUnauthorized: true }),
    logout: () => request<void>("POST", "/auth/logout", { body: {}, expectUnauthorized: true }),
    me: () => request<Me>("GET", "/auth/me"),
    changePassword: (body: ChangePasswordRequest) => request<void>("POST", "/auth/password", { body }),
  },
  units: {
    list: (query: UnitListQuery = {}) => request<UnitList>("GET", "/units", { query }),
    exportList: (query: UnitListQuery = {}) => download("/units/export.xlsx", "单位名录.xlsx", query),
    get: (id: number) => request<Unit>("GET", `/units/${id}`),
    create: (body: UnitCreate) => request<Unit>("POST", "/units", { body }),
    update: (id: number, body: UnitPatch) => request<Unit>("PATCH", `/units/${id}`, { body }),
    /** DELETE deactivates; the unit stays in the registry. */
    deactivate: (id: number, version: number) => request<Unit>("DELETE", `/units/${id}`, { query: { version } }),
    resolve: (phrases: string[]) => request<ResolveResult>("POST", "/units/resolve", { body: { phrases } }),
  },
  unitGroups: {
    list: () => request<UnitGroupList>("GET", "/unit-groups"),
    create: (body: UnitGroupCreate) => request<UnitGroup>("POST", "/unit-groups", { body }),
    update: (id: number, body: UnitGroupPatch) => request<UnitGroup>("PATCH", `/unit-groups/${id}`, { body }),
  },
  users: {
    list: () => request<UserList>("GET", "/users"),
    /** the users the search box finds, as Excel */
    exportList: (q: string) => download("/users/export.xlsx", "用户.xlsx", { q: q.trim() || undefined }),
    get: (id: number) => request<User>("GET", `/users/${id}`),
    create: (body: UserCreate) => request<User>("POST", "/users", { body }),
    update: (id: number, body: UserPatch) => request<User>("PATCH", `/users/${id}`, { body }),
  },
  audit: {
    list: (query: AuditQuery) => request<AuditList>("GET", "/audit", { query }),
    exportList: ({ limit: _limit, offset: _offset, ...query }: AuditQuery) =>
      download("/audit/export.xlsx", "审计日志.xlsx", query),
    actors: () => request<AuditActorList>("GET", "/audit/actors"),
  },
  plans: {
    list: (query: PlanListQuery = {}) => request<PlanList>("GET", "/plans", { query }),
    get: (id: number) => request<PlanDetail>("GET", `/plans/${id}`),
    /** A plan written by hand, without a document. */
    create: (body: PlanCreate) => request<PlanDetail>("POST", "/plans", { body }),
    /** Reads an uploaded document into a draft plan; `choices` say how to read its tables or its task level. */
    import: (file: File, options?: UploadOptions, choices?: ParseChoices) =>
      sendForm<PlanDetail>("/plans/import", planForm(file, choices), options),
    /** How far the import sent with this X-Import-Id has come (the pages of a scan recognised). */
    importProgress: (importId: string) => request<ImportProgress>("GET", `/plans/import-progress/${importId}`),
    /** Reads a draft's file again with other column roles or another task level. */
    reparse: (id: number, body: PlanReparse) => request<PlanReparseResult>("POST", `/plans/${id}/reparse`, { body }),
    update: (id: number, body: PlanPatch) => request<PlanDetail>("PATCH", `/plans/${id}`, { body }),
    publish: (id: number, body: PlanPublish) => request<PlanDetail>("POST", `/plans/${id}/publish`, { body }),
    /** Deletes a draft (kept for the audit log with its file). */
    remove: (id: number, version: number) => request<void>("DELETE", `/plans/${id}`, { query: { version } }),
    downloadFile: (id: number, filename: string) => download(`/plans/${id}/file`, filename),
    exportTasks: (id: number, title: string) => download(`/plans/${id}/export.xlsx`, `${title}任务分工表.xlsx`),
    createTask: (id: number, body: TaskCreate) => request<PlanDetail>("POST", `/plans/${id}/tasks`, { body }),
    updateTask: (id: number, taskId: number, body: TaskPatch) =>
      request<PlanDetail>("PATCH", `/plans/${id}/tasks/${taskId}`, { body }),
    deleteTask: (id: number, taskId: number, version: number) =>
      request<PlanDetail>("DELETE", `/plans/${id}/tasks/${taskId}`, { query: { version } }),
    splitTask: (id: number, taskId: number, body: TaskSplit) =>
      request<PlanDetail>("POST", `/plans/${id}/tasks/${taskId}/split`, { body }),
    /** Merges the task that follows into this one. */
    mergeTask: (id: number, taskId: number, body: TaskMerge) =>
      request<PlanDetail>("POST", `/plans/${id}/tasks/${taskId}/merge`, { body }),
    mapPhrase: (id: number, body: PhraseMap) => request<PlanDetail>("POST", `/plans/${id}/phrases/map`, { body }),
    dismissPhrase: (id: number, body: PhraseDismiss) =>
      request<PlanDetail>("POST", `/plans/${id}/phrases/dismiss`, { body }),
    /** The progress matrix: tasks × units, each assignment with its signal. */
    progress: (id: number) => request<PlanProgress>("GET", `/plans/${id}/progress`),
  },
  assignments: {
    list: (query: AssignmentListQuery = {}) => request<AssignmentList>("GET", "/assignments", { query }),
    /** the list as Excel, with the same filters: every row, not only the page */
    exportList: ({ limit: _limit, offset: _offset, ...query }: AssignmentListQuery = {}) =>
      download("/assignments/export.xlsx", "任务列表.xlsx", query),
    get: (id: number) => request<Assignment>("GET", `/assignments/${id}`),
    /** 任务分工: the task's units, with their progress for the lead unit and the office */
    units: (id: number) => request<TaskUnitProgressList>("GET", `/assignments/${id}/units`),
    acknowledge: (id: number, version: number) =>
      request<Assignment>("POST", `/assignments/${id}/acknowledge`, { body: { version } }),
    /** 批量签收: all of them, or none. */
    acknowledgeMany: (items: { id: number; version: number }[]) =>
      request<AssignmentsAcknowledged>("POST", "/assignments/acknowledge", { body: { items } }),
    reports: (id: number) => request<ReportList>("GET", `/assignments/${id}/reports`),
    /**
     * Writes a report on a period (the period's draft is continued when there is one): 201 made, 200 continued.
     * `submit: true` sends it to review at once.
     */
    report: (id: number, fields: ReportCreateFields, files: readonly File[] = [], options?: UploadOptions) =>
      sendForm<ReportDetail>(`/assignments/${id}/reports`, reportForm(fields, files), options),
    requestExtension: (id: number, body: ExtensionRequestCreate) =>
      request<ExtensionRequest>("POST", `/assignments/${id}/extension-requests`, { body }),
  },
  reports: {
    /** 进展报告: each period's latest report the caller may read, filtered, a page of them */
    list: (query: ReportListQuery = {}) => request<ReportList>("GET", "/reports", { query }),
    exportList: ({ limit: _limit, offset: _offset, ...query }: ReportListQuery = {}) =>
      download("/reports/export.xlsx", "进展报告.xlsx", query),
    get: (id: number) => request<ReportDetail>("GET", `/reports/${id}`),
    /** Saves a draft's fields; 409 version_conflict when stale, 409 not_draft once it was submitted. */
    update: (id: number, body: ReportPatch) => request<ReportDetail>("PATCH", `/reports/${id}`, { body }),
    addFiles: (id: number, files: readonly File[], options?: UploadOptions) =>
      sendForm<ReportDetail>(`/reports/${id}/files`, withFiles(new FormData(), files), options),
    submit: (id: number, version: number, idempotencyKey?: string) =>
      request<ReportDetail>("POST", `/reports/${id}/submit`, {
        body: { version },
        headers: idempotent(idempotencyKey),
      }),
    withdraw: (id: number, version: number) =>
      request<ReportDetail>("POST", `/reports/${id}/withdraw`, { body: { version } }),
    /** 409 not_awaiting_review when someone else reviewed it first. */
    review: (id: number, body: ReportReview) => request<ReportDetail>("POST", `/reports/${id}/review`, { body }),
    comment: (id: number, body: CommentCreate) => request<ReportDetail>("POST", `/reports/${id}/comments`, { body }),
  },
  files: {
    /** Where the browser shows a PDF or an image itself (a new tab; the server forbids framing it). */
    previewUrl: (token: string) => buildUrl(`/files/${token}`, { inline: true }),
    download: (token: string, filename: string) => download(`/files/${token}`, filename),
  },
  extensionRequests: {
    list: (query: ExtensionRequestListQuery = {}) =>
      request<ExtensionRequestList>("GET", "/extension-requests", { query }),
    /** 同意 moves the period's due date to the requested day. */
    decide: (id: number, body: ExtensionDecision) =>
      request<ExtensionRequest>("POST", `/extension-requests/${id}/decide`, { body }),
  },
  inbox: () => request<Inbox>("GET", "/inbox"),
  /** 驾驶舱: signals, completion per unit, the trend, the heatmap and the lists, for a plan and a year. */
  dashboard: (query: DashboardQuery = {}) => request<Dashboard>("GET", "/dashboard", { query }),
  /** The upload limit and the yellow-light days, as the server applies them. */
  settings: () => request<Settings>("GET", "/settings"),
  /** 办公室与文书: the office's name, contact line and wording templates. */
  office: {
    get: () => request<OfficeSettings>("GET", "/settings/office"),
    update: (body: OfficeSettingsUpdate) => request<OfficeSettings>("PATCH", "/settings/office", { body }),
  },
  notifications: {
    list: (query: NotificationListQuery = {}) => request<NotificationList>("GET", "/notifications", { query }),
    read: (id: number) => request<Notification>("POST", `/notifications/${id}/read`, { body: {} }),
    readAll: () => request<NotificationList>("POST", "/notifications/read-all", { body: {} }),
    /** 消息设置: how the signed-in person hears of each kind */
    preferences: () => request<NotificationPreferences>("GET", "/notification-preferences"),
    choose: (body: NotificationPreference) =>
      request<NotificationPreferences>("PATCH", "/notification-preferences", { body }),
  },
  channels: {
    list: () => request<ChannelList>("GET", "/channels"),
    get: (id: number) => request<Channel>("GET", `/channels/${id}`),
    create: (body: ChannelCreate) => request<Channel>("POST", "/channels", { body }),
    update: (id: number, body: ChannelPatch) => request<Channel>("PATCH", `/channels/${id}`, { body }),
    /** Sends a test message now; the answer says whether the robot took it. */
    test: (id: number) => request<ChannelTestResult>("POST", `/channels/${id}/test`, { body: {} }),
  },
  deliveries: {
    list: (query: DeliveryListQuery = {}) => request<DeliveryList>("GET", "/deliveries", { query }),
    /** A failed message goes back into the outbox, sent with the next run of the due jobs. */
    retry: (id: number) => request<Delivery>("POST", `/deliveries/${id}/retry`, { body: {} }),
  },
  jobs: {
    /** Runs the due jobs now (reminders, urging notices, orders, the outbox). */
    run: () => request<JobRun>("POST", "/jobs/run", { body: {} }),
  },
  supervisionOrders: {
    list: (query: SupervisionOrderListQuery = {}) =>
      request<SupervisionOrderList>("GET", "/supervision-orders", { query }),
    /** The list with these filters (all of it) as a workbook. */
    exportList: (query: SupervisionOrderListQuery = {}) =>
      download("/supervision-orders/export.xlsx", "督办单.xlsx", query),
    get: (id: number) => request<SupervisionOrder>("GET", `/supervision-orders/${id}`),
    /** A period put under supervision by hand: it joins the unit's open draft of the plan and level, or starts one. */
    create: (body: SupervisionOrderCreate) => request<SupervisionOrder>("POST", "/supervision-orders", { body }),
    /** 批量签发 / 批量撤销: all or none. */
    issueMany: (items: SupervisionOrdersIssue["items"]) =>
      request<SupervisionOrdersDone>("POST", "/supervision-orders/issue", { body: { items } }),
    cancelMany: (body: SupervisionOrdersCancel) =>
      request<SupervisionOrdersDone>("POST", "/supervision-orders/cancel", { body }),
    /** 按单位汇总, and its workbook. */
    summary: (query: SupervisionSummaryQuery = {}) =>
      request<SupervisionSummary>("GET", "/supervision-orders/summary", { query }),
    exportSummary: (query: SupervisionSummaryQuery = {}) =>
      download("/supervision-orders/summary.xlsx", "督办情况按单位汇总.xlsx", query),
    update: (id: number, body: SupervisionOrderPatch) =>
      request<SupervisionOrder>("PATCH", `/supervision-orders/${id}`, { body }),
    /** Numbers it and tells the unit. */
    issue: (id: number, version: number) =>
      request<SupervisionOrder>("POST", `/supervision-orders/${id}/issue`, { body: { version } }),
    cancel: (id: number, body: SupervisionOrderCancel) =>
      request<SupervisionOrder>("POST", `/supervision-orders/${id}/cancel`, { body }),
    downloadDocx: (id: number, name: string) => download(`/supervision-orders/${id}.docx`, `${name}.docx`),
  },
  bulletins: {
    list: (query: BulletinListQuery = {}) => request<BulletinList>("GET", "/bulletins", { query }),
    /** The list with these filters as a workbook. */
    exportList: (query: BulletinListQuery = {}) => download("/bulletins/export.xlsx", "通报.xlsx", query),
    get: (id: number) => request<Bulletin>("GET", `/bulletins/${id}`),
    /** Generates a draft from the plan's data of the day. */
    create: (body: BulletinCreate) => request<Bulletin>("POST", "/bulletins", { body }),
    update: (id: number, body: BulletinPatch) => request<Bulletin>("PATCH", `/bulletins/${id}`, { body }),
    /** Numbers it and tells the units it names. */
    publish: (id: number, version: number) =>
      request<Bulletin>("POST", `/bulletins/${id}/publish`, { body: { version } }),
    downloadDocx: (id: number, name: string) => download(`/bulletins/${id}.docx`, `${name}.docx`),
  },
};

/** The message to show for any failure: the server's Chinese message, or a generic one for bugs. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "操作失败，请稍后重试";
}
