import { describe, expect, it } from "vitest";
import { parseChineseNumber } from "./numerals.js";

describe("parseChineseNumber", () => {
  it.each([
    ["〇", 0],
    ["零", 0],
    ["一", 1],
    ["十", 10],
    ["十五", 15],
    ["二十", 20],
    ["二十三", 23],
    ["廿", 20],
    ["廿五", 25],
    ["一百", 100],
    ["一百二", 120],
    ["一百零二", 102],
    ["一百二十", 120],
    ["两百", 200],
    ["两千零五", 2005],
    ["两千三", 2300],
    ["二〇二五", 2025],
    ["二零二三", 2023],
    ["2025", 2025],
    ["一万二", 12000],
    ["3万", 30000],
    ["叁拾", 30],
  ])("%s → %i", (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(["", "年", "一百二三", "abc"])("%s is not a numeral", (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});
