/**
 * The wording templates of the office's papers (文书模板): the words the platform drafts a 督办单 and the closing of a
 * 通报 with, which the coordinator may reword on the settings page. A template names its facts in braces ({单位},
 * {整改时限}); each template may use only its own. Pure, so the settings page previews what the server will write.
 */
import { TEMPLATE_LABELS, TEMPLATE_MAX_LENGTH, type TemplateKey } from "../../shared/domain.js";

export type Templates = Record<TemplateKey, string>;

/** The facts each template may name, with an example of each for the preview. */
export const TEMPLATE_FIELDS: Record<TemplateKey, Record<string, string>> = {
  orderTitle: { 单位: "城关街道", 督办等级: "黄牌督办" },
  orderBody: {
    单位: "城关街道",
    方案: "法治政府建设“四大行动”任务分工方案",
    督办等级: "黄牌督办",
    整改时限: "2026年12月8日",
    后续措施: "逾期仍未完成的，将升级为红牌督办，并在全区范围内通报。",
  },
  bulletinRectify: { 办公室: "区法治政府建设工作领导小组办公室" },
  bulletinPraise: {},
  bulletinCall: {},
};

export const DEFAULT_TEMPLATES: Templates = {
  orderTitle: "关于对{单位}逾期未完成任务予以{督办等级}的通知",
  orderBody:
    "你单位承担的《{方案}》中，下列督办事项已超过完成时限，尚未按要求报送进展。\n" +
    "根据法治政府建设督查工作有关规定，现予以{督办等级}。请你单位高度重视，于{整改时限}前完成整改，" +
    "并通过平台报送进展情况及佐证材料。{后续措施}",
  bulletinRectify:
    "请被通报的单位高度重视，认真分析原因，对逾期未完成和退回重办的事项逐项整改，" +
    "于本通报印发之日起10个工作日内将整改情况报送{办公室}。",
  bulletinPraise: "希望各单位再接再厉，保持良好的工作态势。",
  bulletinCall:
    "各单位要切实履行法治政府建设主体责任，主要负责同志要认真履行推进法治建设第一责任人职责，" +
    "严格按照时限要求报送工作进展和佐证材料，确保各项任务按期保质完成。",
};

const PLACEHOLDER = /\{([^{}\s]{1,10})\}/g;

/** The template with its facts filled in; a brace that names no fact is left as written. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in values ? values[name] : whole));
}

/** What is wrong with a reworded template, in words for the coordinator; null when it can be used. */
export function templateProblem(key: TemplateKey, template: string): string | null {
  if (!template.trim()) return `「${TEMPLATE_LABELS[key]}」不能为空`;
  if (template.length > TEMPLATE_MAX_LENGTH) return `「${TEMPLATE_LABELS[key]}」不能超过 ${TEMPLATE_MAX_LENGTH} 字`;
  const allowed = Object.keys(TEMPLATE_FIELDS[key]);
  const unknown = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((name) => !allowed.includes(name));
  if (unknown.length === 0) return null;
  const offered = allowed.length
    ? `可用的字段：${allowed.map((name) => `{${name}}`).join("、")}`
    : "该模板没有可用的字段";
  return `「${TEMPLATE_LABELS[key]}」中的{${unknown[0]}}不是可用的字段；${offered}`;
}

/** The templates in use: the office's own where it set one, the platform's elsewhere. */
export function templatesWith(own: Partial<Templates> | null | undefined): Templates {
  return { ...DEFAULT_TEMPLATES, ...Object.fromEntries(Object.entries(own ?? {}).filter(([, v]) => v)) };
}
