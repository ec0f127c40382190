import { append } from "./append.js";
import { assignFields } from "./assign.js";
import { findInlineClauses, findTrailingClause } from "./clause.js";
import { rateTasks, type TaskFacts } from "./confidence.js";
import { findDeadlines } from "./deadlines.js";
import type { Field } from "./labels.js";
import { FIRST_IS_LEAD } from "./lead-notes.js";
import { type Line, toLines } from "./lines.js";
import { readMeta } from "./meta.js";
import { simplifyForDetection } from "./normalise.js";
import type { NumberStyle } from "./numbering.js";
import { numberingWarnings } from "./numbering-warnings.js";
import { buildOutline, type Item } from "./outline.js";
import { hoistTrailingFields, type Role, selectTasks, TARGET_SECTION } from "./select.js";
import { scanTables, type TableRow } from "./tables.js";
import { findTargets } from "./targets.js";
import { extentOf, headingText, taskText, taskTitle } from "./task-text.js";
import type {
  NumberingLevel,
  ParsedTask,
  ParseOptions,
  ParseResult,
  ParseWarning,
  Section,
  SectionTarget,
} from "./types.js";

interface Doc {
  text: string;
  simplified: string;
  lines: Line[];
}

/** Scopes of "排序第一的单位为牵头单位": [from, to) ranges of the text. */
function firstIsLeadScopes(doc: Doc, items: Item[], roles: Map<Item, Role>): Array<[number, number]> {
  const scopes: Array<[number, number]> = [];
  FIRST_IS_LEAD.lastIndex = 0;
  let k = 0;
  for (let m = FIRST_IS_LEAD.exec(doc.simplified); m; m = FIRST_IS_LEAD.exec(doc.simplified)) {
    // items are in document order, so the holder search moves forward only
    while (k + 1 < items.length && items[k + 1].start <= m.index) k++;
    const inside = items[k] && items[k].start <= m.index && m.index < items[k].end ? items[k] : undefined;
    // a note in a task or heading holds there (or on, with 下同); in a 填报说明 item it holds for the document
    const role = inside ? roles.get(inside) : undefined;
    const holder = role === "task" || role === "section" ? inside : undefined;
    // a note outside every task (under the title, above a table, in a closing 注) holds for the whole document
    const from = holder ? holder.start : 0;
    const toEnd = Boolean(m[1]) || !holder;
    scopes.push([from, holder && !toEnd ? extentOf(holder) : doc.text.length]);
    // once it holds to the end, later statements change nothing
    if (toEnd) break;
  }
  return scopes;
}

function attachClauses(items: Item[], doc: Doc): Map<Item, Array<[number, number]>> {
  const removed = new Map<Item, Array<[number, number]>>();
  for (const item of items) {
    if (item.isTarget) continue;
    const body = doc.text.slice(item.textStart, item.bodyEnd);
    const simplified = doc.simplified.slice(item.textStart, item.bodyEnd);
    const trailing = findTrailingClause(body, simplified, item.textStart);
    const clauses = trailing ? [trailing] : findInlineClauses(body, simplified, item.textStart);
    if (clauses.length === 0) continue;
    const fields: Field[] = [];
    for (const c of clauses) append(fields, c.fields);
    item.fields = append(fields, item.fields);
    // a clause on a line of its own after sub-items belongs to the parent (see hoistTrailingFields)
    if (trailing && doc.text[item.textStart + trailing.start - 1] === "\n") item.fieldsFromLines = true;
    removed.set(
      item,
      clauses.map((c) => [item.textStart + c.start, item.textStart + c.end]),
    );
  }
  return removed;
}

