import type { Item } from "./outline.js";
import type { Role } from "./select.js";
import type { ParseWarning } from "./types.js";

/** Enough places to review; a garbled file would otherwise produce one warning per line. */
const MAX_NUMBERING_WARNINGS = 20;

/** Gaps and repeats in task numbering often mean a task was lost in conversion: say so, with the place. */
export function numberingWarnings(items: Item[], roles: Map<Item, Role>): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  const lastByParentStyle = new Map<string, Item>();
  // only numbering styles that number tasks; a heading in the same style (a task split into sub-items) counts too
  const taskStyles = new Set(items.filter((i) => roles.get(i) === "task").map((i) => i.numbering.style));
  for (const item of items) {
    const role = roles.get(item);
    if ((role !== "task" && role !== "section") || item.numbering.value === 0) continue;
    if (!taskStyles.has(item.numbering.style)) continue;
    const key = `${item.parent?.index ?? -1}:${item.numbering.style}`;
    const prev = lastByParentStyle.get(key);
    lastByParentStyle.set(key, item);
    if (!prev) continue;
    const expected = prev.numbering.value + 1;
    if (item.numbering.value === expected) continue;
    if (warnings.length === MAX_NUMBERING_WARNINGS) break;
    warnings.push({
      code: item.numbering.value <= prev.numbering.value ? "numbering_repeat" : "numbering_gap",
      message: `编号不连续:${prev.numbering.label} 之后是 ${item.numbering.label} / numbering goes from ${prev.numbering.label} to ${item.numbering.label}`,
      start: item.start,
    });
  }
  return warnings;
}
