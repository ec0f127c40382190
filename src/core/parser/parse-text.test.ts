import { describe, expect, it } from "vitest";
import { parseText } from "./parse-text.js";

type Row = [string, string, Array<{ start: string; lead?: string[]; others?: string[]; deadlines?: string[] }>];

const tasksOf = (text: string) =>
  parseText(text).tasks.map((t) => ({
    start: t.text.slice(0, 10),
    lead: t.leadUnits,
    others: [...t.responsibleUnits, ...t.cooperatingUnits],
    deadlines: t.deadlines.map((d) => d.text),
  }));

describe("parseText on the styles of the seed plans", () => {
  it.each<Row>([
    [
      "labelled lines after each task, lists mixing , and 、 (seed 000)",
      "一、全力推进公正文明执法水平提升行动\n坚持把严格规范公正文明执法理念贯穿到执法全过程。\n" +
        "2.规范执法程序。各乡镇作出重大行政执法决定的,自作出行为之日起15日内报沙坡头区司法局备案。\n" +
        "责任单位:各乡镇,各行政执法部门\n" +
        "3.规范执法文书使用。根据法律法规立改废释情况,进一步修订完善示范文本。\n" +
        "牵头单位:区司法局(行政执法协调监督局)\n责任单位:各乡镇,各行政执法部门\n",
      [
        {
          start: "规范执法程序。各乡镇作出",
          lead: [],
          others: ["各乡镇", "各行政执法部门"],
          deadlines: ["自作出行为之日起15日内"],
        },
        {
          start: "规范执法文书使用。根据法",
          lead: ["区司法局(行政执法协调监督局)"],
          others: ["各乡镇", "各行政执法部门"],
          deadlines: [],
        },
      ],
    ],
    [
      "colons with and without spaces, a task broken by a page break (seed 002)",
      "(二)全面推进严格规范公正文明执法\n\n" +
        "9. 除法律、行政法规另有规定的外,行政执法决定公开率达\n\n到 100%，已公开的行政执法决定及时撤下。\n\n" +
        "责任单位：各行政执法部门〔单位〕、各乡镇〔街道〕\n\n完成时限：长期坚持\n\n" +
        "31. 积极探索司法所协助乡镇人民政府开展监督工作的方式方法。\n\n牵头单位: 司法局\n\n配合单位: 各乡镇〔街道〕\n\n" +
        "完成时限: 2024 年 10 月底前并长期坚持\n",
      [
        {
          start: "除法律、行政法规另有规定",
          others: ["各行政执法部门〔单位〕", "各乡镇〔街道〕"],
          deadlines: ["长期坚持"],
        },
        {
          start: "积极探索司法所协助乡镇人",
          lead: ["司法局"],
          others: ["各乡镇〔街道〕"],
          deadlines: ["2024 年 10 月底前并长期坚持"],
        },
      ],
    ],
    [
      "sub-items with inline clauses, then a 效果指标 list (seed 003)",
      "(一)依法全面履行政府职能\n具体措施:\n1.深化行政审批制度改革。\n" +
        "1)全面清理行政审批事项。2016年12月底前,完成清理。2017年底前,完成对证照的清理(区编办牵头,各有关部门负责)。\n" +
        "2)简化行政审批手续。2016年12月底前,全面推行一个窗口办理(区政务服务中心牵头,各有关部门负责)。\n" +
        "8.强化生态环境保护。2018年12月底前,健全责任追究制度(区环保局牵头,发改局、财政局等有关部门配合)。\n" +
        "效果指标:\n1)行政审批事项目录化管理达到100%。\n2)社会公众总体满意度达到80%以上。\n(二)完善依法行政制度体系\n",
      [
        {
          start: "全面清理行政审批事项。20",
          lead: ["区编办"],
          others: ["各有关部门"],
          deadlines: ["2016年12月底前", "2017年底前"],
        },
        {
          start: "简化行政审批手续。201",
          lead: ["区政务服务中心"],
          others: ["各有关部门"],
          deadlines: ["2016年12月底前"],
        },
        {
          start: "强化生态环境保护。201",
          lead: ["区环保局"],
          others: ["发改局", "财政局等有关部门"],
          deadlines: ["2018年12月底前"],
        },
      ],
    ],
    [
      "排序第一的单位为牵头单位,下同 said once (seed 004)",
      "一、加强党的领导\n1.加强党对法治政府建设的领导。建立合作机制。(责任单位:区委依法治区办、区政府办公室、区司法局。排序第一的单位为牵头单位,下同)\n" +
        "2.强化法治督察。聚焦主体责任。(责任单位:区司法局、各镇(街道)、各单位各部门)  \n",
      [
        { start: "加强党对法治政府建设的领", lead: ["区委依法治区办"], others: ["区政府办公室", "区司法局"] },
        { start: "强化法治督察。聚焦主体责", lead: ["区司法局"], others: ["各镇(街道)", "各单位各部门"] },
      ],
    ],
    [
      "no units anywhere; 工作要求 items are not tasks (seed 001)",
      "二、目标任务\n\n（一）实施法治政府建设示范创建提升行动。\n\n" +
        "1. 积极争创全国法治政府建设示范地区。力争到2025年，全区有2个市获得命名。\n\n" +
        "2. 开展示范创建活动。自 2023 年起，每年评估认定一批示范地区。\n\n" +
        "三、工作要求\n\n(一) 加强组织领导。各级人民政府要切实履行主体责任。\n\n(二) 完善保障机制。各地要将经费列入预算。\n",
      [
        { start: "积极争创全国法治政府建设", lead: [], others: [], deadlines: ["到2025年"] },
        { start: "开展示范创建活动。自 2", lead: [], others: [], deadlines: [] },
      ],
    ],
  ])("%s", (_name, text, expected) => {
    expect(tasksOf(text)).toMatchObject(expected.map((t) => ({ ...t, start: t.start.slice(0, 10) })));
  });
});

