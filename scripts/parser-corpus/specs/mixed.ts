/**
 * Categories 6, 8, 9 and 10 in more combinations: units separated by ，, 牵头/责任/配合 in three columns, qualifiers
 * and boilerplate tails, lead notes glued to the first unit cell, information tables and 附件 lists, site copies.
 */
import type { CorpusSpec } from "../spec.js";
import { OFFICE, SIGNATURE, task } from "./helpers.js";

export const MIXED: CorpusSpec[] = [
  {
    name: "x01-zhengfu-gongzuo-baogao",
    about: "政府工作报告任务分解：1. 条目下“牵头单位:”“责任单位:”两行（半角冒号，单位以逗号分隔）",
    categories: [11, 9],
    issuer: OFFICE,
    title: "云溪区政府2026年重点工作任务分解和责任分工方案",
    intro: [
      "云溪高新区，各镇人民政府、街道办事处，区政府各部门：",
      "经区政府同意，现将《云溪区政府2026年重点工作任务分解和责任分工方案》印发给你们，请结合实际认真贯彻落实。",
      "为全面完成区政府工作报告确定的目标任务，现就2026年重点工作制定分工方案如下。",
    ],
    unitSeparator: "，",
    sections: [
      {
        title: "主要预期目标",
        tasks: [
          task(
            "地区生产总值增长6%左右，规模以上工业增加值增长7%左右",
            "区发展改革委",
            "云溪高新区管委会、区经济信息委",
          ),
          task("固定资产投资增长8%，社会消费品零售总额增长6.5%", "区发展改革委", "区商务委、各镇街"),
          task("一般公共预算收入同口径增长5%，居民人均可支配收入与经济增长基本同步", "区财政局", "区税务局、区统计局"),
        ],
      },
      {
        title: "重点工作任务",
        tasks: [
          task("滚动实施重点项目200个以上，{2026年6月底前}新开工项目开工率达到60%", "区发展改革委", "各项目业主单位"),
          task("新培育国家级专精特新“小巨人”企业3家、市级专精特新企业30家", "区经济信息委", "云溪高新区管委会"),
          task("深化国资国企改革，完成区属国有企业整合重组", "区国资中心", "区财政局、区属国有企业"),
        ],
      },
    ],
    after: SIGNATURE,
    layout: { kind: "paragraphs", clause: "label-lines", numbering: "typed", colon: ":" },
    formats: ["docx", "html", "text", "pdf-libreoffice", "doc"],
    notes:
      "Labelled lines with ASCII colons; the units of a list are separated by ，. The recipients line (云溪高新区，各镇人民政府…：) is not a task.",
  },
  {
    name: "x02-xinxi-gongkai-biao",
    about: "网页另存的Word：文首为索引号/发布机构/发文日期信息表，通知内附件清单，任务表含牵头、责任、配合三列",
    categories: [10, 2],
    issuer: OFFICE,
    metaTable: true,
    title: "云溪区关于推进公共法律服务体系建设的任务分工",
    intro: [
      "区政府各部门，各镇人民政府、街道办事处：",
      "现将有关任务分工印发给你们，请认真组织实施。",
      "附件：1.公共法律服务体系建设任务分工表",
      "2.公共法律服务事项清单",
    ],
    sections: [
      {
        title: "",
        tasks: [
          task(
            "建设覆盖全区的公共法律服务实体平台，镇街工作站和村（社区）工作室实现全覆盖",
            "区司法局",
            "各镇街",
            "2026年6月底前",
            {
              cooperating: ["区财政局"],
            },
          ),
          task(
            "开通“12348”公共法律服务热线云溪分中心，提供全天候法律咨询",
            "区司法局",
            "区公共法律服务中心",
            "2026年4月底前",
            {
              cooperating: ["区大数据发展局"],
            },
          ),
          task(
            "建立法律援助经济困难标准动态调整机制，扩大法律援助覆盖面",
            "区司法局",
            "区法律援助中心",
            "2026年9月底前",
            {
              cooperating: ["区民政局", "区财政局"],
            },
          ),
          task("为退役军人、残疾人、老年人等群体提供法律援助绿色通道", "区法律援助中心", "各镇街", "长期坚持", {
            cooperating: ["区退役军人事务局", "区残联", "区民政局"],
          }),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "任务", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "责任单位", kind: "others" },
        { header: "配合单位", kind: "cooperating" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
    },
    formats: ["docx", "doc", "text", "html", "pdf-libreoffice"],
    notes:
      "The document opens with an information table (索引号, 发布机构, 发文日期, 文号): not a task table. The 附件 list in the notice (1.… 2.…) is not tasks. 责任单位 and 配合单位 both go into others.",
  },
  {
    name: "x03-liediyiwei-zhantie",
    about: "责任单位列首行写“区财政局、…（列第一位者为牵头单位，下同）”：说明不得并入单位名",
    categories: [8, 5],
    issuer: OFFICE,
    title: "云溪区预算绩效管理改革任务分工",
    intro: ["为全面实施预算绩效管理，提高财政资源配置效率，现将改革任务分工如下。"],
    leadNoteInline: "列第一位者为牵头单位，下同",
    sections: [
      {
        title: "",
        tasks: [
          task(
            "将部门整体支出和政策项目全部纳入绩效目标管理，做到应设尽设",
            "区财政局",
            "区政府各部门",
            "2026年6月底前",
          ),
          task(
            "开展重点项目事前绩效评估，评估结果作为预算安排的重要依据",
            "区财政局",
            "区发展改革委、各项目主管部门",
            "每年10月底前",
          ),
          task("推进绩效评价结果与预算安排挂钩，对低效无效资金一律削减或取消", "区财政局", "区审计局", "持续推进"),
          task("将绩效管理结果纳入政府目标绩效考核，强化问责约束", "区政府督查室", "区财政局", "每年12月底前"),
          task(
            "建立绩效信息公开制度，重点项目绩效目标和评价结果随预决算公开",
            "区财政局",
            "区政府各部门",
            "2026年第四季度",
          ),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "改革任务", kind: "text" },
        { header: "责任单位", kind: "units" },
        { header: "时间节点", kind: "deadline" },
      ],
      sections: "none",
    },
    formats: ["docx", "xlsx", "pdf-libreoffice", "pdf-chromium", "text-gbk"],
    notes:
      "The note （列第一位者为牵头单位，下同） sits at the end of the first task's 责任单位 cell: it makes every list's first unit the lead and is never part of a unit (区政府各部门（列第一位者…） is wrong).",
  },
  {
    name: "x04-fangxun-danwei",
    about:
      "防汛减灾任务表：单位带括注限定（区城市管理局（区市政设施中心））、“各镇（街道） 防汛指挥部”带空格、主要责任人列",
    categories: [9, 2],
    issuer: "云溪区防汛抗旱指挥部办公室",
    title: "云溪区2026年防汛减灾重点工作任务分解",
    intro: [
      "各镇（街道）防汛指挥部，区防汛抗旱指挥部各成员单位：",
      "现将2026年防汛减灾重点工作任务分解如下，请抓好落实。",
    ],
    sections: [
      {
        title: "",
        tasks: [
          task(
            "修订完善区级防汛应急预案和山洪灾害防御预案，组织开展预案演练",
            "区应急局",
            "区水利局、各镇（街道） 防汛指挥部",
            "2026年4月底前",
            {
              contact: "区应急局副局长 田野",
            },
          ),
          task(
            "排查整治城市易涝积水点，完成下穿通道和低洼路段排涝设施改造",
            "区城市管理局（区市政设施中心）",
            "区住房城乡建设委、各街道办事处",
            "2026年5月底前",
            {
              contact: "区城市管理局副局长 韩冰",
              tail: "，按职责分工分别负责",
            },
          ),
          task(
            "落实水库、山坪塘安全度汛“三个责任人”，开展汛前安全检查",
            "区水利局",
            "各镇人民政府",
            "2026年5月15日前",
            {
              contact: "区水利局副局长 邓辉",
            },
          ),
          task(
            "储备防汛物资和抢险装备，组建区、镇两级防汛抢险队伍",
            "区应急局",
            "区粮食和物资储备中心、区消防救援支队",
            "2026年5月底前",
            {
              contact: "区应急局副局长 田野",
            },
          ),
          task(
            "加强汛期地质灾害隐患点巡查监测，落实群测群防员",
            "区规划自然资源局",
            "相关镇（街道） 防汛指挥部",
            "2026年6月至9月",
            {
              contact: "区规划自然资源局副局长 罗杰",
              tail: "，村（社区）协助落实",
              tailUnits: ["村（社区）"],
            },
          ),
        ],
      },
    ],
    after: ["区防汛办", "2026年3月20日"],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "工作内容", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "责任单位", kind: "others" },
        { header: "主要责任人", kind: "contact" },
        { header: "完成时间", kind: "deadline" },
      ],
      sections: "none",
      flat: "spaces",
    },
    formats: ["xlsx", "docx", "text", "html", "pdf-chromium"],
    notes:
      "Qualifiers stay part of the unit (区城市管理局（区市政设施中心）); 各镇（街道） 防汛指挥部 with a space after the qualifier is one unit. The tail ，按职责分工分别负责 is boilerplate alone; in ，村（社区）协助落实 村（社区） is an other unit (协助 marks it) and 协助落实 is not part of its name. 主要责任人 holds people. 2026年6月至9月 is the deadline as written.",
  },
  {
    name: "x05-wangye-fuzhi-geyixing",
    about: "网页复制（GBK）：分组表格按单元格一行、竖线分隔，含导航、信息表行和垃圾链接",
    categories: [6, 10, 1],
    issuer: OFFICE,
    web: true,
    title: "云溪区2026年乡村振兴法治保障重点任务清单",
    intro: ["为以法治保障乡村全面振兴，现将重点任务清单予以公布。"],
    sections: [
      {
        title: "乡村治理",
        tasks: [
          task("开展“民主法治示范村”创建，培育乡村治理示范村5个", "区农业农村委", "区司法局、各镇", "2026年11月底前"),
          task(
            "规范村级小微权力运行，公布村级小微权力清单和运行流程图",
            "区纪委监委机关",
            "区农业农村委、各镇",
            "2026年8月底前",
          ),
        ],
      },
      {
        title: "农村法律服务",
        tasks: [
          task("在行政村推行“一村一法律顾问”，开展送法下乡活动", "区司法局", "各镇", "长期坚持"),
          task("加强农村土地承包经营纠纷调解仲裁，调解仲裁结案率达到90%以上", "区农业农村委", "各镇", "2026年12月底前"),
          task(
            "开展农资打假专项治理，查处坑农害农违法行为",
            "区农业农村委",
            "区市场监管局、区公安分局",
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
        { header: "类别", kind: "group" },
        { header: "重点任务", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "group-column",
      flat: "cell-lines",
    },
    formats: ["text-gbk", "text", "html", "docx", "xlsx"],
    notes:
      "Copied from the site as text: one cell a line with | lines between, merged 类别 cells only in the first row of their group, and the site's navigation, 索引号 lines and footer (with a spam line) around it.",
  },
  {
    name: "x06-kaohe-biaoge-liehang",
    about: "考核任务表：全行标签式扁平文本“1.任务 牵头领导:张三 责任单位:X 配合单位:A、B”",
    categories: [6, 9],
    issuer: OFFICE,
    title: "云溪区2026年法治建设考核任务责任分解",
    intro: ["各责任单位要对照考核任务，建立台账，逐项销号。"],
    sections: [
      {
        title: "",
        tasks: [
          task("落实领导干部应知应会党内法规和国家法律清单制度，组织开展学法考试", "", "区委组织部", "2026年10月底前", {
            leader: "周丽",
            cooperating: ["区司法局", "区委党校"],
          }),
          task("组织开展法治政府建设督察，对督察发现问题建立整改清单", "", "区委依法治区办", "2026年11月底前", {
            leader: "刘文华",
            cooperating: ["区政府督查室"],
          }),
          task("开展行政执法人员资格清理，对不具备资格的人员暂扣执法证件", "", "区司法局", "2026年7月底前", {
            leader: "刘文华",
            cooperating: ["各行政执法部门"],
          }),
          task("推进政务诚信档案建设，将政务失信记录纳入绩效考核", "", "区发展改革委", "2026年12月底前", {
            leader: "马志强",
            cooperating: ["区政府督查室", "区财政局"],
          }),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "考核任务", kind: "text" },
        { header: "牵头领导", kind: "leader" },
        { header: "责任单位", kind: "others" },
        { header: "配合单位", kind: "cooperating" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
      flat: "labels",
    },
    formats: ["text", "text-gbk", "docx", "xlsx", "pdf-chromium"],
    notes:
      "Text render: each row on one line, 1.任务 then 牵头领导:… 责任单位:… 配合单位:… 完成时限:… separated by single spaces. 牵头领导 is a person; 责任单位 and 配合单位 both go into others (no lead marked).",
  },
  {
    name: "x07-auto-section-items",
    about: "Word自动编号（一）（二）节下 1. 条目，句末（牵头单位：…；责任单位：…；配合单位：…）",
    categories: [11],
    issuer: OFFICE,
    title: "云溪区行政执法监督工作实施办法任务分工",
    intro: ["为加强行政执法监督，促进严格规范公正文明执法，制定本任务分工。"],
    sections: [
      {
        title: "完善监督制度",
        tasks: [
          task("制定行政执法监督工作规程，明确监督内容、方式和程序", "区司法局", "", "2026年5月底前", {
            cooperating: ["区政府办公室"],
          }),
          task(
            "建立行政执法投诉举报处理制度，公布投诉举报电话和网上渠道",
            "区司法局",
            "各行政执法部门",
            "2026年6月底前",
          ),
        ],
      },
      {
        title: "创新监督方式",
        tasks: [
          task("开展行政执法满意度第三方评估，评估结果向社会公开", "区司法局", "", "每年11月底前", {
            cooperating: ["区统计局"],
          }),
          task("推行行政执法监督员随案监督，对重大执法活动全程跟踪", "区司法局", "各行政执法部门", "长期坚持", {
            cooperating: ["区人大常委会法工委"],
          }),
          task("建立行政执法与纪检监察监督贯通协调机制，移送问题线索", "区司法局", "", "2026年9月底前", {
            cooperating: ["区纪委监委机关"],
          }),
        ],
      },
    ],
    after: SIGNATURE,
    layout: { kind: "paragraphs", clause: "trailing-labels", numbering: "auto", sectionStyle: "section" },
    formats: ["docx", "doc", "pdf-libreoffice", "pdf-chromium", "text-gbk"],
    notes:
      "（一） headings and 1. items are Word's automatic numbering in the docx. Clauses carry 牵头单位, 责任单位 and 配合单位 fields; 责任单位 and 配合单位 go into others.",
  },
  {
    name: "x08-qixian-xingtai",
    about:
      "完成时限各种写法：每年2月底前、长期坚持、2027年第三季度、到2028年、自收到之日起15日内、2026年6月15日前并长期坚持",
    categories: [11, 7],
    messyWord: true,
    issuer: OFFICE,
    title: "云溪区行政规范性文件管理工作任务安排",
    intro: ["为规范行政规范性文件制定和监督管理，现将有关工作任务安排如下。"],
    sections: [
      {
        title: "",
        tasks: [
          task("公布上一年度行政规范性文件制定计划执行情况和文件目录", "区司法局", "区政府各部门", "每年2月底前"),
          task("对行政规范性文件实行统一登记、统一编号、统一印发", "区政府办公室", "区司法局", "长期坚持"),
          task(
            "开展行政规范性文件全面清理，对不符合上位法的文件及时修改或废止",
            "区司法局",
            "区政府各部门",
            "2027年第三季度",
          ),
          task("建成行政规范性文件数据库，实现现行有效文件在线查询", "区司法局", "区大数据发展局", "到2028年"),
          task(
            "对公民、法人和其他组织提出的文件审查建议依法处理并反馈",
            "区司法局",
            "有关制定机关",
            "自收到之日起15日内",
          ),
          task("建立行政规范性文件合法性审核台账，实现审核全留痕", "区司法局", "各镇街", "2026年6月15日前并长期坚持"),
          task("对新出台的行政规范性文件开展评估，形成评估报告", "区司法局", "文件起草单位", "文件施行满2年后6个月内"),
        ],
      },
    ],
    after: SIGNATURE,
    layout: { kind: "paragraphs", clause: "label-lines", numbering: "typed", itemStyle: "comma" },
    formats: ["docx", "text", "pdf-chromium", "html", "text-gbk"],
    notes:
      "Every 完成时限 value is one deadline as written, whatever its shape (recurring, ongoing, quarter, 到2028年, relative, a date and 并长期坚持). The Word file is messy: text in many runs of changing fonts, line breaks inside cells, typed numbers with a full-width point (1．).",
  },
  {
    name: "x09-liangji-biaotou-xuhang",
    about: "两行表头（责任单位 跨 牵头/配合）+ 全宽分组标题行 + 序号合并的续行",
    categories: [4, 2, 5],
    issuer: OFFICE,
    title: "云溪区“八五”普法规划终期重点任务推进表",
    intro: ["为确保“八五”普法规划目标任务全面完成，现将终期重点任务推进安排如下。"],
    sections: [
      {
        title: "突出学习宣传重点",
        tasks: [
          task(
            "深入学习宣传习近平法治思想，纳入各级党委（党组）理论学习中心组学习内容",
            "区委宣传部",
            "区司法局",
            "2026年12月底前",
            {
              parts: [{ text: "组织开展习近平法治思想专题宣讲不少于20场", deadline: "2026年10月底前" }],
            },
          ),
          task("广泛开展民法典普法工作，推动民法典走到群众身边", "区司法局", "区妇联、各镇街", "持续推进"),
        ],
      },
      {
        title: "推进普法与依法治理融合",
        tasks: [
          task("开展基层依法治理示范创建，建成法治示范镇街2个", "区委依法治区办", "各镇街", "2026年11月底前", {
            parts: [
              { text: "完成示范村（社区）复核和动态管理", deadline: "2026年9月底前" },
              { text: "组织开展示范创建经验交流", deadline: "2026年12月底前" },
            ],
          }),
          task(
            "推进行业依法治理，在医疗、教育、交通等行业开展专项依法治理",
            "区司法局",
            "区卫生健康委、区教委、区交通局",
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
        { header: "重点任务", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "heading-rows",
      twoRowHeader: [2, "责任单位"],
      flat: "bars",
    },
    formats: ["docx", "pdf-libreoffice", "pdf-chromium", "xlsx", "doc", "text", "pdf-xlsx"],
    notes:
      "Two header rows (责任单位 over 牵头单位|配合单位), full-width heading rows for sections, and continuation rows under merged 序号 and unit cells with their own 完成时限.",
  },
  {
    name: "x10-wuxuhao-biaoge",
    about: "无序号列的任务表：重点工作|责任单位|配合单位|完成时限，空行分隔，列按内容判断",
    categories: [2, 6],
    tableLayoutPage: true,
    issuer: "云溪区教育委员会",
    title: "云溪区2026年依法治校工作重点任务",
    intro: ["各中小学校、幼儿园，委机关各科室："],
    sections: [
      {
        title: "",
        tasks: [
          task("完善中小学校章程，推动学校依章程自主管理", "政策法规科", "各中小学校", "2026年9月底前"),
          task(
            "全面推行中小学法治副校长制度，法治副校长每学期到校开展活动不少于2次",
            "政策法规科",
            "各中小学校、区公安分局",
            "每学期末",
          ),
          task("开展学生欺凌专项治理，建立防控工作台账", "安全稳定科", "各中小学校", "2026年6月底前"),
          task(
            "建立教育行政执法事项清单，规范校外培训机构执法检查",
            "校外教育培训监管科",
            "区市场监管局",
            "2026年8月底前",
          ),
        ],
      },
    ],
    after: ["区教委", "2026年2月18日"],
    layout: {
      kind: "table",
      columns: [
        { header: "重点工作", kind: "text" },
        { header: "牵头科室", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
      flat: "bars-closing",
    },
    formats: ["docx", "xlsx", "text", "html", "pdf-libreoffice"],
    notes:
      "No 序号 column: each body row is a task. The lead column (牵头科室) holds the office's 科 units. The saved page is an old site laid out in nested tables, the article inside a cell.",
  },
  {
    name: "x11-wubianhao-biaoqianhang",
    about: "无编号任务 + 同一行标签（牵头领导:张三 责任单位:X 配合单位:A、B 完成时限:…）",
    categories: [7, 6],
    issuer: OFFICE,
    title: "云溪区2026年城市管理领域重点工作推进安排",
    intro: ["各责任单位要对照推进安排，倒排工期、挂图作战。"],
    sections: [
      {
        title: "",
        tasks: [
          task("开展城市道路“微改造”，整治破损人行道和盲道5万平方米", "", "区城市管理局", "2026年10月底前", {
            leader: "孙建平",
            cooperating: ["区交通局", "各街道"],
          }),
          task("推进生活垃圾分类示范片区建设，新建改造分类投放点300个", "", "区城市管理局", "2026年11月底前", {
            leader: "孙建平",
            cooperating: ["区商务委", "各镇街"],
          }),
          task("整治城区违法建设，实现新增违法建设“零增长”", "", "区城市管理局", "长期坚持", {
            leader: "孙建平",
            cooperating: ["区规划自然资源局", "各街道"],
          }),
          task("规范共享单车停放秩序，建设规范停放点位500个", "", "区城市管理局", "2026年8月底前", {
            leader: "孙建平",
            cooperating: ["区交通局", "区公安分局"],
          }),
        ],
      },
    ],
    after: SIGNATURE,
    layout: { kind: "paragraphs", clause: "label-row", numbering: "none" },
    formats: ["text", "docx", "html", "doc", "pdf-libreoffice"],
    notes:
      "Unnumbered tasks, each followed by one line holding every label (牵头领导:… 责任单位:… 配合单位:… 完成时限:…). 牵头领导 is a person; 责任单位 and 配合单位 go into others.",
  },
];
