/**
 * Dates as official documents write them: the 成文日期 under the signature (GB/T 9704) with the year digit by digit in
 * 〇, month and day as Chinese numbers (2026-12-01 → 二〇二六年十二月一日), and a date in the body, its tables and the
 * messages of the work (2026-12-05 → 2026年12月5日). Pure, so the web page shows the date the Word file prints.
 */

const DIGITS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一 (month and day numbers only). */
function smallNumber(value: number): string {
  if (value < 10) return DIGITS[value];
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}

/** 2026-12-01 → 二〇二六年十二月一日; throws on anything that is not a yyyy-mm-dd calendar day. */
export function officialDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const parsed = match ? new Date(`${day}T00:00:00Z`) : null;
  if (!match || !parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
    throw new Error(`not a yyyy-mm-dd day: ${day}`);
  }
  const year = [...match[1]].map((digit) => DIGITS[Number(digit)]).join("");
  return `${year}年${smallNumber(Number(match[2]))}月${smallNumber(Number(match[3]))}日`;
}

/** 2026-09-05 → 2026年9月5日, as dates are written in a document's body and tables and in notices. */
export function chineseDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) throw new Error(`not a yyyy-mm-dd day: ${day}`);
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}
