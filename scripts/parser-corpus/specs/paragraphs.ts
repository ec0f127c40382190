/**
 * Category 11 and 8: paragraph documents — Word automatic numbering, typed 1. / （一） items with trailing unit
 * clauses, labelled lines under each item — and lead-by-position notes in their many wordings.
 */
import type { CorpusSpec } from "../spec.js";
import { notice, OFFICE, SIGNATURE, task } from "./helpers.js";

export const PARAGRAPHS: CorpusSpec[] = [
  {
    name: "p01-gongzuo-yaodian-auto",
    about: "工作要点（Word自动编号）：一、标题下 1. 条目，句末（牵头单位：…；责任单位：…）",
    categories: [11, 10],
    issuer: OFFICE,
    title: "云溪区2026年法治政府建设工作要点",
    intro: [
      "2026年是法治政府建设实施方案的关键之年。全区法治政府建设工作的总体要求是：坚持依法行政，着力提升行政执法质量，为区域高质量发展提供法治保障。",
    ],
    sections: [
      {
        title: "加强党对法治政府建设的领导",
        tasks: [
          task(
            "将法治政府建设纳入区政府年度重点工作，区政府常务会议每季度至少听取1次法治政府建设工作汇报",
            "区政府办公室",
            "区司法局",
          ),
          task(
            "落实党政主要负责人履行推进法治建设第一责任人职责，开展年终述法",
            "区委依法治区办",
            "各镇街、区政府各部门",
            "2026年12月底前",
          ),
        ],
      },
      {
        title: "推进政府职能依法全面履行",
        tasks: [
          task(
            "动态调整权责清单，及时公布调整后的区级部门权责清单",
            "区委编办",
            "区司法局、区政府各部门",
            "2026年9月底前",
          ),
          task(
            "全面落实市场准入负面清单制度，清理妨碍统一市场和公平竞争的政策措施",
            "区发展改革委",
            "区市场监管局",
            "持续推进",
          ),
          task("深化“放管服”改革，{2026年6月底前}完成涉企经营许可事项清单调整", "区政务服务管理办", "区政府各部门"),
        ],
      },
      {
        title: "健全依法行政制度体系",
        tasks: [
          task(
            "严格执行规范性文件合法性审核和备案审查制度，做到有件必备、有备必审",
            "区司法局",
            "区政府各部门",
            "长期坚持",
          ),
          task(
            "开展涉及不平等对待企业的规范性文件专项清理，清理结果向社会公布",
            "区司法局",
            "区政府各部门",
            "2026年8月底前",
          ),
        ],
      },
    ],
    after: ["附件：1.2026年法治政府建设重点任务台账", "2.2026年法治政府建设考核评分细则", ...SIGNATURE],
    layout: { kind: "paragraphs", clause: "trailing-labels", numbering: "auto" },
    formats: ["docx", "pdf-libreoffice", "doc", "html", "text"],
    notes:
      "Headings 一、 and items 1. are Word's automatic numbering in the docx (typed in the other formats). Each item ends with （牵头单位：…；责任单位：…；完成时限：…）. The 附件 list (1.… 2.…) at the end is not tasks.",
  },
  {
    name: "p02-verbs-clause",
    about: "实施意见：（一）标题下 1. 条目，句末“（区司法局牵头，区财政局配合）”式分工，时限在句内",
    categories: [11, 9],
    issuer: OFFICE,
    title: "云溪区关于加强行政复议工作的实施意见",
    intro: notice("各镇人民政府、街道办事处，区政府各部门", "关于加强行政复议工作的实施意见"),
    sections: [
      {
        title: "畅通行政复议渠道",
        tasks: [
          task("在镇街公共法律服务站设立行政复议咨询受理点，方便群众就近申请复议", "区司法局", "各镇街"),
          task("开通行政复议网上申请平台，{2026年6月底前}实现复议申请网上可办", "区司法局", "区大数据发展局"),
        ],
      },
      {
        title: "提升复议办案质量",
        tasks: [
          task("落实行政复议案件繁简分流，简易案件{自受理之日起30日内}审结", "区司法局", ""),
          task("对重大疑难复杂案件组织听证，邀请行政复议委员会委员参与审理", "区司法局", "区法院、区律师协会"),
          task("建立行政复议决定书网上公开制度，{每季度末}公开一批典型案例", "区司法局", "区政府办公室"),
        ],
      },
      {
        title: "强化复议监督作用",
        tasks: [
          task("对行政复议中发现的共性问题及时制发行政复议意见书，跟踪整改落实", "", "区司法局"),
          task(
            "将行政复议决定履行情况纳入法治政府建设考核，{每年1月底前}通报上年度情况",
            "区委依法治区办",
            "区司法局",
            undefined,
            {
              tail: "，区政府各部门按职责分工负责",
              tailUnits: ["区政府各部门"],
            },
          ),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "paragraphs",
      clause: "trailing-verbs",
      numbering: "typed",
      sectionStyle: "section",
      itemStyle: "comma",
    },
    formats: ["docx", "pdf-chromium", "text", "html", "doc"],
    notes:
      "Items 1、 under （一） headings; clauses （X牵头，Y配合） or （Y负责） with no lead. In the tail ，区政府各部门按职责分工负责 区政府各部门 is an other unit (marked 负责); 按职责分工负责 is never part of its name. Deadlines are inline only.",
  },
  {
    name: "p03-label-lines",
    about: "任务分工方案：1. 条目下逐行“牵头单位：/责任单位：/完成时限：”",
    categories: [11],
    messyWord: true,
    issuer: OFFICE,
    title: "云溪区贯彻落实《法治政府建设实施纲要》重点任务分工方案",
    intro: ["为确保各项任务落到实处，现就重点任务分工如下。"],
    sections: [
      {
        title: "依法全面履行政府职能",
        tasks: [
          task(
            "推进机构、职能、权限、程序、责任法定化，完善政府部门职责边界",
            "区委编办",
            "区政府各部门",
            "2026年12月底前",
          ),
          task(
            "全面推行行政许可事项清单管理，清单之外一律不得违法实施行政许可",
            "区政务服务管理办",
            "区司法局、区政府各部门",
            "长期坚持",
          ),
        ],
      },
      {
        title: "严格规范公正文明执法",
        tasks: [
          task(
            "推进综合行政执法体制改革，整合执法队伍，减少执法层级",
            "区委编办",
            "区司法局、各镇街",
            "2026年10月底前",
          ),
          task(
            "加大食品药品、公共卫生、生态环境、安全生产等关系群众切身利益领域执法力度",
            "区市场监管局",
            "区卫生健康委、区生态环境局、区应急局",
            "持续推进",
          ),
          task(
            "建立行政执法案例指导制度，{每年3月底前}发布上年度典型案例",
            "区司法局",
            "各行政执法部门",
            "每年3月底前",
          ),
        ],
      },
    ],
    after: SIGNATURE,
    layout: { kind: "paragraphs", clause: "label-lines", numbering: "typed" },
    formats: ["docx", "text-gbk", "pdf-libreoffice", "html", "pdf-chromium"],
    notes:
      "Each 1. item is followed by its own lines 牵头单位： / 责任单位： / 完成时限：. Task 5 names 每年3月底前 inline and in its 完成时限 line: listed once. The Word file is messy: text in many runs of changing fonts, line breaks inside cells, typed numbers with a full-width point (1．).",
  },
  {
    name: "p04-paixu-diyi",
    about: "句末（责任单位：A、B、C），标题下注明“排序第一的单位为牵头单位”",
    categories: [8, 11],
    issuer: OFFICE,
    title: "云溪区2026年依法治区工作要点",
    intro: ["2026年全区依法治区工作要以推进法治云溪建设为主线，统筹推进科学立法、严格执法、公正司法、全民守法。"],
    leadNote: "（责任单位排序第一的单位为牵头单位）",
    sections: [
      {
        title: "推进科学民主依法决策",
        tasks: [
          task("完善区政府重大行政决策程序规定，{2026年5月底前}印发实施", "区司法局", "区政府办公室"),
          task("健全政府法律顾问工作规则，法律顾问参与决策论证不少于年度重大决策事项的80%", "区司法局", "区政府各部门"),
        ],
      },
      {
        title: "深化法治宣传教育",
        tasks: [
          task(
            "组织开展“民法典宣传月”活动，推动民法典进社区、进企业、进家庭",
            "区司法局",
            "区委宣传部、区妇联、各镇街",
          ),
          task("推进法治文化阵地建设，{2026年底前}建成区级法治文化公园1个", "区司法局", "区城市管理局、区文化旅游委"),
          task("加强领导干部学法用法，每年组织区政府常务会议会前学法不少于4次", "区政府办公室", "区司法局"),
        ],
      },
    ],
    after: SIGNATURE,
    layout: { kind: "paragraphs", clause: "trailing-units", numbering: "typed", sectionStyle: "chapter" },
    formats: ["docx", "text", "html", "pdf-chromium", "doc"],
    notes:
      "The note 排序第一的单位为牵头单位 under the title makes the first unit of every （责任单位：…） clause the lead.",
  },
  {
    name: "p05-xiatong",
    about: "首个任务的分工括注中写“排在第一位的为牵头单位，下同”，之后各条沿用",
    categories: [8, 11],
    issuer: "云溪区人民政府办公室",
    title: "云溪区进一步规范涉企行政执法工作方案",
    intro: ["为营造公平公正的法治化营商环境，结合我区实际，制定本方案。"],
    leadNoteInline: "排在第一位的为牵头单位，下同",
    sections: [
      {
        title: "规范涉企行政检查",
        tasks: [
          task("制定涉企行政检查计划，同一部门对同一企业的检查原则上每年不超过1次", "区司法局", "各行政执法部门"),
          task("推行“扫码入企”检查登记，实现涉企检查全程留痕、可查可溯", "区司法局", "区大数据发展局、区市场监管局"),
        ],
      },
      {
        title: "规范涉企行政处罚",
        tasks: [
          task(
            "对企业轻微违法行为依法适用不予处罚、减轻处罚，{2026年4月底前}公布适用清单",
            "区司法局",
            "区市场监管局、区税务局",
          ),
          task(
            "严禁下达或者变相下达罚没指标，全面清理以罚款为主要目的的执法行为",
            "区财政局",
            "区司法局、各行政执法部门",
          ),
          task("建立涉企行政执法投诉处理机制，{自收到投诉之日起7个工作日内}作出答复", "区司法局", "区工商联"),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "paragraphs",
      clause: "trailing-units",
      numbering: "typed",
      itemStyle: "paren",
      sectionStyle: "chapter",
    },
    formats: ["docx", "text-gbk", "pdf-libreoffice", "html", "text"],
    notes:
      "Items （1）（2）… under 一、 headings. The first clause ends ；排在第一位的为牵头单位，下同）: the note holds for every later task, and is not part of a unit name.",
  },
  {
    name: "p06-diyige-danwei",
    about: "实施方案正文（一）（二）下 1. 条目，括注“（责任单位：…）”，文末注“第一个单位为牵头单位”",
    categories: [8, 11, 9],
    tableLayoutPage: true,
    issuer: OFFICE,
    title: "云溪区矛盾纠纷多元化解工作实施方案",
    intro: ["为健全矛盾纠纷多元化解机制，把矛盾纠纷化解在基层、化解在萌芽状态，制定本方案。"],
    leadNote: "注：各项任务的责任单位中，第一个单位为牵头单位。",
    sections: [
      {
        title: "健全多元化解网络",
        tasks: [
          task(
            "建设区级社会矛盾纠纷调处化解中心，整合信访、调解、诉讼服务等力量",
            "区委政法委",
            "区信访办、区法院、区司法局",
          ),
          task("在各镇街设立矛盾纠纷调处化解分中心，{2026年6月底前}实现全覆盖", "各镇街", "区委政法委"),
        ],
      },
      {
        title: "完善衔接联动机制",
        tasks: [
          task("健全诉调对接工作机制，推动适宜调解的纠纷先行调解", "区法院", "区司法局、各镇街"),
          task("完善警调对接机制，在派出所设立人民调解工作室", "区公安分局", "区司法局"),
          task("推进行政调解与人民调解衔接，规范行政调解程序和文书", "区司法局", "区政府各部门", undefined, {
            tail: "，各村（社区）协助落实",
            tailUnits: ["各村（社区）"],
          }),
        ],
      },
    ],
    after: ["本方案自印发之日起施行。", ...SIGNATURE],
    layout: { kind: "paragraphs", clause: "trailing-units", numbering: "typed", sectionStyle: "section" },
    formats: ["docx", "pdf-chromium", "text", "doc", "html"],
    notes:
      "（一） headings, 1. items, clauses （责任单位：…）; the note 第一个单位为牵头单位 comes before the tasks. A unit list starting with 各镇街 makes 各镇街 the lead. In the tail ，各村（社区）协助落实 各村（社区） is an other unit; 协助落实 is not part of it. The saved page is an old site laid out in nested tables, the article inside a cell.",
  },
];
