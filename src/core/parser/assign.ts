import { append } from "./append.js";
import { parseClause } from "./clause.js";
import { deadlineFromField } from "./deadlines.js";
import type { Field } from "./labels.js";
import { simplifyForDetection } from "./normalise.js";
import type { ParsedTask } from "./types.js";
import { splitUnits } from "./units.js";

const LEAD_SUFFIX = /[(（]牵头(单位|部门)?[)）]$/;

export type Assignment = Pick<ParsedTask, "leadUnits" | "responsibleUnits" | "cooperatingUnits" | "deadlines">;

/** Turns a task's fields into unit lists and deadlines; a 责任单位 value written "X牵头,Y配合" is read by its markers. */
export function assignFields(fields: Field[], planYear: number | null, firstIsLead: boolean): Assignment {
  const out: Assignment = { leadUnits: [], responsibleUnits: [], cooperatingUnits: [], deadlines: [] };
  for (const field of fields) {
    switch (field.role) {
      case "lead":
        append(out.leadUnits, splitUnits(field.value));
        break;
      case "cooperating":
        append(out.cooperatingUnits, splitUnits(field.value));
        break;
      case "responsible": {
        const marked = parseClause(field.value, simplifyForDetection(field.value), field.start);
        if (marked?.some((f) => f.role !== "responsible")) {
          const inner = assignFields(marked, planYear, false);
          append(out.leadUnits, inner.leadUnits);
          append(out.responsibleUnits, inner.responsibleUnits);
          append(out.cooperatingUnits, inner.cooperatingUnits);
        } else {
          append(out.responsibleUnits, splitUnits(field.value));
        }
        break;
      }
      case "deadline":
        out.deadlines.push(deadlineFromField(field.value, planYear));
        break;
      default:
        break;
    }
  }
  // "区司法局(牵头)、区财政局": a unit marked as lead inside a 责任单位 list
  for (const list of [out.responsibleUnits, out.cooperatingUnits]) {
    const kept: string[] = [];
    for (const unit of list) {
      const m = LEAD_SUFFIX.exec(simplifyForDetection(unit));
      if (m) out.leadUnits.push(unit.slice(0, m.index));
      else kept.push(unit);
    }
    list.length = 0;
    append(list, kept);
  }
  if (firstIsLead && out.leadUnits.length === 0 && out.responsibleUnits.length > 0) {
    out.leadUnits.push(out.responsibleUnits.shift() as string);
  }
  return out;
}
