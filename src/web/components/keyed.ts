/**
 * Stable React keys for a list of values that carry no id (a task's deadlines, a parser's warnings): the value's own
 * key, with a counter where the same key repeats, so that equal entries never share a key.
 */
export function keyed<T>(items: readonly T[], keyOf: (item: T) => string): [string, T][] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = keyOf(item);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return [count === 0 ? base : `${base}#${count}`, item];
  });
}
