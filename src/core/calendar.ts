/** Calendar days as the offices count them: in China Standard Time, whatever the server's time zone. */
const CHINA_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The yyyy-mm-dd day in China at the given moment. */
export function chinaDay(at: Date): string {
  return CHINA_DAY.format(at);
}

/** The yyyy-mm-dd day `days` after a yyyy-mm-dd day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
