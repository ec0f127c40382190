/** Where to go after login: only paths inside this app, never back to the login page or to another site. */
export function safeRedirect(target: string | null): string {
  if (!target?.startsWith("/") || target.startsWith("//") || target.startsWith("/login")) return "/";
  return target;
}

/** The login URL that brings the user back to `path` afterwards. */
export function loginPathFor(path: string): string {
  return path === "/" ? "/login" : `/login?redirect=${encodeURIComponent(path)}`;
}
