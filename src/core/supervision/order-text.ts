/**
 * The words of a supervision order as first drafted: the coordinator edits them before issuing. They follow the
 * usual 督办单: which unit, what is late (the items, listed under the text), what it must do by when, and what follows
 * if it does not. The text does not count the items: the job merges new ones into a draft without rewriting it.
 */

import { SUPERVISION_ORDER_LEVEL_LABELS, type SupervisionOrderLevel } from "../../shared/domain.js";
import { addDays } from "../calendar.js";
import { chineseDay } from "../documents/official-date.js";
import { type TaskNamed, taskReference } from "../documents/task-reference.js";
import { DEFAULT_TEMPLATES, fillTemplate } from "../documents/templates.js";

export interface OrderFacts {
  level: SupervisionOrderLevel;
  unitName: string;
  planTitle: string;
}

/** Days the unit has to put it right: a red order allows less time than a yellow or a blue one. */
const REPLY_DAYS: Record<SupervisionOrderLevel, number> = { blue: 7, yellow: 5, red: 3 };

export const replyByOf = (level: SupervisionOrderLevel, today: string) => addDays(today, REPLY_DAYS[level]);

const NEXT_STEP: Record<SupervisionOrderLevel, string> = {
  blue: "逾期仍未完成的，将予以黄牌督办。",
  yellow: "逾期仍未完成的，将升级为红牌督办，并在全区范围内通报。",
  red: "逾期仍未完成的，将在全区范围内通报，并纳入法治政府建设年度考核。",
};

/** The title in the office's template (or the platform's): 关于对城关街道逾期未完成任务予以黄牌督办的通知. */
export function orderTitle(
  facts: Pick<OrderFacts, "level" | "unitName">,
  template = DEFAULT_TEMPLATES.orderTitle,
): string {
  return fillTemplate(template, { 单位: facts.unitName, 督办等级: SUPERVISION_ORDER_LEVEL_LABELS[facts.level] });
}

export function orderBody(facts: OrderFacts, replyBy: string, template = DEFAULT_TEMPLATES.orderBody): string {
  return fillTemplate(template, {
    单位: facts.unitName,
    方案: facts.planTitle,
    督办等级: SUPERVISION_ORDER_LEVEL_LABELS[facts.level],
    整改时限: chineseDay(replyBy),
    后续措施: NEXT_STEP[facts.level],
  });
}

export interface ItemFacts {
  task: TaskNamed;
  period: string;
  dueOn: string;
  daysOverdue: number;
}

/** One item as the order lists it: 第四项“严格依法执法”（2026年第一季度），完成时限2026年3月31日，已逾期20天. */
export function itemLine(item: ItemFacts): string {
  const late = item.daysOverdue > 0 ? `，已逾期${item.daysOverdue}天` : "，进展滞后";
  return `${taskReference(item.task)}（${item.period}），完成时限${chineseDay(item.dueOn)}${late}`;
}
