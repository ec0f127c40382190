import { describe, expect, it } from "vitest";
import { officialDate } from "./official-date.js";

describe("officialDate (GB/T 9704-2012: Arabic numerals, no leading zero)", () => {
  it.each([
    ["2026-12-01", "2026年12月1日"],
    ["2025-01-10", "2025年1月10日"],
    ["2030-10-31", "2030年10月31日"],
    ["2026-02-20", "2026年2月20日"],
    ["2026-11-19", "2026年11月19日"],
  ])("%s → %s", (day, text) => {
    expect(officialDate(day)).toBe(text);
  });

  it.each(["2026-02-30", "2026-1-1", "明天", ""])("refuses %s", (day) => {
    expect(() => officialDate(day)).toThrow(/yyyy-mm-dd/);
  });
});
