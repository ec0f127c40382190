/**
 * A small reader for Chinese numerals as they appear in government documents:
 * 十五, 二十, 一百二 (=120), 两百 (=200), 二〇二五 (digit by digit), 廿, 卅, 〇/零, and mixed 1万2千.
 * Written here because the usual packages misread 两百 and 一百二 (see STACK.md).
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  "○": 0,
  Ｏ: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

/** Multipliers below 万; 廿 and 卅 are 20 and 30 on their own. */
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 10_000, 萬: 10_000, 亿: 100_000_000, 億: 100_000_000 };
const TENS: Record<string, number> = { 廿: 20, 卅: 30, 卌: 40 };

/** Characters that may appear in a Chinese numeral; used by callers to build patterns. */
export const CHINESE_NUMERAL_CHARS = "〇零○一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟廿卅";

function digitValue(ch: string): number | undefined {
  if (ch >= "0" && ch <= "9") return ch.charCodeAt(0) - 48;
  return DIGITS[ch];
}

/** Reads a run of digits with no unit characters: 二〇二五 → 2025, 2025 → 2025. */
function readPositional(text: string): number | null {
  let value = 0;
  for (const ch of text) {
    const d = digitValue(ch);
    if (d === undefined) return null;
    value = value * 10 + d;
  }
  return value;
}

/** Reads a numeral below 10,000 that uses 十/百/千, e.g. 一百二 or 两千零五. */
function readSection(text: string): number | null {
  let total = 0;
  let pending: number | null = null;
  let lastUnit = 10_000;
  let sawZero = false;
  for (const ch of text) {
    const tens = TENS[ch];
    if (tens !== undefined) {
      total += tens;
      lastUnit = 10;
      pending = null;
      continue;
    }
    const unit = SMALL_UNITS[ch];
    if (unit !== undefined) {
      // A bare 十 at the start means 一十 (十五 = 15).
      total += (pending ?? 1) * unit;
      pending = null;
      lastUnit = unit;
      sawZero = false;
      continue;
    }
    const d = digitValue(ch);
    if (d === undefined) return null;
    if (d === 0) {
      sawZero = true;
      continue;
    }
    if (pending !== null) {
      // two digits in a row inside a unit numeral: 一百二三 is not a number
      return null;
    }
    pending = d;
  }
  if (pending !== null) {
    // 一百二 = 120 and 两千三 = 2300: a trailing digit right after a unit counts one order lower,
    // unless a 零 came between (一百零二 = 102).
    total += !sawZero && lastUnit >= 100 && lastUnit < 10_000 ? pending * (lastUnit / 10) : pending;
  }
  return total;
}

/**
 * Reads a Chinese (or mixed Arabic/Chinese) numeral; returns null when the text is not one.
 * Examples: 十五 → 15, 二十 → 20, 一百二 → 120, 两百 → 200, 二〇二五 → 2025, 零 → 0, 廿 → 20, 3万 → 30000.
 */
export function parseChineseNumber(input: string): number | null {
  const text = input.trim();
  if (text === "") return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const hasUnit = [...text].some((ch) => SMALL_UNITS[ch] !== undefined || LARGE_UNITS[ch] !== undefined || TENS[ch]);
  if (!hasUnit) return readPositional(text);

  let total = 0;
  let rest = text;
  let lastScale = 0;
  for (const [ch, scale] of Object.entries(LARGE_UNITS).sort((a, b) => b[1] - a[1])) {
    const at = rest.indexOf(ch);
    if (at < 0) continue;
    const head = rest.slice(0, at);
    const headValue = head === "" ? 1 : /^\d+$/.test(head) ? Number(head) : readSection(head);
    if (headValue === null) return null;
    total += headValue * scale;
    rest = rest.slice(at + 1);
    lastScale = scale;
  }
  const lone = rest.length === 1 ? digitValue(rest) : undefined;
  if (lastScale > 0 && lone !== undefined && lone > 0) {
    // 一万二 = 12000: a lone digit after 万 counts one order lower
    return total + lone * (lastScale / 10);
  }
  if (rest !== "") {
    const tail = /^\d+$/.test(rest) ? Number(rest) : readSection(rest);
    if (tail === null) return null;
    total += tail;
  }
  return total;
}
