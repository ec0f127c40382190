/**
 * A LIKE pattern that finds `text` anywhere, `text` taken literally: `%`, `_` and `\` typed into a search box are
 * characters to find, not wildcards (PostgreSQL's LIKE escapes with `\` unless told otherwise).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
