import { describe, expect, it } from "vitest";
import { bulletinBlocks, LIST_LIMIT } from "./layout.js";
import {
  bulletinClosing,
  bulletinIntro,
  bulletinTitle,
  chineseDay,
  formatRate,
  lastEndedQuarter,
  periodName,
  periodPresets,
} from "./text.js";

describe("periodName", () => {
  it.each([
    ["2026-01-01", "2026-03-31", "2026年第一季度"],
    ["2026-04-01", "2026-06-30", "2026年第二季度"],
    ["2026-07-01", "2026-09-30", "2026年第三季度"],
    ["2026-10-01", "2026-12-31", "2026年第四季度"],
    ["2026-01-01", "2026-06-30", "2026年上半年"],
    ["2026-07-01", "2026-12-31", "2026年下半年"],
    ["2026-01-01", "2026-12-31", "2026年度"],
    ["2024-02-01", "2024-02-29", "2024年2月"],
    ["2026-02-01", "2026-03-31", "2026年2月1日至3月31日"],
    ["2026-07-01", "2026-08-15", "2026年7月1日至8月15日"],
    ["2025-12-01", "2026-02-28", "2025年12月1日至2026年2月28日"],
    ["2026-03-01", "2026-05-31", "2026年3月1日至5月31日"],
  ])("%s – %s is %s", (start, end, name) => {
    expect(periodName(start, end)).toBe(name);
  });
});

describe("the drafted words", () => {
  it("titles the bulletin after the plan and the period, without doubling the book-title marks", () => {
    expect(bulletinTitle("示例区法治政府建设实施方案", "2026-07-01", "2026-09-30")).toBe(
      "关于《示例区法治政府建设实施方案》2026年第三季度任务落实情况的通报",
    );
    expect(bulletinTitle("《示例方案》", "2026-01-01", "2026-12-31")).toBe(
      "关于《示例方案》2026年度任务落实情况的通报",
    );
  });

  it("formats rates to one decimal at most", () => {
    expect([formatRate(2 / 3), formatRate(1), formatRate(0), formatRate(0.5)]).toEqual(["66.7%", "100%", "0%", "50%"]);
    expect(chineseDay("2026-09-05")).toBe("2026年9月5日");
  });

  it("states the figures in the opening paragraph", () => {
    const figures = {
      planTitle: "示例方案",
      periodStart: "2026-07-01",
      periodEnd: "2026-09-30",
      today: "2026-10-08",
      units: 3,
      due: 6,
      done: 4,
      overdue: 1,
      overdueUnits: 1,
      returned: 2,
    };
    expect(bulletinIntro(figures)).toBe(
      "为推动《示例方案》各项任务落地见效，根据工作安排，现将2026年第三季度各单位任务落实情况通报如下。" +
        "截至2026年10月8日，本期到期任务共6项次，涉及3家单位，已完成4项次，完成率66.7%；" +
        "逾期未完成1项次，涉及1家单位；审核退回重办2份。",
    );
    expect(bulletinIntro({ ...figures, done: 6, overdue: 0, overdueUnits: 0, returned: 0 })).toMatch(
      /完成率100%；无逾期未完成任务；无退回重办的进展报告。$/,
    );
  });

  it("asks for rectification only when someone is named for a problem", () => {
    expect(bulletinClosing(true, "区司法局")).toMatch(/^请被通报的单位高度重视.*10个工作日内将整改情况报送区司法局。/);
    expect(bulletinClosing(false, "区司法局")).toMatch(/^希望各单位再接再厉/);
  });
});

describe("bulletinBlocks", () => {
  it("lays out the opening, the three tables and the requirements, saying so when a table would be empty", () => {
    const blocks = bulletinBlocks(
      {
        units: [{ unitName: "城关街道", due: 2, done: 1, overdue: 1, returned: 0, rate: 0.5 }],
        overdue: [
          {
            unitName: "城关街道",
            taskNumber: "3",
            taskText: "依法履行职责。",
            period: "2026年第三季度",
            dueOn: "2026-09-30",
            daysOverdue: 8,
          },
        ],
        returned: [],
      },
      "开头。",
      "要求。",
    );
    expect(blocks.map((b) => b.kind)).toEqual([
      "paragraph",
      "heading",
      "table",
      "heading",
      "table",
      "heading",
      "paragraph",
      "heading",
      "paragraph",
    ]);
    expect(blocks[2]).toMatchObject({ rows: [[1, "城关街道", 2, 1, 1, 0, "50%"]] });
    expect(blocks[4]).toMatchObject({
      rows: [[1, "城关街道", "第三项“依法履行职责”", "2026年第三季度", "2026年9月30日", 8]],
    });
    expect(blocks[6]).toEqual({ kind: "paragraph", text: "本期没有退回重办的进展报告。" });
    expect(blocks[8]).toEqual({ kind: "paragraph", text: "要求。" });
  });
});

describe("period presets", () => {
  it("offers the quarters, the halves and the year, each named as the title will name it", () => {
    const presets = periodPresets(2024);
    expect(presets.map((p) => [p.key, p.start, p.end])).toEqual([
      ["q1", "2024-01-01", "2024-03-31"],
      ["q2", "2024-04-01", "2024-06-30"],
      ["q3", "2024-07-01", "2024-09-30"],
      ["q4", "2024-10-01", "2024-12-31"],
      ["h1", "2024-01-01", "2024-06-30"],
      ["h2", "2024-07-01", "2024-12-31"],
      ["year", "2024-01-01", "2024-12-31"],
    ]);
    expect(presets.map((p) => periodName(p.start, p.end))).toEqual([
      "2024年第一季度",
      "2024年第二季度",
      "2024年第三季度",
      "2024年第四季度",
      "2024年上半年",
      "2024年下半年",
      "2024年度",
    ]);
  });

  it("picks the last quarter that has ended", () => {
    expect(lastEndedQuarter("2026-10-10")).toEqual({ year: 2026, key: "q3" });
    expect(lastEndedQuarter("2026-02-01")).toEqual({ year: 2025, key: "q4" });
    expect(lastEndedQuarter("2026-12-31")).toEqual({ year: 2026, key: "q3" });
  });
});

describe("long lists", () => {
  it("prints the most overdue 200 and says how many more the platform holds", () => {
    const overdue = Array.from({ length: 250 }, (_, i) => ({
      unitName: `单位${i}`,
      taskNumber: String(i + 1),
      taskText: "依法履行职责。",
      period: "2026年第三季度",
      dueOn: "2026-09-30",
      daysOverdue: 250 - i,
    }));
    const blocks = bulletinBlocks({ units: [], overdue, returned: [] }, "开头。", "要求。");
    const table = blocks.find((b) => b.kind === "table" && b.columns.includes("逾期天数"));
    expect(table?.kind === "table" && table.rows.length).toBe(LIST_LIMIT);
    expect(table?.kind === "table" && table.rows[0]).toEqual([
      1,
      "单位0",
      "第一项“依法履行职责”",
      "2026年第三季度",
      "2026年9月30日",
      250,
    ]);
    expect(blocks).toContainEqual({
      kind: "paragraph",
      text: "以上列出逾期时间最长的200项，另有50项逾期未完成任务，请登录平台查看。",
    });
  });
});
