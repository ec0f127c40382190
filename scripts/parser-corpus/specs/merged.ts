/**
 * Category 4: merged 序号 and unit cells over continuation rows, unit cells merged over several tasks, and header
 * rows typed again at page breaks.
 */
import type { CorpusSpec } from "../spec.js";
import { OFFICE, SIGNATURE, task } from "./helpers.js";

export const MERGED: CorpusSpec[] = [
  {
    name: "c01-xuhao-hebing",
    about: "序号、牵头单位合并单元格下的续行：续行的文字与时限属于上一任务；表头每三项重复一次",
    categories: [4, 5],
    issuer: OFFICE,
    title: "云溪区行政执法“三项制度”深化落实工作任务表",
    intro: ["为深化落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，制定本任务表。"],
    sections: [
      {
        title: "",
        tasks: [
          task("修订行政执法公示办法，统一公示内容和标准", "区司法局", "各行政执法部门", undefined, {
            deadline: "2026年4月底前",
            parts: [{ text: "在区政府门户网站开设执法信息公示专栏并按时更新", deadline: "2026年6月底前" }],
          }),
          task("为一线执法人员配备执法记录仪等音视频记录设备", "区财政局", "各行政执法部门", undefined, {
            deadline: "2026年5月底前",
            parts: [
              { text: "制定音像记录事项清单，明确记录保存期限", deadline: "2026年7月底前" },
              { text: "建立音像资料归档和调阅管理制度", deadline: "2026年9月底前" },
            ],
          }),
          task("编制重大执法决定法制审核目录清单，明确审核范围和程序", "区司法局", "各行政执法部门", "2026年6月底前"),
          task(
            "配齐各执法部门法制审核人员，审核人员不少于本单位执法人员总数的5%",
            "区委编办",
            "区司法局、各行政执法部门",
            "2026年8月底前",
          ),
          task("开展“三项制度”落实情况专项督察，对发现的问题督促整改", "区司法局", "区政府督查室", "每年11月底前"),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "工作任务", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
      repeatHeaderEvery: 3,
    },
    formats: ["docx", "xlsx", "pdf-libreoffice", "pdf-chromium", "html", "doc", "pdf-xlsx"],
    notes:
      "Tasks 1 and 2 go on in rows under their merged 序号 and unit cells, each row with its own 完成时限: those rows continue the task (their deadlines are the task's), they are not new tasks. The header row is typed again after every third task.",
  },
  {
    name: "c02-danwei-hebing",
    about: "责任单位与完成时限合并单元格跨多项任务：合并格适用于所跨的每一行",
    categories: [4, 8],
    issuer: OFFICE,
    title: "云溪区基层法治建设专项任务分工",
    intro: ["现将基层法治建设专项任务分工如下，各镇街要建立工作台账，按月推进。"],
    leadNote: "注：责任单位列第一位者为工作牵头单位或汇总单位。",
    sections: [
      {
        title: "",
        tasks: [
          task(
            "健全镇街法治建设领导机制，镇街党政主要负责人每年专题研究法治工作不少于2次",
            "区委依法治区办",
            "各镇街",
            "2026年12月底前",
          ),
          task("建立镇街法律顾问制度，法律顾问列席镇街重要会议", "区委依法治区办", "各镇街", "2026年12月底前"),
          task("开展镇街法治建设考评，考评结果纳入镇街年度综合考核", "区委依法治区办", "各镇街", "2026年12月底前"),
          task(
            "推进村（居）法律顾问全覆盖，每个村（社区）每月至少提供1次现场服务",
            "区司法局",
            "各镇街、区律师协会",
            "长期坚持",
          ),
          task(
            "建设村（社区）法治文化阵地，打造法治文化示范点10个",
            "区司法局",
            "各镇街、区文化旅游委",
            "2026年10月底前",
          ),
          task("完善村规民约和居民公约，开展合法性审查和备案", "区民政局", "区司法局、各镇街", "2026年9月底前"),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "任务内容", kind: "text" },
        { header: "责任单位", kind: "units" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
      mergeRuns: ["units", "deadline"],
      flat: "bars",
    },
    formats: ["docx", "xlsx", "html", "pdf-chromium", "text", "doc"],
    notes:
      "The 责任单位 and 完成时限 cells of tasks 1–3 are one merged cell each: they apply to every task they span. Note 列第一位者为工作牵头单位或汇总单位 makes the first unit the lead. In the text render the merged cells appear only on their first row.",
  },
  {
    name: "c03-fenzu-hebing",
    about: "分组列与序号列同时合并，组内多行续写同一任务（具体措施分行），无单独时限",
    categories: [1, 4, 3],
    messyWord: true,
    issuer: "云溪区市场监督管理局",
    title: "云溪区食品安全“守底线、查隐患、保安全”专项行动任务分解",
    intro: ["根据市级专项行动部署，结合我区实际，现将任务分解如下。"],
    sections: [
      {
        title: "校园食品安全",
        tasks: [
          task(
            "开展学校食堂食品安全全覆盖检查，重点检查原料采购和加工制作环节",
            "区市场监管局",
            "区教委",
            "2026年4月底前",
            {
              parts: [{ text: "落实学校负责人陪餐制度和家长委员会监督机制" }],
            },
          ),
          task(
            "加强校园周边食品经营店铺日常监管，依法查处销售“三无”食品行为",
            "区市场监管局",
            "区公安分局、相关镇街",
            "2026年5月底前",
          ),
        ],
      },
      {
        title: "农村食品安全",
        tasks: [
          task(
            "排查农村集体聚餐风险，建立乡村厨师备案和聚餐申报制度",
            "区市场监管局",
            "区卫生健康委、各镇",
            "2026年6月底前",
            {
              parts: [{ text: "对农村小卖部、小超市开展过期食品专项清查" }, { text: "督促经营者建立进货查验记录台账" }],
            },
          ),
          task(
            "组织开展农村假冒伪劣食品治理，曝光典型案件",
            "区市场监管局",
            "区农业农村委、区公安分局",
            "2026年9月底前",
          ),
        ],
      },
    ],
    after: ["区市场监管局", "2026年3月2日"],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "类别", kind: "group" },
        { header: "具体措施", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "group-column",
      flat: "cell-lines",
    },
    formats: ["docx", "xlsx", "pdf-libreoffice", "text-gbk", "html", "pdf-xlsx"],
    notes:
      "类别 merged over its rows; 序号, units and 完成时限 merged over each task's continuation rows (measures written on more rows). Continuation rows are part of the task, not tasks. The Word file is messy: text in many runs of changing fonts, line breaks inside cells, typed numbers with a full-width point (1．).",
  },
  {
    name: "c04-biaotou-chongfu",
    about: "长表分页：从PDF复制粘贴时每页表头重新出现在数据中",
    categories: [4, 6],
    issuer: OFFICE,
    title: "云溪区2026年政务公开重点工作任务分工",
    intro: ["各单位要对照分工，逐项抓好政务公开重点工作落实。"],
    sections: [
      {
        title: "",
        tasks: [
          task(
            "围绕重大决策部署做好政策发布解读，重要政策文件与解读材料同步起草、同步发布",
            "区政府办公室",
            "区政府各部门",
            "长期坚持",
          ),
          task("规范政府网站和政务新媒体管理，开展季度检查和年度考评", "区政府办公室", "区融媒体中心", "每季度末"),
          task("全面推进基层政务公开标准化规范化，更新镇街政务公开事项目录", "区政府办公室", "各镇街", "2026年6月底前"),
          task(
            "推进公共企事业单位信息公开，督促供水、供气、公交等单位公开服务信息",
            "区发展改革委",
            "区住房城乡建设委、区交通局",
            "2026年9月底前",
          ),
          task("做好政府信息依申请公开工作，规范办理程序和答复文书", "区政府办公室", "区司法局", "持续推进"),
          task("开展政府开放日活动，邀请群众代表走进政府机关", "区政府办公室", "区政府各部门", "2026年5月15日前"),
          task("完善政策咨询综合服务平台，建立政策问答库", "区政务服务管理办", "区大数据发展局", "2026年10月底前"),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "工作任务", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "责任单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
      repeatHeaderEvery: 3,
      flat: "bars-closing",
    },
    formats: ["text", "text-gbk", "docx", "xlsx", "pdf-chromium"],
    notes:
      "The header row appears again after every third task, as text copied page by page from a PDF: not data. Here 牵头单位 is the lead and 责任单位 the others.",
  },
];
