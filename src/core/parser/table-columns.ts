import { OPENERS, splitTopLevel } from "./brackets.js";
import { findDeadlines } from "./deadlines.js";
import { simplifyForDetection } from "./normalise.js";
import type { ColumnRole } from "./types.js";
import { BOILERPLATE_TAIL } from "./units.js";

/**
 * What a task table's columns hold, told by their header names and, where a name says nothing the parser knows
 * (民生实事, 推进主体, an empty cell under a header spanning two columns), by what their cells contain: unit lists,
 * time phrases, short numbers or the longest text.
 */

/** A header cell is a short name: no sentence punctuation, no numbers. */
export function isHeaderShaped(name: string): boolean {
  const c = name.replace(/\s+/g, "");
  return c !== "" && c.length <= 12 && !/[，。、：:；;,\d]/.test(c);
}

/** Header words, as data: the first rule that matches a (simplified, space-free) header cell names its column. */
const HEADER_RULES: Array<[RegExp, ColumnRole]> = [
  [/^(序号|编号|序|No\.?|排序)$/i, "number"],
  // people are never units: 分管领导, 责任领导, 责任人, 主要责任人, 联系人
  [/^(?!.*(单位|部门)).*(领导|责任人|联系人|负责人|分管|经办人|联络员|电话)/, "ignored"],
  // when a document was issued is not a deadline: 发文日期, 成文时间
  [/^(发文|成文|发布|印发|生成|索引)/, "ignored"],
  [/牵头|主责|主办/, "lead"],
  [/配合|协办|协助|参与|协同|参加/, "cooperating"],
  [
    /责任(单位|部门|主体|科室)|实施(单位|主体)|承办|落实(单位|主体)|推进(单位|主体)|主体单位|^(单位|部门|责任方)$/,
    "responsible",
  ],
  [/时限|时间|期限|节点|进度|日期|完成时|计划/, "deadline"],
  [
    /任务|措施|内容|事项|要点|举措|工作|要求|实事|项目名称|具体项目|目标任务|改革|步骤|标准|清单|名称|计划|问题|重点/,
    "text",
  ],
  [/类别|分类|板块|领域|方面|项目|类型|专项|环节|阶段/, "group"],
  [/备注|说明|目标|指标|依据|分值|考核|成效|形式|方式|来源/, "ignored"],
];

/** The role a header cell names, or null for a name the parser does not know (or not a name at all). */
export function classifyHeader(cell: string): ColumnRole | null {
  // traditional headers (牽頭單位, 完成時限) read as simplified ones
  const c = simplifyForDetection(cell.replace(/\s+/g, ""));
  if (!isHeaderShaped(c)) return null;
  for (const [re, role] of HEADER_RULES) if (re.test(c)) return role;
  return null;
}

/** A cell that names a column the parser reads (not 备注, 分管领导 or 类别). */
export function namesTaskColumn(cell: string): boolean {
  const column = classifyHeader(cell);
  return column !== null && column !== "ignored" && column !== "group";
}

/** Endings of unit names: agencies, governments, townships, companies. */
const UNIT_END =
  /(局|办|委|委员会|中心|政府|乡镇|街道|镇街|镇|乡|院|所|队|会|部|厅|处|室|科|站|庭|馆|团|社|联|行|署|公司|集团|单位|部门|机关|机构|支队|大队|分局|法院|检察院|银行|学校|医院|组|班|园区|管委会|开发区|工委|党委|总工会|妇联|团委|组织部|宣传部|统战部|政法委|网信办|司法所|派出所|海关|税务局)$/;

/** A name that ends like an agency (区司法局, 区人民法院), not like a place (各县区). */
export function endsLikeUnit(name: string): boolean {
  return UNIT_END.test(simplifyForDetection(name.trim()));
}

/** One written name looks like a unit: short, and ends like one (区司法局, 各镇街, 区人民法院). */
export function looksLikeUnit(name: string): boolean {
  const n = simplifyForDetection(name.replace(/[(（〔【][^)）〕】]*[)）〕】]/g, "").trim());
  if (n.length < 2 || n.length > 24 || /[。；;：:，,]/.test(n)) return false;
  return UNIT_END.test(n) || /^各/.test(n);
}

/** A cell that lists units: every name in it (split on 、，, spaces and line breaks) looks like a unit. */
export function isUnitList(cell: string): boolean {
  // "…，各镇街按职责分工负责": the tail that says each does its part is no name
  const text = cell.trim().replace(BOILERPLATE_TAIL, "");
  if (text === "" || text.length > 160) return false;
  const names = splitTopLevel(text, "、，,;； ").filter((n) => n.trim() !== "");
  if (names.length === 0) return false;
  const units = names.filter((n) => looksLikeUnit(n) || OPENERS.includes(n.trim()[0] ?? "")).length;
  return units / names.length >= 0.75;
}

/** A cell that is a time phrase: 2025年6月底前, 长期坚持, 每季度, 持续推进. */
export function isTimePhrase(cell: string): boolean {
  const text = cell.trim();
  if (text === "" || text.length > 40) return false;
  return (
    findDeadlines(text, null).length > 0 ||
    /长期|持续|常态|年底|月底|季度|上半年|下半年|\d{4}\s*年|年内|即时|立即|每年|每月|每半年|全年/.test(text)
  );
}

