import { describe, expect, it } from "vitest";
import { officialDate } from "./official-date.js";

describe("officialDate", () => {
  it.each([
    ["2026-12-01", "二〇二六年十二月一日"],
    ["2025-01-10", "二〇二五年一月十日"],
    ["2030-10-31", "二〇三〇年十月三十一日"],
    ["2026-02-20", "二〇二六年二月二十日"],
    ["2026-11-19", "二〇二六年十一月十九日"],
  ])("%s → %s", (day, text) => {
    expect(officialDate(day)).toBe(text);
  });

  it.each(["2026-02-30", "2026-1-1", "明天", ""])("refuses %s", (day) => {
    expect(() => officialDate(day)).toThrow(/yyyy-mm-dd/);
  });
});
