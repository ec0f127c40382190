/**
 * Dates as official documents write them (GB/T 9704-2012): in Arabic numerals, the year in full, month and day
 * without a leading zero — 2026-12-05 → 2026年12月5日 — under the signature (成文日期) as in the body, its tables and
 * the messages of the work. Pure, so the web page shows the date the Word file prints.
 */

/** 2026-09-05 → 2026年9月5日, as dates are written in a document's body and tables and in notices. */
export function chineseDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) throw new Error(`not a yyyy-mm-dd day: ${day}`);
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

/** The 成文日期: 2026-12-01 → 2026年12月1日; throws on anything that is not a yyyy-mm-dd calendar day. */
export function officialDate(day: string): string {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
    throw new Error(`not a yyyy-mm-dd day: ${day}`);
  }
  return chineseDay(day);
}
