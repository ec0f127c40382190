/**
 * A spec laid out as blocks (title, paragraphs, headings, numbered items, tables with merged cells), the one form
 * every renderer (Word, Excel, HTML, text) starts from.
 */
import type { Column, CorpusSpec, ParagraphLayout, TableLayout, TaskSpec } from "./spec.js";
import { printed } from "./spec.js";

export interface Cell {
  text: string;
  /** columns this cell covers (gridSpan / colspan) */
  span?: number;
  /** first cell of a vertical merge, or a cell covered by the one above */
  merge?: "restart" | "continue";
}

export interface TableBlock {
  type: "table";
  /** header rows first, then data rows; a typed-again header is a data row with repeat set */
  rows: Array<{ cells: Cell[]; header?: boolean; repeat?: boolean; heading?: boolean }>;
  columns: number;
  /** relative column widths, wide for the task text */
  widths?: number[];
  /** the document's information table, not a task table */
  meta?: boolean;
}

export type Block =
  | { type: "title"; text: string }
  | { type: "para"; text: string }
  | { type: "heading"; text: string; number: string; level: "chapter" | "section" | "item" }
  | { type: "item"; text: string; number: string; level: "item" }
  | TableBlock;

const CN = "一二三四五六七八九十";

/** 1 → 一, 12 → 十二: the heading numbers of a short plan. */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN[n - 1];
  if (n < 20) return `十${CN[n - 11]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CN[tens - 1]}十${ones === 0 ? "" : CN[ones - 1]}`;
}

export function headingNumber(index: number, style: "chapter" | "section" | "item"): string {
  if (style === "item") return `${index + 1}.`;
  return style === "chapter" ? `${chineseNumber(index + 1)}、` : `（${chineseNumber(index + 1)}）`;
}

function unitsList(units: string[] | undefined, spec: CorpusSpec): string {
  const lines = spec.layout.kind === "table" && spec.layout.unitLines;
  return (units ?? []).join(lines ? "\n" : (spec.unitSeparator ?? "、"));
}

/** The cell text of one column for a task (its first row). */
function cellValue(column: Column, task: TaskSpec, number: string, group: string, spec: CorpusSpec): string {
  const layout = spec.layout as TableLayout;
  const unitColumns = layout.columns.filter((c) => ["lead", "others", "cooperating", "units"].includes(c.kind));
  const last = unitColumns[unitColumns.length - 1];
  const tail = column === last ? (task.tail ?? "") : "";
  const value = columnText(column, task, number, group, spec, tail);
  const fillable = ["lead", "others", "cooperating", "deadline"].includes(column.kind);
  return value === "" && fillable && layout.emptyMark ? layout.emptyMark : value;
}

function columnText(
  column: Column,
  task: TaskSpec,
  number: string,
  group: string,
  spec: CorpusSpec,
  tail: string,
): string {
  const layout = spec.layout as TableLayout;
  switch (column.kind) {
    case "number":
      return layout.numberStyle === "dot" ? `${number}.` : number;
    case "group":
      return group;
    case "title":
      return task.title ?? "";
    case "text":
      return printed(task.text);
    case "lead":
      return unitsList(task.lead, spec) + tail;
    case "others":
      return unitsList(task.others, spec) + tail;
    case "cooperating":
      return unitsList(task.cooperating, spec) + tail;
    case "units": {
      const note = number === "1" && spec.leadNoteInline ? `（${spec.leadNoteInline}）` : "";
      const lead = (task.lead ?? []).map((unit) => unit + (layout.leadMark ?? ""));
      return unitsList([...lead, ...(task.others ?? [])], spec) + tail + note;
    }
    case "deadline":
      return task.deadline ?? "";
    case "leader":
      return task.leader ?? "";
    case "contact":
      return task.contact ?? "";
    case "remark":
      return "";
  }
}

function headerRows(layout: TableLayout): TableBlock["rows"] {
  const { columns } = layout;
  if (layout.twoRowHeader) {
    const [at, upper] = layout.twoRowHeader;
    const top: Cell[] = [];
    const bottom: Cell[] = [];
    columns.forEach((column, i) => {
      if (i === at) {
        top.push({ text: upper, span: 2 });
        bottom.push({ text: column.header }, { text: columns[i + 1].header });
      } else if (i !== at + 1) {
        top.push({ text: column.header, merge: "restart" });
        bottom.push({ text: "", merge: "continue" });
      }
    });
    return [
      { cells: top, header: true },
      { cells: bottom, header: true },
    ];
  }
  if (layout.spanHeader) {
    const [at, text] = layout.spanHeader;
    const cells: Cell[] = [];
    columns.forEach((column, i) => {
      if (i === at) cells.push({ text, span: 2 });
      else if (i !== at + 1) cells.push({ text: column.header });
    });
    return [{ cells, header: true }];
  }
  return [{ cells: columns.map((c) => ({ text: c.header })), header: true }];
}

