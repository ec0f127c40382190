import { append } from "./append.js";
import { type Field, firstLabelOutsideBrackets, isLabelLine, parseFields } from "./labels.js";
import { FOOTER, type Line, TARGETS_HEADING } from "./lines.js";
import { detectNumbering, type Numbering, SECTION_STYLES } from "./numbering.js";
import { NON_TASK_SECTION } from "./select.js";
import { endsLikeUnit } from "./table-columns.js";
import type { TableRow } from "./tables.js";

/** A numbered item of the document (heading, task, sub-item, table row or 效果指标 entry) before interpretation. */
export interface Item {
  index: number;
  numbering: Numbering;
  /** offset of the item's first character (its number) */
  start: number;
  /** offset right after the number, its punctuation and spaces */
  textStart: number;
  /** end of the item's own text (first line and continuation lines, before any field line) */
  bodyEnd: number;
  /** end of everything that belongs to the item itself, field lines included */
  end: number;
  fields: Field[];
  /** fields came from label lines after the text (they may belong to the parent, see hoisting) */
  fieldsFromLines: boolean;
  parent: Item | null;
  children: Item[];
  /** the item lists a 效果指标 entry */
  isTarget: boolean;
  /** for 效果指标 entries: the section item the list belongs to */
  targetAnchor: Item | null;
  /** a table row: its text was taken from the task column */
  row?: TableRow;
  /** numbered after 附件: or 抄送:, or under an unnumbered 工作要求 heading: not a task unless it names units */
  appendix?: boolean;
  /** a heading whose title is not verbatim in the text (table heading rows) */
  title?: string;
  /** more of the item's own text elsewhere: a table row's measures cell beside its title, a continuation row */
  moreText?: Array<[number, number]>;
}

/** A line that is only a heading such as 工作要求 or 保障措施 (a colon after it at most), unnumbered. */
function isNonTaskHeading(text: string): boolean {
  const heading = text.trim().replace(/[：:]$/, "");
  return heading.length <= 12 && !/[。；，,;]/.test(heading) && NON_TASK_SECTION.test(heading);
}

function addText(item: Item, part: { text: string; start: number }): void {
  if (part.text === "") return;
  item.moreText ??= [];
  item.moreText.push([part.start, part.start + part.text.length]);
}

/**
 * A row continues the row above when the table numbers its rows and this one has no number, or the same number
 * (a merged 序号 cell repeated by the reader), or when it repeats the task cell above with other units or dates.
 */
function continuesRow(row: TableRow, above: TableRow, aboveNumber: number): boolean {
  if (row.table !== above.table) return false;
  if (row.hasNumberColumn) {
    if (row.number !== null) return row.number === aboveNumber;
    return !detectNumbering(row.text);
  }
  return row.text !== "" && row.text === above.text;
}

export interface Outline {
  items: Item[];
  roots: Item[];
  /** 效果指标 lines written without numbers, with the section item they belong to */
  looseTargets: Array<{ start: number; end: number; anchor: Item | null }>;
  /** paragraphs after the first numbered item that have no number and are no label line: "each paragraph" */
  plainLines: number;
}

/** A heading written in a table: a 分类 cell, or a row "一 | 依法行政 | | |" (its text may not exist verbatim). */
function headingFromRow(index: number, heading: { text: string; start: number }): Item {
  // a group cell without a number (提升执法队伍素质) is a section without one
  const numbering = detectNumbering(heading.text) ?? { style: "part", value: 0, label: "", length: 0 };
  const item = newItem(index, numbering, heading.start, heading.start, heading.start);
  item.title = heading.text.slice(numbering.length).trim() || heading.text;
  return item;
}

interface TargetList {
  style: string | null;
  anchor: Item | null;
}

/**
 * Inside a 效果指标 list, entries share one style and the list starts at 1; a heading of the anchor's level
 * or above, or any other numbering, ends the list.
 */
function isTargetEntry(targets: TargetList, numbering: Numbering, stack: Item[]): boolean {
  if (targets.style !== null) return targets.style === numbering.style;
  const anchorAt = targets.anchor ? stack.indexOf(targets.anchor) : -1;
  for (let k = 0; k <= anchorAt; k++) if (stack[k].numbering.style === numbering.style) return false;
  return numbering.value === 1;
}

interface Context {
  text: string;
  simplified: string;
}

function newItem(index: number, numbering: Numbering, start: number, textStart: number, end: number): Item {
  return {
    index,
    numbering,
    start,
    textStart,
    bodyEnd: end,
    end,
    fields: [],
    fieldsFromLines: false,
    parent: null,
    children: [],
    isTarget: false,
    targetAnchor: null,
  };
}

/** Splits an item's first or continuation line at an inline label ("…。牵头单位:X 责任单位:Y"). */
function attachInlineFields(item: Item, line: Line, from: number, ctx: Context): void {
  const simplified = ctx.simplified.slice(line.start + from, line.start + line.text.length);
  const at = firstLabelOutsideBrackets(simplified);
  if (at < 0) return;
  const regionStart = line.start + from + at;
  const regionEnd = line.start + line.text.length;
  item.bodyEnd = regionStart;
  append(
    item.fields,
    parseFields(ctx.text.slice(regionStart, regionEnd), ctx.simplified.slice(regionStart, regionEnd), regionStart),
  );
}