describe("parseText output contract", () => {
  const text =
    "宁夏回族自治区人民政府办公厅文件\n宁政办发〔2023〕21号\n关于推进法治政府建设“八大提升行动”的实施方案\n" +
    "一、总体要求\n以全面完成各项任务为目标。\n二、目标任务\n（一）实施示范创建提升行动。\n" +
    "1. 积极争创示范地区。力争到2025年，3个项目获得命名。\n2. 提高公众参与度。开展群众满意度测评，满意度达到80%以上。\n" +
    "宁夏回族自治区人民政府办公厅\n2023年6月4日印发\n";
  const result = parseText(text);

  it("reads title, document number, issuer and date", () => {
    expect(result).toMatchObject({
      title: "关于推进法治政府建设“八大提升行动”的实施方案",
      docNumber: "宁政办发〔2023〕21号",
      issuer: "宁夏回族自治区人民政府办公厅",
      date: "2023-06-04",
    });
  });

  it("gives sections, paths, titles and source offsets into the normalised text", () => {
    expect(result.sections.map((s) => [s.number, s.title])).toEqual([
      ["一", "总体要求"],
      ["二", "目标任务"],
      ["(一)", "实施示范创建提升行动"],
    ]);
    const [first, second] = result.tasks;
    expect(first).toMatchObject({ number: "1", path: ["二", "(一)", "1"], title: "积极争创示范地区", parentId: null });
    expect(first.sectionId).toBe(result.sections[2].id);
    expect(result.text.slice(first.source.start, first.source.end)).toBe(`1. ${first.text}`);
    expect(second.targets).toEqual([{ text: "满意度达到80%以上", metric: "满意度", op: ">=", value: 80, unit: "%" }]);
  });
});

