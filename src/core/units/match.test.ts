import { describe, expect, it } from "vitest";
import { normaliseUnitPhrase, phraseVariants, similarity } from "./match.js";

describe("normaliseUnitPhrase", () => {
  it.each([
    ["区司法局（行政执法协调监督局）", "区司法局(行政执法协调监督局)"],
    ["各行政执法部门〔单位〕", "各行政执法部门(单位)"],
    [" 区 发改局 ", "区发改局"],
    ["各镇(街道)", "各镇(街道)"],
    // OCR reads 〔〕 as 【】 or [ ]
    ["各行政执法部门【单位]", "各行政执法部门(单位)"],
  ])("%s → %s", (input, expected) => {
    expect(normaliseUnitPhrase(input)).toBe(expected);
  });
});

describe("phraseVariants", () => {
  it("adds the district prefix and drops a trailing qualifier", () => {
    expect(phraseVariants("司法局")).toEqual(["司法局", "区司法局"]);
    expect(phraseVariants("区委统战部(区民族宗教事务局)")).toEqual([
      "区委统战部(区民族宗教事务局)",
      "区委统战部",
      "委统战部(区民族宗教事务局)",
      "委统战部",
    ]);
  });
});

describe("similarity", () => {
  it("ranks near names above unrelated ones", () => {
    expect(similarity("区市场监督管理局", "区市场监管分局")).toBeGreaterThan(
      similarity("区市场监督管理局", "区人民法院"),
    );
    expect(similarity("区司法局", "区司法局")).toBe(1);
    expect(similarity("", "区司法局")).toBe(0);
  });
});
