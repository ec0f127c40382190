/**
 * The one typed client for /api. Types come from the shared wire contract (src/shared/api.ts), imported as types
 * only so the TypeBox runtime never reaches the browser bundle.
 */
import type { Static } from "typebox";
import type {
  AuditActorList,
  AuditList,
  AuditQuery,
  ChangePasswordRequest,
  ErrorBody,
  LoginRequest,
  Me,
  ResolveResult,
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

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
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

  if (response.status === 401 && !options.expectUnauthorized) onUnauthorized?.({ method, path });
  if (isErrorBody(payload)) {
    const { code, message, details } = payload.error;
    throw new ApiError(response.status, code, message, details);
  }
  // A proxy or gateway answered instead of the application (502/504 while it restarts, for example).
  if (response.status >= 500) throw new ApiError(response.status, "server_unavailable", "服务器暂时不可用，请稍后重试");
  throw new ApiError(response.status, "unexpected_response", `请求失败（HTTP ${response.status}），请稍后重试`);
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
    get: (id: number) => request<User>("GET", `/users/${id}`),
    create: (body: UserCreate) => request<User>("POST", "/users", { body }),
    update: (id: number, body: UserPatch) => request<User>("PATCH", `/users/${id}`, { body }),
  },
  audit: {
    list: (query: AuditQuery) => request<AuditList>("GET", "/audit", { query }),
    actors: () => request<AuditActorList>("GET", "/audit/actors"),
  },
};

/** The message to show for any failure: the server's Chinese message, or a generic one for bugs. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "操作失败，请稍后重试";
}
