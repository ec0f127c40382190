/** Domain vocabulary shared by server, CLI and web. Names follow ../shared/GLOSSARY.md. */

export const ROLES = ["admin", "coordinator", "unit_manager", "unit_staff", "leader"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "系统管理员",
  coordinator: "统筹协调(司法局)",
  unit_manager: "单位管理员",
  unit_staff: "单位经办人",
  leader: "领导",
};

export const UNIT_TYPES = [
  "township",
  "department",
  "enforcement_department",
  "party_office",
  "court",
  "procuratorate",
  "other",
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  township: "乡镇(街道)",
  department: "政府部门",
  enforcement_department: "行政执法部门",
  party_office: "党委部门",
  court: "法院",
  procuratorate: "检察院",
  other: "其他",
};

export const PLAN_STATUSES = ["draft", "published", "archived"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: "草稿",
  published: "已交办",
  archived: "已归档",
};

/** A unit's role in a task: 牵头 / 责任 / 配合. */
export const TASK_UNIT_ROLES = ["lead", "responsible", "cooperating"] as const;
export type TaskUnitRole = (typeof TASK_UNIT_ROLES)[number];
export const TASK_UNIT_ROLE_LABELS: Record<TaskUnitRole, string> = {
  lead: "牵头单位",
  responsible: "责任单位",
  cooperating: "配合单位",
};

/** What a column of a task table holds, as the parser reads it or the user sets it on the review screen. */
export const COLUMN_ROLES = [
  "text",
  "group",
  "number",
  "lead",
  "responsible",
  "cooperating",
  "deadline",
  "ignored",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];
export const COLUMN_ROLE_LABELS: Record<ColumnRole, string> = {
  text: "任务内容",
  group: "分组",
  number: "序号",
  lead: "牵头单位",
  responsible: "责任单位",
  cooperating: "配合单位",
  deadline: "完成时限",
  ignored: "忽略",
};

/** How often units report on an ongoing (长期坚持) task. */
export const REPORTING_CADENCES = ["monthly", "quarterly", "half_yearly", "yearly"] as const;
export type ReportingCadence = (typeof REPORTING_CADENCES)[number];
/**
 * What a late 交办 does with the periods that fell due before it (a plan published in December with deadlines earlier
 * in the year): they are 不适用, never chased, never red; or, when the office so chooses, each falls due some days
 * after the 交办 (补报).
 */
export const PAST_PERIOD_RULES = ["not_applicable", "catch_up"] as const;
export type PastPeriodRule = (typeof PAST_PERIOD_RULES)[number];
export const PAST_PERIOD_RULE_LABELS: Record<PastPeriodRule, string> = {
  not_applicable: "不适用，不再报送",
  catch_up: "限期补报",
};
/** How many days after the 交办 a past period falls due when it is to be caught up, unless the office says otherwise. */
export const DEFAULT_CATCH_UP_DAYS = 15;

export const REPORTING_CADENCE_LABELS: Record<ReportingCadence, string> = {
  monthly: "每月",
  quarterly: "每季度",
  half_yearly: "每半年",
  yearly: "每年",
};

/**
 * An assignment's state: 待签收 → 已签收 → 已办结 (a dated task whose every period's report was accepted);
 * recurring and ongoing work stays 已签收 while each period closes. Cancelled when a unit is taken off its task.
 */
export const ASSIGNMENT_STATUSES = ["new", "acknowledged", "completed", "cancelled"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  new: "待签收",
  acknowledged: "已签收",
  completed: "已办结",
  cancelled: "已取消",
};

/** Where one period (occurrence) of an assignment stands: nothing in yet, reported, sent back, or closed (accepted). */
export const OCCURRENCE_STATES = ["open", "submitted", "returned", "closed"] as const;
export type OccurrenceState = (typeof OCCURRENCE_STATES)[number];
export const OCCURRENCE_STATE_LABELS: Record<OccurrenceState, string> = {
  open: "未报送",
  submitted: "待审核",
  returned: "已退回",
  closed: "已通过",
};

