import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DocumentReadError, parseDocument, parseText } from "./index.js";

const plan =
  "某某县法治政府建设任务分工方案\n一、规范执法\n1.落实行政执法三项制度。2024年底前全面完成。\n牵头单位：县司法局\n责任单位：各乡镇、各部门\n";

describe("parseDocument", () => {
  it("parses UTF-8 text like parseText", async () => {
    const result = await parseDocument(new TextEncoder().encode(plan), "plan.txt");
    expect(result.tasks).toEqual(parseText(plan).tasks);
  });

  it("parses GBK text to the same tasks", async () => {
    const result = await parseDocument(new Uint8Array(iconv.encode(plan, "gbk")), "plan.txt");
    expect(result.tasks.map((t) => [t.text, t.leadUnits, t.responsibleUnits])).toEqual([
      ["落实行政执法三项制度。2024年底前全面完成。", ["县司法局"], ["各乡镇", "各部门"]],
    ]);
  });

  it("puts the readers' warnings before the parser's", async () => {
    const result = await parseDocument(new TextEncoder().encode("没有编号的通知正文。"), "plan.pdf");
    const codes = result.warnings.map((w) => w.code);
    expect(codes.at(-1)).toBe("no_tasks");
    expect(codes).toContain("format_mismatch");
  });

  it("throws DocumentReadError for an empty file", async () => {
    await expect(parseDocument(new Uint8Array(), "plan.txt")).rejects.toBeInstanceOf(DocumentReadError);
  });
});
