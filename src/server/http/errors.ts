/** Typed, coded errors; mapped to HTTP with the one error shape in ./error-handler.ts. Messages speak to the user. */

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthenticated = () => new AppError(401, "unauthenticated", "登录已失效，请重新登录");
export const forbidden = (message = "您没有执行此操作的权限") => new AppError(403, "forbidden", message);
export const notFound = (what: string) => new AppError(404, "not_found", `${what}不存在或已被删除`);
export const versionConflict = () => new AppError(409, "version_conflict", "该记录已被他人修改，请刷新后重试");
export const duplicate = (message: string) => new AppError(409, "duplicate", message);
export const badRequest = (message: string, details?: unknown) => new AppError(400, "bad_request", message, details);
