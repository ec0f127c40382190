/** Appends items one by one: spreading a huge array into push() overflows the call stack on pathological input. */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
