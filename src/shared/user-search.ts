/** What the 用户管理 search box finds: words in the username, the name, the unit or the email, any case. */
export function userMatches(
  user: { username: string; displayName: string; unitName: string | null; email: string | null },
  text: string,
): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [user.username, user.displayName, user.unitName ?? "", user.email ?? ""].some((v) =>
    v.toLowerCase().includes(needle),
  );
}
