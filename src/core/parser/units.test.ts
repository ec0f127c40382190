import { describe, expect, it } from "vitest";
import { findInlineClauses, findTrailingClause, parseClause } from "./clause.js";
import { simplifyForDetection } from "./normalise.js";
import { splitUnits } from "./units.js";

describe("splitUnits", () => {
  it.each([
    ["各乡镇,各行政执法部门", ["各乡镇", "各行政执法部门"]],
    ["各乡镇,区发改局、教育局、司法局,区市场监管分局", ["各乡镇", "区发改局", "教育局", "司法局", "区市场监管分局"]],
    ["区司法局(行政执法协调监督局)、政务服务中心", ["区司法局(行政执法协调监督局)", "政务服务中心"]],
    ["各县(市、区)人民政府、市直各部门", ["各县(市、区)人民政府", "市直各部门"]],
    ["各行政执法部门〔单位〕、各乡镇〔街道〕", ["各行政执法部门〔单位〕", "各乡镇〔街道〕"]],
    ["A；B;C，D", ["A", "B", "C", "D"]],
    ["区司法局,、各乡镇", ["区司法局", "各乡镇"]],
    ["建设交通运输局等有关部门", ["建设交通运输局等有关部门"]],
    ["各有关部门按职责分工负责", ["各有关部门"]],
    ["区司法局、各部门，按职责分工负责", ["区司法局", "各部门"]],
    ["区委办、区政府办。排序第一的单位为牵头单位,下同", ["区委办", "区政府办"]],
    ["区财政局、区审计局、区财政局", ["区财政局", "区审计局", "区财政局"]],
    ["区司法局、分管副区长", ["区司法局"]],
  ])("%s", (list, units) => {
    expect(splitUnits(list)).toEqual(units);
  });
});

function clause(content: string) {
  return parseClause(content, simplifyForDetection(content), 0)?.map((f) => [f.role, f.value]) ?? null;
}

describe("parseClause", () => {
  it.each([
    [
      "区发改局牵头,各有关部门负责",
      [
        ["lead", "区发改局"],
        ["responsible", "各有关部门"],
      ],
    ],
    [
      "区发改局、区市场监管局牵头,各有关部门配合",
      [
        ["lead", "区发改局、区市场监管局"],
        ["cooperating", "各有关部门"],
      ],
    ],
    [
      "政府法制办牵头、各有关部门配合",
      [
        ["lead", "政府法制办"],
        ["cooperating", "各有关部门"],
      ],
    ],
    [
      "区司法局牵头, 各乡镇参与",
      [
        ["lead", "区司法局"],
        ["cooperating", "各乡镇"],
      ],
    ],
    [
      "区政府办公室牵头,人大办、政协办、区法院负责",
      [
        ["lead", "区政府办公室"],
        ["responsible", "人大办、政协办、区法院"],
      ],
    ],
    ["责任单位:区司法局、各镇(街道)", [["responsible", "区司法局、各镇(街道)"]]],
    [
      "牽頭單位：市司法局；配合單位：各縣(市、區)",
      [
        ["lead", "市司法局"],
        ["cooperating", "各縣(市、區)"],
      ],
    ],
  ])("%s", (content, fields) => {
    expect(clause(content)).toEqual(fields);
  });

  it.each(["不含6亩", "2021—2025年", "以下简称《纲要》", "含街道", "负责同志要亲自抓"])(
    "%s is not a clause",
    (content) => {
      expect(clause(content)).toBeNull();
    },
  );
});

describe("findTrailingClause", () => {
  const find = (text: string) => findTrailingClause(text, simplifyForDetection(text), 0);

  it("finds a clause before or after the final full stop", () => {
    expect(find("并公布清理结果(区编办牵头,各有关部门负责)。")?.start).toBe(7);
    expect(find("并公布清理结果。(区编办牵头,各有关部门负责)。")?.start).toBe(8);
  });

  it("reads nested brackets inside the clause", () => {
    const found = find("开展试点工作。(责任单位:区司法局、各镇(街道)、各单位各部门)  ");
    expect(found?.fields.map((f) => f.value)).toEqual(["区司法局、各镇(街道)、各单位各部门"]);
  });

  it("leaves brackets that are not clauses in the text", () => {
    expect(find("严格执行征地补偿标准(不含6亩以下零星用地)。")).toBeNull();
  });
});

describe("findInlineClauses", () => {
  const find = (text: string) =>
    findInlineClauses(text, simplifyForDetection(text), 0).map((c) => [
      text.slice(c.start, c.end),
      c.fields.map((f) => f.value),
    ]);

  it("finds clauses inside the text, and only clauses", () => {
    expect(find("日常巡查(各乡镇负责)和专项检查(区执法局负责)，发现问题(含“三无”车辆)及时处置")).toEqual([
      ["(各乡镇负责)", ["各乡镇"]],
      ["(区执法局负责)", ["区执法局"]],
    ]);
    expect(find("严格执行征地补偿标准(不含6亩以下零星用地)。")).toEqual([]);
  });
});
