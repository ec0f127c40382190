import { describe, expect, it } from "vitest";
import { TEMPLATE_KEYS } from "../../shared/domain.js";
import { orderBody, orderTitle } from "../supervision/order-text.js";
import { DEFAULT_TEMPLATES, fillTemplate, TEMPLATE_FIELDS, templateProblem, templatesWith } from "./templates.js";

describe("the wording templates of the office's papers", () => {
  it("fills the facts named in braces and leaves any other brace as written", () => {
    expect(fillTemplate("关于对{单位}予以{督办等级}的通知{附注}", { 单位: "城关街道", 督办等级: "黄牌督办" })).toBe(
      "关于对城关街道予以黄牌督办的通知{附注}",
    );
    expect(fillTemplate("{单位}{单位}", { 单位: "甲" })).toBe("甲甲");
  });

  it("drafts the platform's papers in the default words", () => {
    const facts = { level: "yellow" as const, unitName: "城关街道", planTitle: "示例方案" };
    expect(orderTitle(facts)).toBe("关于对城关街道逾期未完成任务予以黄牌督办的通知");
    expect(orderBody(facts, "2026-12-08")).toContain("于2026年12月8日前完成整改");
    expect(orderTitle(facts, "{单位}{督办等级}通知")).toBe("城关街道黄牌督办通知");
  });

  it("accepts each default and every field it offers", () => {
    for (const key of TEMPLATE_KEYS) {
      expect(templateProblem(key, DEFAULT_TEMPLATES[key])).toBeNull();
      const all = Object.keys(TEMPLATE_FIELDS[key]).map((name) => `{${name}}`);
      expect(templateProblem(key, `文字${all.join("")}`)).toBeNull();
    }
  });

  it("names what is wrong: empty, too long, a fact the template cannot fill", () => {
    expect(templateProblem("orderTitle", "  ")).toBe("「督办单标题」不能为空");
    expect(templateProblem("orderTitle", "字".repeat(2001))).toBe("「督办单标题」不能超过 2000 字");
    expect(templateProblem("orderTitle", "关于{单位}的{方案}")).toBe(
      "「督办单标题」中的{方案}不是可用的字段；可用的字段：{单位}、{督办等级}",
    );
    expect(templateProblem("bulletinPraise", "{办公室}")).toBe(
      "「通报结语（无逾期和退回时）」中的{办公室}不是可用的字段；该模板没有可用的字段",
    );
  });

  it("uses the office's own words where it set them, the platform's elsewhere", () => {
    expect(templatesWith(null)).toEqual(DEFAULT_TEMPLATES);
    expect(templatesWith({ orderTitle: "自拟", bulletinCall: "" })).toEqual({
      ...DEFAULT_TEMPLATES,
      orderTitle: "自拟",
    });
  });
});