/** Lines that a repeated block of labelled lines follows: tasks written without numbers. */
function unnumberedTaskLines(lines: Line[], consumed: Set<number>, ctx: Context): Set<number> {
  const isLabel = (i: number) =>
    i < lines.length &&
    !consumed.has(i) &&
    isLabelLine(ctx.simplified.slice(lines[i].start, lines[i].start + lines[i].text.length));
  const candidates: number[] = [];
  let blocks = 0;
  for (let i = 0; i < lines.length; i++) {
    if (consumed.has(i)) continue;
    const text = lines[i].text;
    if (isLabel(i)) {
      if (!isLabel(i - 1)) blocks++;
      continue;
    }
    if (text.length < 6 || detectNumbering(text) || FOOTER.test(text) || TARGETS_HEADING.test(text)) continue;
    // right under a numbered item's first line, a plain line continues that item
    const above = i > 0 && !consumed.has(i - 1) ? detectNumbering(lines[i - 1].text) : null;
    const aboveText = above ? lines[i - 1].text.slice(above.length) : "";
    const heading = aboveText.length <= 30 && !/[。；;，,]/.test(aboveText);
    if (above && !SECTION_STYLES.has(above.style) && !heading && !isLabel(i - 1)) continue;
    const simplified = ctx.simplified.slice(lines[i].start, lines[i].start + text.length);
    const inline = firstLabelOutsideBrackets(simplified) > 0;
    if (inline) blocks++;
    if (inline || isLabel(i + 1)) candidates.push(i);
  }
  // a document whose label blocks mostly follow numbered items numbers its tasks: a plain line there is body text
  return candidates.length >= 2 && candidates.length * 2 >= blocks ? new Set(candidates) : new Set();
}

const ISSUE_DATE =
  /^(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$/;

/**
 * The issuer's name or the issuing date under a finished paragraph ("…严肃追责（责任单位：…）。" / "云溪区人民政府办公室" /
 * "2026年3月10日") signs the document off: no continuation of the last task.
 */
function signsOff(body: string, line: string): boolean {
  if (!/[。）)]$/.test(body.trimEnd()) || line.length > 24 || /[，,。；;：:、]/.test(line)) return false;
  return ISSUE_DATE.test(line) || endsLikeUnit(line);
}

/** "Each paragraph is a task": every plain paragraph after the first numbered heading, label lines aside. */
function paragraphLines(lines: Line[], consumed: Set<number>, ctx: Context): Set<number> {
  const found = new Set<number>();
  let started = false;
  for (let i = 0; i < lines.length; i++) {
    if (consumed.has(i)) continue;
    const text = lines[i].text;
    if (detectNumbering(text)) {
      started = true;
      continue;
    }
    const simplified = ctx.simplified.slice(lines[i].start, lines[i].start + text.length);
    if (!started || isLabelLine(simplified) || FOOTER.test(text) || TARGETS_HEADING.test(text)) continue;
    found.add(i);
  }
  return found;
}

/**
 * Builds the tree of numbered items. Levels come from the order in which numbering styles appear: a style seen
 * before closes the items below it (so numbering may restart per section, jump or be sparse).
 */