/** The rows of one task: the first with every cell, continuation rows with the merged cells covered. */
function taskRows(task: TaskSpec, number: string, group: string, groupStarts: boolean, spec: CorpusSpec) {
  const layout = spec.layout as TableLayout;
  const parts = task.parts ?? [];
  const partDeadlines = parts.some((p) => p.deadline !== undefined);
  const rows: TableBlock["rows"] = [];
  // every cell but the text (and the deadline, when the later rows have their own) is merged over the task's rows
  const merged = (kind: Column["kind"]) => kind !== "text" && !(kind === "deadline" && partDeadlines);
  rows.push({
    cells: layout.columns.map((column) => {
      const text = cellValue(column, task, number, group, spec);
      if (column.kind === "group")
        return { text: groupStarts ? group : "", merge: groupStarts ? "restart" : "continue" };
      return parts.length > 0 && merged(column.kind) ? { text, merge: "restart" } : { text };
    }),
  });
  for (const part of parts) {
    rows.push({
      cells: layout.columns.map((column) => {
        if (column.kind === "group") return { text: "", merge: "continue" };
        if (column.kind === "text") return { text: printed(part.text) };
        if (column.kind === "deadline" && partDeadlines) return { text: part.deadline ?? "" };
        return { text: "", merge: "continue" };
      }),
    });
  }
  return rows;
}

/** The first cell and the value of a run of equal cells in one column, merged down as the layout asks. */
type Runs = Map<number, { first: Cell; value: string }>;

function mergeRuns(layout: TableLayout, runs: Runs, cells: Cell[]): void {
  layout.columns.forEach((column, i) => {
    if (!layout.mergeRuns?.includes(column.kind)) return;
    const value = cells[i].text;
    const run = runs.get(i);
    if (run && value !== "" && run.value === value) {
      run.first.merge = "restart";
      cells[i] = { text: "", merge: "continue" };
    } else runs.set(i, { first: cells[i], value });
  });
}

const WIDTHS: Record<Column["kind"], number> = {
  number: 0.6,
  group: 1.4,
  title: 1.6,
  text: 4.5,
  lead: 1.6,
  others: 2,
  cooperating: 1.8,
  units: 2.4,
  deadline: 1.4,
  leader: 1,
  contact: 1.3,
  remark: 1,
};

function tableBlocks(spec: CorpusSpec, layout: TableLayout): Block[] {
  const blocks: Block[] = [];
  const header = headerRows(layout);
  const width = layout.columns.length;
  const widths = layout.columns.map((c) => WIDTHS[c.kind]);
  let table: TableBlock = { type: "table", rows: [...header], columns: width, widths };
  let sinceHeader = 0;
  let number = 0;
  spec.sections.forEach((section, s) => {
    if (layout.sections === "separate-tables") {
      if (s > 0) {
        blocks.push(table);
        table = { type: "table", rows: [...header], columns: width, widths };
        sinceHeader = 0;
      }
      blocks.push({ type: "heading", text: section.title, number: headingNumber(s, "chapter"), level: "chapter" });
    }
    if (layout.sections === "heading-rows")
      table.rows.push({
        cells: [{ text: `${headingNumber(s, "chapter")}${section.title}`, span: width }],
        heading: true,
      });
    if (layout.sections === "number-rows")
      table.rows.push({
        cells: layout.columns.map((column) => ({
          text: column.kind === "number" ? chineseNumber(s + 1) : column.kind === "text" ? section.title : "",
        })),
      });
    let groupStarts = true;
    let runs: Runs = new Map();
    for (const task of section.tasks) {
      if (layout.repeatHeaderEvery && sinceHeader >= layout.repeatHeaderEvery) {
        for (const row of header) table.rows.push({ ...row, header: false, repeat: true });
        sinceHeader = 0;
        groupStarts = true;
        runs = new Map();
      }
      number++;
      const rows = taskRows(task, String(number), section.title, groupStarts, spec);
      if (task.parts) runs = new Map();
      else mergeRuns(layout, runs, rows[0].cells);
      table.rows.push(...rows);
      groupStarts = false;
      sinceHeader++;
    }
  });
  blocks.push(table);
  return blocks;
}

const ITEM_FORMS: Record<NonNullable<ParagraphLayout["itemStyle"]>, (n: number) => string> = {
  dot: (n) => `${n}.`,
  comma: (n) => `${n}、`,
  paren: (n) => `（${n}）`,
  "cn-paren": (n) => `（${chineseNumber(n)}）`,
};

