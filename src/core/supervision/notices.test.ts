import { describe, expect, it } from "vitest";
import { inQuietHours, noticeFor, orderFor } from "./notices.js";
import { DEFAULT_SUPERVISION_RULES, rulesOf, rulesProblem, type SupervisionRules } from "./rules.js";

const period = { dueDateId: 9, dueOn: "2025-06-30" };

describe("noticeFor", () => {
  it.each<[string, string | null]>([
    ["2025-06-22", null],
    ["2025-06-23", "reminder:7:9:2025-06-30"],
    ["2025-06-28", "reminder:7:9:2025-06-30"],
    ["2025-06-29", "reminder:1:9:2025-06-30"],
    ["2025-06-30", "reminder:1:9:2025-06-30"],
    ["2025-07-01", "urge:9:2025-06-30"],
    ["2025-08-15", "urge:9:2025-06-30"],
  ])("on %s: %s", (today, key) => {
    expect(noticeFor(period, today)?.key ?? null).toBe(key);
  });

  it("follows the rules' days, and a moved date is a new notice", () => {
    expect(noticeFor(period, "2025-06-16", { reminderDays: [14, 3] })?.key).toBe("reminder:14:9:2025-06-30");
    expect(noticeFor({ dueDateId: 9, dueOn: "2025-07-31" }, "2025-07-31")?.key).toBe("reminder:1:9:2025-07-31");
  });
});

describe("inQuietHours", () => {
  it("holds notices from 22:00 to 07:00", () => {
    expect([21, 22, 23, 0, 6, 7, 12].map((hour) => inQuietHours(hour))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(inQuietHours(13, { from: 12, to: 14 })).toBe(true);
  });
});

describe("orderFor", () => {
  it.each<[string, string | null]>([
    ["2025-06-30", null],
    ["2025-07-02", null],
    ["2025-07-03", "order:yellow:9:2025-06-30"],
    ["2025-07-09", "order:yellow:9:2025-06-30"],
    ["2025-07-10", "order:red:9:2025-06-30"],
    ["2025-09-01", "order:red:9:2025-06-30"],
  ])("on %s: %s", (today, key) => {
    expect(orderFor(period, today)?.key ?? null).toBe(key);
  });

  it("counts the days overdue and follows the plan's thresholds", () => {
    expect(orderFor(period, "2025-07-05", { yellowOrderDays: 5, redOrderDays: 20 })).toEqual({
      level: "yellow",
      daysOverdue: 5,
      key: "order:yellow:9:2025-06-30",
    });
    expect(orderFor(period, "2025-07-04", { yellowOrderDays: 5, redOrderDays: 20 })).toBeNull();
  });
});

describe("rulesProblem", () => {
  const rules = rulesOf(null);
  it.each<[Partial<SupervisionRules>, string | null]>([
    [{}, null],
    [{ reminderDays: [] }, null],
    [{ reminderDays: [3, 3] }, "提醒天数不能重复"],
    [{ reminderDays: [0] }, "提醒天数须为 1 至 90 之间的整数"],
    [{ yellowOrderDays: 10, redOrderDays: 10 }, "红牌督办的逾期天数须大于黄牌督办的逾期天数"],
    [{ quietHours: { from: 8, to: 8 } }, "免打扰时段的开始和结束不能相同"],
  ])("%j: %s", (change, problem) => {
    expect(rulesProblem({ ...rules, ...change })).toBe(problem);
  });

  it("fills in the defaults a plan leaves out", () => {
    expect(rulesOf({ yellowOrderDays: 5 })).toEqual({ ...DEFAULT_SUPERVISION_RULES, yellowOrderDays: 5 });
  });
});
