/** Category 1: a grouping column (工作任务, 主要任务, 类别, 项目) before the task column, merged down over its rows. */
import type { CorpusSpec } from "../spec.js";
import { notice, OFFICE, SIGNATURE, task } from "./helpers.js";

export const GROUPS: CorpusSpec[] = [
  {
    name: "g01-shifan-chuangjian",
    about: "示范创建分工表：工作任务列合并多行，具体要求为任务，牵头单位与配合单位分列",
    categories: [1, 5, 10],
    issuer: OFFICE,
    title: "云溪区创建法治政府建设示范区任务分工表",
    intro: notice("各镇人民政府、街道办事处，区政府各部门", "云溪区创建法治政府建设示范区任务分工表"),
    sections: [
      {
        title: "健全依法决策机制",
        tasks: [
          task("编制并公布区政府年度重大行政决策事项目录，实行动态调整", "区政府办公室", "区司法局", "2026年4月底前"),
          task(
            "落实重大行政决策公众参与、专家论证和风险评估程序，建立决策档案",
            "区司法局",
            "区发展改革委、区财政局",
            "长期坚持",
          ),
          task(
            "推行重大行政决策后评估制度，选取不少于2项已实施决策开展评估",
            "区司法局",
            "各决策承办单位",
            "2026年11月底前",
          ),
        ],
      },
      {
        title: "规范行政执法行为",
        tasks: [
          task(
            "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度",
            "区司法局",
            "各行政执法部门",
            "持续推进",
          ),
          task(
            "开展行政执法案卷评查，评查结果纳入年度法治建设考核",
            "区司法局",
            "区市场监管局、区城市管理局、区生态环境局",
            "每年第四季度",
          ),
          task(
            "建立行政执法人员培训档案，人均公共法律知识培训不少于40学时",
            "区司法局",
            "区人力社保局",
            "2026年12月底前",
          ),
        ],
      },
      {
        title: "强化行政权力监督",
        tasks: [
          task("健全行政复议决定履行监督机制，对不履行复议决定的单位予以通报", "区司法局", "区政府督查室", "长期坚持"),
          task(
            "办理人大代表建议和政协委员提案，答复满意率保持在95%以上",
            "区政府办公室",
            "各承办单位",
            "2026年9月底前",
          ),
        ],
      },
    ],
    after: ["附件：1.云溪区法治政府建设示范创建指标体系", "2.云溪区法治政府建设示范创建责任清单", ...SIGNATURE],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "工作任务", kind: "group" },
        { header: "具体要求", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "group-column",
    },
    formats: ["docx", "xlsx", "pdf-libreoffice", "doc", "pdf-chromium"],
    notes:
      "工作任务 column merged down over its 具体要求 rows: the group is a section, each row a task. The 附件 lines after the table are not tasks.",
  },
  {
    name: "g02-zhifa-zhiliang",
    about: "执法质量提升方案：主要任务列合并，重点工作和要求为任务，责任单位列第一位为牵头",
    categories: [1, 8, 5, 6],
    issuer: OFFICE,
    title: "云溪区提升行政执法质量三年行动重点任务清单",
    intro: ["为全面提升全区行政执法质量和效能，现将三年行动重点任务分解如下，各责任单位要对照清单逐项抓好落实。"],
    leadNote: "注：责任单位中排序第一的单位为牵头单位。",
    sections: [
      {
        title: "提升执法队伍素质",
        tasks: [
          task(
            "分级分类开展行政执法人员全员轮训，新入职人员岗前培训合格后方可上岗",
            "区司法局",
            "区委组织部、各行政执法部门",
            "2027年12月底前",
          ),
          task(
            "组织开展执法技能比武和优秀案卷评选活动，推广典型执法案例",
            "区司法局",
            "区市场监管局、区交通局",
            "每年10月底前",
          ),
        ],
      },
      {
        title: "整治执法突出问题",
        tasks: [
          task(
            "集中整治乱罚款、乱检查、乱查封和逐利执法等问题，建立问题整改台账",
            "区司法局",
            "区纪委监委机关、各行政执法部门",
            "2026年6月底前",
          ),
          task(
            "清理涉企行政检查事项，公布检查事项清单，推行“综合查一次”",
            "区司法局",
            "区市场监管局、区应急局、区生态环境局",
            "2026年9月底前",
          ),
          task("规范行政裁量权基准，对裁量权基准实行动态管理并向社会公开", "区司法局", "各行政执法部门", "持续推进"),
        ],
      },
      {
        title: "完善执法监督体系",
        tasks: [
          task("建设区、镇街两级行政执法监督网络，聘请行政执法社会监督员", "区司法局", "各镇街", "2026年12月底前"),
          task(
            "运用行政执法监督平台开展线上监督，每季度通报执法数据分析情况",
            "区司法局",
            "区大数据发展局",
            "每季度末",
          ),
        ],
      },
    ],
    after: ["各责任单位要于每年12月10日前将年度工作进展报区司法局。", ...SIGNATURE],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "主要任务", kind: "group" },
        { header: "重点工作和要求", kind: "text" },
        { header: "责任单位", kind: "units" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "group-column",
      flat: "bars-closing",
    },
    formats: ["docx", "pdf-libreoffice", "html", "text", "xlsx"],
    notes:
      "One 责任单位 column; the note 排序第一的单位为牵头单位 above the table makes the first unit the lead. Text render: rows end with a closing bar and merged group cells appear only in their first row.",
  },
  {
    name: "g03-yingshang-huanjing",
    about: "营商环境任务表（Excel）：表头上方两行标题，类别列合并，主要任务为任务",
    categories: [1, 6, 10],
    messyWord: true,
    issuer: OFFICE,
    title: "2026年云溪区优化营商环境重点任务分工表",
    intro: ["为持续打造市场化、法治化、国际化一流营商环境，制定本分工表。"],
    sections: [
      {
        title: "政务服务",
        tasks: [
          task(
            "推进“高效办成一件事”重点事项清单落地，实现线上一网通办、线下一窗综办",
            "区政务服务管理办",
            "区大数据发展局、各相关部门",
            "2026年6月底前",
          ),
          task(
            "拓展电子证照应用场景，实现高频证照免提交事项不少于100项",
            "区大数据发展局",
            "区政务服务管理办",
            "2026年10月底前",
          ),
        ],
      },
      {
        title: "市场监管",
        tasks: [
          task(
            "全面推行以信用为基础的分级分类监管，扩大“双随机、一公开”覆盖面",
            "区市场监管局",
            "各行政执法部门",
            "长期坚持",
          ),
          task(
            "落实轻微违法行为不予处罚和首违不罚清单制度，及时公开典型案例",
            "区司法局",
            "区市场监管局、区税务局",
            "持续推进",
          ),
          task(
            "开展涉企违规收费专项整治，建立问题线索移交和整改跟踪机制",
            "区市场监管局",
            "区发展改革委、区财政局",
            "2026年8月底前",
          ),
        ],
      },
      {
        title: "法治保障",
        tasks: [
          task(
            "健全涉企矛盾纠纷多元化解机制，建设商事调解组织不少于2个",
            "区司法局",
            "区法院、区工商联",
            "2026年12月底前",
          ),
          task(
            "开展民营企业“法治体检”活动，为企业提供合规指引和法律服务",
            "区司法局",
            "区工商联、区律师协会",
            "每年11月底前",
          ),
        ],
      },
    ],
    after: [],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "类别", kind: "group" },
        { header: "主要任务", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "责任单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "group-column",
      sheetTitleRows: ["填报单位：云溪区发展改革委（区优化营商环境办公室）        填报时间：2026年3月"],
      flat: "spaces",
    },
    formats: ["xlsx", "pdf-chromium", "text-gbk", "docx", "pdf-xlsx"],
    notes:
      "Spreadsheet: a title row and a 填报单位 row (not tasks) above the header; 类别 merged down. GBK text: cells separated by single spaces. The Word file is messy: text in many runs of changing fonts, line breaks inside cells, typed numbers with a full-width point (1．).",
  },
  {
    name: "g04-minsheng-xiangmu",
    about: "民生实事项目表：项目列合并，具体项目为任务，配合单位含各镇街",
    categories: [1, 2, 9],
    issuer: OFFICE,
    title: "云溪区2026年十件民生实事项目分解表",
    intro: notice("各镇人民政府、街道办事处，区级各部门", "云溪区2026年十件民生实事项目分解表"),
    sections: [
      {
        title: "教育提质",
        tasks: [
          task(
            "新建改扩建中小学校和幼儿园4所，新增公办学位2400个",
            "区教委",
            "区住房城乡建设委、区规划自然资源局",
            "2026年8月底前",
            {
              tail: "，各镇街按职责分工负责",
              tailUnits: ["各镇街"],
            },
          ),
          task("为全区中小学校食堂安装明厨亮灶智能监控设备，覆盖率达到100%", "区教委", "区市场监管局", "2026年9月底前"),
        ],
      },
      {
        title: "健康养老",
        tasks: [
          task(
            "建成社区嵌入式养老服务站10个，为1000户特殊困难老年人家庭实施适老化改造",
            "区民政局",
            "区财政局、各镇街",
            "2026年11月底前",
          ),
          task(
            "在全区二级以上医疗机构推行检查检验结果互认，互认项目不少于150项",
            "区卫生健康委",
            "区医保局",
            "2026年10月底前",
          ),
          task("为65岁以上老年人免费开展健康体检，体检率达到70%以上", "区卫生健康委", "各镇街", "2026年12月底前"),
        ],
      },
      {
        title: "城乡宜居",
        tasks: [
          task(
            "完成老旧小区改造项目12个，同步加装电梯不少于30部",
            "区住房城乡建设委",
            "区城市管理局、相关镇街",
            "2026年11月底前",
          ),
          task(
            "新增公共停车泊位2000个、新能源汽车充电桩500个",
            "区城市管理局",
            "区发展改革委、区供电公司",
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
        { header: "项目", kind: "group" },
        { header: "具体项目", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "group-column",
    },
    formats: ["docx", "xlsx", "html", "pdf-chromium", "doc", "pdf-xlsx"],
    notes:
      "项目 merged down over its 具体项目 rows. In the tail ，各镇街按职责分工负责 after the 配合单位, 各镇街 is an other unit (marked 负责) and 按职责分工负责 is boilerplate, never part of a unit name.",
  },
  {
    name: "g05-anquan-shengchan",
    about: "安全生产治本攻坚：表头“工作任务”单元格横跨两列（类别+内容），一格一行的文本",
    categories: [1, 2, 6, 9],
    issuer: "云溪区安全生产委员会办公室",
    title: "云溪区安全生产治本攻坚三年行动2026年重点工作安排",
    intro: [
      "各镇（街道）安委会，区安委会各成员单位：",
      "现将2026年安全生产治本攻坚重点工作安排印发给你们，请认真贯彻执行。",
    ],
    sections: [
      {
        title: "压实安全责任",
        tasks: [
          task(
            "制定区级部门安全生产权力和责任清单，明确行业领域监管边界",
            "区应急局",
            "区委编办、区安委会各成员单位",
            "2026年5月底前",
          ),
          task(
            "组织开展安全生产巡查，对镇街和重点行业部门实现巡查全覆盖",
            "区安委办",
            "各镇（街道） 安委会",
            "2026年11月底前",
          ),
        ],
      },
      {
        title: "整治重大隐患",
        tasks: [
          task(
            "开展城镇燃气安全专项整治，完成老化管道更新改造40公里",
            "区城市管理局",
            "区住房城乡建设委、区应急局",
            "2026年10月底前",
          ),
          task(
            "深化电动自行车全链条安全整治，新建集中充电设施点位300个",
            "区消防救援支队",
            "区经济信息委、区市场监管局、各镇街",
            "2026年9月底前",
          ),
          task(
            "排查整治经营性自建房安全隐患，建立隐患清单和销号台账",
            "区住房城乡建设委",
            "各镇（街道） 安委会",
            "持续推进",
            {
              tail: "，村（社区）按属地管理落实",
              tailUnits: ["村（社区）"],
            },
          ),
        ],
      },
      {
        title: "提升基础能力",
        tasks: [
          task(
            "建设全区安全生产风险监测预警系统，接入重点企业不少于200家",
            "区应急局",
            "区大数据发展局",
            "2026年12月底前",
          ),
          task("组织开展“安全生产月”和应急演练活动，每个镇街至少开展综合演练1次", "区应急局", "各镇街", "每年6月底前"),
        ],
      },
    ],
    after: ["区安委办", "2026年2月28日"],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "类别", kind: "group" },
        { header: "内容", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "责任单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "group-column",
      spanHeader: [1, "工作任务"],
      flat: "cell-lines",
    },
    formats: ["docx", "pdf-libreoffice", "xlsx", "text", "pdf-xlsx"],
    notes:
      "The header cell 工作任务 spans the group and the text column (gridSpan 2): the header must not shift against the body. 各镇（街道） 安委会 is one unit (a space after the qualifier). In the tail ，村（社区）按属地管理落实, 村（社区） is an other unit and 按属地管理落实 boilerplate. Text render: one cell per line with | lines between.",
  },
];