export function buildOutline(
  lines: Line[],
  rows: Map<number, TableRow>,
  consumed: Set<number>,
  ctx: Context,
  paragraphs = false,
): Outline {
  const items: Item[] = [];
  const roots: Item[] = [];
  const looseTargets: Outline["looseTargets"] = [];
  const stack: Item[] = [];
  let current: Item | null = null;
  let phase: "body" | "fields" = "body";
  let targets: TargetList | null = null;
  let appendix = false;
  let requirements = false;
  let lastRowHeading: string | null = null;
  const unnumbered = paragraphs ? paragraphLines(lines, consumed, ctx) : unnumberedTaskLines(lines, consumed, ctx);
  let plainCount = 0;

  const place = (item: Item) => {
    const at = stack.findIndex((s) => s.numbering.style === item.numbering.style);
    if (at >= 0) stack.length = at;
    const parent = stack.length > 0 ? stack[stack.length - 1] : null;
    item.parent = parent;
    if (parent) parent.children.push(item);
    else roots.push(item);
    stack.push(item);
    items.push(item);
  };

  const sectionAnchor = (): Item | null => {
    for (let k = stack.length - 1; k >= 0; k--) {
      const style = stack[k].numbering.style;
      if (SECTION_STYLES.has(style) || style === "cnParen") return stack[k];
    }
    return null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lineEnd = line.start + line.text.length;
    if (consumed.has(i)) {
      const row = rows.get(i);
      if (!row) continue;
      targets = null;
      requirements = false;
      // rows are leaves: a heading row or the next row never nests under the row above
      while (stack.length > 0 && stack[stack.length - 1].numbering.style === "row") stack.pop();
      // a 分类 column repeats its value on every row of the group (merged cells): one heading per group
      if (current?.row && current.row.table !== row.table) lastRowHeading = null;
      if (row.heading && row.heading.text !== lastRowHeading) {
        const heading = headingFromRow(items.length, row.heading);
        place(heading);
        current = null;
      }
      if (row.heading) lastRowHeading = row.heading.text;
      if (row.text !== "" || row.fields.length > 0) {
        if (current?.row && continuesRow(row, current.row, current.numbering.value)) {
          // a row under a merged 序号 or task cell continues the row above: its text, units and deadline are the task's
          for (const part of [{ text: row.text, start: row.textStart }, ...row.moreText]) {
            if (part.text !== "" && part.text !== current.row.text) addText(current, part);
          }
          // a merged unit or deadline cell repeated on the continuation row is the same field once
          const fields = current.fields;
          append(
            fields,
            row.fields.filter((f) => !fields.some((g) => g.role === f.role && g.value === f.value)),
          );
          const last = lines[row.line + row.lines - 1];
          current.end = last.start + last.text.length;
          continue;
        }
        // tables without a 序号 column: the task cell may start with its number ("1.严格…"), else rows count
        const inCell = row.number === null ? detectNumbering(row.text) : null;
        const value = row.number ?? inCell?.value ?? (current?.row ? current.numbering.value + 1 : 1);
        const numbering: Numbering = { style: "row", value, label: String(value), length: 0 };
        const skip = inCell?.length ?? 0;
        const item = newItem(
          items.length,
          numbering,
          lines[row.line].start,
          row.textStart + skip,
          row.textStart + row.text.length,
        );
        const last = lines[row.line + row.lines - 1];
        item.end = last.start + last.text.length;
        for (const part of row.moreText) addText(item, part);
        append(item.fields, row.fields);
        item.row = row;
        place(item);
        current = item;
        // a row's text is its cells: a paragraph after the table (a 注 under it) is not part of the last row
        phase = "fields";
      }
      continue;
    }
    // a table ends at its last row: what follows (numbered lines under a 工作要求) never nests under that row
    while (stack.length > 0 && stack[stack.length - 1].numbering.style === "row") stack.pop();
    if (FOOTER.test(line.text)) {
      current = null;
      targets = null;
      // numbered lines after 附件: or 抄送: list attachments and recipients, not tasks
      // a "附件1" line above the plan only labels the attachment that the plan is
      if (/^(附件|抄送|抄报)/.test(line.text) && items.length > 0) {
        appendix = true;
        stack.length = 0;
      }
      continue;
    }
    const targetsHead = TARGETS_HEADING.exec(line.text);
    if (targetsHead) {
      targets = { style: null, anchor: sectionAnchor() };
      current = null;
      if (targetsHead[0].length < line.text.length) {
        looseTargets.push({ start: line.start + targetsHead[0].length, end: lineEnd, anchor: targets.anchor });
      }
      continue;
    }
    const numbering = unnumbered.has(i)
      ? { style: "plain" as const, value: ++plainCount, label: String(plainCount), length: 0 }
      : detectNumbering(line.text);
    if (numbering) {
      const style = numbering.style;
      if (targets && isTargetEntry(targets, numbering, stack)) {
        targets.style = style;
        const entry = newItem(items.length, numbering, line.start, line.start + numbering.length, lineEnd);
        entry.isTarget = true;
        entry.targetAnchor = targets.anchor;
        items.push(entry);
        current = entry;
        phase = "body";
        continue;
      }
      targets = null;
      if (SECTION_STYLES.has(style)) {
        appendix = false;
        requirements = false;
      }
      const item = newItem(items.length, numbering, line.start, line.start + numbering.length, lineEnd);
      item.appendix = appendix || requirements;
      place(item);
      attachInlineFields(item, line, numbering.length, ctx);
      current = item;
      phase = item.fields.length > 0 ? "fields" : "body";
      continue;
    }
    // an unnumbered heading such as 工作要求 or 保障措施: the numbered lines under it are requirements, not tasks
    if (isNonTaskHeading(line.text)) {
      requirements = true;
      current = null;
      continue;
    }
    if (!current) {
      if (targets) looseTargets.push({ start: line.start, end: lineEnd, anchor: targets.anchor });
      continue;
    }
    if (isLabelLine(ctx.simplified.slice(line.start, lineEnd))) {
      if (current.isTarget) continue;
      append(current.fields, parseFields(line.text, ctx.simplified.slice(line.start, lineEnd), line.start));
      current.fieldsFromLines = true;
      current.end = lineEnd;
      phase = "fields";
      continue;
    }
    if (phase === "body" && signsOff(ctx.text.slice(current.textStart, current.bodyEnd), line.text)) {
      current = null;
      continue;
    }
    if (phase === "body") {
      current.bodyEnd = lineEnd;
      current.end = lineEnd;
      attachInlineFields(current, line, 0, ctx);
      if (current.fields.length > 0) phase = "fields";
    }
  }
  const plainLines = paragraphs ? unnumbered.size : paragraphLines(lines, consumed, ctx).size;
  return { items, roots, looseTargets, plainLines };
}
