/**
 * The fictional district 示例区: about ten townships and every department, office, court and procuratorate
 * that the seed plan 000 names, so that each of its unit phrases resolves.
 */
import type { UnitType } from "../../shared/domain.js";

export interface DemoUnit {
  name: string;
  type: UnitType;
  aliases?: string[];
  shortName?: string;
}

export const DEMO_UNITS: DemoUnit[] = [
  { name: "城关街道", type: "township" },
  { name: "东城街道", type: "township" },
  { name: "西城街道", type: "township" },
  { name: "南湖镇", type: "township" },
  { name: "北山镇", type: "township" },
  { name: "清河镇", type: "township" },
  { name: "柳林镇", type: "township" },
  { name: "枣园乡", type: "township" },
  { name: "石桥乡", type: "township" },
  { name: "杏花乡", type: "township" },
  { name: "区政府办公室", type: "department", aliases: ["区人民政府办公室", "政府办"] },
  {
    name: "区司法局",
    type: "enforcement_department",
    aliases: ["区司法局(行政执法协调监督局)", "区行政执法协调监督局"],
  },
  { name: "区发改局", type: "department", aliases: ["区发展和改革局"] },
  { name: "区财政局", type: "department" },
  { name: "区政务服务中心", type: "department", aliases: ["区政务服务管理局"] },
  { name: "区统计局", type: "department" },
  { name: "区审计局", type: "department" },
  { name: "区信访局", type: "department" },
  { name: "区市场监管分局", type: "enforcement_department", aliases: ["区市场监督管理局", "市场监管局"] },
  { name: "区教育局", type: "enforcement_department", aliases: ["区教育体育局"] },
  { name: "区卫健局", type: "enforcement_department", aliases: ["区卫生健康局"] },
  { name: "区自然资源局", type: "enforcement_department", aliases: ["区自然资源分局"] },
  { name: "区林草局", type: "enforcement_department", aliases: ["区林业和草原局"] },
  { name: "区生态环境分局", type: "enforcement_department" },
  { name: "区住建局", type: "enforcement_department", aliases: ["区住房和城乡建设局"] },
  { name: "区交通运输局", type: "enforcement_department" },
  { name: "区农业农村局", type: "enforcement_department" },
  { name: "区水务局", type: "enforcement_department" },
  { name: "区文化旅游广电局", type: "enforcement_department", aliases: ["区文旅局"] },
  { name: "区应急管理局", type: "enforcement_department" },
  { name: "区人社局", type: "enforcement_department", aliases: ["区人力资源和社会保障局"] },
  { name: "区民政局", type: "enforcement_department" },
  { name: "区公安分局", type: "enforcement_department" },
  { name: "区综合执法局", type: "enforcement_department", aliases: ["区城市管理综合执法局"] },
  { name: "区纪委监委", type: "party_office", aliases: ["区纪委", "区监委"] },
  { name: "区委办公室", type: "party_office" },
  { name: "区委组织部", type: "party_office" },
  { name: "区委宣传部", type: "party_office" },
  { name: "区委统战部", type: "party_office", aliases: ["区委统战部(区民族宗教事务局)", "区民族宗教事务局"] },
  { name: "区委政法委", type: "party_office" },
  { name: "区委编办", type: "party_office", aliases: ["区委机构编制委员会办公室"] },
  { name: "区人民法院", type: "court", aliases: ["区法院"] },
  { name: "区人民检察院", type: "procuratorate", aliases: ["区检察院"] },
];

export interface DemoGroup {
  name: string;
  aliases: string[];
  unitTypes: UnitType[];
}

const GOVERNMENT: UnitType[] = ["department", "enforcement_department"];

export const DEMO_GROUPS: DemoGroup[] = [
  {
    name: "各乡镇",
    aliases: ["各镇(街道)", "各乡镇(街道)", "各镇街", "各街道", "乡镇", "各乡(镇)"],
    unitTypes: ["township"],
  },
  {
    name: "各行政执法部门",
    aliases: ["各行政执法部门(单位)", "各执法部门", "行政执法部门"],
    unitTypes: ["enforcement_department"],
  },
  { name: "各部门(单位)", aliases: ["各部门", "区政府各部门", "区直各部门", "各部门单位"], unitTypes: GOVERNMENT },
  { name: "各有关部门", aliases: ["有关部门", "相关部门", "各相关部门"], unitTypes: GOVERNMENT },
  {
    name: "各单位各部门",
    aliases: ["各单位", "各部门各单位", "各乡镇各部门"],
    unitTypes: ["township", "department", "enforcement_department", "party_office", "court", "procuratorate"],
  },
];

/** The named demo accounts; every other unit gets a unit_manager account of its own (unit01, unit02, …). */
export const DEMO_ACCOUNTS = [
  { username: "admin", displayName: "系统管理员", roles: ["admin"], unit: null },
  { username: "coordinator", displayName: "司法局统筹员", roles: ["coordinator"], unit: "区司法局" },
  { username: "leader", displayName: "分管领导", roles: ["leader"], unit: null },
  { username: "township", displayName: "城关街道管理员", roles: ["unit_manager"], unit: "城关街道" },
  { username: "department", displayName: "市场监管分局管理员", roles: ["unit_manager"], unit: "区市场监管分局" },
] as const;