/** Parses a plan's plain text into sections, tasks with units, deadlines and targets, and section targets. */
export function parseText(input: string, options: ParseOptions = {}): ParseResult {
  const { text, lines } = toLines(input);
  const doc: Doc = { text, simplified: simplifyForDetection(text), lines };
  const warnings: ParseWarning[] = [];
  const { rows, consumed, layouts, guessed } = scanTables(lines, options.columnRoles);
  const rowMap = new Map<number, TableRow>(rows.map((r) => [r.line, r]));
  const paragraphs = options.taskStyle === "paragraph";
  const outline = buildOutline(lines, rowMap, consumed, doc, paragraphs);
  const firstItemLine = outline.items.length > 0 ? lines.findIndex((l) => l.start >= outline.items[0].start) : -1;
  let firstTableLine = -1;
  for (const i of consumed) if (firstTableLine < 0 || i < firstTableLine) firstTableLine = i;
  const bodyStarts = [firstItemLine, firstTableLine].filter((n) => n >= 0);
  const meta = readMeta(lines, bodyStarts.length > 0 ? Math.min(...bodyStarts) : -1);
  const removed = attachClauses(outline.items, doc);
  const treeItems = outline.items.filter((i) => !i.isTarget);
  hoistTrailingFields(treeItems);
  const headingOf = (i: Item) => i.title ?? (i.row ? i.row.text : headingText(doc.text.slice(i.textStart, i.bodyEnd)));
  const forced = paragraphs ? "plain" : chosenStyle(options.taskStyle, treeItems);
  const { roles, inherited } = selectTasks(outline.roots, headingOf, forced);
  const scopes = firstIsLeadScopes(doc, treeItems, roles);

  const sections: Section[] = [];
  const facts: TaskFacts[] = [];
  const sectionIds = new Map<Item, string>();
  const taskIds = new Map<Item, string>();
  const nearest = (item: Item, ids: Map<Item, string>) => {
    for (let p = item.parent; p; p = p.parent) {
      const id = ids.get(p);
      if (id) return id;
    }
    return null;
  };
  const pathOf = (item: Item) => {
    const path: string[] = [];
    for (let p: Item | null = item; p; p = p.parent) path.unshift(p.numbering.label);
    return path;
  };

  for (const item of treeItems) {
    const role = roles.get(item);
    if (role === "section") {
      const id = `s${sections.length + 1}`;
      sectionIds.set(item, id);
      sections.push({ id, number: item.numbering.label, title: headingOf(item), parentId: nearest(item, sectionIds) });
      continue;
    }
    if (role !== "task") continue;
    const id = `t${facts.length + 1}`;
    taskIds.set(item, id);
    const splitIntoTasks = item.children.some((c) => roles.get(c) === "task" || roles.get(c) === "section");
    const end = splitIntoTasks ? item.end : extentOf(item);
    const source = { start: item.start, end };
    const donor = item.fields.length > 0 ? item : inherited.get(item);
    const firstIsLead = scopes.some(([from, to]) => item.start >= from && item.start < to);
    const assignment = assignFields(donor ? donor.fields : [], meta.planYear, firstIsLead);
    const own = taskText(item, doc, removed, roles);
    const inline = findDeadlines(own, meta.planYear);
    const seen = new Set(inline.map((d) => d.text));
    const deadlines = [...inline, ...assignment.deadlines.filter((d) => !seen.has(d.text))];
    facts.push({
      guessedColumns: item.row !== undefined && guessed.has(item.row.table),
      unnumbered: item.numbering.style === "plain" && !paragraphs,
      task: {
        id,
        number: item.numbering.label,
        path: pathOf(item),
        sectionId: nearest(item, sectionIds),
        parentId: nearest(item, taskIds),
        title: taskTitle(own),
        text: own,
        leadUnits: assignment.leadUnits,
        responsibleUnits: assignment.responsibleUnits,
        cooperatingUnits: assignment.cooperatingUnits,
        deadlines,
        targets: findTargets(own),
        source,
        confidence: 1,
        doubts: [],
      },
    });
  }

  const sectionTargets: SectionTarget[] = [];
  const anchorId = (anchor: Item | null) => (anchor ? (sectionIds.get(anchor) ?? nearest(anchor, sectionIds)) : null);
  for (const item of outline.items.filter((i) => i.isTarget)) {
    for (const t of findTargets(doc.text.slice(item.textStart, item.bodyEnd))) {
      sectionTargets.push({ ...t, sectionId: anchorId(item.targetAnchor) });
    }
  }
  // items under a numbered 效果指标 heading: "（三）效果指标" then "1.…公开率达到100%"
  for (const item of treeItems) {
    if (roles.get(item) !== "section" || !TARGET_SECTION.test(headingOf(item)) || hasTaskBelow(item, roles)) continue;
    const sectionId = sectionIds.get(item) ?? null;
    const walk = (i: Item) => {
      for (const c of i.children) {
        for (const t of findTargets(doc.text.slice(c.textStart, c.bodyEnd)))
          append(sectionTargets, [{ ...t, sectionId }]);
        walk(c);
      }
    };
    walk(item);
  }
  for (const loose of outline.looseTargets) {
    for (const t of findTargets(doc.text.slice(loose.start, loose.end))) {
      sectionTargets.push({ ...t, sectionId: anchorId(loose.anchor) });
    }
  }

  append(warnings, numberingWarnings(treeItems, roles));
  for (const { task } of facts) {
    for (const d of task.deadlines) {
      if (d.rule?.unparsed !== true) continue;
      warnings.push({
        code: "deadline_unparsed",
        message: `完成时限“${d.text}”无法识别为日期或周期,请人工确认 / deadline "${d.text}" was not understood`,
        start: task.source.start,
      });
    }
  }
  const tasks = rateTasks(facts, warnings);
  if (tasks.length === 0) {
    warnings.push({
      code: "no_tasks",
      message:
        "未识别到编号任务:文中没有 1. 1、 (一) 1) ① 等编号的条目或任务表格 / no numbered tasks found: the text has no items numbered 1. 1、 (一) 1) ① and no task table",
    });
  }
  return {
    title: meta.title,
    docNumber: meta.docNumber,
    issuer: meta.issuer,
    date: meta.date,
    sections,
    tasks,
    sectionTargets,
    text,
    warnings,
    tables: layouts,
    numberingLevels: numberingLevels(treeItems, doc, outline.plainLines),
    taskStyle: paragraphs ? "paragraph" : (forced ?? dominantStyle(tasks, treeItems, taskIds)),
  };
}

