/**
 * A task as official text names it: its own number in Chinese and its short title (第四项“严格依法执法”), the number
 * as written when it is not a plain one (第3-2项), the first words of its text when it has no title, without the
 * sentence's closing mark.
 */
import { shorten } from "../text/shorten.js";

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 4 → 四, 10 → 十, 15 → 十五, 40 → 四十, 105 → 一百零五 (1–999). */
export function chineseNumber(value: number): string {
  if (value < 10) return DIGITS[value];
  if (value < 100) {
    const tens = Math.floor(value / 10);
    const ones = value % 10;
    return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
  }
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  if (rest === 0) return `${DIGITS[hundreds]}百`;
  return `${DIGITS[hundreds]}百${rest < 10 ? "零" : ""}${rest < 20 && rest >= 10 ? "一" : ""}${chineseNumber(rest)}`;
}

export interface TaskNamed {
  number: string;
  title: string | null;
  text: string;
}

/** The number part: 第四项, 第二十三项, 第3-2项 (numbers already in Chinese stay as they are). */
export function taskOrdinal(number: string): string {
  const plain = number.trim().replace(/^[（(]|[）)．.、]$/g, "");
  if (/^\d{1,3}$/.test(plain) && Number(plain) > 0) return `第${chineseNumber(Number(plain))}项`;
  return `第${plain}项`;
}

/** A sentence's closing mark stays outside the quotation marks: “依法履行职责”, not “依法履行职责。”. */
function withoutFinalStop(text: string | null): string {
  return (text ?? "").trim().replace(/[。；;，,、.．\s]+$/u, "");
}

export function taskReference(task: TaskNamed, length = 20): string {
  const name = withoutFinalStop(task.title) || shorten(withoutFinalStop(task.text), length, "……");
  return `${taskOrdinal(task.number)}“${name}”`;
}
