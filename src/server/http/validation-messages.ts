/**
 * Schema validation issues in Chinese, naming the field as the form names it: a civil servant must be able to
 * act on the message without knowing what "must NOT have fewer than 1 characters" or "body.name" mean.
 */
import { YEARS_PATTERN } from "../../shared/api.js";
import { TEMPLATE_KEYS, TEMPLATE_LABELS } from "../../shared/domain.js";

export interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  params?: Record<string, unknown>;
  message?: string;
}

/** The UI's names of the API's fields. */
const FIELD_LABELS: Record<string, string> = {
  name: "名称",
  shortName: "简称",
  aliases: "别名",
  type: "类型",
  parentId: "上级单位",
  active: "状态",
  sortOrder: "排序",
  unitTypes: "单位类型",
  memberIds: "成员单位",
  phrases: "单位表述",
  username: "用户名",
  displayName: "姓名",
  unitId: "所属单位",
  roles: "角色",
  password: "密码",
  currentPassword: "当前密码",
  newPassword: "新密码",
  disabled: "停用",
  version: "版本号",
  id: "编号",
  q: "搜索词",
  from: "开始时间",
  to: "结束时间",
  limit: "每页条数",
  offset: "起始位置",
  entityType: "对象类型",
  entityId: "对象编号",
  actorId: "操作人",
  action: "动作",
  text: "进展情况",
  completion: "完成进度",
  links: "链接",
  period: "报送期次",
  submit: "是否报送",
  fileIds: "材料",
  removeFileIds: "材料",
  decision: "审核结论",
  comment: "意见",
  reason: "理由",
  requestedDueOn: "申请延至",
  approve: "审批结论",
  email: "邮箱",
  url: "Webhook 地址",
  secret: "签名密钥",
  enabled: "启用",
  pageSize: "每页条数",
  officeName: "办公室名称",
  contactName: "联系人",
  contactPhone: "联系电话",
  templates: "文书模板",
  ...Object.fromEntries(TEMPLATE_KEYS.map((key) => [`templates.${key}`, `「${TEMPLATE_LABELS[key]}」`])),
};

/** "aliases.0" → field "aliases", shown as 别名（第1项）. */
export function fieldPath(issue: ValidationIssue): string {
  const missing = issue.params?.missingProperty;
  const base = (issue.instancePath ?? "").replace(/^\//, "").replaceAll("/", ".");
  return typeof missing === "string" ? [base, missing].filter(Boolean).join(".") : base;
}

export function fieldLabel(path: string): string {
  const [field, index] = path.split(".");
  if (!field) return "请求内容";
  if (FIELD_LABELS[path]) return FIELD_LABELS[path];
  const label = FIELD_LABELS[field] ?? field;
  return index !== undefined && /^\d+$/.test(index) ? `${label}（第${Number(index) + 1}项）` : label;
}

function describe(issue: ValidationIssue): string {
  const p = issue.params ?? {};
  switch (issue.keyword) {
    case "required":
      return "必须填写";
    case "minLength":
      return p.limit === 1 ? "不能为空" : `不能少于 ${p.limit} 个字符`;
    case "maxLength":
      return `不能超过 ${p.limit} 个字符`;
    case "pattern":
      return p.pattern === YEARS_PATTERN ? "年份应在 1990 至 2100 之间" : "格式不正确";
    case "format":
      return p.format === "date-time" ? "应为日期时间" : "格式不正确";
    case "minimum":
      return `不能小于 ${p.limit}`;
    case "maximum":
      return `不能大于 ${p.limit}`;
    case "minItems":
      return `至少选择 ${p.limit} 项`;
    case "maxItems":
      return `最多 ${p.limit} 项`;
    case "uniqueItems":
      return "不能有重复项";
    case "controlChars":
      return "含有不可见的控制字符（如 NUL），请删除后再提交";
    case "enum":
      return "取值不在允许范围内";
    case "type":
      return p.type === "integer" || p.type === "number"
        ? "应为数字"
        : p.type === "boolean"
          ? "应为是或否"
          : "类型不正确";
    default:
      return "填写不符合要求";
  }
}

export function chineseIssue(issue: ValidationIssue): { path: string; message: string } {
  const path = fieldPath(issue);
  return { path, message: `${fieldLabel(path)}${describe(issue)}` };
}