/** 红黄绿灯: on track, due soon with nothing reported, overdue, and done. */
export const SIGNALS = ["green", "yellow", "red", "done"] as const;
export type Signal = (typeof SIGNALS)[number];
export const SIGNAL_LABELS: Record<Signal, string> = {
  green: "正常",
  yellow: "临期",
  red: "逾期",
  done: "已完成",
};

/** A progress report's state; a returned report is resubmitted as a new revision, never overwritten. */
export const REPORT_STATUSES = ["draft", "submitted", "accepted", "returned", "withdrawn"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: "草稿",
  submitted: "待审核",
  accepted: "已通过",
  returned: "已退回",
  withdrawn: "已撤回",
};

export const EXTENSION_STATUSES = ["pending", "approved", "rejected"] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];
export const EXTENSION_STATUS_LABELS: Record<ExtensionStatus, string> = {
  pending: "待审批",
  approved: "已同意",
  rejected: "未同意",
};

/** What a user may do; sent to the UI so it shows only what the server will allow. */
export const ABILITIES = [
  "units.read",
  "units.manage",
  "users.manage",
  "audit.read",
  "plans.read",
  "plans.manage",
  "assignments.read",
  "assignments.read_all",
  /** 签收 an assignment of the caller's unit */
  "assignments.acknowledge",
  /** draft, submit and withdraw the caller's unit's progress reports (a unit_staff only what they submitted) */
  "reports.write",
  /** accept or return reports: the office any unit's but its own, a lead unit's manager its cooperating units' */
  "reports.review",
  "reports.comment",
  /** ask for a later due date for the caller's unit */
  "extensions.request",
  "supervision.manage",
  "channels.manage",
  /** the office's name, contact line and wording templates (办公室与文书) */
  "settings.manage",
  "jobs.run",
  /** download a backup of the database and the evidence files */
  "backup.run",
] as const;
export type Ability = (typeof ABILITIES)[number];

const ROLE_ABILITIES: Record<Role, readonly Ability[]> = {
  admin: [
    "units.read",
    "units.manage",
    "users.manage",
    "audit.read",
    "plans.read",
    "plans.manage",
    "assignments.read",
    "assignments.read_all",
    "reports.review",
    "reports.comment",
    "supervision.manage",
    "channels.manage",
    "settings.manage",
    "jobs.run",
    "backup.run",
  ],
  // the office's people are also the people of its own unit (区司法局), which holds assignments like any other
  coordinator: [
    "units.read",
    "units.manage",
    "audit.read",
    "plans.read",
    "plans.manage",
    "assignments.read",
    "assignments.read_all",
    "assignments.acknowledge",
    "reports.write",
    "reports.review",
    "reports.comment",
    "extensions.request",
    "supervision.manage",
    "settings.manage",
  ],
  // the 分管领导 follows every unit's work, read only: not even a comment
  leader: ["units.read", "plans.read", "assignments.read", "assignments.read_all"],
  // the unit's manager signs for its work, asks for more time and, as lead unit, reviews its cooperating units
  unit_manager: [
    "units.read",
    "assignments.read",
    "assignments.acknowledge",
    "reports.write",
    "reports.review",
    "reports.comment",
    "extensions.request",
  ],
  // the 经办人 drafts and submits the unit's reports; what binds the unit is the manager's
  unit_staff: ["units.read", "assignments.read", "reports.write", "reports.comment"],
};

export function abilitiesOf(roles: readonly Role[]): Ability[] {
  const set = new Set<Ability>();
  for (const role of roles) for (const ability of ROLE_ABILITIES[role]) set.add(ability);
  return ABILITIES.filter((a) => set.has(a));
}

export function can(roles: readonly Role[], ability: Ability): boolean {
  return roles.some((role) => ROLE_ABILITIES[role].includes(ability));
}

/** Password rule, checked by the server and shown by the web form. */
export const PASSWORD_MIN_LENGTH = 8;
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > 128) return "密码不能超过 128 位";
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return "密码须同时包含字母和数字";
  return null;
}

/** What the user is told about a file over the upload limit: the server's refusal and the browser's check alike. */
export function fileTooLargeMessage(maxBytes: number, filename?: string): string {
  const which = filename ? `「${filename}」` : "文件";
  return `${which}超过 ${Math.round(maxBytes / (1024 * 1024))} MB 的上限，请压缩或拆分后再上传`;
}

