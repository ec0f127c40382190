/**
 * The words of a 通报 as first drafted: the name of its period, its title, the opening paragraph with the figures,
 * and the requirements at the end. The coordinator edits them before publishing; the tables stay as generated.
 */

import { chineseDay } from "../documents/official-date.js";
import { DEFAULT_TEMPLATES, fillTemplate, type Templates } from "../documents/templates.js";

export { chineseDay };

const QUARTERS = ["第一季度", "第二季度", "第三季度", "第四季度"];

const parts = (day: string) => {
  const [year, month, date] = day.split("-").map(Number);
  return { year, month, date };
};

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The period's name: 2026年第三季度, 2026年上半年, 2026年度, 2026年3月 when the range is exactly one; otherwise its
 * dates (2026年7月1日至8月15日).
 */
export function periodName(start: string, end: string): string {
  const from = parts(start);
  const to = parts(end);
  const wholeMonths = from.date === 1 && to.date === lastDayOfMonth(to.year, to.month) && from.year === to.year;
  if (wholeMonths) {
    const months = to.month - from.month + 1;
    if (months === 12) return `${from.year}年度`;
    if (months === 6 && from.month === 1) return `${from.year}年上半年`;
    if (months === 6 && from.month === 7) return `${from.year}年下半年`;
    if (months === 3 && from.month % 3 === 1) return `${from.year}年${QUARTERS[(from.month - 1) / 3]}`;
    if (months === 1) return `${from.year}年${from.month}月`;
  }
  const endText = from.year === to.year ? `${to.month}月${to.date}日` : chineseDay(end);
  return `${chineseDay(start)}至${endText}`;
}

/** 《title》, unless the plan's title carries its own book-title marks. */
const quoted = (title: string) => (title.startsWith("《") ? title : `《${title}》`);

/** 关于《plan》2026年第三季度任务落实情况的通报 */
export function bulletinTitle(planTitle: string, start: string, end: string): string {
  return `关于${quoted(planTitle)}${periodName(start, end)}任务落实情况的通报`;
}

/** 66.7%, 100%, 0% */
export function formatRate(rate: number): string {
  return `${Number((rate * 100).toFixed(1))}%`;
}

export interface BulletinFigures {
  planTitle: string;
  periodStart: string;
  periodEnd: string;
  /** the day the figures were taken */
  today: string;
  units: number;
  due: number;
  done: number;
  overdue: number;
  /** units with a period overdue */
  overdueUnits: number;
  returned: number;
}

/** The opening paragraph: why, which period, and the figures in one sentence each. */
export function bulletinIntro(f: BulletinFigures): string {
  const period = periodName(f.periodStart, f.periodEnd);
  const rate = f.due > 0 ? formatRate(f.done / f.due) : "0%";
  const opening =
    `为推动${quoted(f.planTitle)}各项任务落地见效，根据工作安排，现将${period}各单位任务落实情况通报如下。` +
    `截至${chineseDay(f.today)}，本期到期任务共${f.due}项次，涉及${f.units}家单位，已完成${f.done}项次，完成率${rate}`;
  const overdue = f.overdue > 0 ? `逾期未完成${f.overdue}项次，涉及${f.overdueUnits}家单位` : "无逾期未完成任务";
  const returned = f.returned > 0 ? `审核退回重办${f.returned}份` : "无退回重办的进展报告";
  return `${opening}；${overdue}；${returned}。`;
}

/**
 * The requirements at the end: rectification for the units named (reported to `office`, the coordinating office),
 * then the usual call to keep to the deadlines.
 */
export function bulletinClosing(
  hasProblems: boolean,
  office: string,
  templates: Pick<Templates, "bulletinRectify" | "bulletinPraise" | "bulletinCall"> = DEFAULT_TEMPLATES,
): string {
  const first = hasProblems ? fillTemplate(templates.bulletinRectify, { 办公室: office }) : templates.bulletinPraise;
  return `${first}\n${templates.bulletinCall}`;
}

export interface PeriodPreset {
  key: string;
  /** 第一季度, 上半年, 全年 */
  label: string;
  start: string;
  end: string;
}

/** The ranges a bulletin usually covers in a year: the quarters, the halves, the whole year. */
export function periodPresets(year: number): PeriodPreset[] {
  const range = (key: string, label: string, from: number, to: number): PeriodPreset => ({
    key,
    label,
    start: `${year}-${String(from).padStart(2, "0")}-01`,
    end: `${year}-${String(to).padStart(2, "0")}-${lastDayOfMonth(year, to)}`,
  });
  return [
    ...QUARTERS.map((label, i) => range(`q${i + 1}`, label, i * 3 + 1, i * 3 + 3)),
    range("h1", "上半年", 1, 6),
    range("h2", "下半年", 7, 12),
    range("year", "全年", 1, 12),
  ];
}

/** The latest quarter that has ended by `today` (a bulletin reports on work already due), as a preset key and year. */
export function lastEndedQuarter(today: string): { year: number; key: string } {
  const { year, month } = parts(today);
  const quarter = Math.floor((month - 1) / 3); // the current one, 0-based
  return quarter === 0 ? { year: year - 1, key: "q4" } : { year, key: `q${quarter}` };
}
