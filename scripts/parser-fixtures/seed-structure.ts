/** The shape of a seed plan as the fixture builders need it: headings, numbered items and their labelled lines. */

export type ListKind = "chapter" | "section" | "item" | "subitem";

export interface NumberedLine {
  kind: ListKind;
  raw: string;
  number: number;
  /** the text after the number and its punctuation */
  text: string;
}

export type SeedLine = { kind: "plain"; raw: string; text: string } | NumberedLine;

const CN_DIGITS = "一二三四五六七八九";

/** 一 → 1, 十二 → 12, 二十 → 20: enough for the heading numbers of a plan. */
export function smallChineseNumber(text: string): number {
  if (text === "十") return 10;
  const [tens, ones] = text.includes("十") ? text.split("十") : ["", text];
  const tensValue = text.includes("十") ? (tens === "" ? 1 : CN_DIGITS.indexOf(tens) + 1) : 0;
  const onesValue = ones === "" ? 0 : CN_DIGITS.indexOf(ones) + 1;
  return tensValue * 10 + onesValue;
}

const PATTERNS: Array<[ListKind, RegExp, (match: string) => number]> = [
  ["chapter", /^([一二三四五六七八九十]+)、\s*(.*)$/, smallChineseNumber],
  ["section", /^[(（]([一二三四五六七八九十]+)[)）]\s*(.*)$/, smallChineseNumber],
  ["item", /^(\d{1,3})[.．、]\s*(.*)$/, Number],
  ["subitem", /^(\d{1,3})[)）]\s*(.*)$/, Number],
];

/** Non-empty lines of a seed, numbered ones split into number and text. */
export function seedLines(seed: string): SeedLine[] {
  const lines: SeedLine[] = [];
  for (const raw of seed.split(/\r?\n/)) {
    const text = raw.trim();
    if (text === "") continue;
    const numbered = PATTERNS.map(([kind, pattern, read]) => {
      const match = text.match(pattern);
      return match ? { kind, raw: text, number: read(match[1]), text: match[2] } : null;
    }).find((line) => line !== null);
    lines.push(numbered ?? { kind: "plain", raw: text, text });
  }
  return lines;
}

export const FIELD_LABELS = ["牵头单位", "责任单位", "配合单位", "完成时限"] as const;
export type FieldLabel = (typeof FIELD_LABELS)[number];

export interface TableTask {
  number: number;
  text: string;
  fields: Partial<Record<FieldLabel, string>>;
  /** the (一) heading the task belongs to */
  group: string;
}

export interface TaskTableSeed {
  before: SeedLine[];
  tasks: TableTask[];
  after: SeedLine[];
}

function fieldOf(line: SeedLine): [FieldLabel, string] | null {
  if (line.kind !== "plain") return null;
  const match = line.text.match(/^(牵头单位|责任单位|配合单位|完成时限)\s*[:：]\s*(.*)$/);
  return match ? [match[1] as FieldLabel, match[2]] : null;
}

/**
 * Splits a plan whose items carry labelled lines into the lines before the table, the task rows (each with the
 * heading it stands under as its group) and the lines after the last task's fields.
 */
export function taskTableSeed(seed: string): TaskTableSeed {
  const lines = seedLines(seed);
  const firstItem = lines.findIndex((line) => line.kind === "item");
  let lastItem = lines.findLastIndex((line) => line.kind === "item");
  while (lastItem + 1 < lines.length && fieldOf(lines[lastItem + 1])) lastItem++;
  const tableStart = firstItem > 0 && lines[firstItem - 1].kind === "section" ? firstItem - 1 : firstItem;
  const result: TaskTableSeed = { before: lines.slice(0, tableStart), tasks: [], after: lines.slice(lastItem + 1) };
  let group = "";
  for (const line of lines.slice(tableStart, lastItem + 1)) {
    const field = fieldOf(line);
    const last = result.tasks[result.tasks.length - 1];
    if (field && last) last.fields[field[0]] = field[1];
    // A plain line between an item and its fields is the item's text, broken by a page break in the seed.
    else if (line.kind === "plain" && last && Object.keys(last.fields).length === 0) last.text += line.text;
    else if (line.kind === "item") result.tasks.push({ number: line.number, text: line.text, fields: {}, group });
    else group = line.raw;
  }
  return result;
}
