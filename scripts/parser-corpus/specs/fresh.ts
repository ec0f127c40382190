/**
 * A late batch, written after the parser had been tuned on the rest: new headers (工作举措, 责任部门, 协同部门,
 * 完成节点, 牵头责任单位, 时限要求), （牵头） marks inside a clause, and empty cells filled with — / 无.
 */
import type { CorpusSpec } from "../spec.js";
import { OFFICE, SIGNATURE, task } from "./helpers.js";

export const FRESH: CorpusSpec[] = [
  {
    name: "f01-gongzuo-jucuo",
    about: "重点任务（短）+工作举措（长）+责任领导+责任部门+协同部门+完成节点，无牵头标记",
    categories: [2, 3, 9],
    issuer: "云溪区市场监督管理局",
    title: "云溪区市场监管领域2026年法治建设工作举措清单",
    intro: ["为推进市场监管领域法治建设，现将2026年工作举措清单印发，请各科室、所队对照执行。"],
    sections: [
      {
        title: "",
        tasks: [
          task(
            "修订行政处罚裁量权基准，{2026年5月底前}完成征求意见，{2026年6月底前}印发实施",
            "",
            "法制科",
            "2026年6月底前",
            {
              title: "规范行政裁量",
              leader: "黄涛",
              cooperating: ["各业务科室"],
            },
          ),
          task(
            "对食品、特种设备、计量等领域开展执法案卷交叉评查，评查合格率达到95%以上",
            "",
            "法制科",
            "2026年11月底前",
            {
              title: "案卷交叉评查",
              leader: "黄涛",
              cooperating: ["各市场监管所"],
            },
          ),
          task("推行涉企“免罚清单”和“轻罚清单”，对符合条件的经营主体依法不予处罚或从轻处罚", "", "法制科", "持续推进", {
            title: "包容审慎监管",
            leader: "吕梅",
            cooperating: ["执法支队", "各市场监管所"],
          }),
          task("建设执法办案智能辅助系统，实现文书自动生成和办案时限预警", "", "信息中心", "2026年12月底前", {
            title: "智慧执法",
            leader: "吕梅",
            cooperating: ["法制科"],
          }),
        ],
      },
    ],
    after: ["区市场监管局办公室", "2026年3月20日"],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "重点任务", kind: "title" },
        { header: "工作举措", kind: "text" },
        { header: "责任领导", kind: "leader" },
        { header: "责任部门", kind: "others" },
        { header: "协同部门", kind: "cooperating" },
        { header: "完成节点", kind: "deadline" },
      ],
      sections: "none",
      flat: "tabs",
    },
    formats: ["docx", "xlsx", "pdf-libreoffice", "pdf-xlsx", "text", "html"],
    notes:
      "重点任务 title + 工作举措 measures with inline time limits; 责任领导 holds people; 责任部门 and 协同部门 carry no lead marker, so both go into others. Text render: the sheet pasted with tabs.",
  },
  {
    name: "f03-qiantou-zeren-danwei",
    about: "重点领域（合并）+具体任务+牵头责任单位+配合责任单位+时限要求，时限要求含“—”占位",
    categories: [1, 2, 9],
    issuer: OFFICE,
    title: "云溪区重点领域执法监督专项行动任务分解",
    intro: ["为加强重点领域行政执法监督，现将专项行动任务分解如下。"],
    sections: [
      {
        title: "生态环境",
        tasks: [
          task("对重点排污单位开展执法监督，检查执法程序和处罚适用情况", "区司法局", "区生态环境局", "2026年7月底前"),
          task("督促整改生态环境执法中发现的问题，建立整改销号清单", "区生态环境局", "", ""),
        ],
      },
      {
        title: "交通运输",
        tasks: [
          task("规范交通运输领域非现场执法，清理不合理设置的电子监控设备", "区交通局", "区公安分局", "2026年8月底前"),
          task("开展货运车辆超限超载治理执法监督，公开典型案例", "区司法局", "区交通局、区公安分局", "2026年10月底前"),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "重点领域", kind: "group" },
        { header: "具体任务", kind: "text" },
        { header: "牵头责任单位", kind: "lead" },
        { header: "配合责任单位", kind: "others" },
        { header: "时限要求", kind: "deadline" },
      ],
      sections: "group-column",
      emptyMark: "—",
      flat: "bars-closing",
    },
    formats: ["docx", "pdf-libreoffice", "xlsx", "pdf-xlsx", "html", "text-gbk", "doc"],
    notes:
      "牵头责任单位 is the lead column (牵头 marks it), 配合责任单位 the others. Empty cells are filled with —: no unit and no deadline.",
  },
  {
    name: "f04-kuozhu-qiantou",
    about: "条目句末（责任单位：区司法局（牵头）、区财政局）：括注内以“（牵头）”标出牵头单位",
    categories: [8, 11],
    issuer: OFFICE,
    title: "云溪区规范涉企行政检查工作方案",
    intro: ["为减少涉企行政检查频次，减轻企业负担，制定本方案。"],
    sections: [
      {
        title: "统筹检查计划",
        tasks: [
          task("汇总编制全区年度涉企行政检查计划，{每年2月底前}向社会公布", "区司法局", "区政府各部门"),
          task("推行跨部门联合检查，同一企业的多项检查事项原则上一次完成", "区市场监管局", "各行政执法部门"),
        ],
      },
      {
        title: "规范检查行为",
        tasks: [
          task("实行涉企检查“亮码入企”，检查结束后企业可对检查行为评价", "区司法局", "区大数据发展局、各行政执法部门"),
          task("严禁以检查为名干扰企业正常生产经营，对违规检查严肃追责", "区纪委监委机关", "区司法局"),
        ],
      },
    ],
    after: SIGNATURE,
    layout: { kind: "paragraphs", clause: "trailing-units", numbering: "typed", leadMark: "（牵头）" },
    formats: ["docx", "text", "html", "pdf-libreoffice", "pdf-chromium", "doc"],
    notes:
      "The lead is marked （牵头） inside the （责任单位：…） clause; no lead-by-position note. The mark is not part of the unit.",
  },
  {
    name: "f08-wu-zhanwei",
    about: "配合单位与完成时限留空时写“无”“/”：占位符不是单位、不是时限",
    categories: [9, 2, 6],
    issuer: "云溪区民政局",
    title: "云溪区民政领域2026年依法行政重点任务",
    intro: ["各科室、直属单位："],
    sections: [
      {
        title: "",
        tasks: [
          task("完成社会组织年度检查，对连续两年未参检的社会组织依法撤销登记", "社会组织管理科", "", "2026年9月底前"),
          task("开展殡葬领域突出问题专项整治，规范殡葬服务收费", "社会事务科", "区市场监管局、区发展改革委", ""),
          task("规范最低生活保障审核确认，落实动态管理", "社会救助科", "各镇街", "长期坚持"),
          task("开展养老机构安全隐患排查，对问题机构限期整改", "养老服务科", "", ""),
        ],
      },
    ],
    after: ["区民政局", "2026年2月27日"],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "重点任务", kind: "text" },
        { header: "牵头科室", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
      emptyMark: "无",
      flat: "spaces",
    },
    formats: ["docx", "xlsx", "text", "html", "pdf-chromium"],
    notes:
      "Empty 配合单位 and 完成时限 cells hold 无: no unit, no deadline. Text render: cells separated by single spaces.",
  },
];

