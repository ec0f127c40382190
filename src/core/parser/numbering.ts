import { CHINESE_NUMERAL_CHARS, parseChineseNumber } from "../numerals.js";

/** The numbering styles of plan documents, e.g. 一、 (一) 1. 1) (1) ① 第一部分, and table row numbers. */
export type NumberStyle =
  | "part"
  | "cn"
  | "cnParen"
  | "arabic"
  | "dotted2"
  | "dotted3"
  | "dotted4"
  | "arabicHalfParen"
  | "arabicParen"
  | "circled"
  | "row"
  | "plain";

export interface Numbering {
  style: NumberStyle;
  value: number;
  /** the number as shown in task paths: 一, (一), 1, 1), (1), ① */
  label: string;
  /** length of the number, its punctuation and the spaces after it */
  length: number;
}

const CN = `[${CHINESE_NUMERAL_CHARS}]{1,4}`;
const OPEN = "[(（]";
const CLOSE = "[)）]";
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

const PATTERNS: Array<{ style: NumberStyle; re: RegExp }> = [
  { style: "part", re: new RegExp(`^第(${CN})(部分|章|篇)[、.．:：\\s]*`) },
  // 一、 and 一. but not 一是 or 一年: the numeral must be followed by its punctuation
  { style: "cn", re: new RegExp(`^(${CN})[、.．][\\s]*`) },
  { style: "cnParen", re: new RegExp(`^${OPEN}\\s*(${CN})\\s*${CLOSE}[、.．]?\\s*`) },
  { style: "arabicParen", re: new RegExp(`^${OPEN}\\s*(\\d{1,3})\\s*${CLOSE}[、.．]?\\s*`) },
  { style: "arabicHalfParen", re: new RegExp(`^(\\d{1,3})${CLOSE}\\s*`) },
  // 1. 1、 1． but not 1.5 or 2024.
  { style: "arabic", re: /^(\d{1,3})(?:[、．]|\.(?!\d))\s*/ },
  { style: "circled", re: new RegExp(`^([${CIRCLED}])[、.．]?\\s*`) },
];

function labelFor(style: NumberStyle, raw: string, value: number): string {
  switch (style) {
    case "cnParen":
      return `(${raw})`;
    case "arabicParen":
      return `(${value})`;
    case "arabicHalfParen":
      return `${value})`;
    case "arabic":
    case "row":
      return String(value);
    case "part":
      return `第${raw}部分`;
    default:
      return raw;
  }
}

/**
 * Outline numbers such as 1.1 or 2.3.1; a separator must follow, since "1.5倍" is a figure. Each depth is a style
 * of its own, so 1.1 nests under 1. and 1.1.1 under 1.1.
 */
const DOTTED = /^(\d{1,2}(?:[.．]\d{1,3}){1,3})(?:[、\s]+|[.．]\s*)(?=\S)/;

function detectDotted(line: string): Numbering | null {
  const m = DOTTED.exec(line);
  if (!m) return null;
  const parts = m[1].split(/[.．]/).map(Number);
  const style = `dotted${parts.length}` as NumberStyle;
  return { style, value: parts[parts.length - 1], label: parts.join("."), length: m[0].length };
}

/** Reads the number at the start of a line, or null when the line does not start with one. */
export function detectNumbering(line: string): Numbering | null {
  const dotted = detectDotted(line);
  if (dotted) return dotted;
  const first = line.charCodeAt(0);
  // quick reject: numbers start with a digit, a bracket, 第, a circled digit or a Chinese numeral
  if (Number.isNaN(first)) return null;
  for (const { style, re } of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const raw = m[1];
    const value = style === "circled" ? CIRCLED.indexOf(raw) + 1 : parseChineseNumber(raw);
    if (value === null || value <= 0) continue;
    if (m[0].length >= line.length) {
      // a bare number with nothing after it is a table cell, not an item
      if (style !== "cn" && style !== "cnParen" && style !== "part") continue;
    }
    return { style, value, label: labelFor(style, raw, value), length: m[0].length };
  }
  return null;
}

/** Styles that open sections in nearly every plan; never tasks unless they carry their own unit clause. */
export const SECTION_STYLES: ReadonlySet<NumberStyle> = new Set(["part", "cn"]);
