/**
 * Category 7 and 6: tasks without numbers, each plain line followed by the same block of labelled lines; and whole
 * rows on one line with labels (牵头领导:张三 责任单位:X 配合单位:A、B).
 */
import type { CorpusSpec } from "../spec.js";
import { OFFICE, SIGNATURE, task } from "./helpers.js";

const BLOCK_LABELS = { leader: "主管领导", others: "责任单位", contact: "主要责任人", deadline: "进度安排" };

export const UNNUMBERED: CorpusSpec[] = [
  {
    name: "u01-zhuguan-lingdao",
    about: "无编号任务：每条任务后跟“主管领导/责任单位/主要责任人/进度安排”四行",
    categories: [7, 9],
    issuer: OFFICE,
    title: "云溪区2026年区政府重点工作责任清单",
    intro: ["为抓好区政府年度重点工作落实，明确主管领导、责任单位、主要责任人和进度安排如下。"],
    sections: [
      {
        title: "",
        tasks: [
          task(
            "推进云溪高新区扩区调位，完成新一轮产业发展规划编制",
            "",
            "云溪高新区管委会",
            "2026年6月底前完成规划编制，12月底前报批",
            {
              leader: "马志强",
              contact: "高新区管委会主任 林涛",
            },
          ),
          task(
            "完成城市更新示范片区项目前期工作，启动首批安置房建设",
            "",
            "区住房城乡建设委、区规划自然资源局",
            "2026年第三季度",
            {
              leader: "孙建平",
              contact: "区住房城乡建设委主任 郑强",
            },
          ),
          task("实施高标准农田建设项目2万亩，同步推进宜机化改造", "", "区农业农村委", "2026年11月底前", {
            leader: "何红梅",
            contact: "区农业农村委主任 冯刚",
          }),
          task("深化法治政府示范创建，迎接省级法治政府建设示范评估", "", "区司法局", "持续推进", {
            leader: "刘文华",
            contact: "区司法局局长 曹阳",
          }),
          task("推进区级医院提档升级，新建区中医院住院综合楼", "", "区卫生健康委", "2027年6月底前", {
            leader: "何红梅",
            contact: "区卫生健康委主任 彭丽",
          }),
        ],
      },
    ],
    after: SIGNATURE,
    layout: { kind: "paragraphs", clause: "label-lines", numbering: "none", labels: BLOCK_LABELS },
    formats: ["docx", "text", "html", "pdf-libreoffice", "text-gbk", "doc"],
    notes:
      "No numbers: each task is the plain line that the block 主管领导 / 责任单位 / 主要责任人 / 进度安排 follows. 主管领导 and 主要责任人 are people. A 责任单位 list without a lead marker goes into others. 进度安排 values are deadlines as written.",
  },
  {
    name: "u02-label-row",
    about: "网页复制文本：每条任务一行，下一行“牵头领导:张三 责任单位:X 配合单位:A、B 完成时限:…”",
    categories: [6, 9, 10],
    issuer: "云溪区人民政府",
    title: "云溪区2026年为民办实事项目推进情况公示",
    intro: ["现将2026年为民办实事项目及责任分工予以公示，接受社会监督。"],
    web: true,
    sections: [
      {
        title: "",
        tasks: [
          task("新增城区公交线路4条，优化调整公交线路10条", "区交通局", "区公安分局、区城市管理局", "2026年9月底前", {
            leader: "孙建平",
          }),
          task(
            "完成城区背街小巷整治提升30条，同步实施雨污分流",
            "区城市管理局",
            "区住房城乡建设委、各街道",
            "2026年11月底前",
            {
              leader: "孙建平",
            },
          ),
          task("建设老年食堂20个，为高龄独居老人提供助餐服务", "区民政局", "区市场监管局、各镇街", "2026年10月底前", {
            leader: "何红梅",
          }),
          task("为全区1.2万名适龄女性免费开展宫颈癌和乳腺癌筛查", "区卫生健康委", "区妇联", "2026年12月底前", {
            leader: "何红梅",
          }),
        ],
      },
    ],
    after: [],
    layout: { kind: "paragraphs", clause: "label-row", numbering: "typed" },
    formats: ["text", "text-gbk", "html", "docx", "pdf-chromium"],
    notes:
      "Copied from the site: navigation, the 索引号/发布机构 information lines, share links and a spam line come along and are not tasks. Each item is followed by one line of labels separated by single spaces; 牵头领导 is a person.",
  },
  {
    name: "u03-jindu-anpai",
    about: "无编号任务，块内“牵头单位/配合单位/完成时限”，段落间有空行",
    categories: [7],
    issuer: "云溪区生态环境局",
    title: "云溪区2026年生态环境保护重点工作安排",
    intro: ["各单位要按照以下安排，扎实推进生态环境保护重点工作。"],
    sections: [
      {
        title: "",
        tasks: [
          task(
            "完成城区餐饮油烟净化设施安装和在线监控全覆盖",
            "区生态环境局",
            "区城市管理局、区市场监管局",
            "2026年8月底前",
          ),
          task(
            "开展入河排污口排查整治，建立排污口名录和整治台账",
            "区生态环境局",
            "区水利局、各镇街",
            "2026年10月底前",
          ),
          task(
            "推进工业企业挥发性有机物综合治理，完成重点企业治理15家",
            "区生态环境局",
            "区经济信息委",
            "2026年11月底前",
          ),
          task("实施农村生活污水治理，新增治理行政村12个", "区生态环境局", "区农业农村委、相关镇", "2026年12月底前"),
        ],
      },
    ],
    after: ["区生态环境局", "2026年2月25日"],
    layout: { kind: "paragraphs", clause: "label-lines", numbering: "none", labels: { others: "配合单位" } },
    formats: ["docx", "pdf-chromium", "text", "doc", "html"],
    notes: "Unnumbered tasks, each followed by 牵头单位： / 配合单位： / 完成时限： lines.",
  },
];

