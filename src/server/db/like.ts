import { and, type Column, ilike, or, type SQL } from "drizzle-orm";

/**
 * A LIKE pattern that finds `text` anywhere, `text` taken literally: `%`, `_` and `\` typed into a search box are
 * characters to find, not wildcards (PostgreSQL's LIKE escapes with `\` unless told otherwise).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * A search box's words (split at spaces, the first five), each found in one of the columns (or where `alsoIn` finds
 * the word's pattern, e.g. in the rows of a child table): what every list's keyword search means. Nothing to find (a
 * blank search) is no condition.
 */
export function everyWordIn(
  q: string | undefined,
  columns: readonly Column[],
  alsoIn?: (pattern: string) => SQL,
): SQL | undefined {
  const words = (q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 5);
  if (words.length === 0) return undefined;
  return and(
    ...words.map((word) => {
      const pattern = containsPattern(word);
      return or(...columns.map((column) => ilike(column, pattern)), alsoIn?.(pattern));
    }),
  );
}
