import { describe, expect, it } from "vitest";
import type { Deadline } from "../parser/types.js";
import { assignedSchedule, dueDates, type PlanPeriod, periodOf } from "./schedule.js";

const period: PlanPeriod = { year: 2024, endYear: 2025, cadence: "quarterly" };
const dates = (deadlines: Deadline[], p = period) => dueDates(deadlines, p).map((d) => `${d.dueOn} ${d.label}`);

describe("dueDates", () => {
  it("lets a yearly rule fall due only after the plan was issued", () => {
    const rule: Deadline = { text: "每年1月31日前", kind: "recurring", rule: { every: "year", month: 1, day: 31 } };
    const issuedInMarch = { year: 2026, endYear: 2026, cadence: "quarterly", date: "2026-03-15" } as const;
    expect(dates([rule], issuedInMarch)).toEqual(["2027-01-31 2027年度"]);
    expect(dates([rule], { ...issuedInMarch, endYear: 2028 })).toEqual(["2027-01-31 2027年度", "2028-01-31 2028年度"]);
    expect(dates([rule], { ...issuedInMarch, date: "2026-01-10" })).toEqual(["2026-01-31 2026年度"]);
    // a plan of unknown date keeps every year's
    expect(dates([rule], { ...issuedInMarch, date: null })).toEqual(["2026-01-31 2026年度"]);
  });

  it.each<[string, Deadline, string[]]>([
    ["a date", { text: "2024年6月底前", kind: "date", due: "2024-06-30" }, ["2024-06-30 完成时限"]],
    ["until", { text: "到2025年", kind: "until", due: "2025-12-31" }, ["2025-12-31 完成时限"]],
    ["a date without a year", { text: "6月底前", kind: "date" }, []],
    [
      "每年2月底前",
      { text: "每年2月底前", kind: "recurring", rule: { every: "year", month: 2, day: "end" } },
      ["2024-02-29 2024年度", "2025-02-28 2025年度"],
    ],
    [
      "每年3月前",
      { text: "每年3月前", kind: "recurring", rule: { every: "year", month: 3, day: "before" } },
      ["2024-02-29 2024年度", "2025-02-28 2025年度"],
    ],
    [
      "每年6月30日前",
      { text: "每年6月30日前", kind: "recurring", rule: { every: "year", month: 6, day: 30 } },
      ["2024-06-30 2024年度", "2025-06-30 2025年度"],
    ],
    [
      "每年第四季度",
      { text: "每年第四季度", kind: "recurring", rule: { every: "year", quarter: 4 } },
      ["2024-12-31 2024年度", "2025-12-31 2025年度"],
    ],
    [
      "每年上半年",
      { text: "每年上半年", kind: "recurring", rule: { every: "year", part: "上半年" } },
      ["2024-06-30 2024年度", "2025-06-30 2025年度"],
    ],
    ["relative", { text: "作出决定之日起15个工作日内", kind: "relative", rule: { amount: 15, unit: "workday" } }, []],
  ])("%s", (_, deadline, expected) => {
    expect(dates([deadline])).toEqual(expected);
  });

  it("gives an ongoing task one due date per period of the plan's cadence", () => {
    const ongoing: Deadline = { text: "长期坚持", kind: "ongoing" };
    expect(dates([ongoing], { year: 2025, endYear: 2025, cadence: "quarterly" })).toEqual([
      "2025-03-31 2025年第一季度",
      "2025-06-30 2025年第二季度",
      "2025-09-30 2025年第三季度",
      "2025-12-31 2025年第四季度",
    ]);
    expect(dates([ongoing], { year: 2025, endYear: 2025, cadence: "half_yearly" })).toEqual([
      "2025-06-30 2025年上半年",
      "2025-12-31 2025年下半年",
    ]);
    expect(dates([ongoing], { year: 2025, endYear: 2026, cadence: "yearly" })).toEqual([
      "2025-12-31 2025年度",
      "2026-12-31 2026年度",
    ]);
    expect(dueDates([ongoing], { year: 2025, endYear: 2025, cadence: "monthly" })).toHaveLength(12);
    // no deadline at all: reported like an ongoing task
    expect(dates([], { year: 2025, endYear: 2025, cadence: "half_yearly" })).toHaveLength(2);
  });

  it("reads 每季度 and 每月 rules", () => {
    const quarterly: Deadline = { text: "每季度末", kind: "recurring", rule: { every: "quarter", day: "end" } };
    expect(dates([quarterly], { year: 2025, endYear: 2025, cadence: "yearly" })[0]).toBe("2025-03-31 2025年第一季度");
    const fifth: Deadline = { text: "每季度5日前", kind: "recurring", rule: { every: "quarter", day: 5 } };
    expect(dates([fifth], { year: 2025, endYear: 2025, cadence: "yearly" }).at(-1)).toBe("2026-01-05 2025年第四季度");
    const monthly: Deadline = { text: "每月5日前", kind: "recurring", rule: { every: "month", day: 5 } };
    expect(dates([monthly], { year: 2025, endYear: 2025, cadence: "yearly" })[1]).toBe("2025-02-05 2025年2月");
  });

  it("continues a date then 长期坚持 by cadence after the date, without repeats", () => {
    const deadline: Deadline = {
      text: "2025年6月底前并长期坚持",
      kind: "date",
      due: "2025-06-30",
      rule: { thenOngoing: true },
    };
    expect(dates([deadline], { year: 2025, endYear: 2025, cadence: "quarterly" })).toEqual([
      "2025-06-30 完成时限",
      "2025-09-30 2025年第三季度",
      "2025-12-31 2025年第四季度",
    ]);
    const twice = dueDates([deadline, { text: "2025年6月底前", kind: "date", due: "2025-06-30" }], period);
    expect(twice.filter((d) => d.dueOn === "2025-06-30")).toHaveLength(1);
  });
});

