import { describe, expect, it } from "vitest";
import { assignmentKeys, normaliseTaskUnits, type TaskUnitEntry } from "./task-units.js";

const entry = (unitId: number | null, role: TaskUnitEntry["role"], phrase: string): TaskUnitEntry => ({
  unitId,
  role,
  phrase,
  dismissedReason: null,
});

describe("normaliseTaskUnits", () => {
  it("keeps one role per unit, the highest, where the unit was first named", () => {
    const units = normaliseTaskUnits([
      entry(1, "responsible", "各部门"),
      entry(2, "responsible", "各部门"),
      entry(1, "lead", "区司法局"),
      entry(2, "cooperating", "区财政局"),
    ]);
    expect(units).toEqual([entry(1, "lead", "区司法局"), entry(2, "responsible", "各部门")]);
  });

  it("keeps one entry per unresolved phrase and role, trimmed", () => {
    const units = normaliseTaskUnits([
      entry(null, "lead", " 区法制办 "),
      entry(null, "lead", "区法制办"),
      entry(null, "cooperating", "区法制办"),
    ]);
    expect(units).toEqual([entry(null, "lead", "区法制办"), entry(null, "cooperating", "区法制办")]);
  });

  it("tells which assignments the entries give: a unit moved to another role loses the old one", () => {
    expect([
      ...assignmentKeys([entry(1, "responsible", "x"), entry(1, "lead", "y"), entry(null, "lead", "z")]),
    ]).toEqual(["1:lead"]);
  });
});
