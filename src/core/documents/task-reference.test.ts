import { describe, expect, it } from "vitest";
import { chineseNumber, taskOrdinal, taskReference } from "./task-reference.js";

describe("a task as official text names it", () => {
  it.each([
    [1, "一"],
    [4, "四"],
    [10, "十"],
    [15, "十五"],
    [20, "二十"],
    [38, "三十八"],
    [100, "一百"],
    [105, "一百零五"],
    [110, "一百一十"],
    [119, "一百一十九"],
    [240, "二百四十"],
  ])("%i is %s", (value, text) => expect(chineseNumber(value)).toBe(text));

  it.each([
    ["4", "第四项"],
    ["38", "第三十八项"],
    ["4.", "第四项"],
    ["（4）", "第四项"],
    ["3-2", "第3-2项"],
    ["十二", "第十二项"],
    ["0", "第0项"],
  ])("number %s is %s", (number, text) => expect(taskOrdinal(number)).toBe(text));

  it("uses the short title, else the first words of the text", () => {
    expect(taskReference({ number: "4", title: "严格依法执法", text: "……" })).toBe("第四项“严格依法执法”");
    expect(taskReference({ number: "2", title: null, text: "落实行政执法三项制度。" })).toBe(
      "第二项“落实行政执法三项制度”",
    );
    expect(
      taskReference({
        number: "12",
        title: "  ",
        text: "深入推进行政执法体制改革，加强综合执法队伍建设，提升执法效能。",
      }),
    ).toBe("第十二项“深入推进行政执法体制改革，加强综合执法队……”");
  });
});
