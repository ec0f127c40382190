import { describe, expect, it } from "vitest";
import { dueWithinDaysOf, LISTED, type NoticeFacts, noticeText } from "./notice-text.js";

const period = (i: number, notice: NoticeFacts["notice"]): NoticeFacts => ({
  notice,
  planTitle: "法治政府建设“四大行动”任务分工方案",
  taskNumber: String(i + 1),
  taskTitle: i === 0 ? "严格落实重大行政决策程序" : null,
  taskText: "严格落实重大行政决策程序规定，决策事项目录向社会公布。",
  label: "2025年第一季度",
  dueOn: `2025-03-${String(10 + i).padStart(2, "0")}`,
});
const urge = (i: number) => period(i, { kind: "urge", key: `urge:${i}` });
const reminder = (i: number, days: number) => period(i, { kind: "reminder", days, key: `reminder:${days}:${i}` });

describe("the words of reminders and urging notices", () => {
  it("names the one period, and lists the first few of many, due date first, counting the rest", () => {
    expect(noticeText([urge(0)])).toEqual({
      title: "催办：第一项任务（2025年第一季度）已逾期",
      body: expect.stringMatching(
        /^《法治政府建设“四大行动”任务分工方案》第一项“严格落实重大行政决策程序”的“2025年第一季度”已于2025年3月10日到期/,
      ),
    });
    const many = noticeText([8, 2, 0, 5, 1, 3, 7, 4, 6].map(urge));
    expect(many.title).toBe("催办：9 项任务逾期未报送");
    const lines = many.body.split("\n");
    expect(lines.filter((line) => /^\d\. /.test(line))).toHaveLength(LISTED);
    expect(lines[1]).toMatch(/^1\. .*第一项“严格落实重大行政决策程序”“2025年第一季度”，2025年3月10日到期$/);
    expect(lines[2]).toMatch(/^2\. .*第二项“严格落实重大行政决策程序规定，决策事项目……”“2025年第一季度”/);
    expect(many.body).toContain("……等 9 项。");
  });

  it("opens the smallest window of 我的任务 that holds a reminder's periods", () => {
    expect(dueWithinDaysOf([reminder(0, 1), reminder(1, 7)])).toBe(7);
    expect(dueWithinDaysOf([reminder(0, 14)])).toBe(30);
    expect(dueWithinDaysOf([reminder(0, 120)])).toBe(90);
    expect(noticeText([reminder(0, 1), reminder(1, 7)]).body).toContain("将于 7 天内到期");
  });
});