export const FRESH_LATE: CorpusSpec[] = [
  {
    name: "f12-pdf-fuzhi-hangge",
    about: "从PDF阅读器复制的表格文本：每个单元格一行，行与行之间无分隔",
    categories: [6, 2],
    issuer: OFFICE,
    title: "云溪区2026年信访工作法治化重点任务",
    intro: ["为推进信访工作法治化，现将重点任务明确如下。"],
    sections: [
      {
        title: "",
        tasks: [
          task("落实信访事项受理办理程序，依法分类处理群众诉求", "区信访办", "区政府各部门", "长期坚持"),
          task("开展信访积案化解专项行动，化解率达到90%以上", "区信访办", "各镇街、区政府各部门", "2026年9月底前"),
          task("建立涉法涉诉信访事项导入司法程序机制", "区委政法委", "区法院、区检察院、区司法局", "2026年6月底前"),
          task("推行律师参与信访接待，每周安排律师值班不少于2天", "区司法局", "区信访办、区律师协会", "持续推进"),
        ],
      },
    ],
    after: ["云溪区人民政府办公室", "2026年3月25日"],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "重点任务", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "责任单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
      flat: "lines",
    },
    formats: ["text", "text-gbk", "docx", "pdf-chromium", "html"],
    notes:
      "Text render: the table copied out of a PDF viewer, one cell a line and nothing between cells or rows; the row number line starts each row.",
  },
  {
    name: "f13-dianhao-riqi",
    about: "完成时间列写作“2026.06”“2026.9”“2026年底”等点号或简写日期",
    categories: [2, 5],
    issuer: "云溪区应急管理局",
    title: "云溪区2026年应急管理综合行政执法重点工作",
    intro: ["现将2026年应急管理综合行政执法重点工作安排如下。"],
    sections: [
      {
        title: "执法检查",
        tasks: [
          task("制定年度执法检查计划，对重点企业执法检查全覆盖", "执法大队", "各镇街", "2026.03"),
          task("开展危险化学品企业专项执法检查，查处违法违规行为", "执法大队", "危化品监管科", "2026.9"),
        ],
      },
      {
        title: "执法规范",
        tasks: [
          task("推行执法检查“四不两直”，提高检查精准度", "执法大队", "政策法规科", "2026年底"),
          task("开展执法案卷自查，对发现的问题逐项整改", "政策法规科", "执法大队", "2026.11.30"),
        ],
      },
    ],
    after: ["区应急局", "2026年2月20日"],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "工作内容", kind: "text" },
        { header: "牵头科室", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时间", kind: "deadline" },
      ],
      sections: "heading-rows",
      flat: "bars",
    },
    formats: ["xlsx", "docx", "pdf-libreoffice", "pdf-xlsx", "text"],
    notes:
      "完成时间 values written with points or short forms (2026.03, 2026.9, 2026年底, 2026.11.30): each one deadline as written.",
  },
];
