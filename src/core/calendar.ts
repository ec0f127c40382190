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

/** Whole days from one yyyy-mm-dd day to a later one (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const CHINA_HOUR = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit", hour12: false });

/** The hour (0–23) in China at the given moment. */
export function chinaHour(at: Date): number {
  return Number(CHINA_HOUR.format(at)) % 24;
}

const CHINA_MINUTE = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Shanghai",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** The day and time in China to the minute, as a log or a list shows it: 2026-12-03 09:30. */
export function chinaTime(at: Date): string {
  return `${chinaDay(at)} ${CHINA_MINUTE.format(at).replace(/^24/, "00")}`;
}
