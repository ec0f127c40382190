import { describe, expect, it } from "vitest";
import { deadlineFromField, findDeadlines } from "./deadlines.js";

describe("findDeadlines", () => {
  it.each([
    ["2016年12月底前,完成清理", { text: "2016年12月底前", kind: "date", due: "2016-12-31" }],
    ["2017年底前,完成对证照的清理", { text: "2017年底前", kind: "date", due: "2017-12-31" }],
    ["2024年6月15日前报送", { text: "2024年6月15日前", kind: "date", due: "2024-06-15" }],
    ["2024年2月底前报送", { text: "2024年2月底前", kind: "date", due: "2024-02-29" }],
    ["二〇二五年六月底前完成", { text: "二〇二五年六月底前", kind: "date", due: "2025-06-30" }],
    ["5月底前完成平台改版", { text: "5月底前", kind: "date", due: "2024-05-31" }],
    ["每年2月底前报送", { text: "每年2月底前", kind: "recurring", rule: { every: "year", month: 2, day: "end" } }],
    [
      "决策承办单位每年第四季度向决策机关报告",
      { text: "每年第四季度", kind: "recurring", rule: { every: "year", quarter: 4 } },
    ],
    [
      "自作出行为之日起15日内报区司法局备案",
      { text: "自作出行为之日起15日内", kind: "relative", rule: { amount: 15, unit: "day", after: "作出行为" } },
    ],
    ["在14个工作日内办结", { text: "14个工作日内", kind: "relative", rule: { amount: 14, unit: "workday" } }],
    [
      "自受理之日起十五日内作出决定",
      { text: "自受理之日起十五日内", kind: "relative", rule: { amount: 15, unit: "day" } },
    ],
    ["力争到2025年，全区有2个市", { text: "到2025年", kind: "until", due: "2025-12-31" }],
    ["到 2025 年，90% 以上的市", { text: "到 2025 年", kind: "until", due: "2025-12-31" }],
    ["2024年第三季度末前完成", { text: "2024年第三季度末前", kind: "date", due: "2024-09-30" }],
    ["年底前完成事项清理", { text: "年底前", kind: "date", due: "2024-12-31" }],
    ["上半年完成平台升级", { text: "上半年", kind: "date", due: "2024-06-30" }],
  ])("%s", (text, expected) => {
    expect(findDeadlines(text, 2024)[0]).toMatchObject(expected);
  });

  it.each([
    ["frequencies", "每年至少开展1次执法监督检查，每半年通报一次"],
    ["minimum periods", "公开征求意见期限一般不少于 30 日"],
    ["start points", "自 2023 年起，每年评估认定一批"],
    ["bare years", "力争2025年行政机关负责人出庭应诉率达100%"],
    ["ranges in titles", "《法治政府建设实施纲要（2021—2025年）》"],
    ["issue dates", "2023年6月4日印发"],
  ])("ignores %s", (_name, text) => {
    expect(findDeadlines(text, 2024)).toEqual([]);
  });

  it("lists each phrase once, in order", () => {
    const text = "2016年12月底前建立机制。区政府每年第一季度报告,政府部门每年第一季度报告。2017年6月底前完成";
    expect(findDeadlines(text, null).map((d) => d.text)).toEqual(["2016年12月底前", "每年第一季度", "2017年6月底前"]);
  });

  it("leaves the due date out when a month has no year and the plan's year is unknown", () => {
    expect(findDeadlines("5月底前完成", null)[0]).toEqual({ text: "5月底前", kind: "date" });
  });
});

describe("deadlineFromField", () => {
  it.each([
    ["长期坚持", { text: "长期坚持", kind: "ongoing" }],
    ["持续推进", { text: "持续推进", kind: "ongoing" }],
    ["長期堅持", { text: "長期堅持", kind: "ongoing" }],
    [
      "2024 年 6 月 15 日前并长期坚持",
      { text: "2024 年 6 月 15 日前并长期坚持", kind: "date", due: "2024-06-15", rule: { thenOngoing: true } },
    ],
    ["每年 1 月底前", { text: "每年 1 月底前", kind: "recurring", rule: { every: "year", month: 1, day: "end" } }],
    ["2025年11月底前", { text: "2025年11月底前", kind: "date", due: "2025-11-30" }],
  ])("%s", (value, expected) => {
    expect(deadlineFromField(value, 2024)).toEqual(expected);
  });
});
