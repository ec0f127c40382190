import { describe, expect, it } from "vitest";
import { detectNumbering } from "./numbering.js";

describe("detectNumbering", () => {
  it.each([
    ["一、总体要求", "cn", 1, "一", "总体要求"],
    ["十二、工作要求", "cn", 12, "十二", "工作要求"],
    ["（一）实施示范创建提升行动。", "cnParen", 1, "(一)", "实施示范创建提升行动。"],
    ["(二) 完善保障机制。", "cnParen", 2, "(二)", "完善保障机制。"],
    ["1.严格依法执法。", "arabic", 1, "1", "严格依法执法。"],
    ["14. 强化涉营商环境立法。", "arabic", 14, "14", "强化涉营商环境立法。"],
    ["3、规范执法", "arabic", 3, "3", "规范执法"],
    ["2．加强培训", "arabic", 2, "2", "加强培训"],
    ["1)全面清理行政审批事项。", "arabicHalfParen", 1, "1)", "全面清理行政审批事项。"],
    ["2）建立目录", "arabicHalfParen", 2, "2)", "建立目录"],
    ["(3)畅通渠道", "arabicParen", 3, "(3)", "畅通渠道"],
    ["（10）规范程序", "arabicParen", 10, "(10)", "规范程序"],
    ["①建立公示制度", "circled", 1, "①", "建立公示制度"],
    ["⑫完善制度", "circled", 12, "⑫", "完善制度"],
    ["第二部分 主要任务", "part", 2, "第二部分", "主要任务"],
    ["1.1 落实三项制度", "dotted2", 1, "1.1", "落实三项制度"],
    ["2.3.4、规范程序", "dotted3", 4, "2.3.4", "规范程序"],
  ])("%s", (line, style, value, label, rest) => {
    const n = detectNumbering(line);
    expect(n).toMatchObject({ style, value, label });
    expect(line.slice(n?.length)).toBe(rest);
  });

  it.each([
    "2024年6月15日前",
    "1.5倍以上",
    "12.5亿元",
    "2025.6.30",
    "12345政务服务便民热线",
    "一是加强领导",
    "(此件公开发布)",
    "(2021—2025年)",
    "责任单位:各乡镇",
    "1",
    "",
  ])("%s is not an item number", (line) => {
    expect(detectNumbering(line)).toBeNull();
  });
});
