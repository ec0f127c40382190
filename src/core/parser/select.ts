import { append } from "./append.js";
import { type NumberStyle, SECTION_STYLES } from "./numbering.js";
import type { Item } from "./outline.js";

export type Role = "task" | "section" | "merged" | "target" | "ignored";

/** Sections whose numbered items are requirements or background, not tasks, unless they assign units. */
export const NON_TASK_SECTION =
  /工作要求|保障措施|组织保障|组织实施|保障机制|实施步骤|工作步骤|步骤安排|总体要求|指导思想|基本原则|工作原则|工作目标|主要目标|总体目标|衡量标准|目标要求|效果指标|考核指标|主要指标|预期效果/;

/** Numbered headings that introduce a list of section targets: their items' figures are section targets. */
export const TARGET_SECTION = /效果指标|考核指标|主要指标|预期效果/;

function hasUnitsDeep(item: Item, memo: Map<Item, boolean>): boolean {
  const known = memo.get(item);
  if (known !== undefined) return known;
  const value = item.fields.length > 0 || item.children.some((c) => hasUnitsDeep(c, memo));
  memo.set(item, value);
  return value;
}

/**
 * Decides which items are tasks: the smallest numbered items that carry a unit clause or inherit one; in a plan
 * without any clauses, the items of the numbering style that most often holds the leaves.
 */
export function selectTasks(
  roots: Item[],
  headingOf: (item: Item) => string,
  forced?: NumberStyle,
): { roles: Map<Item, Role>; inherited: Map<Item, Item> } {
  if (forced) return forcedTasks(roots, forced);
  const roles = new Map<Item, Role>();
  const inherited = new Map<Item, Item>();
  const memo = new Map<Item, boolean>();
  const all: Item[] = [];
  const collect = (item: Item) => {
    all.push(item);
    item.children.forEach(collect);
  };
  roots.forEach(collect);
  const withUnits = all.filter((i) => i.fields.length > 0);

  const excluded = (item: Item): boolean => {
    for (let p: Item | null = item; p; p = p.parent) {
      if (NON_TASK_SECTION.test(headingOf(p)) && !hasUnitsDeep(p, memo)) return true;
    }
    return false;
  };

  const taskStyles = new Set<NumberStyle>(["row"]);
  if (withUnits.length > 0) {
    for (const i of withUnits) taskStyles.add(i.numbering.style);
  } else {
    // without clauses, tasks are the shallowest items that end a branch: deeper items (1) ① under them are
    // their sub-points, and headings above them have children
    const depthOf = (i: Item) => {
      let d = 0;
      for (let p = i.parent; p; p = p.parent) d++;
      return d;
    };
    const leaves = new Map<NumberStyle, { count: number; depth: number }>();
    for (const i of all) {
      if (i.children.length > 0 || SECTION_STYLES.has(i.numbering.style) || i.appendix || excluded(i)) continue;
      const seen = leaves.get(i.numbering.style) ?? { count: 0, depth: Number.POSITIVE_INFINITY };
      leaves.set(i.numbering.style, { count: seen.count + 1, depth: Math.min(seen.depth, depthOf(i)) });
    }
    const best = [...leaves].sort((a, b) => a[1].depth - b[1].depth || b[1].count - a[1].count)[0];
    if (best) taskStyles.add(best[0]);
  }

  const markMerged = (item: Item) => {
    for (const c of item.children) {
      roles.set(c, "merged");
      markMerged(c);
    }
  };
  const markSections = (item: Item) => {
    roles.set(item, "section");
    item.children.forEach(markSections);
  };

  const visit = (item: Item, from: Item | null) => {
    const own = item.fields.length > 0;
    if (item.children.some((c) => hasUnitsDeep(c, memo))) {
      // sub-items with their own clauses are the tasks; a parent with a clause of its own is one too
      roles.set(item, own ? "task" : "section");
      for (const c of item.children) visit(c, own ? item : from);
      return;
    }
    if (own) {
      roles.set(item, "task");
      markMerged(item);
      return;
    }
    if (item.appendix) {
      roles.set(item, "ignored");
      markMerged(item);
      return;
    }
    if (excluded(item)) {
      markSections(item);
      return;
    }
    const isRowLike = item.numbering.style === "row" && item.row !== undefined;
    if (
      isRowLike ||
      (taskStyles.has(item.numbering.style) && !(SECTION_STYLES.has(item.numbering.style) && withUnits.length === 0))
    ) {
      roles.set(item, "task");
      if (from) inherited.set(item, from);
      markMerged(item);
      return;
    }
    roles.set(item, "section");
    for (const c of item.children) visit(c, from);
  };
  for (const r of roots) visit(r, null);
  return { roles, inherited };
}

/**
 * The user said which items are the tasks ("the (一) items"): those are, whatever their clauses; what holds them
 * is a section, their sub-items are part of them, and a unit clause above them is inherited.
 */
function forcedTasks(roots: Item[], style: NumberStyle): { roles: Map<Item, Role>; inherited: Map<Item, Item> } {
  const roles = new Map<Item, Role>();
  const inherited = new Map<Item, Item>();
  const holds = (item: Item): boolean => item.numbering.style === style || item.children.some(holds);
  const merge = (item: Item) => {
    for (const c of item.children) {
      roles.set(c, "merged");
      merge(c);
    }
  };
  const visit = (item: Item, donor: Item | null) => {
    if (item.numbering.style === style) {
      roles.set(item, "task");
      if (item.fields.length === 0 && donor) inherited.set(item, donor);
      merge(item);
      return;
    }
    roles.set(item, holds(item) ? "section" : "ignored");
    if (!holds(item)) {
      merge(item);
      return;
    }
    for (const c of item.children) visit(c, item.fields.length > 0 ? item : donor);
  };
  for (const r of roots) visit(r, null);
  return { roles, inherited };
}

/**
 * Label lines written after a parent's last sub-item belong to the parent: "1.…\n(1)…\n(2)…\n牵头单位:X"
 * gives X to item 1, not to (2).
 */
export function hoistTrailingFields(items: Item[]): void {
  const SUB: ReadonlySet<NumberStyle> = new Set(["arabicParen", "arabicHalfParen", "circled"]);
  for (const parent of items) {
    const kids = parent.children;
    if (kids.length < 2 || parent.fields.length > 0 || SECTION_STYLES.has(parent.numbering.style)) continue;
    const last = kids[kids.length - 1];
    if (!SUB.has(last.numbering.style) || !last.fieldsFromLines) continue;
    if (kids.slice(0, -1).some((k) => k.fields.length > 0 || k.children.length > 0)) continue;
    append(parent.fields, last.fields);
    parent.fieldsFromLines = true;
    last.fields = [];
  }
}
