import { describe, expect, it } from "vitest";
import { parseText } from "./parse-text.js";
import type { ParseOptions } from "./types.js";

/** Task tables as the readers flatten them (one row a line, cells joined by " | "), in layouts of other issuers. */

const tasksOf = (text: string, options?: ParseOptions) =>
  parseText(text, options).tasks.map((t) => ({
    text: t.text,
    lead: t.leadUnits,
    others: [...t.responsibleUnits, ...t.cooperatingUnits],
    deadlines: t.deadlines.map((d) => d.text),
  }));

describe("task columns with unfamiliar headers", () => {
  it("reads a 民生实事 column as the tasks and an unnamed unit column by its cells", () => {
    const text = [
      "序号 | 民生实事 | 推进主体 | 时间安排",
      "1 | 新建社区法律服务站12个，实现村居法律顾问全覆盖。 | 区司法局、各镇街 | 2027年6月底前",
      "2 | 开通涉企行政执法投诉专线，投诉办结率达到95%以上。 | 区营商环境办 | 2027年9月底前",
      "3 | 推行轻微违法行为首违不罚清单，全年公开典型案例不少于10个。 | 区市场监管局、区城管局 | 长期坚持",
    ].join("\n");
    const result = parseText(text);
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0].roles).toEqual(["number", "text", "responsible", "deadline"]);
    expect(tasksOf(text)).toEqual([
      {
        text: "新建社区法律服务站12个，实现村居法律顾问全覆盖。",
        lead: [],
        others: ["区司法局", "各镇街"],
        deadlines: ["2027年6月底前"],
      },
      {
        text: "开通涉企行政执法投诉专线，投诉办结率达到95%以上。",
        lead: [],
        others: ["区营商环境办"],
        deadlines: ["2027年9月底前"],
      },
      {
        text: "推行轻微违法行为首违不罚清单，全年公开典型案例不少于10个。",
        lead: [],
        others: ["区市场监管局", "区城管局"],
        deadlines: ["长期坚持"],
      },
    ]);
  });

  it("uses the roles the user chose for the layout, by its header signature", () => {
    const text = [
      "序号 | 民生实事 | 推进主体 | 时间安排",
      "1 | 新建社区法律服务站12个。 | 区司法局、各镇街 | 2027年6月底前",
    ].join("\n");
    const [layout] = parseText(text).tables;
    const roles = { [layout.signature]: ["number", "text", "lead", "deadline"] as const };
    const result = parseText(text, { columnRoles: { [layout.signature]: [...roles[layout.signature]] } });
    expect(result.tables[0].mapped).toBe(true);
    expect(result.tasks[0].leadUnits).toEqual(["区司法局", "各镇街"]);
  });
});

describe("a grouping column before the task column", () => {
  it("makes each group a section and each detail row a task (the Word reader repeats the merged cell)", () => {
    const text = [
      "序号 | 工作任务 | 具体要求 | 责任单位 | 完成时限",
      "1 | 深化行政执法改革 | 梳理公布行政执法事项清单，实行动态调整。 | 区司法局 | 2027年3月底前",
      "2 | 深化行政执法改革 | 推进跨部门联合检查，减少重复检查。 | 区市场监管局 | 2027年6月底前",
      "3 | 强化执法监督 | 开展行政执法案卷评查，评查结果向社会通报。 | 区司法局 | 每年12月底前",
    ].join("\n");
    const result = parseText(text);
    expect(result.sections.map((s) => s.title)).toEqual(["深化行政执法改革", "强化执法监督"]);
    expect(tasksOf(text).map((t) => t.text)).toEqual([
      "梳理公布行政执法事项清单，实行动态调整。",
      "推进跨部门联合检查，减少重复检查。",
      "开展行政执法案卷评查，评查结果向社会通报。",
    ]);
    expect(result.tasks.map((t) => t.sectionId)).toEqual(["s1", "s1", "s2"]);
  });

  it("reads a group cell left blank under its first row (a PDF of a merged cell) the same way", () => {
    const text = [
      "类别 | 主要任务 | 牵头单位 | 完成时限",
      "制度建设 | 制定重大行政决策目录管理办法。 | 区政府办 | 2027年6月底前",
      " | 建立行政规范性文件合法性审核台账。 | 区司法局 | 长期坚持",
      "队伍建设 | 组织执法人员年度轮训，每人每年不少于60学时。 | 区司法局 | 每年11月底前",
    ].join("\n");
    expect(parseText(text).sections.map((s) => s.title)).toEqual(["制度建设", "队伍建设"]);
    expect(tasksOf(text).map((t) => [t.text.slice(0, 8), t.lead])).toEqual([
      ["制定重大行政决策", ["区政府办"]],
      ["建立行政规范性文", ["区司法局"]],
      ["组织执法人员年度", ["区司法局"]],
    ]);
  });
});

