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

  it.each([
    [
      "a long list before the figure, whole",
      "严格落实行政执法公示制度,行政执法主体、人员、职责、权限、依据、程序、救济渠道和行政执法事项清单、随机抽查事项清单100%向社会公布",
      {
        metric: "行政执法主体、人员、职责、权限、依据、程序、救济渠道和行政执法事项清单、随机抽查事项清单",
        value: 100,
      },
    ],
    [
      "a metric never starts inside a word when the look-back is cut",
      "将依法行政考核结果与干部任免奖惩挂钩并把行政执法主体、人员、职责、权限、依据、程序、救济渠道和行政执法事项清单、随机抽查事项清单100%公布",
      { metric: "人员、职责、权限、依据、程序、救济渠道和行政执法事项清单、随机抽查事项清单", value: 100 },
    ],
    [
      "a year and a filler word are not part of the metric",
      "力争2025年行政机关负责人出庭应诉率、发声率均达100%",
      { metric: "行政机关负责人出庭应诉率、发声率", op: ">=", value: 100 },
    ],
    [
      "一般 between the metric and its figure",
      "地方性法规、政府规章草案向社会公开征求意见期限一般不少于 30 日",
      { metric: "地方性法规、政府规章草案向社会公开征求意见期限", op: ">=", value: 30, unit: "日" },
    ],
    [
      "以上 after a space, and what the share is of",
      "90% 以上的市、县（区）和自治区政府部门（单位）达到全区法治政府建设达标要求",
      { metric: "市、县（区）和自治区政府部门（单位）", op: ">=", value: 90, unit: "%" },
    ],
    ["a bare verb before the figure", "完成 90% 以上指标任务的", { metric: "指标任务", op: ">=", value: 90 }],
    [
      "what is counted follows the figure, not who counts",
      "区政府每年至少公布一次重大行政决策事项目录",
      { metric: "重大行政决策事项目录", op: ">=", value: 1, unit: "次", period: "每年" },
    ],
    [
      "what is counted ends at 并",
      "对已经下放乡镇、街道的行政执法事项至少进行一次评估并及时予以调整",
      { metric: "评估", op: ">=", value: 1, unit: "次" },
    ],
  ])("metric: %s", (_name, text, expected) => {
    expect(findTargets(text)[0]).toMatchObject(expected);
  });

  it("gives each target of a list its own metric", () => {
    expect(findTargets("规范性文件报备率达到100%、审查率达到100%、纠错率达到100%").map((t) => t.metric)).toEqual([
      "规范性文件报备率",
      "审查率",
      "纠错率",
    ]);
  });

  it("finds nothing in text without figures", () => {
    expect(findTargets("加强组织领导，压实工作责任。")).toEqual([]);
  });
});
