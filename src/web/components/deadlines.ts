import dayjs from "dayjs";
import type { DeadlineInput } from "../../shared/api";

export type DeadlineKind = DeadlineInput["kind"];

/** 完成时限 kinds as the coordinator chooses them. */
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  date: "日期",
  recurring: "定期",
  ongoing: "长期坚持",
  relative: "相对时限",
  until: "截至",
};

/** Tag colours per kind: a fixed date stands out from the standing duties. */
export const DEADLINE_KIND_COLORS: Record<DeadlineKind, string> = {
  date: "blue",
  until: "cyan",
  recurring: "geekblue",
  ongoing: "green",
  relative: "purple",
};

const RELATIVE_UNIT_LABELS: Record<string, string> = { workday: "个工作日", day: "日", month: "个月" };
const EVERY_LABELS: Record<string, string> = {
  year: "每年",
  "half-year": "每半年",
  quarter: "每季度",
  month: "每月",
  week: "每周",
};

/** 2025-02-28 → 2025年2月28日 */
export function chineseDate(iso: string): string {
  return dayjs(iso).format("YYYY年M月D日");
}

function dayText(day: unknown, suffix: string): string {
  if (day === "end") return "底前";
  if (day === "before") return "前";
  if (typeof day === "number") return `${day}日${suffix}`;
  return "底前";
}

function recurringText(rule: Record<string, unknown>): string {
  const every = typeof rule.every === "string" ? rule.every : "";
  const prefix = EVERY_LABELS[every] ?? "定期";
  if (every === "year") {
    if (typeof rule.quarter === "number") return `${prefix}第${rule.quarter}季度末前`;
    if (typeof rule.month === "number") return `${prefix}${rule.month}月${dayText(rule.day, "前")}`;
    if (typeof rule.part === "string") return `${prefix}${rule.part}`;
    return `${prefix}年底前`;
  }
  if (every === "quarter") {
    if (typeof rule.day === "number") return `${prefix}结束后次月${rule.day}日前`;
    return `${prefix}末`;
  }
  if (every === "month") return `${prefix}${dayText(rule.day, "前")}`;
  return prefix;
}

/** What a deadline rule means, in words: 每年2月底前, 2025年6月30日前, 自收到通知之日起15个工作日内. */
export function deadlineRuleText(deadline: DeadlineInput): string {
  const rule = deadline.rule ?? {};
  const then = rule.thenOngoing === true ? "，此后长期坚持" : "";
  switch (deadline.kind) {
    case "date":
      return deadline.due ? `${chineseDate(deadline.due)}前${then}` : "具体日期待补充";
    case "until":
      return deadline.due ? `截至${chineseDate(deadline.due)}${then}` : "截至日期待补充";
    case "recurring":
      return recurringText(rule);
    case "ongoing":
      return rule.unparsed === true ? "未能识别的时限，按长期坚持处理" : "长期坚持，按报送周期报送进展";
    case "relative": {
      const amount = typeof rule.amount === "number" ? rule.amount : "";
      const unit = typeof rule.unit === "string" ? (RELATIVE_UNIT_LABELS[rule.unit] ?? "日") : "日";
      const after = typeof rule.after === "string" && rule.after ? `自${rule.after}起` : "";
      return `${after}${amount}${unit}内`;
    }
  }
}

/** What the reviewer must still complete: a date kind without its date, or a phrase the parser could not read. */
export function deadlineNeedsReview(deadline: DeadlineInput): boolean {
  if ((deadline.kind === "date" || deadline.kind === "until") && !deadline.due) return true;
  return deadline.kind === "ongoing" && deadline.rule?.unparsed === true;
}

/** The deadline as the document wrote it, or in words when it was entered without text. */
export function deadlineLabel(deadline: DeadlineInput): string {
  return deadline.text.trim() || deadlineRuleText(deadline);
}
