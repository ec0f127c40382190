/**
 * A plan's supervision rules: when reminders go out, how many days overdue a period earns a yellow and a red
 * supervision order, and the quiet hours in which nothing is sent. A plan that sets none follows the defaults.
 */
export interface SupervisionRules {
  /** days before a due date that a reminder goes out */
  reminderDays: number[];
  /** days overdue after which the job drafts a yellow supervision order (X) */
  yellowOrderDays: number;
  /** days overdue after which it drafts a red one (Y, more than X) */
  redOrderDays: number;
  /** hours (China time) in which messages wait: from 22 to 7 is overnight */
  quietHours: { from: number; to: number };
}

export const DEFAULT_SUPERVISION_RULES: SupervisionRules = {
  reminderDays: [7, 1],
  yellowOrderDays: 3,
  redOrderDays: 10,
  quietHours: { from: 22, to: 7 },
};

/** A plan's stored rules over the defaults: a rule the plan leaves out is the default one. */
export const rulesOf = (stored: Partial<SupervisionRules> | null | undefined): SupervisionRules => ({
  ...DEFAULT_SUPERVISION_RULES,
  ...(stored ?? {}),
});

/** What is wrong with a set of rules, in words for the coordinator; null when they hold together. */
export function rulesProblem(rules: SupervisionRules): string | null {
  const { reminderDays, yellowOrderDays, redOrderDays, quietHours } = rules;
  if (new Set(reminderDays).size !== reminderDays.length) return "提醒天数不能重复";
  if (reminderDays.some((days) => !Number.isInteger(days) || days < 1 || days > 90)) {
    return "提醒天数须为 1 至 90 之间的整数";
  }
  if (yellowOrderDays < 1) return "黄牌督办的逾期天数至少为 1 天";
  if (redOrderDays <= yellowOrderDays) return "红牌督办的逾期天数须大于黄牌督办的逾期天数";
  if (quietHours.from === quietHours.to) return "免打扰时段的开始和结束不能相同";
  return null;
}
