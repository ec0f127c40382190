import { describe, expect, it } from "vitest";
import { findTargets } from "./targets.js";

describe("findTargets", () => {
  it.each([
    ["行政许可事项清单公布率达到 100%", { metric: "行政许可事项清单公布率", op: ">=", value: 100, unit: "%" }],
    ["投诉举报办结率达到90%以上", { metric: "投诉举报办结率", op: ">=", value: 90, unit: "%" }],
    ["规定时限内办结率90%以上", { metric: "规定时限内办结率", op: ">=", value: 90, unit: "%" }],
    ["社会公众总体满意度达到80%以上", { metric: "社会公众总体满意度", op: ">=", value: 80, unit: "%" }],
    ["居民公约和村规民约覆盖率达到100%", { metric: "居民公约和村规民约覆盖率", op: ">=", value: 100, unit: "%" }],
    ["行政复议决定履行率保持在100%", { metric: "行政复议决定履行率", op: "=", value: 100, unit: "%" }],
    ["所占比重不低于l0%", { op: ">=", value: 10, unit: "%" }],
    ["资格达到l00%", { value: 100, unit: "%" }],
    [
      "法制审核人员不少于本单位执法人员总数的5%",
      { metric: "法制审核人员(本单位执法人员总数)", op: ">=", value: 5, unit: "%" },
    ],
    ["每人每年接受不少于 60 学时的培训", { op: ">=", value: 60, unit: "学时", period: "每人每年" }],
    ["每年至少开展1次执法监督检查", { metric: "执法监督检查", op: ">=", value: 1, unit: "次", period: "每年" }],
    ["专题法治讲座不少于2期", { metric: "专题法治讲座", op: ">=", value: 2, unit: "期" }],
    ["每年至少举办一期领导干部法治专题培训班", { op: ">=", value: 1, unit: "期", period: "每年" }],
    ["每人每年不少於60學時", { op: ">=", value: 60, unit: "学时" }],
  ])("%s", (text, expected) => {
    expect(findTargets(text)[0]).toMatchObject(expected);
  });

  it("finds nothing in text without figures", () => {
    expect(findTargets("加强组织领导，压实工作责任。")).toEqual([]);
  });
});