const NUMBER_CELL = /^[(（]?(\d{1,3}(?:[.．-]\d{1,3}){0,2}|[一二三四五六七八九十]{1,3})[)）.、．]?$/;

/** A cell that is a row number: 1, 2., (3), 1.2, 十一. */
export function isNumberCell(cell: string): boolean {
  return NUMBER_CELL.test(cell.trim());
}

interface ColumnStats {
  filled: number;
  numbers: number;
  units: number;
  times: number;
  averageLength: number;
  /** cells equal to the cell above (a merged cell repeated by the reader) or left empty under a value */
  repeats: number;
  distinct: number;
}

function statsOf(cells: string[]): ColumnStats {
  const filled = cells.filter((c) => c.trim() !== "");
  let repeats = 0;
  let above = "";
  for (const cell of cells) {
    const c = cell.trim();
    if (above !== "" && (c === above || c === "")) repeats++;
    if (c !== "") above = c;
  }
  return {
    filled: filled.length,
    numbers: filled.filter(isNumberCell).length,
    units: filled.filter(isUnitList).length,
    times: filled.filter(isTimePhrase).length,
    averageLength: filled.length === 0 ? 0 : filled.reduce((sum, c) => sum + c.length, 0) / filled.length,
    repeats,
    distinct: new Set(filled.map((c) => c.trim())).size,
  };
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export interface ColumnReading {
  roles: ColumnRole[];
  /** roles told by the cells rather than the header name */
  guessed: boolean;
}

/**
 * Reads the roles of a table's columns from its header cells and its body rows (each row a cell per header cell).
 * Returns null when the table is not a task table: it needs a task text column and a unit or deadline column.
 */
export function readColumns(header: string[], body: string[][]): ColumnReading | null {
  const named = header.map((cell) => (cell.trim() === "" ? null : classifyHeader(cell)));
  const stats = header.map((_, k) => statsOf(body.map((row) => row[k] ?? "")));
  const roles: Array<ColumnRole | null> = [...named];
  let guessed = false;
  const has = (role: ColumnRole) => roles.includes(role);

  // a column named as units or times whose cells are long sentences is the task text (工作计划 is not a 计划 date)
  roles.forEach((role, k) => {
    const s = stats[k];
    if (role === "deadline" && s.filled > 0 && share(s.times, s.filled) < 0.3 && s.averageLength > 30) {
      roles[k] = "text";
      guessed = true;
    }
  });
  // unknown names: tell them by content
  roles.forEach((role, k) => {
    if (role !== null) return;
    const s = stats[k];
    if (s.filled === 0) return;
    let byContent: ColumnRole | null = null;
    if (share(s.numbers, s.filled) >= 0.6 && s.averageLength <= 5 && !has("number")) byContent = "number";
    else if (share(s.times, s.filled) >= 0.6) byContent = "deadline";
    else if (share(s.units, s.filled) >= 0.6) byContent = "responsible";
    else if (s.averageLength >= 8 || header[k].trim() === "") byContent = "text";
    if (byContent) {
      roles[k] = byContent;
      guessed = true;
    }
  });
  // an unnamed column whose short cells repeat down the rows, left of the task text, is a merged group column
  roles.forEach((role, k) => {
    const s = stats[k];
    if (role === null && s.filled > 0 && s.repeats > 0 && roles.slice(k + 1).includes("text")) {
      roles[k] = "group";
      guessed = true;
    }
  });
  // a 项目/类别 column is the task text when no other column holds the tasks
  if (!has("text")) {
    let best = -1;
    roles.forEach((role, k) => {
      if ((role === "group" || role === null) && stats[k].filled > 0) {
        if (best < 0 || stats[k].averageLength > stats[best].averageLength) best = k;
      }
    });
    if (best >= 0 && stats[best].averageLength >= 6) {
      roles[best] = "text";
      guessed = guessed || named[best] !== "group";
    }
  }
  // a column named as a group (项目, 类别) whose cells never repeat down the rows is a title beside the task text
  roles.forEach((role, k) => {
    if (role === "group" && stats[k].repeats === 0 && roles.slice(k + 1).includes("text")) roles[k] = "text";
  });
  groupColumns(roles, stats);
  const final = roles.map((role) => role ?? "ignored");
  if (!final.includes("text")) return null;
  if (!final.some((r) => r === "lead" || r === "responsible" || r === "cooperating" || r === "deadline")) return null;
  return { roles: final, guessed };
}

/**
 * Of several text columns, one left of another whose cells repeat down the rows (a merged 工作任务 cell over its
 * 具体要求 rows, repeated by the Word reader or left blank in a PDF) is a group: a section whose rows are the tasks.
 * A short title column beside a long measures column stays text: the task is both.
 */
function groupColumns(roles: Array<ColumnRole | null>, stats: ColumnStats[]): void {
  const texts = roles.flatMap((role, k) => (role === "text" ? [k] : []));
  if (texts.length < 2) return;
  for (const k of texts.slice(0, -1)) {
    const s = stats[k];
    if (s.repeats > 0 && s.distinct * 2 <= s.filled + s.repeats) roles[k] = "group";
  }
}

/** The key a table's header layout is remembered by: its cells without spaces, simplified, joined by "|". */
export function headerSignature(header: string[]): string {
  return header.map((cell) => simplifyForDetection(cell.replace(/\s+/g, ""))).join("|");
}
