import { append } from "./append.js";
import { CLOSERS, matchingOpen, OPENERS } from "./brackets.js";
import { findDeadlines } from "./deadlines.js";
import { type Field, LABEL_RE, parseFields } from "./labels.js";

/** Role words that close a group of units inside a clause: "(X、Y牵头,Z配合)". */
const MARKER_RE =
  /(按照?职责分工负责|按照?职责负责|共同负责|牵头|负责落实|具体负责|负责|配合|参与|协办|协助)(?=[、，,;；\s。.]|$)/g;

/**
 * A role word closes a group only right after a unit name: names end in 局, 办, 委, 部门, 乡镇, (街道)...
 * so the 协办 inside 政协办 is part of a name, not a marker.
 */
const UNIT_FINAL = /[局办委院部会心镇门位所室组站队处厅司府团社行馆道区县市乡村庭关构校台盟军园署街科股联)）〕】]$/;

const MARKER_ROLE: Record<string, Field["role"]> = {
  按职责分工负责: "responsible",
  按照职责分工负责: "responsible",
  按职责负责: "responsible",
  按照职责负责: "responsible",
  共同负责: "responsible",
  牵头: "lead",
  负责落实: "responsible",
  具体负责: "responsible",
  负责: "responsible",
  配合: "cooperating",
  参与: "cooperating",
  协办: "cooperating",
  协助: "cooperating",
};

/** Bracket depth at increasing positions of one text, scanning each character once. */
function depthTracker(text: string): (at: number) => number {
  let pos = 0;
  let depth = 0;
  return (at) => {
    for (; pos < at; pos++) {
      if (OPENERS.includes(text[pos])) depth++;
      else if (CLOSERS.includes(text[pos]) && depth > 0) depth--;
    }
    return depth;
  };
}

/**
 * Reads a clause's content: labelled ("责任单位:A、B") or marked ("X牵头,Y负责"). Returns the fields, or
 * null when the content is not a unit clause (e.g. "不含6亩", "2021—2025年").
 */
export function parseClause(written: string, simplified: string, offset: number): Field[] | null {
  LABEL_RE.lastIndex = 0;
  const label = LABEL_RE.exec(simplified);
  if (label) {
    const before =
      label.index > 0 ? parseMarked(written.slice(0, label.index), simplified.slice(0, label.index), offset) : [];
    const fields = parseFields(written.slice(label.index), simplified.slice(label.index), offset + label.index);
    return append(before ?? [], fields);
  }
  return parseMarked(written, simplified, offset);
}

function parseMarked(written: string, simplified: string, offset: number): Field[] | null {
  const fields: Field[] = [];
  let from = 0;
  const depthAt = depthTracker(simplified);
  MARKER_RE.lastIndex = 0;
  for (let m = MARKER_RE.exec(simplified); m; m = MARKER_RE.exec(simplified)) {
    if (depthAt(m.index) !== 0) continue;
    const group = written.slice(from, m.index);
    if (m[1].length <= 4 && !m[1].startsWith("按") && !UNIT_FINAL.test(group.trimEnd())) continue;
    const lead = group.length - group.replace(/^[\s、，,;；]+/, "").length;
    const value = group.slice(lead).replace(/^由/, "").trim();
    if (value !== "") fields.push({ role: MARKER_ROLE[m[1]], value, start: offset + from + lead });
    from = m.index + m[0].length;
  }
  if (fields.length === 0) return null;
  // whatever follows the last marker must be punctuation or a time limit ("…配合,2024年底前完成"),
  // or this was prose, not a clause
  const rest = written.slice(from);
  if (/^[\s、，,;；。.]*$/.test(rest)) return fields;
  const limits = findDeadlines(rest, null);
  const ongoing = /长期坚持|持续推进/.exec(simplified.slice(from));
  if (limits.length === 0 && !ongoing) return null;
  if (rest.replace(/[\s、，,;；。.]|完成|前|长期坚持|持续推进|長期堅持/g, "").length > 24) return null;
  for (const d of limits) fields.push({ role: "deadline", value: d.text, start: offset + from + rest.indexOf(d.text) });
  if (ongoing)
    fields.push({
      role: "deadline",
      value: rest.slice(ongoing.index, ongoing.index + 4),
      start: offset + from + ongoing.index,
    });
  return fields;
}

export interface TrailingClause {
  fields: Field[];
  /** where the clause (with its brackets) starts and ends, relative to the text given */
  start: number;
  end: number;
}

/**
 * Finds a unit clause in brackets at the end of a task's text: "…结果(X牵头,Y负责)。" or "…。〔责任单位:A〕".
 * Brackets that hold anything else stay in the text.
 */
export function findTrailingClause(written: string, simplified: string, offset: number): TrailingClause | null {
  let close = written.length - 1;
  while (close >= 0 && /[\s。.;；，,]/.test(written[close])) close--;
  if (close < 0 || !")）〕】]".includes(written[close])) return null;
  const open = matchingOpen(written, close);
  if (open < 0) return null;
  const fields = parseClause(written.slice(open + 1, close), simplified.slice(open + 1, close), offset + open + 1);
  if (!fields) return null;
  return { fields, start: open, end: written.length };
}

/** Longest bracket content read as a possible clause; longer groups are prose. */
const MAX_CLAUSE = 300;

/**
 * Finds unit clauses in brackets inside a task's text: "推行包容审慎监管(市场监管局牵头)，2024年底前出台清单".
 * Used when there is none at the end; each top-level group is looked at once.
 */
export function findInlineClauses(written: string, simplified: string, offset: number): TrailingClause[] {
  const found: TrailingClause[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < written.length; i++) {
    const ch = written[i];
    if (OPENERS.includes(ch) && ch !== "“" && ch !== "《") {
      if (depth === 0) open = i;
      depth++;
    } else if (CLOSERS.includes(ch) && ch !== "”" && ch !== "》" && depth > 0) {
      depth--;
      if (depth !== 0 || i - open > MAX_CLAUSE) continue;
      const fields = parseClause(written.slice(open + 1, i), simplified.slice(open + 1, i), offset + open + 1);
      if (fields) found.push({ fields, start: open, end: i + 1 });
    }
  }
  return found;
}
