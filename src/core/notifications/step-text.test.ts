import { describe, expect, it } from "vitest";
import { assignedText, extensionText, LISTED_STEPS, returnedText, reviewDigestText } from "./step-text.js";

const task = (n: number) => ({
  number: String(n),
  title: `任务${n}`,
  text: "……",
  role: "lead" as const,
  deadlines: [],
});

describe("the words of the steps' notices", () => {
  it("names one new task by its number, lists many and counts the rest", () => {
    expect(assignedText("示例方案", [task(4)]).title).toBe("新任务交办：《示例方案》第四项任务");
    const many = assignedText(
      "示例方案",
      Array.from({ length: 12 }, (_, i) => task(i + 1)),
    );
    expect(many.title).toBe("新任务交办：《示例方案》12 项任务");
    expect(many.body.split("\n").filter((line) => /^\d+\. /.test(line))).toHaveLength(LISTED_STEPS);
    expect(many.body.endsWith("……等 12 项。")).toBe(true);
    expect(many.body).toContain("1. 第一项“任务1”（牵头单位）");
  });

  it("gives a returned report's reason and an extension's dates in official form", () => {
    const facts = { planTitle: "示例方案", task: task(2), period: "2026年第三季度", comment: "请补充照片" };
    expect(returnedText(facts).body).toBe(
      "《示例方案》第二项“任务2”“2026年第三季度”的进展报告被退回。退回原因：请补充照片。请按意见修改后重新报送。",
    );
    const approved = extensionText({
      ...facts,
      approved: true,
      requestedDueOn: "2026-10-15",
      currentDueOn: "2026-09-30",
      comment: null,
    });
    expect(approved.title).toBe("延期申请已批准：第二项任务延至2026年10月15日");
    expect(approved.body).toBe(
      "《示例方案》第二项“任务2”“2026年第三季度”的延期申请已批准，完成时限由2026年9月30日延至2026年10月15日。",
    );
  });

  it("gathers the reports waiting for a reviewer", () => {
    const text = reviewDigestText([
      { unitName: "城关街道", planTitle: "示例方案", task: task(1), period: "2026年第三季度" },
      { unitName: "区市场监管分局", planTitle: "示例方案", task: task(3), period: "完成时限" },
    ]);
    expect(text.title).toBe("新报告待审核：2 份进展报告");
    expect(text.body).toContain("2. 区市场监管分局 ·《示例方案》第三项“任务3”“完成时限”");
  });
});
