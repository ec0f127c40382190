/**
 * The words of a supervision order as first drafted: the coordinator edits them before issuing. They follow the
 * usual 督办单: what is late, since when, what the unit must do by when, and what follows if it does not.
 */

import { SUPERVISION_ORDER_LEVEL_LABELS, type SupervisionOrderLevel } from "../../shared/domain.js";
import { addDays } from "../calendar.js";
import { chineseDay } from "../documents/official-date.js";
import { shorten } from "../text/shorten.js";

export interface OrderFacts {
  level: SupervisionOrderLevel;
  unitName: string;
  planTitle: string;
  taskNumber: string;
  taskText: string;
  period: string;
  dueOn: string;
  daysOverdue: number;
  today: string;
}

/** Days the unit has to put it right: a red order allows less time than a yellow or a blue one. */
const REPLY_DAYS: Record<SupervisionOrderLevel, number> = { blue: 7, yellow: 5, red: 3 };

export const replyByOf = (level: SupervisionOrderLevel, today: string) => addDays(today, REPLY_DAYS[level]);

const NEXT_STEP: Record<SupervisionOrderLevel, string> = {
  blue: "逾期仍未完成的，将予以黄牌督办。",
  yellow: "逾期仍未完成的，将升级为红牌督办，并在全区范围内通报。",
  red: "逾期仍未完成的，将在全区范围内通报，并纳入法治政府建设年度考核。",
};

export function orderTitle(facts: Pick<OrderFacts, "level" | "unitName" | "taskNumber">): string {
  return `关于${facts.unitName}任务 ${facts.taskNumber} 逾期未完成的${SUPERVISION_ORDER_LEVEL_LABELS[facts.level]}通知`;
}

export function orderBody(facts: OrderFacts, replyBy: string): string {
  const late =
    facts.daysOverdue > 0
      ? `完成时限为${chineseDay(facts.dueOn)}，截至${chineseDay(facts.today)}已逾期${facts.daysOverdue}天，尚未按要求报送进展。`
      : `完成时限为${chineseDay(facts.dueOn)}，目前进展滞后。`;
  return [
    `你单位承担的《${facts.planTitle}》第 ${facts.taskNumber} 项任务“${shorten(facts.taskText, 60, "……")}”（${facts.period}），${late}`,
    `根据法治政府建设督查工作有关规定，现对该事项予以${SUPERVISION_ORDER_LEVEL_LABELS[facts.level]}。请你单位高度重视，` +
      `于${chineseDay(replyBy)}前完成整改，并通过平台报送进展情况及佐证材料。${NEXT_STEP[facts.level]}`,
  ].join("\n");
}
