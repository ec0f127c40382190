import { describe, expect, it } from "vitest";
import { parseText } from "../parse-text.js";
import { rates, scoreParse } from "./score.js";

const plan =
  "1.建立台账。2024年6月底前完成。\n牵头单位:区司法局\n责任单位:各乡镇、各部门\n2.开展评查。\n责任单位:区司法局\n";

describe("scoreParse", () => {
  it("counts a perfect parse as perfect", () => {
    const truth = [
      { start: "建立台账。", lead: ["区司法局"], others: ["各乡镇", "各部门"], deadlines: ["2024年6月底前"] },
      { start: "开展评查。", lead: [], others: ["区司法局"], deadlines: [] },
    ];
    expect(rates(scoreParse(parseText(plan), truth))).toEqual({
      tasksFound: 1,
      taskPrecision: 1,
      leadF1: 1,
      othersF1: 1,
      deadlineF1: 1,
    });
  });

  it("counts missed tasks, extra tasks and wrong units", () => {
    const truth = [
      { start: "建立台账。", lead: ["区司法局"], others: ["各乡镇"], deadlines: ["2024年6月底前"] },
      { start: "不存在的任务", lead: ["区财政局"], others: [], deadlines: [] },
    ];
    const score = scoreParse(parseText(plan), truth);
    expect(score).toMatchObject({ found: 1, matchedOutput: 1, outputTasks: 2 });
    expect(score.lead).toEqual({ tp: 1, fp: 0, fn: 1 });
    // 各部门 on task 1 and 区司法局 on the unmatched task 2 are false alarms
    expect(score.others).toEqual({ tp: 1, fp: 2, fn: 0 });
  });
});