describe("several text columns", () => {
  it("takes a short title and its long measures as one task, title first, with the deadlines inside", () => {
    const text = [
      "序号 | 重点工作 | 具体措施 | 牵头单位 | 配合单位",
      "1 | 推行柔性执法 | 到2027年，制定不予处罚和从轻处罚清单；6月底前完成首批清单公布。 | 区司法局 | 各执法部门",
      "2 | 规范涉企检查 | 建立涉企检查计划统筹机制，每季度公布检查计划。 | 区营商环境办 | 区市场监管局",
    ].join("\n");
    const [first, second] = tasksOf(text);
    expect(first.text).toBe("推行柔性执法\n到2027年，制定不予处罚和从轻处罚清单；6月底前完成首批清单公布。");
    expect(first.deadlines).toEqual(["到2027年", "6月底前"]);
    expect(first.lead).toEqual(["区司法局"]);
    expect(second.text.startsWith("规范涉企检查")).toBe(true);
    expect(parseText(text).tasks[0].title).toBe("推行柔性执法");
  });
});

describe("merged cells and continuation rows", () => {
  it("joins a row under a merged 序号 cell to its task: the same number repeated, or none", () => {
    const text = [
      "序号 | 工作任务 | 责任单位 | 完成时限",
      "1 | 建立行政执法人员信息库。 | 区司法局 | 2027年3月底前",
      "1 | 信息库数据每半年更新一次。 | 各执法部门 | 长期坚持",
      "2 | 公开行政执法决定，公开率达到100%。 | 各执法部门 | 长期坚持",
      " | 已公开的决定被撤销的及时撤下。 |  | ",
    ].join("\n");
    expect(tasksOf(text)).toEqual([
      {
        text: "建立行政执法人员信息库。\n信息库数据每半年更新一次。",
        lead: [],
        others: ["区司法局", "各执法部门"],
        deadlines: ["2027年3月底前", "长期坚持"],
      },
      {
        text: "公开行政执法决定，公开率达到100%。\n已公开的决定被撤销的及时撤下。",
        lead: [],
        others: ["各执法部门"],
        deadlines: ["长期坚持"],
      },
    ]);
  });

  it("skips the header repeated at a page break", () => {
    const text = [
      "序号 | 工作任务 | 牵头单位 | 完成时限",
      "1 | 编制年度执法检查计划。 | 区司法局 | 每年2月底前",
      "序号 | 工作任务 | 牵头单位 | 完成时限",
      "2 | 开展执法案卷评查。 | 区司法局 | 每年11月底前",
    ].join("\n");
    expect(tasksOf(text).map((t) => t.text)).toEqual(["编制年度执法检查计划。", "开展执法案卷评查。"]);
    expect(parseText(text).tables).toHaveLength(1);
  });

  it("keeps header and body in their columns when a header cell spans two", () => {
    const text = [
      "序号 | 工作任务 | 责任单位 | 完成时限",
      "1 | 执法规范化 | 全面推行行政执法三项制度。 | 区司法局 | 长期坚持",
      "2 | 执法规范化 | 推行说理式执法文书。 | 各执法部门 | 2027年底前",
    ].join("\n");
    expect(tasksOf(text)).toEqual([
      { text: "全面推行行政执法三项制度。", lead: [], others: ["区司法局"], deadlines: ["长期坚持"] },
      { text: "推行说理式执法文书。", lead: [], others: ["各执法部门"], deadlines: ["2027年底前"] },
    ]);
  });
});

