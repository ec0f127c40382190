/**
 * Matching the unit phrases of plan documents against a unit registry: pure functions, no I/O.
 * Documents write one unit many ways (全角/半角 brackets, 〔〕 and 【】 — OCR reads one for the other —, spaces, with or
 * without the district prefix 区),
 * so names are compared in a normal form.
 */

const BRACKETS: Record<string, string> = {
  "（": "(",
  "）": ")",
  "〔": "(",
  "〕": ")",
  "［": "(",
  "］": ")",
  "[": "(",
  "]": ")",
  "【": "(",
  "】": ")",
  "〖": "(",
  "〗": ")",
};

/** The form names are compared in: half-width brackets, no whitespace or quote marks. */
export function normaliseUnitPhrase(phrase: string): string {
  return phrase
    .normalize("NFC")
    .replace(/[（）〔〕［］[\]【】〖〗]/g, (c) => BRACKETS[c] ?? c)
    .replace(/[\s\u3000“”"'‘’]/g, "");
}

/** Other forms a phrase may be meant as: without its bracketed qualifier, with or without the leading 区. */
export function phraseVariants(phrase: string): string[] {
  const base = normaliseUnitPhrase(phrase);
  const out = new Set<string>([base]);
  const unqualified = base.replace(/\([^()]*\)$/, "");
  if (unqualified && unqualified !== base) out.add(unqualified);
  for (const form of [...out]) {
    if (form.startsWith("区")) out.add(form.slice(1));
    else out.add(`区${form}`);
  }
  out.delete("");
  return [...out];
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = [...text];
  if (chars.length === 1) grams.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient over character bigrams, 0..1: robust to the small wording differences of unit names. */
export function similarity(a: string, b: string): number {
  const x = bigrams(normaliseUnitPhrase(a));
  const y = bigrams(normaliseUnitPhrase(b));
  let total = 0;
  let shared = 0;
  for (const count of x.values()) total += count;
  for (const [gram, count] of y) {
    total += count;
    shared += Math.min(count, x.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * Whether a phrase names a kind of unit rather than one unit: 各乡镇, 区政府各行政执法部门, 各镇(街道), 有关部门,
 * 其他成员单位. Such a phrase is offered unit groups, not the one unit its words happen to resemble.
 */
export function namesAKind(phrase: string): boolean {
  const p = normaliseUnitPhrase(phrase);
  return /各|全体|所有|有关|相关|其他|其余/.test(p) || /成员单位$/.test(p);
}

/** The kinds of unit a phrase's words point to: 乡镇/街道 the townships, 执法 the enforcement departments. */
export function kindHints(phrase: string): string[] {
  const p = normaliseUnitPhrase(phrase);
  const hints: string[] = [];
  if (/乡镇|街道|镇|乡/.test(p)) hints.push("township");
  if (/执法/.test(p)) hints.push("enforcement_department");
  if (/部门|局|委|办/.test(p)) hints.push("department", "enforcement_department");
  if (/法院/.test(p)) hints.push("court");
  if (/检察/.test(p)) hints.push("procuratorate");
  return [...new Set(hints)];
}
