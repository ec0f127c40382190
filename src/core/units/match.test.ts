import { describe, expect, it } from "vitest";
import { kindHints, namesAKind, normaliseUnitPhrase, phraseVariants, similarity } from "./match.js";

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

describe("a phrase naming a kind of unit", () => {
  it.each([
    "各乡镇",
    "区政府各行政执法部门",
    "各镇（街道）",
    "有关部门",
    "相关单位",
    "其他成员单位",
    "全体党员干部所在单位",
  ])("%s names a kind", (phrase) => expect(namesAKind(phrase)).toBe(true));
  it.each(["区司法局", "城关街道", "区人民法院", "区市场监督管理局"])("%s names one unit", (phrase) =>
    expect(namesAKind(phrase)).toBe(false),
  );
  it("points to the kinds its words name", () => {
    expect(kindHints("各镇（街道）")).toEqual(["township"]);
    expect(kindHints("区政府各行政执法部门")).toEqual(["enforcement_department", "department"]);
  });
});