export const UNNUMBERED_MORE: CorpusSpec[] = [
  {
    name: "u04-fenjie-wubianhao",
    about: "一、标题下的无编号任务，各带“牵头领导/牵头单位/责任单位/完成时限”四行",
    categories: [7, 9],
    issuer: OFFICE,
    title: "云溪区2026年“三服务”活动重点任务分解",
    intro: ["为深入开展服务企业、服务群众、服务基层活动，现将重点任务分解如下。"],
    sections: [
      {
        title: "服务企业",
        tasks: [
          task(
            "建立区领导联系重点企业制度，定期走访解决企业困难",
            "区经济信息委",
            "区商务委、区发展改革委",
            "长期坚持",
            {
              leader: "马志强",
            },
          ),
          task(
            "开展惠企政策“直通车”活动，政策兑现时间压缩至15个工作日",
            "区财政局",
            "区经济信息委、区政务服务管理办",
            "2026年6月底前",
            {
              leader: "马志强",
            },
          ),
        ],
      },
      {
        title: "服务群众",
        tasks: [
          task(
            "开展“群众事马上办”活动，12345热线诉求按期办结率达到98%",
            "区政府办公室",
            "区政府各部门、各镇街",
            "持续推进",
            {
              leader: "陈晓东",
            },
          ),
          task("推进“15分钟公共法律服务圈”建设，实现法律服务就近可及", "区司法局", "各镇街", "2026年10月底前", {
            leader: "刘文华",
          }),
        ],
      },
      {
        title: "服务基层",
        tasks: [
          task("推动资源、服务、管理向基层下沉，公布镇街履职事项清单", "区委编办", "各镇街", "2026年8月底前", {
            leader: "陈晓东",
          }),
        ],
      },
    ],
    after: SIGNATURE,
    layout: { kind: "paragraphs", clause: "label-lines", numbering: "none" },
    formats: ["docx", "html", "text", "pdf-chromium", "doc"],
    notes:
      "Tasks without numbers under 一、 headings; each plain line is followed by 牵头领导 / 牵头单位 / 责任单位 / 完成时限. 牵头领导 is a person.",
  },
  {
    name: "u05-kongxing-fenge",
    about: "无编号任务块之间以空行分隔，块内“责任单位/配合单位/时间节点”",
    categories: [7, 6],
    issuer: "云溪区城市管理局",
    title: "云溪区2026年市容环境综合整治工作安排",
    intro: ["各有关单位："],
    sections: [
      {
        title: "",
        tasks: [
          task("集中整治城区主次干道占道经营、店外经营等问题", "", "区城市管理局", "2026年5月底前", {
            cooperating: ["区市场监管局", "各街道"],
          }),
          task("开展建筑工地扬尘专项治理，落实围挡、冲洗、覆盖等措施", "", "区住房城乡建设委", "2026年6月底前", {
            cooperating: ["区城市管理局", "区生态环境局"],
          }),
          task("清理城乡接合部积存垃圾，建立长效保洁机制", "", "各镇街", "长期坚持", {
            cooperating: ["区城市管理局"],
          }),
          task("规范城区夜间施工管理，查处违规夜间施工扰民行为", "", "区城市管理局", "持续推进", {
            cooperating: ["区生态环境局", "区公安分局"],
          }),
        ],
      },
    ],
    after: ["区城市管理局", "2026年4月8日"],
    layout: {
      kind: "paragraphs",
      clause: "label-lines",
      numbering: "none",
      blankBetween: true,
      labels: { deadline: "时间节点" },
    },
    formats: ["text", "text-gbk", "docx", "html", "pdf-libreoffice"],
    notes:
      "Unnumbered tasks, each followed by 责任单位 / 配合单位 / 时间节点 lines and an empty line. No lead marked: 责任单位 and 配合单位 are others.",
  },
];
