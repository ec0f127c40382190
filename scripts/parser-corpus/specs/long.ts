/**
 * Categories 4, 5, 8 and 11 over page breaks and at other levels: a table long enough that Word, LibreOffice and
 * Chromium repeat its header on the next page; （一） items as the tasks; a lead note with numbered 注 lines after
 * the table.
 */
import type { CorpusSpec } from "../spec.js";
import { OFFICE, SIGNATURE, task } from "./helpers.js";

export const LONG: CorpusSpec[] = [
  {
    name: "x12-kuaye-biaotou",
    about: "跨页长表：两页以上，PDF每页重复表头，分组列跨页合并",
    categories: [5, 4, 1],
    issuer: OFFICE,
    title: "云溪区2026年法治政府建设重点任务台账",
    intro: ["为细化落实年度法治政府建设工作要点，建立重点任务台账，实行清单化管理、项目化推进。"],
    sections: [
      {
        title: "依法行政制度建设",
        tasks: [
          task("制定区政府2026年度规范性文件制定计划，按计划组织起草", "区司法局", "区政府各部门", "2026年3月底前"),
          task("开展规范性文件“三统一”专项检查，通报检查结果", "区司法局", "区政府办公室", "2026年9月底前"),
          task("建立规范性文件制定征求意见和公平竞争审查联动机制", "区市场监管局", "区司法局", "2026年6月底前"),
          task("落实政府规章和规范性文件解读制度，同步发布政策解读", "区政府办公室", "区政府各部门", "长期坚持"),
        ],
      },
      {
        title: "行政决策科学化民主化法治化",
        tasks: [
          task(
            "编制重大行政决策事项目录并向社会公布，严格按目录履行决策程序",
            "区政府办公室",
            "区司法局",
            "2026年4月底前",
          ),
          task("对涉及群众切身利益的重大决策事项开展社会稳定风险评估", "区委政法委", "各决策承办单位", "持续推进"),
          task("建立重大行政决策过程记录和材料归档制度，做到全过程留痕", "区政府办公室", "区档案馆", "2026年8月底前"),
          task("落实政府法律顾问和公职律师参与重大决策合法性论证制度", "区司法局", "区政府各部门", "长期坚持"),
        ],
      },
      {
        title: "行政执法规范化",
        tasks: [
          task("开展行政执法突出问题专项整治“回头看”，巩固整治成效", "区司法局", "各行政执法部门", "2026年10月底前"),
          task("编制行政执法事项目录和执法流程图，在执法场所公示", "区司法局", "各行政执法部门", "2026年5月底前"),
          task("推进行政执法证件电子化，实现执法证件网上查验", "区司法局", "区大数据发展局", "2026年12月底前"),
          task("组织行政执法人员旁听庭审活动，每年不少于1次", "区司法局", "区法院、各行政执法部门", "每年11月底前"),
        ],
      },
      {
        title: "行政权力制约监督",
        tasks: [
          task(
            "自觉接受人大监督、民主监督，认真研究处理人大代表和政协委员意见",
            "区政府办公室",
            "区政府各部门",
            "长期坚持",
          ),
          task("支持法院依法受理和审理行政案件，尊重并执行法院生效裁判", "区司法局", "区政府各部门", "持续推进"),
          task("认真落实检察建议，及时书面回复办理情况", "区司法局", "各被建议单位", "自收到检察建议之日起2个月内"),
          task(
            "加强审计监督，开展重点领域专项审计，推动审计发现问题整改",
            "区审计局",
            "各被审计单位",
            "2026年12月底前",
          ),
        ],
      },
    ],
    after: ["附件：重点任务推进情况季度报送表", ...SIGNATURE],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "工作类别", kind: "group" },
        { header: "重点任务", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "责任单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "group-column",
      mergeRuns: ["lead"],
    },
    formats: ["pdf-libreoffice", "pdf-chromium", "docx", "xlsx", "doc", "pdf-xlsx"],
    notes:
      "A table over more than one page: the PDFs repeat the header row at the top of each page (Word's repeat-header row, Chromium's thead): not data. 工作类别 is merged down over its rows. Equal 牵头单位 cells of consecutive tasks in a group are one merged cell, which applies to every row it spans.",
  },
  {
    name: "x13-yi-ji-renwu",
    about: "以（一）（二）为任务的文件：一、标题下（一）条目各带（牵头单位：…；责任单位：…）",
    categories: [11],
    issuer: OFFICE,
    title: "云溪区关于加强法治乡村建设的实施方案",
    intro: ["为深入推进法治乡村建设，根据上级有关要求，结合我区实际，制定本实施方案。"],
    sections: [
      {
        title: "主要任务",
        tasks: [
          task(
            "完善涉农领域制度规范，清理涉农规范性文件，保障农民合法权益",
            "区农业农村委",
            "区司法局",
            "2026年9月底前",
          ),
          task(
            "推进乡村依法治理，规范村级组织工作事务，完善村务公开制度",
            "区民政局",
            "区农业农村委、各镇",
            "2026年12月底前",
          ),
          task(
            "加强农业综合执法，重点查处假劣农资和非法捕捞等违法行为",
            "区农业农村委",
            "区公安分局、区市场监管局",
            "持续推进",
          ),
          task("完善乡村公共法律服务，推动法律服务资源向农村倾斜", "区司法局", "各镇", "长期坚持"),
        ],
      },
      {
        title: "保障措施",
        tasks: [
          task(
            "建立法治乡村建设工作联席会议制度，定期研究解决重大问题",
            "区委依法治区办",
            "区农业农村委、区司法局",
            "2026年5月底前",
          ),
        ],
      },
    ],
    after: SIGNATURE,
    layout: { kind: "paragraphs", clause: "trailing-labels", numbering: "typed", itemStyle: "cn-paren" },
    formats: ["docx", "text", "html", "pdf-chromium", "text-gbk"],
    notes:
      "The tasks are the （一）（二） items under 一、 headings, numbered on across sections, each with a trailing （牵头单位：…；责任单位：…；完成时限：…） clause. The 保障措施 item carries units, so it is a task here.",
  },
  {
    name: "x14-zhu-tiaokuan",
    about: "Excel：表尾“注：1.责任单位中排在首位的为牵头单位 2.…”的编号说明行（非任务）",
    categories: [8, 10, 2],
    issuer: "云溪区政务服务管理办公室",
    title: "云溪区2026年“高效办成一件事”重点事项推进表",
    intro: ["各相关部门要按照推进表加快业务流程再造，确保重点事项按期上线。"],
    leadNote:
      "注：1.责任单位中排在首位的为牵头单位，其余为配合单位。2.各单位于每月20日前报送推进情况。3.上线时间以系统正式运行时间为准。",
    leadNoteAfter: true,
    sections: [
      {
        title: "",
        tasks: [
          task(
            "企业信息变更“一件事”：实现营业执照变更与税务、社保、公积金等信息同步变更",
            "区市场监管局",
            "区税务局、区人力社保局、区住房公积金中心",
            "2026年4月底前",
          ),
          task(
            "新生儿出生“一件事”：出生医学证明、户口登记、医保参保一次办理",
            "区卫生健康委",
            "区公安分局、区医保局",
            "2026年5月底前",
          ),
          task("退休“一件事”：养老保险待遇核定与医保关系转移一次办理", "区人力社保局", "区医保局", "2026年6月底前"),
          task(
            "水电气网联合报装“一件事”：实现报装申请一表填报、一次受理",
            "区住房城乡建设委",
            "区供电公司、区水务集团、区燃气公司",
            "2026年7月底前",
          ),
          task(
            "企业破产信息核查“一件事”：实现破产企业财产信息一次查询",
            "区法院",
            "区市场监管局、区规划自然资源局",
            "2026年9月底前",
          ),
        ],
      },
    ],
    after: [],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "重点事项", kind: "text" },
        { header: "责任单位", kind: "units" },
        { header: "上线时间", kind: "deadline" },
        { header: "备注", kind: "remark" },
      ],
      sections: "none",
      sheetTitleRows: ["填报单位（盖章）：                    填报日期："],
    },
    formats: ["xlsx", "docx", "html", "text", "pdf-libreoffice", "pdf-xlsx"],
    notes:
      "The lead note comes after the table as a 注 with its own 1. 2. 3. items: they are not tasks, and 排在首位的为牵头单位 makes the first unit of every 责任单位 cell the lead. 备注 is empty. The 填报单位 row above the header is not a task.",
  },
];
