import { parseClause } from "./clause.js";
import { deadlineFromField } from "./deadlines.js";
import type { Field } from "./labels.js";
import { simplifyForDetection } from "./normalise.js";
import type { Deadline } from "./types.js";
import { splitUnits } from "./units.js";

export interface Assignment {
  leadUnits: string[];
  responsibleUnits: string[];
  cooperatingUnits: string[];
  deadlines: Deadline[];
}

/** Turns a task's fields into unit lists and deadlines; a 责任单位 value written "X牵头,Y配合" is read by its markers. */
export function assignFields(fields: Field[], planYear: number | null, firstIsLead: boolean): Assignment {
  const out: Assignment = { leadUnits: [], responsibleUnits: [], cooperatingUnits: [], deadlines: [] };
  for (const field of fields) {
    switch (field.role) {
      case "lead":
        out.leadUnits.push(...splitUnits(field.value));
        break;
      case "cooperating":
        out.cooperatingUnits.push(...splitUnits(field.value));
        break;
      case "responsible": {
        const marked = parseClause(field.value, simplifyForDetection(field.value), field.start);
        if (marked?.some((f) => f.role !== "responsible")) {
          const inner = assignFields(marked, planYear, false);
          out.leadUnits.push(...inner.leadUnits);
          out.responsibleUnits.push(...inner.responsibleUnits);
          out.cooperatingUnits.push(...inner.cooperatingUnits);
        } else {
          out.responsibleUnits.push(...splitUnits(field.value));
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
  if (firstIsLead && out.leadUnits.length === 0 && out.responsibleUnits.length > 0) {
    out.leadUnits.push(out.responsibleUnits.shift() as string);
  }
  return out;
}
