/**
 * A second round of layouts seen in published documents: measures cells of several lines, one unit a line with
 * （牵头） marks, 1. headings over （1） tasks, text copied out of Word, Word's own web pages, a workbook whose first
 * sheet is the instructions, deadlines without a year, and 工作要求 items after the task table.
 */
import type { CorpusSpec } from "../spec.js";
import { OFFICE, SIGNATURE, task } from "./helpers.js";

const REQUIREMENTS = [
  "三、工作要求",
  "（一）加强组织领导。各责任单位要把任务落实列入重要议事日程，主要负责同志亲自研究部署。",
  "（二）强化督查考核。区政府督查室要加强跟踪督办，每季度通报一次进展情况。",
  "（三）及时报送信息。各牵头单位于每年12月15日前将全年工作总结报区政府办公室。",
];

export const MORE: CorpusSpec[] = [
  {
    name: "b01-cuoshi-duohang",
    about: "具体措施单元格内分行书写（1）（2）小项：小项属于本行任务，不是新任务",
    categories: [3, 2],
    issuer: OFFICE,
    title: "云溪区行政执法协调监督工作体系建设任务分工",
    intro: ["为加快构建行政执法协调监督工作体系，现将有关任务分工如下。"],
    sections: [
      {
        title: "",
        tasks: [
          task(
            "健全行政执法协调监督工作机制，形成全覆盖监督网络：\n（1）明确区司法局为行政执法监督机构；\n（2）在镇街设立行政执法监督联络员。",
            "区司法局",
            "区委编办、各镇街",
            "2026年6月底前",
          ),
          task(
            "完善行政执法监督方式，提高监督实效：\n（1）开展行政执法日常监督和专项监督；\n（2）{每年11月底前}完成一次执法案卷集中评查。",
            "区司法局",
            "各行政执法部门",
            "长期坚持",
          ),
          task(
            "加强行政执法监督结果运用，倒逼执法质量提升：\n（1）将监督结果纳入法治政府建设考评；\n（2）对典型问题约谈相关单位负责人。",
            "区司法局",
            "区委依法治区办",
            "持续推进",
          ),
          task(
            "建设行政执法监督信息平台，实现执法数据互联互通：\n（1）{2026年9月底前}完成平台部署；\n（2）{2026年12月底前}接入全部执法部门。",
            "区司法局",
            "区大数据发展局",
            "2026年12月底前",
          ),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "具体措施", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
      flat: "bars-closing",
    },
    formats: ["docx", "html", "xlsx", "pdf-libreoffice", "text"],
    notes:
      "Each 具体措施 cell holds a lead sentence and （1）（2） lines (paragraphs in Word, <br> on the page, line breaks in the text copy): they belong to the row's task, and are not tasks. Inline deadlines in those lines count for the task. 2026年12月底前 inline and in 完成时限 is listed once.",
  },
  {
    name: "b02-danwei-fenhang-qiantou",
    about: "责任单位单元格一行一个单位，牵头单位以“（牵头）”标注",
    categories: [9, 8, 5],
    issuer: OFFICE,
    title: "云溪区城市运行安全专项整治任务分解",
    intro: ["为防范化解城市运行安全风险，现将专项整治任务分解如下。"],
    sections: [
      {
        title: "",
        tasks: [
          task(
            "开展高层建筑消防安全隐患排查整治，建立隐患整改台账",
            "区消防救援支队",
            "区住房城乡建设委、各街道",
            "2026年6月底前",
          ),
          task("开展城市桥梁隧道安全检测，对病害桥梁实施维修加固", "区城市管理局", "区交通局", "2026年9月底前"),
          task("整治户外广告招牌安全隐患，拆除危险广告招牌", "区城市管理局", "区市场监管局、各街道", "2026年8月底前"),
          task(
            "开展有限空间作业安全专项检查，督促企业落实作业审批制度",
            "区应急局",
            "区经济信息委、区住房城乡建设委",
            "2026年7月底前",
          ),
          task(
            "排查城市地下管网安全隐患，完成老旧管网改造15公里",
            "区住房城乡建设委",
            "区城市管理局、区供电公司",
            "2026年11月底前",
          ),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "整治任务", kind: "text" },
        { header: "责任单位", kind: "units" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
      unitLines: true,
      leadMark: "（牵头）",
    },
    formats: ["docx", "pdf-libreoffice", "pdf-chromium", "html", "xlsx", "doc"],
    notes:
      "The 责任单位 cell holds one unit a line; the lead is marked （牵头） after its name (the mark is not part of the unit). No lead-by-position note.",
  },
  {
    name: "b03-xiaoxiang-renwu",
    about: "“1.”为小标题、“（1）”为任务并各带（责任单位：…），小项编号每节重新开始",
    categories: [11, 8],
    issuer: "云溪区委全面依法治区委员会办公室",
    title: "云溪区法治宣传教育工作任务分解",
    intro: ["为深入开展法治宣传教育，现将重点任务分解如下。"],
    leadNote: "（以下责任单位中，排序第一的为牵头单位）",
    sections: [
      {
        title: "加强重点对象学法用法",
        tasks: [
          task("落实国家工作人员旁听庭审制度，每年组织旁听庭审不少于1次", "区司法局", "区法院、区政府各部门"),
          task("将法治教育纳入干部教育培训总体规划，在区委党校开设法治课程", "区委组织部", "区委党校、区司法局"),
        ],
      },
      {
        title: "推进法治文化建设",
        tasks: [
          task("开展法治文艺作品创作展演，{2026年10月底前}举办法治文艺汇演", "区文化旅游委", "区司法局、区融媒体中心"),
          task("建设法治宣传教育基地，创建市级法治宣传教育基地1个", "区司法局", "各镇街"),
          task("运用新媒体开展普法宣传，打造区级普法融媒体矩阵", "区融媒体中心", "区司法局"),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "paragraphs",
      clause: "trailing-units",
      numbering: "typed",
      sectionStyle: "item",
      itemStyle: "paren",
      restartItems: true,
    },
    formats: ["docx", "text", "html", "pdf-libreoffice", "doc"],
    notes:
      "1. lines are headings without units; the （1）（2） items under them are the tasks, numbered again from （1） under each heading, each with （责任单位：…）. The note 排序第一的为牵头单位 makes the first unit the lead.",
  },
  {
    name: "b04-word-fuzhi-wenben",
    about: "从Word复制的文本：Windows换行、段首两个全角空格，条目下逐行标签",
    categories: [6, 11],
    issuer: OFFICE,
    title: "云溪区2026年社会信用体系建设工作要点",
    wordText: true,
    intro: ["2026年全区社会信用体系建设要以信用监管为重点，持续优化信用环境。"],
    sections: [
      {
        title: "完善信用制度",
        tasks: [
          task(
            "落实公共信用信息目录和失信惩戒措施清单，规范信用信息归集",
            "区发展改革委",
            "区政府各部门",
            "2026年6月底前",
          ),
          task(
            "建立信用修复协同机制，实现信用修复“一网通办”",
            "区发展改革委",
            "区市场监管局、区税务局",
            "2026年9月底前",
          ),
        ],
      },
      {
        title: "推进信用应用",
        tasks: [
          task("在行政审批、公共资源交易等领域全面应用信用报告", "区政务服务管理办", "区公共资源交易中心", "持续推进"),
          task("开展诚信主题宣传活动，选树诚信典型", "区委宣传部", "区发展改革委、区文明办", "每年6月底前"),
        ],
      },
    ],
    after: SIGNATURE,
    layout: { kind: "paragraphs", clause: "label-lines", numbering: "typed", itemStyle: "comma" },
    formats: ["text", "text-gbk", "docx", "html", "pdf-chromium"],
    notes:
      "Text copied out of Word: CRLF line ends and two ideographic spaces before every paragraph, including the numbered items and their labelled lines.",
  },
  {
    name: "b05-word-wangye",
    about: "Word“另存为网页”的HTML：MsoNormal段落、span和o:p标签包裹表格单元格",
    categories: [10, 1],
    issuer: OFFICE,
    wordHtml: true,
    title: "云溪区优化法治化营商环境重点任务清单",
    intro: ["为打造稳定公平透明可预期的法治化营商环境，制定本清单。"],
    sections: [
      {
        title: "平等保护",
        tasks: [
          task("依法平等保护各类经营主体产权和自主经营权，杜绝选择性执法", "区司法局", "各行政执法部门", "长期坚持"),
          task("清理违规设置的市场准入壁垒，公布清理结果", "区市场监管局", "区发展改革委", "2026年8月底前"),
        ],
      },
      {
        title: "涉企服务",
        tasks: [
          task(
            "建立企业家参与涉企政策制定机制，重大涉企政策出台前听取企业意见",
            "区发展改革委",
            "区工商联",
            "持续推进",
          ),
          task("开展“送法进企业”活动，为企业提供免费法律咨询", "区司法局", "区律师协会、区工商联", "2026年11月底前"),
          task(
            "畅通涉企投诉渠道，企业投诉{自受理之日起10个工作日内}办结",
            "区政务服务管理办",
            "区政府各部门",
            "长期坚持",
          ),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "领域", kind: "group" },
        { header: "重点任务", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "group-column",
    },
    formats: ["html", "docx", "text-gbk", "doc", "pdf-chromium"],
    notes:
      "The web page is Word's own HTML: every cell a MsoNormal paragraph with spans and <o:p>; 领域 merged down (rowspan).",
  },
  {
    name: "b06-tianbao-shuoming",
    about: "Excel：第一个工作表为“填报说明”，任务表在第二个工作表，责任单位列按排序确定牵头",
    categories: [8, 10, 2],
    issuer: "云溪区人民政府督查室",
    title: "云溪区2026年区政府重点督办事项清单",
    intro: ["填报说明：1.请各牵头单位于每月25日前更新推进情况。", "2.已完成事项请注明完成时间并附佐证材料。"],
    leadNote: "说明：责任单位栏中排序第一的单位为牵头单位。",
    sections: [
      {
        title: "",
        tasks: [
          task(
            "推进区级政务数据共享交换平台升级，实现部门数据按需共享",
            "区大数据发展局",
            "区政府各部门",
            "2026年9月底前",
          ),
          task("完成区人民医院迁建项目主体工程建设", "区卫生健康委", "区住房城乡建设委、区财政局", "2026年12月底前"),
          task("落实稳就业政策措施，发放稳岗返还资金", "区人力社保局", "区财政局、区税务局", "2026年7月底前"),
          task("开展安全生产大检查，对重大事故隐患实行挂牌督办", "区应急局", "区安委会各成员单位", "2026年10月底前"),
        ],
      },
    ],
    after: [],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "督办事项", kind: "text" },
        { header: "责任单位", kind: "units" },
        { header: "办结时限", kind: "deadline" },
        { header: "推进情况", kind: "remark" },
      ],
      sections: "none",
      notesSheetFirst: true,
    },
    formats: ["xlsx", "docx", "html", "text", "pdf-libreoffice", "pdf-xlsx"],
    notes:
      "In the workbook the first sheet is 填报说明 with numbered instructions (1.… 2.…): not tasks; the task table is on the second sheet. 推进情况 is empty.",
  },
  {
    name: "b07-qixian-wunian",
    about: "完成时限写法：6月底前（无年份）、年底前、2026年6月、2026年6月30日、每年年底",
    categories: [2, 9],
    issuer: OFFICE,
    title: "云溪区2026年法治督察反馈问题整改任务清单",
    intro: ["针对法治督察反馈的问题，现制定整改任务清单，请各责任单位按时完成整改。"],
    sections: [
      {
        title: "",
        tasks: [
          task("部分规范性文件未经合法性审核即印发：开展专项清理并建立审核台账", "区司法局", "区政府各部门", "6月底前"),
          task("行政执法人员持证率偏低：组织执法资格考试，清理无证执法人员", "区司法局", "各行政执法部门", "年底前"),
          task("行政复议决定履行不到位：建立履行情况跟踪督办制度", "区司法局", "各被申请机关", "2026年6月"),
          task("政府法律顾问作用发挥不充分：修订法律顾问工作规则", "区司法局", "区政府办公室", "2026年6月30日"),
          task("普法责任清单落实不够：完善普法责任制考评办法", "区司法局", "各普法责任单位", "每年年底"),
        ],
      },
    ],
    after: ["区政府办公室", "2026年4月2日"],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "存在问题及整改措施", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "责任单位", kind: "others" },
        { header: "整改时限", kind: "deadline" },
      ],
      sections: "none",
      flat: "spaces",
    },
    formats: ["docx", "xlsx", "text-gbk", "pdf-chromium", "html"],
    notes:
      "整改时限 values without a year (6月底前, 年底前) or without 前 (2026年6月, 2026年6月30日, 每年年底): each one deadline as written.",
  },
  {
    name: "b08-sanji-dongci",
    about: "句末（X牵头，Y负责，Z配合），从Word复制为文本",
    categories: [11, 6],
    issuer: OFFICE,
    title: "云溪区关于加强和规范行政调解工作的实施意见",
    wordText: true,
    intro: ["为充分发挥行政调解在化解矛盾纠纷中的作用，提出如下实施意见。"],
    sections: [
      {
        title: "明确行政调解范围",
        tasks: [
          task("梳理公布行政调解事项清单，明确调解主体和调解程序", "区司法局", "区政府各部门", undefined, {
            cooperating: ["各镇街"],
          }),
          task("对行政赔偿、行政补偿以及行政机关行使裁量权的行政争议依法开展调解", "区司法局", "有关行政机关"),
        ],
      },
      {
        title: "规范行政调解程序",
        tasks: [
          task("制定行政调解文书示范文本，{2026年5月底前}印发使用", "区司法局", "", undefined, {
            cooperating: ["区法院"],
          }),
          task("建立行政调解与人民调解、司法调解衔接联动机制", "区委政法委", "区司法局", undefined, {
            cooperating: ["区法院", "区信访办"],
          }),
        ],
      },
    ],
    after: SIGNATURE,
    layout: { kind: "paragraphs", clause: "trailing-verbs", numbering: "typed", itemStyle: "dot" },
    formats: ["docx", "text", "doc", "pdf-chromium", "html"],
    notes:
      "Clauses （X牵头，Y负责，Z配合）: X is the lead, Y and Z others. The text render is copied out of Word (CRLF, ideographic-space indents).",
  },
  {
    name: "b09-zerenren",
    about: "责任清单：责任单位一行一个，另有“责任人”人名列和“备注”空列",
    categories: [9, 2, 5],
    messyWord: true,
    issuer: OFFICE,
    title: "云溪区2026年政务服务提质增效工作责任清单",
    intro: ["为压实工作责任，现将政务服务提质增效工作责任清单印发，请对照落实。"],
    sections: [
      {
        title: "",
        tasks: [
          task(
            "推行政务服务事项“一窗综办”，综合窗口覆盖率达到90%以上",
            "",
            "区政务服务管理办、各镇街",
            "2026年9月底前",
            {
              contact: "罗敏",
            },
          ),
          task("建设政务服务“好差评”闭环管理机制，差评整改率达到100%", "", "区政务服务管理办", "长期坚持", {
            contact: "罗敏",
          }),
          task("推进镇街便民服务中心标准化建设，完成6个镇街中心改造", "", "各镇街、区财政局", "2026年11月底前", {
            contact: "张华",
          }),
          task("开展政务服务“帮办代办”，为重点项目提供全程帮办服务", "", "区政务服务管理办、区发展改革委", "持续推进", {
            contact: "罗敏",
          }),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "工作事项", kind: "text" },
        { header: "责任单位", kind: "others" },
        { header: "责任人", kind: "contact" },
        { header: "完成时限", kind: "deadline" },
        { header: "备注", kind: "remark" },
      ],
      sections: "none",
      unitLines: true,
    },
    formats: ["docx", "doc", "xlsx", "html", "pdf-libreoffice"],
    notes:
      "责任单位 with no lead marker and no note: all others; one unit a line in the cell. 责任人 holds people. 备注 is empty. The Word file is messy: text in many runs of changing fonts, line breaks inside cells, typed numbers with a full-width point (1．).",
  },
  {
    name: "b10-gongzuo-yaoqiu",
    about: "任务表后接“三、工作要求”及（一）（二）（三）段落：不是任务，其中的日期不属于任何任务",
    categories: [10, 1],
    issuer: OFFICE,
    title: "云溪区2026年法治政府建设示范项目培育工作方案",
    intro: ["一、培育目标", "培育一批具有云溪特色的法治政府建设示范项目，争创市级以上示范项目2个。", "二、培育任务"],
    sections: [
      {
        title: "制度创新类",
        tasks: [
          task("培育“镇街合法性审核全覆盖”示范项目，形成可复制的工作机制", "区司法局", "各镇街", "2026年10月底前"),
          task(
            "培育“涉企行政检查码上监督”示范项目，实现检查全程可追溯",
            "区司法局",
            "区市场监管局、区大数据发展局",
            "2026年9月底前",
          ),
        ],
      },
      {
        title: "服务创新类",
        tasks: [
          task(
            "培育“公共法律服务进园区”示范项目，为园区企业提供一站式法律服务",
            "区司法局",
            "云溪高新区管委会",
            "2026年11月底前",
          ),
          task("培育“行政复议调解前置”示范项目，提高复议调解和解率", "区司法局", "区法院", "2026年12月底前"),
        ],
      },
    ],
    after: [...REQUIREMENTS, ...SIGNATURE],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "类别", kind: "group" },
        { header: "培育项目", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "group-column",
      flat: "bars",
    },
    formats: ["docx", "pdf-libreoffice", "html", "text", "doc"],
    notes:
      "Headings 一、培育目标 / 二、培育任务 before the table; after it 三、工作要求 with （一）（二）（三） paragraphs: not tasks, and 每年12月15日前 in them belongs to no task.",
  },
];

export const NUMBER_ROWS: CorpusSpec[] = [
  {
    name: "b11-xuhao-fenzu-hang",
    about: "Excel常见写法：分组行在序号列写“一”“二”、任务列写分组名，其余单元格为空",
    categories: [1, 2, 5],
    issuer: OFFICE,
    title: "云溪区2026年法治化营商环境提升行动任务清单",
    intro: ["各责任单位要对照任务清单，明确责任人和推进措施。"],
    sections: [
      {
        title: "提升政务服务效能",
        tasks: [
          task(
            "推行企业开办“一日办结”，实现开办全程网上办理",
            "区市场监管局",
            "区政务服务管理办、区税务局",
            "2026年5月底前",
          ),
          task(
            "压缩工程建设项目审批时间，社会投资小型项目审批不超过15个工作日",
            "区住房城乡建设委",
            "区规划自然资源局",
            "2026年9月底前",
          ),
        ],
      },
      {
        title: "强化公正监管",
        tasks: [
          task(
            "推行“综合监管一件事”，在10个以上行业领域开展跨部门联合检查",
            "区市场监管局",
            "各行政执法部门",
            "2026年12月底前",
          ),
          task("建立涉企行政执法检查备案制度，杜绝随意检查", "区司法局", "各行政执法部门", "2026年6月底前"),
        ],
      },
      {
        title: "加强权益保护",
        tasks: [
          task(
            "健全中小企业账款支付保障机制，开展拖欠账款清理",
            "区经济信息委",
            "区财政局、区国资中心",
            "2026年10月底前",
          ),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "主要任务", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "number-rows",
      flat: "bars",
    },
    formats: ["xlsx", "docx", "pdf-libreoffice", "pdf-chromium", "text-gbk", "html", "pdf-xlsx"],
    notes:
      "Section rows hold 一/二/三 in the 序号 column and the section's name in the task column, the other cells empty: they are headings, not tasks; task rows are numbered 1, 2, … on across sections.",
  },
];