describe("flattened tables in text", () => {
  it("reads rows that open and close with |", () => {
    const text = [
      "| 序号 | 工作任务 | 牵头单位 | 完成时限 |",
      "|---|---|---|---|",
      "| 1 | 完善行政复议案件审理机制。 | 区司法局 | 2027年底前 |",
    ].join("\n");
    expect(tasksOf(text)).toEqual([
      { text: "完善行政复议案件审理机制。", lead: ["区司法局"], others: [], deadlines: ["2027年底前"] },
    ]);
  });
});

describe("unit cells", () => {
  it("keeps a place qualified in brackets and its agency one unit across a space", () => {
    const text = ["序号 | 工作任务 | 责任单位", "1 | 开展安全生产执法检查。 | 各县区(开发区) 安委会 区应急局"].join(
      "\n",
    );
    expect(tasksOf(text)[0].others).toEqual(["各县区(开发区) 安委会", "区应急局"]);
  });
});

describe("a table copied as one cell per line", () => {
  it("rebuilds rows from cells with | lines between, a row to a run", () => {
    const cells = (row: string[]) => row.flatMap((c, k) => (k === 0 ? [c] : ["|", c]));
    const text = [
      ...cells(["序号", "工作任务", "牵头单位", "完成时限"]),
      ...cells(["1", "建立行政执法监督员制度。", "区司法局", "2027年6月底前"]),
      ...cells(["2", "开展执法满意度测评。", "区司法局", "每年12月底前"]),
    ].join("\n");
    expect(tasksOf(text)).toEqual([
      { text: "建立行政执法监督员制度。", lead: ["区司法局"], others: [], deadlines: ["2027年6月底前"] },
      { text: "开展执法满意度测评。", lead: ["区司法局"], others: [], deadlines: ["每年12月底前"] },
    ]);
  });

  it("cuts one long run of cells into rows by the header's width", () => {
    const all = [
      "序号",
      "工作任务",
      "牵头单位",
      "完成时限",
      "1",
      "建立行政执法监督员制度。",
      "区司法局",
      "2027年6月底前",
    ];
    const text = all.flatMap((c) => [c, "|"]).join("\n");
    expect(tasksOf(text)).toEqual([
      { text: "建立行政执法监督员制度。", lead: ["区司法局"], others: [], deadlines: ["2027年6月底前"] },
    ]);
  });
});

describe("rows whose pieces do not match the header", () => {
  it("lays a continuation row copied without its merged cells on the right columns", () => {
    const text = [
      "序号 | 重点任务 | 责任单位 | 完成时限",
      "牵头单位 | 配合单位",
      "1 | 深入学习宣传宪法。 | 区委宣传部 | 区司法局 | 2027年12月底前",
      "组织开展宪法专题宣讲不少于20场。 | 2027年10月底前",
    ].join("\n");
    expect(tasksOf(text)).toEqual([
      {
        text: "深入学习宣传宪法。\n组织开展宪法专题宣讲不少于20场。",
        lead: ["区委宣传部"],
        others: ["区司法局"],
        deadlines: ["2027年12月底前", "2027年10月底前"],
      },
    ]);
  });

  it("reads cells separated by spaces when a unit list and a person's name hold spaces too", () => {
    const text = [
      "序号 工作内容 牵头单位 责任单位 主要责任人 完成时间",
      "1 修订防汛应急预案并组织演练 区应急局 区水利局、各镇（街道） 防汛指挥部 区应急局副局长 田某 2027年4月底前",
    ].join("\n");
    expect(tasksOf(text)).toEqual([
      {
        text: "修订防汛应急预案并组织演练",
        lead: ["区应急局"],
        others: ["区水利局", "各镇（街道） 防汛指挥部"],
        deadlines: ["2027年4月底前"],
      },
    ]);
  });
});

describe("a copied row whose cells hold line breaks", () => {
  it("joins the lines up to the one that completes the row", () => {
    const text = [
      "序号 | 具体措施 | 牵头单位 | 完成时限 |",
      "1 | 健全执法监督机制：",
      "（1）明确监督机构；",
      "（2）设立监督联络员。 | 区司法局 | 2027年6月底前 |",
      "2 | 开展案卷评查。 | 区司法局 | 每年11月底前 |",
    ].join("\n");
    expect(tasksOf(text).map((t) => [t.text.slice(0, 8), t.lead, t.deadlines])).toEqual([
      ["健全执法监督机制", ["区司法局"], ["2027年6月底前"]],
      ["开展案卷评查。", ["区司法局"], ["每年11月底前"]],
    ]);
  });
});