describe("dueDates labels", () => {
  it("tells apart the periods of one task that would share a label, by the day they fall due", () => {
    const twoDates: Deadline[] = [
      { text: "2024年6月底前", kind: "date", due: "2024-06-30" },
      { text: "2024年12月底前", kind: "date", due: "2024-12-31" },
    ];
    expect(dates(twoDates)).toEqual(["2024-06-30 完成时限（2024年6月30日）", "2024-12-31 完成时限（2024年12月31日）"]);
    const twoYearly: Deadline[] = [
      { text: "每年2月底前", kind: "recurring", rule: { every: "year", month: 2, day: "end" } },
      { text: "每年10月底前", kind: "recurring", rule: { every: "year", month: 10, day: "end" } },
    ];
    const labels = dueDates(twoYearly, period).map((d) => d.label);
    expect(labels).toEqual([
      "2024年度（2月29日）",
      "2024年度（10月31日）",
      "2025年度（2月28日）",
      "2025年度（10月31日）",
    ]);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe("periodOf", () => {
  const today = new Date("2026-11-22T00:00:00Z");
  it.each<[string | null, string | null, string | null, [number, number]]>([
    ["利通区法治政府建设实施方案(2016-2020年)(征求意见稿)", "2016-08-19", null, [2016, 2020]],
    ["沙坡头区法治政府建设“四大行动(2025年)”任务分工方案", "2025-06-26", null, [2025, 2025]],
    ["关于推进法治政府建设 “八大提升行动”的实施方案", "2023-06-04", null, [2023, 2023]],
    ["吴忠市红寺堡区关于提升行政执法质量三年行动任务分工方案", null, "根据《实施方案(2023-2025年)》", [2023, 2025]],
    ["某方案", null, null, [2026, 2026]],
  ])("%s", (title, date, text, [year, endYear]) => {
    expect(periodOf({ title, date, text }, today)).toEqual({ year, endYear });
  });
});

describe("a late 交办 (assignedSchedule)", () => {
  const quarters = dueDates([], { year: 2026, endYear: 2026, cadence: "quarterly" });

  it("leaves the periods due before the 交办 out as 不适用, and keeps one due on its day", () => {
    const { due, notApplicable } = assignedSchedule(quarters, "2026-09-30", {
      rule: "not_applicable",
      catchUpDays: 15,
    });
    expect(notApplicable.map((d) => d.label)).toEqual(["2026年第一季度", "2026年第二季度"]);
    expect(due.map((d) => d.dueOn)).toEqual(["2026-09-30", "2026-12-31"]);
  });

  it("makes them due N days after the 交办 under catch_up, in date order", () => {
    const { due, notApplicable } = assignedSchedule(quarters, "2026-12-20", { rule: "catch_up", catchUpDays: 15 });
    expect(notApplicable).toEqual([]);
    expect(due.map((d) => [d.label, d.dueOn])).toEqual([
      ["2026年第四季度", "2026-12-31"],
      ["2026年第一季度", "2027-01-04"],
      ["2026年第二季度", "2027-01-04"],
      ["2026年第三季度", "2027-01-04"],
    ]);
  });

  it("changes nothing for a 交办 before every period", () => {
    expect(assignedSchedule(quarters, "2026-01-01", { rule: "not_applicable", catchUpDays: 15 })).toEqual({
      due: quarters,
      notApplicable: [],
    });
  });
});
