/** More domains in combinations already seen, worded afresh, so the rules cannot lean on one document's words. */
import type { CorpusSpec } from "../spec.js";
import { OFFICE, SIGNATURE, task } from "./helpers.js";

export const DOMAINS: CorpusSpec[] = [
  {
    name: "d01-zhengfu-baogao-biao",
    about: "政府工作报告分解表：全宽分组行、区政府分管领导列、单位以逗号分隔",
    categories: [1, 9, 5],
    issuer: OFFICE,
    title: "云溪区《政府工作报告》2026年重点工作分解表",
    intro: ["各牵头单位要对照分解表制定推进方案，每季度末向区政府督查室报送进展。"],
    unitSeparator: "，",
    sections: [
      {
        title: "扩大有效投资",
        tasks: [
          task(
            "争取超长期特别国债和中央预算内投资项目20个以上",
            "区发展改革委",
            "区财政局、各项目主管部门",
            "2026年12月底前",
            {
              leader: "马志强",
            },
          ),
          task(
            "推进云溪大道快速化改造，完成主线通车",
            "区交通局",
            "区住房城乡建设委、区规划自然资源局",
            "2026年10月底前",
            {
              leader: "孙建平",
            },
          ),
        ],
      },
      {
        title: "增进民生福祉",
        tasks: [
          task("新增养老床位300张，护理型床位占比提高到65%", "区民政局", "区卫生健康委", "2026年12月底前", {
            leader: "何红梅",
          }),
          task("实施城乡居民增收计划，落实最低工资标准调整", "区人力社保局", "区财政局、区总工会", "2026年9月底前", {
            leader: "何红梅",
          }),
          task("完成义务教育优质均衡发展国家督导评估", "区教委", "区财政局、区编办", "2026年11月底前", {
            leader: "何红梅",
          }),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "重点工作", kind: "text" },
        { header: "区政府分管领导", kind: "leader" },
        { header: "牵头单位", kind: "lead" },
        { header: "责任单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "heading-rows",
      flat: "bars-closing",
    },
    formats: ["docx", "xlsx", "pdf-xlsx", "pdf-chromium", "text"],
    notes: "Units separated by ，; sections are full-width heading rows; 区政府分管领导 holds people.",
  },
  {
    name: "d02-bumen-biaoqian",
    about: "条目句末标签写法不同：（牵头部门：…；配合部门：…；时间要求：…）",
    categories: [11, 2],
    issuer: "云溪区卫生健康委员会",
    title: "云溪区2026年卫生健康领域依法行政工作要点",
    intro: ["为推进卫生健康系统依法行政，提升依法治理能力，制定本工作要点。"],
    sections: [
      {
        title: "规范卫生健康执法",
        tasks: [
          task("开展医疗机构依法执业专项监督检查，覆盖全部二级以上医院", "区卫生健康监督所", "医政科", "2026年8月底前"),
          task(
            "推行卫生健康行政执法“双随机、一公开”抽查，抽查结果按时公示",
            "区卫生健康监督所",
            "综合监督科",
            "长期坚持",
          ),
        ],
      },
      {
        title: "推进依法治院",
        tasks: [
          task("指导公立医院完善章程，健全医院法律顾问制度", "政策法规科", "各公立医院", "2026年10月底前"),
          task(
            "开展医疗纠纷人民调解，医疗纠纷调解成功率保持在90%以上",
            "政策法规科",
            "区医疗纠纷人民调解委员会",
            "持续推进",
          ),
          task("组织开展卫生健康法律法规宣传月活动", "政策法规科", "各医疗卫生机构", "每年7月底前"),
        ],
      },
    ],
    after: ["区卫生健康委", "2026年2月26日"],
    layout: {
      kind: "paragraphs",
      clause: "trailing-labels",
      numbering: "typed",
      labels: { lead: "牵头部门", others: "配合部门", deadline: "时间要求" },
    },
    formats: ["docx", "doc", "pdf-libreoffice", "html", "text-gbk"],
    notes:
      "Clause labels 牵头部门 / 配合部门 / 时间要求 instead of 牵头单位 / 责任单位 / 完成时限; lead units are the commission's own 科 and its 监督所.",
  },
  {
    name: "d03-zeren-zhuti",
    about: "工作措施|责任主体|时间进度：责任主体列中排名第一的为牵头单位（表上方说明）",
    categories: [2, 8, 5],
    tableLayoutPage: true,
    issuer: OFFICE,
    title: "云溪区打击整治养老诈骗专项行动工作措施",
    intro: ["为依法严厉打击整治养老诈骗违法犯罪，维护老年人合法权益，制定以下工作措施。"],
    leadNote: "（责任主体中排名第一的为牵头单位）",
    sections: [
      {
        title: "",
        tasks: [
          task("集中开展涉养老诈骗线索排查，对排查出的线索逐条核查", "区公安分局", "区民政局、各镇街", "2026年5月底前"),
          task(
            "整治以养老服务为名的非法集资活动，依法处置涉众风险",
            "区金融发展中心",
            "区公安分局、区市场监管局",
            "2026年8月底前",
          ),
          task("清理整顿保健品市场，查处虚假宣传和违法广告", "区市场监管局", "区卫生健康委", "2026年9月底前"),
          task(
            "开展防范养老诈骗宣传进社区活动，发放宣传资料1万份",
            "区委宣传部",
            "区民政局、区司法局、各镇街",
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
        { header: "工作措施", kind: "text" },
        { header: "责任主体", kind: "units" },
        { header: "时间进度", kind: "deadline" },
      ],
      sections: "none",
      flat: "bars-closing",
    },
    formats: ["docx", "pdf-libreoffice", "html", "text", "xlsx", "pdf-xlsx"],
    notes:
      "Columns 工作措施 / 责任主体 / 时间进度; the note 排名第一的为牵头单位 above the table makes the first unit the lead. The saved page is an old site laid out in nested tables, the article inside a cell.",
  },
  {
    name: "d04-hangnei-biaoqian",
    about: "标签写在条目同一行正文之后：“…。牵头单位：X；责任单位：A、B；完成时限：…。”",
    categories: [11, 6],
    issuer: OFFICE,
    title: "云溪区2026年未成年人保护工作要点",
    intro: ["为全面加强未成年人保护工作，现提出2026年工作要点如下。"],
    sections: [
      {
        title: "家庭保护",
        tasks: [
          task("开展家庭教育指导服务进社区活动，建设家长学校20所", "区妇联", "区教委、各镇街", "2026年11月底前"),
          task(
            "落实强制报告制度，对侵害未成年人案件线索及时报告处置",
            "区检察院",
            "区公安分局、区教委、区卫生健康委",
            "长期坚持",
          ),
        ],
      },
      {
        title: "社会保护",
        tasks: [
          task(
            "开展校园周边环境专项整治，清理违规经营场所",
            "区市场监管局",
            "区文化旅游委、区公安分局",
            "2026年9月底前",
          ),
          task("为困境儿童落实分类保障政策，建立困境儿童动态台账", "区民政局", "各镇街", "2026年6月底前"),
        ],
      },
    ],
    after: SIGNATURE,
    layout: { kind: "paragraphs", clause: "inline-labels", numbering: "typed", sectionStyle: "section" },
    formats: ["docx", "text", "html", "pdf-chromium", "doc"],
    notes: "The labels follow the text on the item's own line, separated by ；, without brackets.",
  },
];

export const WEB_COPIES: CorpusSpec[] = [
  {
    name: "e01-kongge-danwei",
    about: "网页文本：分工括注内单位以全角空格分隔，时限写在括注内（…配合，2026年6月底前完成）",
    categories: [9, 11, 6],
    issuer: OFFICE,
    web: true,
    unitSeparator: "\u3000",
    title: "云溪区关于进一步加强行政执法人员管理的通知",
    intro: ["各镇人民政府、街道办事处，区政府各部门：", "为加强行政执法队伍建设，现就有关事项通知如下。"],
    sections: [
      {
        title: "严格执法人员资格管理",
        tasks: [
          task("全面清理行政执法证件，对不在执法岗位的人员注销执法证件", "区司法局", "各行政执法部门", "2026年6月底前"),
          task(
            "组织新录用执法人员参加执法资格考试，未取得证件的不得独立执法",
            "区司法局",
            "区人力社保局",
            "2026年9月底前",
          ),
        ],
      },
      {
        title: "加强执法人员培训考核",
        tasks: [
          task(
            "制定年度行政执法人员培训计划，开展分领域专业培训",
            "区司法局",
            "区委组织部、各行政执法部门",
            "2026年4月底前",
          ),
          task(
            "建立执法人员年度考核档案，考核结果与评优评先挂钩",
            "区人力社保局",
            "区司法局、各行政执法部门",
            "2026年12月底前",
          ),
        ],
      },
    ],
    after: ["云溪区人民政府办公室", "2026年3月16日"],
    layout: { kind: "paragraphs", clause: "trailing-verbs", numbering: "typed", sectionStyle: "section" },
    formats: ["text", "text-gbk", "html", "docx", "pdf-chromium"],
    notes:
      "Units in a clause separated by ideographic spaces (区委组织部　各行政执法部门), as web copies turn 、 into spaces; the time limit is said inside the clause (…配合，2026年6月底前完成). Text renders carry the site's navigation and footer.",
  },
];

export const SHEETS: CorpusSpec[] = [
  {
    name: "e02-riqi-danyuange",
    about: "Excel：完成时限为日期单元格（显示为“2026年6月30日”），并混有文字时限",
    categories: [2, 5],
    issuer: "云溪区财政局",
    title: "云溪区2026年财会监督专项行动任务安排表",
    intro: ["各单位要按照任务安排表抓好财会监督专项行动落实。"],
    sections: [
      {
        title: "",
        tasks: [
          task("开展预算单位财经纪律自查，形成自查报告报区财政局", "各预算单位", "", "2026年4月30日"),
          task("抽查政府采购项目执行情况，对违规采购行为依法处理", "区财政局", "区审计局", "2026年7月31日"),
          task("开展会计信息质量检查，检查结果向社会公告", "区财政局", "区市场监管局", "2026年10月31日"),
          task("建立财会监督与纪检监察、审计监督贯通协调机制", "区财政局", "区纪委监委机关、区审计局", "长期坚持"),
          task("组织财会人员开展职业道德和法规培训", "区财政局", "各预算单位", "2026年11月30日"),
        ],
      },
    ],
    after: ["区财政局", "2026年3月18日"],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "工作任务", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时间", kind: "deadline" },
      ],
      sections: "none",
      dateCells: true,
      flat: "tabs",
    },
    formats: ["xlsx", "pdf-xlsx", "docx", "html", "text", "text-gbk"],
    notes:
      'In the workbook the whole-date deadlines are Excel date cells shown as 2026年6月30日 (number format yyyy"年"m"月"d"日"); the deadline is the date as shown. The text render is the sheet pasted as text: cells separated by tabs.',
  },
];