/**
 * What a notification is about: reminders (提醒), urging notices (催办), supervision orders (督办), bulletins (通报), the
 * steps of the work (a new task, a report returned or accepted, an extension decided, reports waiting for review), and
 * the account's own security (a lockout after wrong passwords: the login page says the same for every failure).
 */
export const NOTIFICATION_KINDS = [
  "assigned",
  "reminder",
  "urge",
  "order",
  "bulletin",
  "returned",
  "accepted",
  "extension",
  "review",
  "security",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  assigned: "新任务交办",
  reminder: "到期提醒",
  urge: "催办",
  order: "督办",
  bulletin: "通报",
  returned: "报告被退回",
  accepted: "报告已通过",
  extension: "延期审批",
  review: "待审核",
  security: "账号安全",
};

/** The kinds a person may keep to the app (消息设置); security notices always go out by email too. */
export const CHOOSABLE_NOTIFICATION_KINDS = NOTIFICATION_KINDS.filter((kind) => kind !== "security");

/** How a person hears of a kind: in the app and by email and the unit's group robots, or in the app only. */
export const NOTIFICATION_CHANNELS = ["all", "app"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, string> = {
  all: "站内消息 + 邮件/群机器人",
  app: "仅站内消息",
};

/** 督办单 levels: blue is issued by hand; yellow and red by the job, some days after a period fell overdue. */
export const SUPERVISION_ORDER_LEVELS = ["blue", "yellow", "red"] as const;
export type SupervisionOrderLevel = (typeof SUPERVISION_ORDER_LEVELS)[number];
export const SUPERVISION_ORDER_LEVEL_LABELS: Record<SupervisionOrderLevel, string> = {
  blue: "蓝牌督办",
  yellow: "黄牌督办",
  red: "红牌督办",
};

/** A supervision order is drafted (by the job or by hand), then reviewed and issued, or cancelled. */
export const SUPERVISION_ORDER_STATUSES = ["draft", "issued", "cancelled"] as const;
export type SupervisionOrderStatus = (typeof SUPERVISION_ORDER_STATUSES)[number];
export const SUPERVISION_ORDER_STATUS_LABELS: Record<SupervisionOrderStatus, string> = {
  draft: "待签发",
  issued: "已签发",
  cancelled: "已撤销",
};

export const BULLETIN_STATUSES = ["draft", "published"] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];
export const BULLETIN_STATUS_LABELS: Record<BulletinStatus, string> = {
  draft: "草稿",
  published: "已发布",
};

/** Where a message goes besides the bell: email, or a group robot of DingTalk, WeCom or Feishu. */
export const CHANNEL_KINDS = ["dingtalk", "wecom", "feishu"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  dingtalk: "钉钉群机器人",
  wecom: "企业微信群机器人",
  feishu: "飞书群机器人",
};
export const DELIVERY_CHANNELS = ["email", ...CHANNEL_KINDS] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** An outgoing message: waiting (or waiting to be retried), sent, or given up after its last try (listed, retried by hand). */
export const DELIVERY_STATUSES = ["pending", "sent", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: "待发送",
  sent: "已发送",
  failed: "发送失败",
};

/** A plan section as a heading line: 一、加强党的领导; a table's group (提升执法队伍素质) has no number of its own. */
export function sectionLabel(section: { number: string; title: string }): string {
  return section.number === "" ? section.title : `${section.number}、${section.title}`;
}

/** The wording templates of the office's papers (文书模板); their words and fields are in core/documents/templates. */
export const TEMPLATE_KEYS = ["orderTitle", "orderBody", "bulletinRectify", "bulletinPraise", "bulletinCall"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const TEMPLATE_LABELS: Record<TemplateKey, string> = {
  orderTitle: "督办单标题",
  orderBody: "督办单正文",
  bulletinRectify: "通报整改要求（有逾期或退回时）",
  bulletinPraise: "通报结语（无逾期和退回时）",
  bulletinCall: "通报工作要求",
};

/** The longest a template may be. */
export const TEMPLATE_MAX_LENGTH = 2000;
