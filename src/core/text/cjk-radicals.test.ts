import { describe, expect, it } from "vitest";
import { mapCjkRadicals, radicalEquivalents } from "./cjk-radicals.js";

describe("CJK radical mapping", () => {
  it.each([
    ["⽬", "目"],
    ["⻚", "页"],
    ["⺠", "民"],
    ["⼀⼆三", "一二三"],
    ["⻓", "长"],
    ["⾔", "言"],
    ["\uf900", "豈"],
    // EquivalentUnifiedIdeograph.txt, not the look-alike: ⺇ is 𠘨 (not 几), ⺗ is 㣺, ⺫ is 罒, ⺴ is 㓁
    ["⺇", "𠘨"],
    ["⺗", "㣺"],
    ["⺫", "罒"],
    ["⺴", "㓁"],
    ["⻌⻍⻎", "辶辶辶"],
  ])("maps %s to %s", (input, output) => {
    expect(mapCjkRadicals(input)).toBe(output);
  });

  it("covers every Kangxi radical and every radical supplement character that has an equivalent", () => {
    for (let code = 0x2f00; code <= 0x2fd5; code++)
      expect(radicalEquivalents.has(String.fromCodePoint(code))).toBe(true);
    // U+2E80 has no equivalent ideograph and U+2E9A is unassigned: 116 code points, 114 mappings.
    const supplement = [...radicalEquivalents.keys()].filter((char) => char < "\u2f00");
    expect(supplement).toHaveLength(114);
  });

  it("maps only to unified ideographs", () => {
    for (const target of radicalEquivalents.values()) expect(target).toMatch(/^[\u3400-\u9fff\u{20000}-\u{2ffff}]$/u);
  });

  it("leaves full-width punctuation and digits alone, unlike NFKC", () => {
    const text = "（一）牵头单位：区司法局，１２３％";
    expect(mapCjkRadicals(text)).toBe(text);
  });
});