describe("a table copied from a browser or a spreadsheet", () => {
  it("reads cells separated by tabs, empty cells kept", () => {
    const text = [
      "序号\t工作任务\t牵头单位\t配合单位\t完成时限",
      "1\t建立行政执法监督员制度。\t区司法局\t各镇街、区人大办\t2027年6月底前",
      "2\t开展执法满意度测评。\t区司法局\t\t每年12月底前",
      "\t组织第三方评估。\t\t区统计局\t",
    ].join("\n");
    expect(tasksOf(text)).toEqual([
      {
        text: "建立行政执法监督员制度。",
        lead: ["区司法局"],
        others: ["各镇街", "区人大办"],
        deadlines: ["2027年6月底前"],
      },
      {
        text: "开展执法满意度测评。\n组织第三方评估。",
        lead: ["区司法局"],
        others: ["区统计局"],
        deadlines: ["每年12月底前"],
      },
    ]);
  });
});

describe("a table under headers the parser does not know", () => {
  const rows = ["1 | 推进行政规范性文件备案审查，做到有件必备。 | 区司法局", "2 | 开展行政执法案卷评查。 | 区城管局"];

  it("reads it by its cells when they say plainly what each column holds, and doubts it", () => {
    const result = parseText(["甲 | 乙 | 丙", ...rows].join("\n"));
    expect(result.tables[0].roles).toEqual(["number", "text", "responsible"]);
    expect(result.tasks.map((t) => [t.text, t.responsibleUnits])).toEqual([
      ["推进行政规范性文件备案审查，做到有件必备。", ["区司法局"]],
      ["开展行政执法案卷评查。", ["区城管局"]],
    ]);
    expect(result.tasks[0].doubts).toContain("表格的列含义由内容推断，请在“识别设置”中核对");
  });

  it("offers a table whose cells name no unit nor time for the user to map, and reads it as mapped", () => {
    const text = [
      "编号 | 说明 | 备注",
      "1 | 推进行政规范性文件备案审查。 | 见附表",
      "2 | 开展行政执法案卷评查。 | 见附表",
    ].join("\n");
    const result = parseText(text);
    expect(result.tasks).toEqual([]);
    expect(result.tables).toMatchObject([{ headers: ["编号", "说明", "备注"], mapped: false, rows: 2 }]);
    const mapped = parseText(text, {
      columnRoles: { [result.tables[0].signature]: ["number", "text", "responsible"] },
    });
    expect(mapped.tasks.map((t) => [t.text, t.responsibleUnits])).toEqual([
      ["推进行政规范性文件备案审查。", ["见附表"]],
      ["开展行政执法案卷评查。", ["见附表"]],
    ]);
  });
});

describe("what only looks like a table", () => {
  it("keeps a list copied from Word with a tab after each number a list", () => {
    const text = "一、\t重点任务\n1.\t完善行政执法制度，规范执法程序。（牵头单位：区司法局）";
    const result = parseText(text);
    expect(result.sections.map((s) => s.title)).toEqual(["重点任务"]);
    expect(tasksOf(text)).toEqual([
      { text: "完善行政执法制度，规范执法程序。", lead: ["区司法局"], others: [], deadlines: [] },
    ]);
  });

  it("takes a row with its task cell alone as a task, not a heading", () => {
    const text = [
      "工作任务 | 牵头单位 | 完成时限",
      "完善行政执法制度。 | 区司法局 | 2025年底前",
      "建立行政执法协调机制 |  | ",
      "推进执法公示制度。 | 区公安局 | 2026年底前",
    ].join("\n");
    expect(parseText(text).sections).toEqual([]);
    expect(tasksOf(text).map((t) => t.text)).toEqual([
      "完善行政执法制度。",
      "建立行政执法协调机制",
      "推进执法公示制度。",
    ]);
  });
});
