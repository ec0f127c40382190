/** Category 3: a short title column beside a long measures column, deadlines and targets inside the measures. */
import type { CorpusSpec } from "../spec.js";
import { OFFICE, SIGNATURE, task } from "./helpers.js";

export const MEASURES: CorpusSpec[] = [
  {
    name: "m01-zhongdian-renwu",
    about: "重点任务+具体措施两列，措施内含“到2027年”“6月底前”等时限，另有完成时限列",
    categories: [3, 5],
    issuer: OFFICE,
    title: "云溪区法治政府建设实施方案（2026—2028年）重点任务分解表",
    intro: ["为推动法治政府建设实施方案落地落实，现将重点任务分解如下。"],
    sections: [
      {
        title: "",
        tasks: [
          task(
            "全面推行证明事项告知承诺制，{2026年6月底前}公布告知承诺事项目录；{到2027年}实现涉企证明事项应承诺尽承诺",
            "区司法局",
            "区政务服务管理办、各相关部门",
            "2027年12月底前",
            {
              title: "深化证明事项清理",
            },
          ),
          task(
            "建立健全行政规范性文件制定指引，{每年2月底前}公布上一年度文件清理结果",
            "区司法局",
            "区政府各部门",
            "长期坚持",
            {
              title: "规范性文件管理",
            },
          ),
          task(
            "完善镇街合法性审核工作机制，{2026年9月底前}实现镇街合法性审核全覆盖，{到2028年}审核人员全部具备法律职业资格或法学专业背景",
            "区司法局",
            "各镇街",
            "2028年12月底前",
            {
              title: "镇街合法性审核",
            },
          ),
          task(
            "健全行政执法协调监督工作体系，{2026年第二季度}完成区级协调监督机构设置",
            "区司法局",
            "区委编办",
            "2026年6月底前",
            {
              title: "执法协调监督",
            },
          ),
          task(
            "推进政务诚信建设，开展政府失信行为专项治理，{2026年11月底前}实现失信被执行人动态清零",
            "区发展改革委",
            "区法院、区财政局",
            "2026年12月底前",
            {
              title: "政务诚信建设",
            },
          ),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "重点任务", kind: "title" },
        { header: "具体措施", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "责任单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
    },
    formats: ["docx", "pdf-libreoffice", "pdf-chromium", "xlsx", "html"],
    notes:
      "重点任务 is a short title, 具体措施 the measures with inline time limits (2026年6月底前, 到2027年, 每年2月底前): each counts as a deadline besides the 完成时限 column.",
  },
  {
    name: "m02-gongzuo-mubiao",
    about: "工作目标+细化措施，责任单位一列（第一个单位为牵头单位），无完成时限列，时限全在措施内",
    categories: [3, 8],
    issuer: "云溪区委全面依法治区委员会办公室",
    title: "云溪区2026年法治社会建设工作目标及细化措施",
    intro: ["现将2026年法治社会建设工作目标及细化措施印发，请认真抓好落实。"],
    leadNote: "说明：责任单位栏中第一个单位为牵头单位，其他为配合单位。",
    sections: [
      {
        title: "",
        tasks: [
          task(
            "组织开展宪法宣传周系列活动，{每年12月底前}集中开展宪法进机关、进校园活动",
            "区司法局",
            "区委宣传部、区教委",
            undefined,
            {
              title: "弘扬宪法精神",
            },
          ),
          task(
            "培育省级民主法治示范村（社区）2个，{2026年10月底前}完成市级示范村复核",
            "区司法局",
            "区民政局、各镇街",
            undefined,
            {
              title: "民主法治示范创建",
            },
          ),
          task("建设青少年法治教育实践基地，{2026年秋季学期开学前}投入使用", "区教委", "区司法局、团区委", undefined, {
            title: "青少年法治教育",
          }),
          task(
            "落实“谁执法谁普法”普法责任制，{每年1月底前}公布部门年度普法责任清单",
            "区司法局",
            "各普法责任单位",
            undefined,
            {
              title: "普法责任制",
            },
          ),
        ],
      },
    ],
    after: ["区委依法治区办", "2026年1月18日"],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "工作目标", kind: "title" },
        { header: "细化措施", kind: "text" },
        { header: "责任单位", kind: "units" },
      ],
      sections: "none",
      flat: "bars",
    },
    formats: ["docx", "xlsx", "text", "doc", "pdf-libreoffice"],
    notes:
      "No 完成时限 column: the deadlines are inside the 细化措施 cells. The note 第一个单位为牵头单位 makes the first unit of 责任单位 the lead.",
  },
  {
    name: "m03-zhuyao-neirong",
    about: "主要内容+实施步骤两段文字列，序号带点（1.），分组为单独表格前的标题",
    categories: [3, 2, 10],
    issuer: OFFICE,
    title: "云溪区数字法治政府建设任务安排",
    intro: ["为加快数字法治政府建设，提升依法行政数字化水平，制定本任务安排。"],
    sections: [
      {
        title: "建设数字执法平台",
        tasks: [
          task(
            "将行政检查、行政处罚等执法活动全部纳入平台办理，{2026年8月底前}完成系统部署",
            "区司法局",
            "区大数据发展局",
            "2026年12月底前",
            {
              title: "执法办案平台",
            },
          ),
          task(
            "建立执法数据归集共享机制，按月向市级平台推送执法数据",
            "区大数据发展局",
            "各行政执法部门",
            "每月5日前",
            {
              title: "执法数据共享",
            },
          ),
        ],
      },
      {
        title: "推进政务服务数字化",
        tasks: [
          task(
            "推行政务服务事项“掌上办”，{2026年底前}高频事项移动端可办率达到90%",
            "区政务服务管理办",
            "区大数据发展局",
            "2026年12月底前",
            {
              title: "移动政务服务",
            },
          ),
          task(
            "建设企业和个人专属服务空间，实现惠企政策精准推送和免申即享",
            "区政务服务管理办",
            "区经济信息委、区财政局",
            "2027年6月底前",
            {
              title: "专属服务空间",
            },
          ),
        ],
      },
    ],
    after: ["附件：1.数字执法平台建设技术规范", "2.政务服务事项移动端接入清单", SIGNATURE[0]],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "主要内容", kind: "title" },
        { header: "实施步骤", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "separate-tables",
      numberStyle: "dot",
      flat: "bars-closing",
    },
    formats: ["docx", "html", "pdf-chromium", "text-gbk", "pdf-libreoffice", "xlsx", "pdf-xlsx"],
    notes:
      "Each section is a 一、 heading paragraph followed by its own table with the same header; row numbers written 1. 2. and running on across tables. 附件 list after the tables (1.… 2.…) is not a task. 2026年底前 counts as written.",
  },
  {
    name: "m04-xiangmu-jindu",
    about: "项目+建设内容及目标（含季度节点）+责任单位+联系人，Excel",
    categories: [3, 9],
    issuer: "云溪区发展和改革委员会",
    title: "2026年云溪区法治保障重点项目推进计划表",
    intro: ["各项目责任单位要按照节点倒排工期，确保项目按期完成。"],
    sections: [
      {
        title: "",
        tasks: [
          task(
            "新建区级公共法律服务中心，{2026年第二季度}完成主体装修，{2026年第三季度}投入运行",
            "区司法局",
            "区机关事务局",
            "2026年9月底前",
            {
              title: "公共法律服务中心",
              contact: "钱伟 13800000001",
            },
          ),
          task("改造提升区看守所监管设施，同步建设远程视频会见系统", "区公安分局", "区财政局", "2026年12月底前", {
            title: "监管场所改造",
            contact: "孔亮 13800000002",
          }),
          task(
            "建设镇街综合执法智能指挥调度系统，覆盖全部镇街执法队伍",
            "区城市管理局",
            "区大数据发展局、各镇街",
            "2027年3月底前",
            {
              title: "综合执法指挥调度",
              contact: "吴迪 13800000003",
            },
          ),
        ],
      },
    ],
    after: [],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "项目", kind: "title" },
        { header: "建设内容及目标", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "协作单位", kind: "others" },
        { header: "完成时间", kind: "deadline" },
        { header: "联系人及电话", kind: "contact" },
      ],
      sections: "none",
      sheetTitleRows: ["单位：云溪区发展改革委                                              2026年2月"],
    },
    formats: ["xlsx", "docx", "html", "doc", "pdf-xlsx"],
    notes:
      "项目 title + 建设内容及目标 measures with quarter milestones inline. 联系人及电话 holds people and phone numbers.",
  },
];