const LEVEL_STYLES: ReadonlySet<string> = new Set<NumberStyle>([
  "part",
  "cn",
  "cnParen",
  "arabic",
  "dotted2",
  "dotted3",
  "arabicHalfParen",
  "arabicParen",
  "circled",
]);

/** A style the user may choose (ParseOptions.taskStyle) that the document has items of, else none. */
function chosenStyle(style: string | undefined, items: Item[]): NumberStyle | undefined {
  if (!style || !LEVEL_STYLES.has(style)) return undefined;
  return items.some((i) => i.numbering.style === style) ? (style as NumberStyle) : undefined;
}

/** The numbering styles of the document's items, with how one begins, and "every paragraph" when there are any. */
function numberingLevels(items: Item[], doc: Doc, plainLines: number): NumberingLevel[] {
  const levels = new Map<string, NumberingLevel>();
  for (const item of items) {
    if (!LEVEL_STYLES.has(item.numbering.style)) continue;
    const level = levels.get(item.numbering.style);
    if (level) level.count++;
    else {
      const example = doc.text.slice(item.start, item.textStart).trim() || item.numbering.label;
      levels.set(item.numbering.style, { style: item.numbering.style, example, count: 1 });
    }
  }
  const out = [...levels.values()];
  if (plainLines > 0) out.push({ style: "paragraph", example: "每一段", count: plainLines });
  return out;
}

/** The style most of the tasks have: the level the parser took as tasks. */
function dominantStyle(tasks: ParsedTask[], items: Item[], taskIds: Map<Item, string>): string | null {
  if (tasks.length === 0) return null;
  const counts = new Map<string, number>();
  for (const item of items) {
    if (!taskIds.has(item)) continue;
    const style = item.numbering.style === "plain" ? "paragraph" : item.numbering.style;
    counts.set(style, (counts.get(style) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function hasTaskBelow(item: Item, roles: Map<Item, Role>): boolean {
  return item.children.some((c) => roles.get(c) === "task" || hasTaskBelow(c, roles));
}
