/** Bracket pairs that may enclose qualifiers (各县(市、区)) or unit clauses (〔X牵头〕). */
export const OPENERS = "(（〔【[《“";
export const CLOSERS = ")）〕】]》”";

/** Splits on any of the separator characters, but never inside brackets. */
export function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.includes(ch)) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * Finds the bracket group that closes at `close` (an index of a closing bracket) and returns the index of its
 * opening bracket, or -1 when unbalanced. Scans backwards, so nested groups such as 各镇(街道) inside a clause work.
 */
export function matchingOpen(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const ch = text[i];
    if (CLOSERS.includes(ch) && ch !== "”") depth++;
    else if (OPENERS.includes(ch) && ch !== "“") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
