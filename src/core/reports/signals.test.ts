import { describe, expect, it } from "vitest";
import type { OccurrenceState } from "../../shared/domain.js";
import { assignmentSignal, occurrenceSignal } from "./signals.js";

const TODAY = "2025-06-10";
const at = (dueOn: string, state: OccurrenceState = "open") => ({ dueOn, state });

describe("occurrenceSignal", () => {
  it.each<[string, ReturnType<typeof at>, string]>([
    ["accepted", at("2025-06-01", "closed"), "done"],
    ["overdue with nothing reported", at("2025-06-09"), "red"],
    ["overdue after a return", at("2025-06-09", "returned"), "red"],
    ["overdue but reported, waiting for review", at("2025-06-09", "submitted"), "green"],
    ["due today with nothing reported", at("2025-06-10"), "yellow"],
    ["due in 3 days with nothing reported", at("2025-06-13"), "yellow"],
    ["due in 4 days", at("2025-06-14"), "green"],
    ["due soon and reported", at("2025-06-11", "submitted"), "green"],
  ])("%s", (_, occurrence, signal) => {
    expect(occurrenceSignal(occurrence, TODAY)).toBe(signal);
  });

  it("takes the warning days from configuration", () => {
    expect(occurrenceSignal(at("2025-06-17"), TODAY, 7)).toBe("yellow");
    expect(occurrenceSignal(at("2025-06-11"), TODAY, 0)).toBe("green");
  });
});

describe("assignmentSignal", () => {
  it("is done when completed, or when every period closed", () => {
    expect(assignmentSignal("completed", [at("2025-06-30")], TODAY)).toBe("done");
    expect(assignmentSignal("acknowledged", [at("2025-03-31", "closed"), at("2025-06-30", "closed")], TODAY)).toBe(
      "done",
    );
  });

  it("is red while any period is overdue, whatever comes next", () => {
    expect(assignmentSignal("acknowledged", [at("2025-03-31"), at("2025-09-30")], TODAY)).toBe("red");
  });

  it("otherwise follows the next open period", () => {
    const quarterly = [at("2025-03-31", "closed"), at("2025-06-12"), at("2025-09-30")];
    expect(assignmentSignal("acknowledged", quarterly, TODAY)).toBe("yellow");
    expect(assignmentSignal("new", [at("2025-03-31", "closed"), at("2025-09-30")], TODAY)).toBe("green");
    expect(assignmentSignal("new", [], TODAY)).toBe("green");
  });
});