/** The unit clause of a paragraph task, or its labelled lines. */
export function clauseOf(task: TaskSpec, spec: CorpusSpec, note = ""): { inline: string; lines: string[] } {
  const layout = spec.layout as ParagraphLayout;
  const lead = unitsList(task.lead, spec);
  const others = unitsList(task.others, spec);
  const cooperating = unitsList(task.cooperating, spec);
  const tail = task.tail ?? "";
  const labels = {
    lead: "牵头单位",
    others: "责任单位",
    cooperating: "配合单位",
    deadline: "完成时限",
    leader: "牵头领导",
    contact: "联系人",
    ...layout.labels,
  };
  const fields: Array<[string, string]> = [];
  if (task.leader) fields.push([labels.leader, task.leader]);
  const lastUnits = cooperating ? "cooperating" : others ? "others" : "lead";
  if (lead) fields.push([labels.lead, lastUnits === "lead" ? lead + tail : lead]);
  if (others) fields.push([labels.others, lastUnits === "others" ? others + tail : others]);
  if (cooperating) fields.push([labels.cooperating, cooperating + tail]);
  if (task.contact) fields.push([labels.contact, task.contact]);
  if (task.deadline) fields.push([labels.deadline, task.deadline]);
  switch (layout.clause) {
    case "trailing-labels":
      return { inline: `（${fields.map(([k, v]) => `${k}：${v}`).join("；")}）`, lines: [] };
    case "trailing-verbs": {
      const parts = [
        lead ? `${lead}牵头` : "",
        others ? `${others}${lead && !cooperating ? "配合" : "负责"}` : "",
        cooperating ? `${cooperating}配合` : "",
        // a time limit said in the clause: "…配合，2026年6月底前完成"
        task.deadline ? `${task.deadline}完成` : "",
      ].filter(Boolean);
      return { inline: `（${parts.join("，")}${tail}）`, lines: [] };
    }
    case "trailing-units":
      return {
        inline: `（责任单位：${unitsList([...(task.lead ?? []).map((unit) => unit + (layout.leadMark ?? "")), ...(task.others ?? [])], spec)}${tail}${note ? `；${note}` : ""}）`,
        lines: [],
      };
    case "label-lines":
      return { inline: "", lines: fields.map(([k, v]) => `${k}${layout.colon ?? "："}${v}`) };
    case "label-row":
      return { inline: "", lines: [fields.map(([k, v]) => `${k}:${v}`).join(" ")] };
    case "inline-labels":
      return { inline: `。${fields.map(([k, v]) => `${k}：${v}`).join("；")}。`, lines: [] };
  }
}

function paragraphBlocks(spec: CorpusSpec, layout: ParagraphLayout): Block[] {
  const blocks: Block[] = [];
  const sectionStyle = layout.sectionStyle ?? "chapter";
  const item = ITEM_FORMS[layout.itemStyle ?? "dot"];
  let number = 0;
  spec.sections.forEach((section, s) => {
    if (section.title)
      blocks.push({
        type: "heading",
        text: section.title,
        number: headingNumber(s, sectionStyle),
        level: sectionStyle,
      });
    for (const task of section.tasks) {
      number++;
      const { inline, lines } = clauseOf(task, spec, number === 1 ? spec.leadNoteInline : "");
      const text = printed(task.text) + inline;
      if (layout.numbering === "none") blocks.push({ type: "para", text });
      else blocks.push({ type: "item", text, number: item(number), level: "item" });
      for (const line of lines) blocks.push({ type: "para", text: line });
      if (layout.blankBetween) blocks.push({ type: "para", text: "" });
    }
  });
  return blocks;
}

/** 索引号 / 发布机构 / 发文日期 / 文号, as a site prints them above a document. */
function metaTable(spec: CorpusSpec): TableBlock {
  const row = (...texts: string[]) => ({ cells: texts.map((text) => ({ text })) });
  return {
    type: "table",
    meta: true,
    columns: 4,
    rows: [
      row("索引号", `11500118MB0000000X/2026-00${spec.name.slice(1, 3)}8`, "发布机构", spec.issuer),
      row("发文日期", "2026年03月12日", "文号", "云溪府办发〔2026〕12号"),
      row("主题分类", "政府工作", "有效性", "有效"),
    ],
  };
}

/** The spec as blocks: title, intro, the lead note, the tasks, the closing paragraphs. */
export function documentBlocks(spec: CorpusSpec): Block[] {
  const blocks: Block[] = [];
  if (spec.metaTable) blocks.push(metaTable(spec));
  blocks.push({ type: "title", text: spec.title });
  for (const text of spec.intro) blocks.push({ type: "para", text });
  if (spec.leadNote && !spec.leadNoteAfter) blocks.push({ type: "para", text: spec.leadNote });
  blocks.push(...(spec.layout.kind === "table" ? tableBlocks(spec, spec.layout) : paragraphBlocks(spec, spec.layout)));
  if (spec.leadNote && spec.leadNoteAfter) blocks.push({ type: "para", text: spec.leadNote });
  for (const text of spec.after) blocks.push({ type: "para", text });
  return blocks;
}
