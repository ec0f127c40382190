/** A supervision order as the Word document the office files and sends: 督办单 in official layout. */
import { chinaDay } from "../../core/calendar.js";
import { chineseDay } from "../../core/documents/official-date.js";
import type { SupervisionOrder } from "../../shared/api.js";
import { OCCURRENCE_STATE_LABELS, SUPERVISION_ORDER_LEVEL_LABELS } from "../../shared/domain.js";
import { officialDocx } from "../documents/official.js";
import { contactLine, type Office } from "../settings/office.js";

export function orderDocx(order: SupervisionOrder, office: Office, now: Date): Promise<Buffer> {
  const officeName = office.name;
  const contact = contactLine(office);
  const held = order.items.filter((item) => item.droppedReason === null);
  return officialDocx({
    issuer: officeName,
    docNumber: order.docNumber ?? "督办〔草稿〕",
    title: order.title,
    addressee: `${order.unit.name}：`,
    blocks: [
      ...order.body.split("\n").map((text) => ({ kind: "paragraph" as const, text })),
      { kind: "heading", level: 1, text: "一、督办事项" },
      {
        kind: "paragraph",
        text: `所属方案：《${order.plan.title}》；督办等级：${SUPERVISION_ORDER_LEVEL_LABELS[order.level]}；整改时限：${chineseDay(order.replyBy)}。`,
      },
      {
        kind: "table",
        columns: ["序号", "任务", "报送期次", "完成时限", "逾期天数", "当前状态"],
        widths: [0.6, 3.4, 1.4, 1.4, 0.9, 0.9],
        rows: held.map((item, n) => [
          String(n + 1),
          item.taskReference,
          item.period,
          chineseDay(item.dueOn),
          `${item.daysOverdue}天`,
          item.periodState ? OCCURRENCE_STATE_LABELS[item.periodState] : "—",
        ]),
      },
      { kind: "heading", level: 1, text: "二、办理要求" },
      {
        kind: "paragraph",
        text: `请于${chineseDay(order.replyBy)}前通过平台逐项报送整改情况及佐证材料，并将书面情况报${officeName}。`,
      },
      ...(contact ? [{ kind: "paragraph" as const, text: contact }] : []),
    ],
    signature: officeName,
    date: order.issuedAt ? chinaDay(new Date(order.issuedAt)) : chinaDay(now),
  });
}
