/**
 * Category 2: task columns under unfamiliar headers (民生实事, 改革事项, 目标任务, 重点工作, 实施步骤 …), columns to be
 * told by their content, and header cells spanning two columns.
 */
import type { CorpusSpec } from "../spec.js";
import { notice, OFFICE, SIGNATURE, task } from "./helpers.js";

export const HEADERS: CorpusSpec[] = [
  {
    name: "h01-minsheng-shishi",
    about: "民生实事分工表：任务列表头为“民生实事”，无分组",
    categories: [2, 5],
    issuer: OFFICE,
    title: "云溪区2026年民生实事任务分工表",
    intro: notice("各镇人民政府、街道办事处，区政府各部门，有关单位", "云溪区2026年民生实事任务分工表"),
    sections: [
      {
        title: "",
        tasks: [
          task("新增城镇就业岗位6000个，帮扶就业困难人员实现就业500人", "区人力社保局", "各镇街", "2026年12月底前"),
          task("为城乡低保对象、特困人员等困难群众购买意外伤害保险", "区民政局", "区财政局、区医保局", "2026年6月底前"),
          task("改造提升农贸市场5个，规范设置公平秤和快检室", "区商务委", "区市场监管局、相关镇街", "2026年10月底前"),
          task(
            "建成城市“一刻钟便民生活圈”8个，完善社区商业网点布局",
            "区商务委",
            "区规划自然资源局、各街道",
            "2026年11月底前",
          ),
          task("实施农村供水保障提升工程，新建改造供水管网60公里", "区水利局", "区农业农村委、各镇", "2026年9月底前"),
          task(
            "开展“法律明白人”培养工程，每个行政村培养不少于5名法律明白人",
            "区司法局",
            "区农业农村委、各镇",
            "2026年12月底前",
          ),
        ],
      },
    ],
    after: ["附件：云溪区2026年民生实事项目推进情况月报表", ...SIGNATURE],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "民生实事", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "责任单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
    },
    formats: ["docx", "xlsx", "html", "pdf-libreoffice", "doc", "text-gbk"],
    notes: "The task column is headed 民生实事. The single 附件 line after the table is not a task.",
  },
  {
    name: "h02-gaige-shixiang",
    about: "改革事项清单：任务列为“改革事项”，分组为全宽标题行",
    categories: [2, 5],
    issuer: "云溪区全面深化改革委员会办公室",
    title: "云溪区2026年法治领域改革事项清单",
    intro: ["为推动法治领域改革任务落地见效，现将2026年改革事项明确如下。"],
    sections: [
      {
        title: "行政执法体制改革",
        tasks: [
          task(
            "深化镇街综合行政执法改革，完善赋权事项动态调整和评估机制",
            "区委编办",
            "区司法局、各镇街",
            "2026年9月底前",
          ),
          task(
            "推进跨部门综合监管，在食品安全、燃气安全等领域开展联合检查",
            "区市场监管局",
            "区城市管理局、区应急局",
            "2026年12月底前",
          ),
        ],
      },
      {
        title: "公共法律服务改革",
        tasks: [
          task("整合公共法律服务资源，实现区、镇街、村社区三级服务平台全覆盖", "区司法局", "各镇街", "2026年8月底前"),
          task(
            "建立律师参与涉法涉诉信访案件化解工作机制，完善案件代理程序",
            "区司法局",
            "区信访办、区律师协会",
            "2026年10月底前",
          ),
          task("推行公证“最多跑一次”，公布可在线办理的公证事项清单", "区司法局", "区公证处", "2026年6月底前"),
        ],
      },
    ],
    after: ["区委改革办", "2026年2月20日"],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "改革事项", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "heading-rows",
      flat: "bars",
    },
    formats: ["docx", "pdf-chromium", "text-gbk", "doc", "xlsx"],
    notes: "Task column 改革事项; sections are full-width heading rows 一、… inside the table.",
  },
  {
    name: "h03-mubiao-renwu",
    about: "目标任务责任表：任务列“目标任务”，另有“责任领导”人名列（非单位）",
    categories: [2, 9],
    issuer: OFFICE,
    title: "云溪区2026年法治政府建设目标任务责任表",
    intro: ["各责任单位要对照目标任务细化工作举措，明确责任人和时间节点。"],
    sections: [
      {
        title: "",
        tasks: [
          task(
            "全区行政机关负责人出庭应诉率保持100%，出庭出声率不低于90%",
            "区司法局",
            "各行政机关",
            "2026年12月底前",
            { leader: "刘文华" },
          ),
          task("行政复议案件纠错率保持在合理区间，复议决定履行率达到100%", "区司法局", "各被申请机关", "长期坚持", {
            leader: "刘文华",
          }),
          task(
            "政府信息主动公开基本目录全覆盖，依申请公开答复按期率达到100%",
            "区政府办公室",
            "区政府各部门",
            "持续推进",
            { leader: "陈晓东" },
          ),
          task(
            "规范性文件合法性审核率、备案率、报备及时率均达到100%",
            "区司法局",
            "区政府各部门、各镇街",
            "每年12月底前",
            { leader: "刘文华" },
          ),
          task(
            "完成年度普法责任清单，国家工作人员学法考试参考率达到100%",
            "区司法局",
            "区委宣传部、区委组织部",
            "2026年11月底前",
            { leader: "周丽" },
          ),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "目标任务", kind: "text" },
        { header: "责任领导", kind: "leader" },
        { header: "牵头单位", kind: "lead" },
        { header: "责任单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
      flat: "labels",
    },
    formats: ["xlsx", "html", "docx", "text", "pdf-chromium", "pdf-xlsx"],
    notes:
      "责任领导 holds people's names, never units. Text render: each row on one line with labels (责任领导:刘文华 牵头单位:…).",
  },
  {
    name: "h04-content-columns",
    about: "表头不含常见词（事项|主办|协办|办结时间），须按内容判断各列",
    categories: [2, 6],
    tableLayoutPage: true,
    issuer: "云溪区人民政府督查室",
    title: "云溪区2026年第一季度督办事项交办单",
    intro: ["以下事项经区政府常务会议研究确定，请主办单位会同协办单位按时办结并报送办理情况。"],
    sections: [
      {
        title: "",
        tasks: [
          task(
            "研究制定城区道路占道施工审批管理办法，明确审批时限和恢复标准",
            "区城市管理局",
            "区交通局、区公安分局",
            "2026年4月30日前",
          ),
          task(
            "梳理全区闲置国有资产底数，提出盘活利用方案报区政府审定",
            "区财政局",
            "区国资中心、区机关事务局",
            "2026年5月15日前",
          ),
          task(
            "协调解决云溪工业园区企业用电扩容问题，形成专题报告",
            "云溪高新区管委会",
            "区经济信息委、区供电公司",
            "2026年4月15日前",
          ),
          task(
            "核查群众反映的小区物业服务收费问题，依法依规作出处理",
            "区住房城乡建设委",
            "区市场监管局、相关街道",
            "自收到之日起15日内",
          ),
          task(
            "完善春季森林防火责任网格，组织开展防火巡查和隐患排查",
            "区林业局",
            "各镇街、区应急局",
            "2026年3月31日前",
          ),
        ],
      },
    ],
    after: ["区政府督查室", "2026年3月5日"],
    layout: {
      kind: "table",
      columns: [
        { header: "编号", kind: "number" },
        { header: "事项", kind: "text" },
        { header: "主办", kind: "lead" },
        { header: "协办", kind: "others" },
        { header: "办结时间", kind: "deadline" },
      ],
      sections: "none",
      flat: "bars-closing",
    },
    formats: ["docx", "xlsx", "text", "pdf-libreoffice", "html"],
    notes:
      "Headers 编号 / 事项 / 主办 / 协办 / 办结时间: the unit columns and the time column are told by their cells. 自收到之日起15日内 is a relative deadline. The saved page is an old site laid out in nested tables, the article inside a cell.",
  },
  {
    name: "h05-shishi-buzhou",
    about: "实施步骤表：两行表头，“责任单位”横跨牵头单位与配合单位两列",
    categories: [2, 4, 5],
    issuer: OFFICE,
    title: "云溪区行政复议规范化建设实施步骤安排表",
    intro: ["为推进行政复议规范化建设，按照“一年打基础、两年见成效”的思路，分步骤组织实施。"],
    sections: [
      {
        title: "",
        tasks: [
          task("组建行政复议案件审理专班，配齐配强专职复议人员", "区司法局", "区委编办、区人力社保局", "2026年3月底前"),
          task("建成行政复议接待大厅，设置当场立案和咨询服务窗口", "区司法局", "区机关事务局", "2026年5月底前"),
          task("制定行政复议听证、调解和意见书工作规则，统一文书样式", "区司法局", "区法院", "2026年7月底前"),
          task("建立行政复议与行政诉讼数据共享和案件会商机制", "区司法局", "区法院、区检察院", "2026年第三季度"),
          task("开展行政复议规范化建设评估，形成评估报告报区政府", "区司法局", "区政府督查室", "2027年第一季度"),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "实施步骤", kind: "text" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "时间安排", kind: "deadline" },
      ],
      sections: "none",
      twoRowHeader: [2, "责任单位"],
    },
    formats: ["docx", "pdf-libreoffice", "pdf-chromium", "xlsx", "html", "doc", "pdf-xlsx"],
    notes:
      "Two header rows: 责任单位 spans 牵头单位 and 配合单位; 序号, 实施步骤, 时间安排 are merged down over both header rows. Deadlines by quarter (2026年第三季度).",
  },
  {
    name: "h06-zhongdian-gongzuo",
    about: "重点工作台账：任务列“重点工作”，另有“主要内容”说明列（两段文字）和联系人列",
    categories: [2, 3, 9],
    issuer: "云溪区司法局",
    title: "云溪区司法局2026年重点工作台账",
    intro: ["现将2026年重点工作台账印发，各科室、所队要按月报送推进情况。"],
    sections: [
      {
        title: "",
        tasks: [
          task("开展“八五”普法总结验收，形成全区普法工作总结报告", "普法与依法治理科", "各司法所", "2026年11月底前", {
            title: "普法总结验收",
            contact: "王敏",
          }),
          task(
            "完善人民调解组织网络，实现行业性专业性调解组织重点领域全覆盖",
            "人民参与和促进法治科",
            "各司法所",
            "2026年9月底前",
            {
              title: "调解网络建设",
              contact: "张伟",
            },
          ),
          task(
            "规范社区矫正对象分类管理和教育帮扶，杜绝脱管漏管",
            "社区矫正管理科",
            "各司法所、区公安分局",
            "长期坚持",
            {
              title: "社区矫正管理",
              contact: "李静",
            },
          ),
          task(
            "推进公共法律服务实体平台标准化建设，开展群众满意度测评",
            "公共法律服务管理科",
            "区公共法律服务中心",
            "2026年10月底前",
            {
              title: "公共法律服务",
              contact: "赵磊",
            },
          ),
        ],
      },
    ],
    after: ["联系人：区司法局办公室 赵磊 联系电话：023-00000000"],
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "重点工作", kind: "title" },
        { header: "主要内容", kind: "text" },
        { header: "牵头科室", kind: "lead" },
        { header: "协同单位", kind: "others" },
        { header: "联系人", kind: "contact" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
    },
    formats: ["xlsx", "docx", "html", "pdf-chromium", "text-gbk", "pdf-xlsx"],
    notes:
      "重点工作 is a short title, 主要内容 the measures: the task text is both, title first (start = the title). 联系人 holds people, never units. Lead units are the bureau's own 科 offices.",
  },
  {
    name: "h07-xiangmu-mingcheng",
    about: "民生项目表：项目名称（短）+主要内容（长）两列文字，分管领导人名列，表头分页重复",
    categories: [2, 3, 4, 9],
    issuer: OFFICE,
    title: "云溪区2026年重点民生项目目标任务责任分解表",
    intro: ["各牵头单位要会同配合单位制定项目推进计划，每月25日前报送项目进展。"],
    sections: [
      {
        title: "",
        tasks: [
          task("实施义务教育学校课后服务提质行动，{2026年9月底前}实现课后服务全覆盖", "区教委", "各镇街", "", {
            title: "课后服务提质",
            leader: "何红梅",
          }),
          task(
            "建设城市智慧停车管理平台，接入公共停车场不少于60个",
            "区城市管理局",
            "区大数据发展局、区公安分局",
            "2026年12月底前",
            {
              title: "智慧停车",
              leader: "孙建平",
            },
          ),
          task("改造提升城区公园绿地5处，新建口袋公园12个", "区城市管理局", "区规划自然资源局", "2026年10月底前", {
            title: "公园绿地提升",
            leader: "孙建平",
          }),
          task(
            "实施残疾人家庭无障碍改造300户，为困难残疾人适配辅助器具",
            "区残联",
            "区民政局、各镇街",
            "2026年11月底前",
            {
              title: "无障碍改造",
              leader: "何红梅",
            },
          ),
          task(
            "建设区级婴幼儿照护服务指导中心，新增普惠托位600个",
            "区卫生健康委",
            "区发展改革委、区教委",
            "2026年12月底前",
            {
              title: "普惠托育",
              leader: "何红梅",
            },
          ),
          task("新建改建农村公路40公里，完成危桥改造8座", "区交通局", "区财政局、相关镇", "2026年11月底前", {
            title: "农村公路建设",
            leader: "孙建平",
          }),
        ],
      },
    ],
    after: SIGNATURE,
    layout: {
      kind: "table",
      columns: [
        { header: "序号", kind: "number" },
        { header: "项目名称", kind: "title" },
        { header: "主要内容", kind: "text" },
        { header: "区政府分管领导", kind: "leader" },
        { header: "牵头单位", kind: "lead" },
        { header: "配合单位", kind: "others" },
        { header: "完成时限", kind: "deadline" },
      ],
      sections: "none",
      repeatHeaderEvery: 4,
    },
    formats: ["docx", "pdf-libreoffice", "xlsx", "text", "doc"],
    notes:
      "项目名称 short + 主要内容 long: the task text is both, title first. 区政府分管领导 holds people. The header row is typed again after the fourth task (a table pasted page by page): not a task. Task 1 has its deadline inline only.",
  },
];
