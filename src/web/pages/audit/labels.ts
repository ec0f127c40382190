/**
 * Chinese names for the audit log's entity types and actions, as the server writes them. Unknown values (a later
 * feature's events) are shown as they are rather than hidden.
 */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  unit: "单位",
  unit_group: "单位分组",
  user: "用户",
  system: "系统",
  channel: "群机器人",
  delivery: "外发消息",
  bulletin: "通报",
};

export const ACTION_LABELS: Record<string, string> = {
  "auth.login": "登录",
  "auth.login_failed": "登录失败",
  "auth.login_refused": "拒绝登录",
  "auth.locked": "账号锁定",
  "auth.logout": "退出登录",
  "user.create": "新建用户",
  "user.update": "修改用户",
  "user.password_reset": "重置密码",
  "user.password_changed": "修改密码",
  "unit.create": "新建单位",
  "unit.update": "修改单位",
  "unit.deactivate": "停用单位",
  "unit.activate": "启用单位",
  "unit_group.create": "新建单位分组",
  "unit_group.update": "修改单位分组",
  "demo.load": "载入演示数据",
  "channel.create": "添加群机器人",
  "channel.update": "修改群机器人",
  "channel.enable": "启用群机器人",
  "channel.disable": "停用群机器人",
  "channel.test": "测试群机器人",
  "delivery.retry": "重新发送消息",
  "bulletin.create": "生成通报",
  "bulletin.update": "修改通报",
  "bulletin.publish": "发布通报",
  "plan.reparse": "重新识别方案",
};

export function labelOf(labels: Record<string, string>, value: string): string {
  return labels[value] ?? value;
}
