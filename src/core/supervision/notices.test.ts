import { describe, expect, it } from "vitest";
import { inQuietHours, noticeFor } from "./notices.js";

const period = { dueDateId: 9, dueOn: "2025-06-30" };

describe("noticeFor", () => {
  it.each<[string, string | null]>([
    ["2025-06-22", null],
    ["2025-06-23", "reminder:7:9:2025-06-30"],
    ["2025-06-28", "reminder:7:9:2025-06-30"],
    ["2025-06-29", "reminder:1:9:2025-06-30"],
    ["2025-06-30", "reminder:1:9:2025-06-30"],
    ["2025-07-01", "urge:9:2025-06-30"],
    ["2025-08-15", "urge:9:2025-06-30"],
  ])("on %s: %s", (today, key) => {
    expect(noticeFor(period, today)?.key ?? null).toBe(key);
  });

  it("follows the rules' days, and a moved date is a new notice", () => {
    expect(noticeFor(period, "2025-06-16", { reminderDays: [14, 3] })?.key).toBe("reminder:14:9:2025-06-30");
    expect(noticeFor({ dueDateId: 9, dueOn: "2025-07-31" }, "2025-07-31")?.key).toBe("reminder:1:9:2025-07-31");
  });
});

describe("inQuietHours", () => {
  it("holds notices from 22:00 to 07:00", () => {
    expect([21, 22, 23, 0, 6, 7, 12].map((hour) => inQuietHours(hour))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(inQuietHours(13, { from: 12, to: 14 })).toBe(true);
  });
});
