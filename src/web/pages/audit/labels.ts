/**
 * Chinese names for the audit log's entity types and actions. Unknown values (a new feature's events) are shown
 * as they are rather than hidden.
 */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  unit: "单位",
  unit_group: "单位分组",
  user: "用户",
  session: "登录会话",
};

export const ACTION_LABELS: Record<string, string> = {
  "auth.login": "登录",
  "auth.login_failed": "登录失败",
  "auth.logout": "退出登录",
  "auth.password_changed": "修改密码",
  "auth.locked": "账号锁定",
  create: "新建",
  update: "修改",
  deactivate: "停用",
  activate: "启用",
  delete: "删除",
};

export function labelOf(labels: Record<string, string>, value: string): string {
  return labels[value] ?? value;
}