describe("parseText on hand-written documents in other styles", () => {
  it("brackets: (X牵头,Y负责), 〔〕, (责任单位:…), qualifiers kept, 不含6亩 stays, sparse numbers", async () => {
    const { tasks, warnings } = parseText(await doc("paren-clauses"));
    expect(tasks.map((t) => t.number)).toEqual(["1", "2", "3", "5", "6", "8"]);
    expect(tasks[0]).toMatchObject({ leadUnits: ["县政府办公室"], responsibleUnits: ["县司法局"] });
    expect(tasks[1].text).toContain("(不含6亩以下零星用地)");
    expect(tasks[1]).toMatchObject({ leadUnits: ["县自然资源局", "县财政局"], cooperatingUnits: ["各乡镇(街道)"] });
    expect(tasks[2]).toMatchObject({
      leadUnits: ["县政府办公室"],
      responsibleUnits: ["各县(市、区)人民政府", "各有关部门"],
    });
    expect(tasks[3].responsibleUnits).toEqual(["县政务服务中心", "各镇(街道)", "县财政局"]);
    expect(tasks[3].deadlines).toEqual([{ text: "5月底前", kind: "date", due: "2024-05-31" }]);
    // ① ② without clauses of their own belong to task 6, whose clause follows them
    expect(tasks[4]).toMatchObject({ leadUnits: ["县司法局"], responsibleUnits: ["各行政执法部门"] });
    expect(tasks[4].deadlines.map((d) => d.text)).toEqual(["2024年6月底前", "每年第一季度"]);
    expect(tasks[5].leadUnits).toEqual(["县司法局(行政执法协调监督局)"]);
    expect(warnings.map((w) => w.code)).toContain("numbering_gap");
  });

  it("traditional characters: 牽頭單位 / 責任單位 / 完成時限", async () => {
    const { tasks } = parseText(await doc("traditional"));
    expect(tasks).toMatchObject([
      {
        leadUnits: ["市司法局"],
        responsibleUnits: ["各縣(市、區)人民政府", "市直各行政執法部門"],
        deadlines: [{ text: "2024年12月底前" }],
      },
      {
        responsibleUnits: ["市司法局", "市人力資源和社會保障局"],
        cooperatingUnits: ["各縣(市、區)人民政府"],
        deadlines: [{ kind: "ongoing" }],
      },
    ]);
  });

  it.each(["table-pipe", "table-cells", "table-spaces"])("flattened task table: %s", async (name) => {
    const { tasks, title } = parseText(await doc(name));
    expect(title).not.toBeNull();
    expect(tasks.length).toBe(name === "table-pipe" ? 4 : 3);
    for (const t of tasks) {
      expect(t.leadUnits.length + t.responsibleUnits.length + t.cooperatingUnits.length).toBeGreaterThan(0);
      expect(t.deadlines).toHaveLength(1);
    }
  });

  it("table rows keep their sections and columns in any order", async () => {
    const { tasks, sections } = parseText(await doc("table-pipe"));
    expect(sections.map((s) => s.title)).toEqual(["依法全面履行政府职能", "严格规范公正文明执法"]);
    expect(tasks[0]).toMatchObject({
      path: ["一", "1"],
      text: "动态调整权责清单，并向社会公布。",
      leadUnits: ["区委编办"],
      responsibleUnits: ["各部门", "各镇(街道)"],
      deadlines: [{ text: "2025年6月底前", due: "2025-06-30" }],
    });
  });

  it("a 类别 column repeated on every row makes one section per group", () => {
    const { sections, tasks } = parseText(
      "序号 | 类别 | 重点任务 | 牵头单位\n1 | 依法行政 | 任务甲。 | 区司法局\n2 | 依法行政 | 任务乙。 | 区财政局\n3 | 公正执法 | 任务丙。 | 区司法局\n",
    );
    expect(sections.map((s) => s.title)).toEqual(["依法行政", "公正执法"]);
    expect(tasks.map((t) => [t.sectionId, t.text, t.leadUnits])).toEqual([
      [sections[0].id, "任务甲。", ["区司法局"]],
      [sections[0].id, "任务乙。", ["区财政局"]],
      [sections[1].id, "任务丙。", ["区司法局"]],
    ]);
  });

  it("a table without a 序号 column takes numbers from the task cell", () => {
    const { tasks } = parseText(
      "重点任务 | 牵头单位 | 完成时限\n1.建立台账。 | 区司法局 | 2024年底前\n2.开展评查。 | 区财政局 | 长期坚持\n",
    );
    expect(tasks.map((t) => [t.number, t.text, t.leadUnits])).toEqual([
      ["1", "建立台账。", ["区司法局"]],
      ["2", "开展评查。", ["区财政局"]],
    ]);
  });

  it("(1) and ① numbering; a parent with its own clause is a task; 工作要求 items and people are not", async () => {
    const { tasks } = parseText(await doc("numbering-styles"));
    expect(tasks.map((t) => t.path.join("/"))).toEqual([
      "一/(一)/(1)",
      "一/(一)/(2)",
      "一/(一)/(4)",
      "一/(二)/①",
      "一/(二)/②",
      "一/(二)/②/1)",
    ]);
    expect(tasks[5].parentId).toBe(tasks[4].id);
    expect(tasks.flatMap((t) => [...t.leadUnits, ...t.responsibleUnits])).not.toContain("张三");
  });

  it("排序第一的单位为牵头单位; 牵头领导 and 责任领导 are not units", async () => {
    const { tasks } = parseText(await doc("first-is-lead"));
    expect(tasks.map((t) => [t.leadUnits, t.responsibleUnits])).toEqual([
      [["县委依法治县办"], ["县政府办公室", "县司法局"]],
      [["县司法局"], ["县委依法治县办", "各乡镇"]],
      [["县政府办公室"], []],
    ]);
  });

  it("outline numbers 1.1, (牵头) inside a list, time limits inside a clause, attachments are not tasks", async () => {
    const { tasks } = parseText(await doc("outline-numbers"));
    expect(tasks.map((t) => t.number)).toEqual(["1.1", "1.2", "2.1"]);
    expect(tasks[0]).toMatchObject({ leadUnits: ["区司法局"], responsibleUnits: ["区财政局"] });
    expect(tasks[1]).toMatchObject({
      responsibleUnits: ["区司法局"],
      cooperatingUnits: ["各行政执法部门"],
      deadlines: [{ text: "每季度", kind: "recurring" }],
      targets: [{ metric: "案卷合格率", op: ">=", value: 95, unit: "%" }],
    });
    expect(tasks[2]).toMatchObject({
      text: "健全行政执法监督体系。",
      leadUnits: ["区司法局"],
      cooperatingUnits: ["各部门"],
      deadlines: [{ text: "2025年6月底前", due: "2025-06-30" }],
    });
  });

  it("hard-wrapped lines are joined back into their sentences", async () => {
    const { tasks } = parseText(await doc("wrapped"));
    expect(tasks.map((t) => t.text)).toEqual([
      "深化行政审批制度改革，全面清理行政审批事项，2024年6月底前公布清理结果。",
      "加强行政规范性文件管理，合法性审核率达到100%。",
      "自觉接受人大监督、民主监督。",
    ]);
    expect(tasks[0]).toMatchObject({ leadUnits: ["区编办"], responsibleUnits: ["各有关部门"] });
    expect(tasks[2].responsibleUnits).toEqual(["人大办", "政协办", "区法院"]);
  });

  it("without any clauses, the shallowest items that end a branch are the tasks", () => {
    const { tasks, sections } = parseText(
      "一、依法全面履行政府职能\n（一）深化行政审批制度改革。年底前完成事项清理。\n（二）推进政务公开。\n" +
        "1.推进决策公开。\n2.推进执行公开。\n（三）加强市场监管。\n二、保障措施\n（一）加强组织领导。\n",
    );
    expect(tasks.map((t) => t.path.join("/"))).toEqual(["一/(一)", "一/(二)", "一/(三)"]);
    expect(tasks[1].text).toBe("推进政务公开。\n1.推进决策公开。\n2.推进执行公开。");
    expect(sections.map((s) => s.title)).toEqual(["依法全面履行政府职能", "保障措施", "加强组织领导"]);
  });

  it("field values on the line after their label, or wrapped after a separator, are read whole", () => {
    const { tasks, sections } = parseText(
      "一、任务\n1.推进执法监督。加强指导。\n牵头单位：\n区司法局\n责任单位：区人力资源和社会保障局、\n区财政局\n" +
        "完成时限：\n2024年底前\n2.第二项任务。\n责任单位：各乡镇、各部门\n某某区人民政府办公室\n2024年6月4日",
    );
    expect(tasks.map((t) => [t.text, t.leadUnits, t.responsibleUnits, t.deadlines.map((d) => d.text)])).toEqual([
      ["推进执法监督。加强指导。", ["区司法局"], ["区人力资源和社会保障局", "区财政局"], ["2024年底前"]],
      ["第二项任务。", [], ["各乡镇", "各部门"], []],
    ]);
    expect(sections.map((s) => s.title)).toEqual(["任务"]);
  });

  it("items under a numbered 效果指标 heading are section targets, not tasks", () => {
    const { tasks, sectionTargets, sections } = parseText(
      "一、规范执法\n1.落实三项制度。(区司法局牵头,各部门配合)\n二、效果指标\n1.行政执法决定公开率达到100%。\n2.群众满意度达到80%以上。\n",
    );
    expect(tasks).toHaveLength(1);
    expect(sectionTargets).toEqual([
      expect.objectContaining({ metric: "行政执法决定公开率", value: 100, sectionId: sections[1].id }),
      expect.objectContaining({ metric: "群众满意度", op: ">=", value: 80, sectionId: sections[1].id }),
    ]);
  });

  it("an 附件1 label above the plan does not hide its tasks", () => {
    const { tasks, title } = parseText(
      "附件1\n某某区法治政府建设任务清单\n1.落实三项制度。\n责任单位：区司法局\n2.开展评查。\n责任单位：各部门\n",
    );
    expect(title).toBe("某某区法治政府建设任务清单");
    expect(tasks.map((t) => t.responsibleUnits)).toEqual([["区司法局"], ["各部门"]]);
  });

  it("takes the plan's name from a covering notice when the plan has no title line of its own", () => {
    const { title } = parseText(
      "关于印发《某某县行政执法质量提升实施方案》的通知\n1.落实三项制度。\n责任单位：县司法局\n",
    );
    expect(title).toBe("某某县行政执法质量提升实施方案");
  });

  it("a document without numbered tasks gives no tasks and says why", async () => {
    const result = parseText(await doc("no-tasks"));
    expect(result.tasks).toEqual([]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: "no_tasks", message: expect.stringContaining("no numbered tasks") }),
    ]);
    expect(result).toMatchObject({ issuer: "某某县人民政府办公室", date: "2024-03-10" });
  });
});

