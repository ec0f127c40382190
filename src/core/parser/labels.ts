/**
 * Labelled fields: 牵头单位: / 责任单位： / 配合单位: / 完成时限: ... with any colon and optional spaces.
 * Detection runs on the simplified copy of the text (see simplifyForDetection), so traditional labels match too.
 */

export type FieldRole = "lead" | "responsible" | "cooperating" | "deadline" | "person" | "ignored";

export interface Field {
  role: FieldRole;
  /** the value as written */
  value: string;
  /** offset of the value in the normalised text */
  start: number;
}

const LABELS: Array<[RegExp, FieldRole]> = [
  [/领导$|责任人$|负责人$|联系人$|联络人$|联络员$|经办人$|^责任人$/, "person"],
  [/^(牵头(单位|部门|科室)?|主责(单位|部门)|牵头责任单位)$/, "lead"],
  [/^(配合|协办|协助|协同|参与|参加)(单位|部门|科室)?$/, "cooperating"],
  [/^(责任|主体|实施|承办|落实|具体责任|主要责任|责任主体|推进)(单位|部门|科室|处室|主体)?$/, "responsible"],
  [/^(完成|办结)(时限|时间|期限)$|^(时间|时限)(节点|要求|安排)?$|^进度安排$/, "deadline"],
];

const LABEL_WORDS =
  "牵头单位|牵头部门|牵头科室|牵头责任单位|牵头领导|牵头|主责单位|主责部门|责任单位|责任部门|责任领导|责任人|" +
  "主要责任单位|具体责任单位|责任主体|责任科室|主体单位|实施单位|承办单位|落实单位|分管领导|包抓领导|联系人|配合单位|配合部门|配合|协办单位|协办部门|协办|" +
  "协助单位|协同单位|参与单位|参与部门|参加单位|完成时限|完成时间|完成期限|办结时限|时间节点|时限要求|时间要求|时间安排|进度安排|时限|" +
  "主管领导|主要领导|包保领导|主要责任人|主要负责人|具体责任人|联络人|联络员|经办人|推进单位|推进主体|责任处室";

/** Short labels that also end ordinary words (办理时限, 县级牵头): only a label after punctuation or a space. */
const BARE_WORDS = new Set(["牵头", "配合", "协办", "时限"]);
const LABEL_ALTERNATIVES = LABEL_WORDS.split("|")
  .map((w) => (BARE_WORDS.has(w) ? `(?<![\\u4e00-\\u9fff])${w}` : w))
  .join("|");

/** Matches a label and its colon anywhere; global, for scanning a line. */
export const LABEL_RE = new RegExp(`(${LABEL_ALTERNATIVES})\\s{0,3}[:：]\\s{0,3}`, "g");
const LABEL_AT_START = new RegExp(`^(${LABEL_ALTERNATIVES})\\s{0,3}[:：]`);

export function roleOfLabel(word: string): FieldRole {
  for (const [re, role] of LABELS) if (re.test(word)) return role;
  return "ignored";
}

/** True when the (simplified) line starts with a field label. */
export function isLabelLine(simplified: string): boolean {
  return LABEL_AT_START.test(simplified);
}

/** Offset of the first label in the (simplified) text that is outside brackets, or -1. */
export function firstLabelOutsideBrackets(simplified: string): number {
  let depth = 0;
  let pos = 0;
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(simplified); m; m = LABEL_RE.exec(simplified)) {
    // depth is carried forward from hit to hit, so each character is looked at once
    for (; pos < m.index; pos++) {
      const ch = simplified[pos];
      if (ch === "(" || ch === "（" || ch === "〔" || ch === "【" || ch === "[") depth++;
      else if ((ch === ")" || ch === "）" || ch === "〕" || ch === "】" || ch === "]") && depth > 0) depth--;
    }
    if (depth === 0) return m.index;
  }
  return -1;
}

/**
 * Splits a region such as "牵头单位:A 责任单位:B、C;完成时限:2024年底前" into fields. `written` and
 * `simplified` are the same text in its two forms; `offset` is where the region starts in the normalised text.
 */
export function parseFields(written: string, simplified: string, offset: number): Field[] {
  const hits: Array<{ index: number; end: number; word: string }> = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(simplified); m; m = LABEL_RE.exec(simplified)) {
    hits.push({ index: m.index, end: m.index + m[0].length, word: m[1] });
  }
  const fields: Field[] = [];
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i];
    const stop = i + 1 < hits.length ? hits[i + 1].index : written.length;
    const value = trimValue(written.slice(hit.end, stop));
    const role = roleOfLabel(hit.word);
    // people (牵头领导, 责任领导) are never units; their labels only end the value before them
    if (value.text === "" || role === "person" || role === "ignored") continue;
    fields.push({ role, value: value.text, start: offset + hit.end + value.lead });
  }
  return fields;
}

function trimValue(raw: string): { text: string; lead: number } {
  const lead = raw.length - raw.replace(/^[\s:：]+/, "").length;
  const text = raw
    .slice(lead)
    .replace(/[\s;；,，、.。]+$/, "")
    .trim();
  return { text, lead };
}
