/**
 * Every action the audit log records and every kind of object it names, each with its Chinese label: the server may
 * write only these (recordAudit takes an AuditAction), and the audit page and its Excel show the labels. A new feature
 * that records a new action adds it here, or the server does not compile.
 */

export const AUDIT_ACTIONS = {
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
  "plan.import": "导入方案",
  "plan.create": "新建方案",
  "plan.update": "修改方案",
  "plan.archive": "归档方案",
  "plan.reparse": "重新识别方案",
  "plan.publish": "发布方案并交办",
  "plan.delete": "删除方案草稿",
  "plan.phrase_map": "指定单位表述对应的单位",
  "plan.phrase_dismiss": "忽略单位表述",
  "task.create": "新增任务",
  "task.update": "修改任务",
  "task.delete": "删除任务",
  "task.merge": "合并任务",
  "task.split": "拆分任务",
  "assignment.create": "交办任务",
  "assignment.acknowledge": "签收任务",
  "assignment.cancel": "取消交办",
  "assignment.reinstate": "恢复交办",
  "assignment.complete": "任务办结",
  "assignment.extend": "延长完成时限",
  "assignment.access_denied": "越权访问被拒绝",
  "report.create": "新建进展报告",
  "report.update": "修改进展报告",
  "report.attach": "上传佐证材料",
  "report.submit": "报送进展",
  "report.withdraw": "撤回进展报告",
  "report.accept": "审核通过",
  "report.return": "退回报告",
  "report.comment": "发表评论",
  "extension.request": "申请延期",
  "extension.approve": "批准延期",
  "extension.reject": "驳回延期申请",
  "extension.decide": "审批延期申请",
  "notice.reminder": "到期提醒",
  "notice.urge": "催办",
  "supervision_order.draft": "拟制督办单",
  "supervision_order.create": "新建督办单",
  "supervision_order.update": "修改督办单",
  "office_settings.update": "修改办公室信息与文书模板",
  "supervision_order.merge": "督办事项并入督办单",
  "supervision_order.drop_item": "移出督办事项",
  "supervision_order.issue": "签发督办单",
  "supervision_order.cancel": "作废督办单",
  "bulletin.create": "生成通报",
  "bulletin.update": "修改通报",
  "bulletin.publish": "发布通报",
  "channel.create": "添加群机器人",
  "channel.update": "修改群机器人",
  "channel.enable": "启用群机器人",
  "channel.disable": "停用群机器人",
  "channel.test": "测试群机器人",
  "delivery.retry": "重新发送消息",
  "demo.load": "载入演示数据",
  "system.backup": "备份数据",
  "system.restore": "恢复数据",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ENTITY_TYPES = {
  unit: "单位",
  unit_group: "单位分组",
  user: "用户",
  plan: "方案",
  task: "任务",
  assignment: "交办任务",
  report: "进展报告",
  extension_request: "延期申请",
  supervision_order: "督办单",
  bulletin: "通报",
  channel: "群机器人",
  delivery: "外发消息",
  office_settings: "办公室信息与文书模板",
  system: "系统",
} as const satisfies Record<string, string>;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_TYPES;

/** The label of an action or object type; a value this build does not know (an older build's) is shown as it is. */
export function auditLabel(labels: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(labels, value) ? labels[value] : value;
}