describe("parseText robustness", () => {
  it.each([
    ["empty text", ""],
    ["whitespace", " \n\n\t "],
    ["binary junk", String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 65536))],
  ])("%s gives an empty result with a warning", (_name, text) => {
    const result = parseText(text);
    expect(result.tasks).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toContain("no_tasks");
  });

  it("a 1 MB line with no punctuation finishes quickly", () => {
    const line = "行政执法协调监督工作体系建设".repeat(75_000);
    const t0 = performance.now();
    parseText(`1.${line}\n2.${line.slice(0, 1000)}(区司法局牵头`);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it.each([
    ["unit markers in one bracket", `1.任务(${"区司法局牵头,".repeat(80_000)})`],
    ["labels on one line", `1.任务${"责任单位:区司法局".repeat(100_000)}`],
    ["nested brackets", `1.任务${"(".repeat(300_000)}${")".repeat(300_000)}`],
    ["many small brackets", `1.任务${"(各乡镇负责)".repeat(120_000)}。`],
    ["a run of spaces", `1.任务${" ".repeat(1_000_000)}达到100%`],
    ["dotted figures", "1.".repeat(500_000)],
    ["figures and percents", `1.任务${"达到100%".repeat(120_000)}`],
  ])("1 MB of %s finishes quickly", (_name, text) => {
    const t0 = performance.now();
    parseText(text);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it("5 MB of plan text parses in linear time", () => {
    const task = (n: number) =>
      `${n}.严格规范执法。2024年6月底前完成，公开率达到100%(区司法局牵头,各部门负责)。\n责任单位：各乡镇、各部门〔单位〕\n完成时限：长期坚持\n`;
    const parts: string[] = [];
    let size = 0;
    for (let n = 0; size < 5 * 1024 * 1024; n++) {
      // numbering restarts in every section of 100 tasks
      if (n % 100 === 0) parts.push(`（${n / 100 + 1}）第${n / 100 + 1}组任务`);
      const t = task((n % 100) + 1);
      parts.push(t);
      size += t.length * 3;
    }
    const t0 = performance.now();
    const result = parseText(parts.join("\n"));
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(result.tasks.length).toBe(parts.filter((p) => p.includes("完成时限")).length);
  });
});

async function doc(name: string): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  return readFile(new URL(`./test-docs/${name}.txt`, import.meta.url), "utf8");
}

describe("a page break inside a word of a numbered task", () => {
  it("joins the halves, so the task's title is not its first half", () => {
    const text = [
      "二、主要任务",
      "21. 综合行政执法领域要严格落实本领域综合行政执法标准",
      "",
      "化指南,加强综合行政执法改革法治建设。",
      "完成时限: 长期坚持",
    ].join("\n");
    const [task] = parseText(text).tasks;
    expect(task.text).toBe("综合行政执法领域要严格落实本领域综合行政执法标准化指南,加强综合行政执法改革法治建设。");
    expect(task.title).toBeNull();
    expect(task.deadlines.map((d) => d.kind)).toEqual(["ongoing"]);
  });

  it("keeps a heading line apart from a body that opens with a connective or a short heading", () => {
    const text = [
      "二、主要任务",
      "1. 全面提升行政执法人员能力素质和执法规范化水平",
      "同时,加强执法人员培训。",
      "2. 严格依法执法",
      "各乡镇,各部门要严格执法。",
    ].join("\n");
    expect(parseText(text).tasks.map((t) => t.title)).toEqual([
      "全面提升行政执法人员能力素质和执法规范化水平",
      "严格依法执法",
    ]);
  });
});

describe("what follows a task table", () => {
  const table = [
    "某区2026年法治政府建设任务分工方案",
    "一、重点任务",
    "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限",
    "1 | 全面推行行政执法公示制度。 | 区司法局 | 各乡镇 | 2026年6月底前",
    "2 | 严格落实重大行政决策程序。 决策事项目录向社会公布。 | 区政府办 | 区司法局 | 长期坚持",
  ];
  const texts = (tail: string[]) => parseText([...table, ...tail].join("\n")).tasks.map((t) => t.text);

  it("keeps the numbered lines under an unnumbered 工作要求 out of the last row and out of the tasks", () => {
    const expected = ["全面推行行政执法公示制度。", "严格落实重大行政决策程序。\n决策事项目录向社会公布。"];
    expect(texts(["工作要求", "1.加强组织领导。各单位要高度重视。", "2.强化督促检查。区司法局要加强督导。"])).toEqual(
      expected,
    );
    expect(texts(["保障措施：", "（一）加强组织领导。", "（二）强化督促检查。"])).toEqual(expected);
    // without a heading, numbered lines after the table do not nest under its last row either
    expect(texts(["1.加强组织领导。各单位要高度重视。", "2.强化督促检查。"])).toEqual(expected);
  });

  it("keeps a requirement that assigns a unit, and the tasks of a table after the requirements", () => {
    const tasks = parseText(
      [
        ...table,
        "工作要求",
        "1.汇总各单位进展情况。（区司法局牵头）",
        "二、专项任务",
        "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限",
        "1 | 开展执法案卷评查。 | 区司法局 | 各执法部门 | 2026年9月底前",
      ].join("\n"),
    ).tasks;
    expect(tasks.map((t) => t.text)).toEqual([
      "全面推行行政执法公示制度。",
      "严格落实重大行政决策程序。\n决策事项目录向社会公布。",
      "汇总各单位进展情况。",
      "开展执法案卷评查。",
    ]);
  });
});
