import { describe, expect, it } from "vitest";
import { taskTitle } from "./task-text.js";

describe("taskTitle", () => {
  it.each([
    ["a short first sentence (seed 000)", "严格依法执法。行政执法主体、人员、职责向社会公布。", "严格依法执法"],
    ["a heading on a line of its own", "严格依法执法\n行政执法主体、人员、职责向社会公布。", "严格依法执法"],
    [
      "a heading of two clauses (seed 003)",
      "规范权力清单、责任清单运行,建立权力清单、责任清单动态管理机制。2016年12月底前,在清理调整的基础上公布。",
      "规范权力清单、责任清单运行,建立权力清单、责任清单动态管理机制",
    ],
    [
      "three clauses are a sentence, not a heading",
      "健全行政执法人员纪律约束和考核机制,加强职业道德教育,全面提高执法人员素质。推行平时考核制度。",
      null,
    ],
    ["a sentence that says who must", "各乡镇要高度重视,认真抓好落实。各部门按职责分工负责。", null],
    ["a task of one sentence has no heading", "落实法治政府建设年度报告制度，按时报告，按期公开，接受群众监督。", null],
  ])("%s", (_name, text, title) => {
    expect(taskTitle(text)).toBe(title);
  });
});
