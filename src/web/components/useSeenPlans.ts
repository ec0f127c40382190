import { useEffect, useState } from "react";

/**
 * The plans a list's rows have shown so far, for its 方案 filter: a unit's people do not read the plan list, and a
 * plan once seen stays offered while the filter narrows the rows.
 */
export function useSeenPlans<T>(items: readonly T[], planOf: (item: T) => { id: number; title: string }) {
  const [plans, setPlans] = useState(new Map<number, string>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: planOf is a reading of the row, the same every render
  useEffect(() => {
    setPlans((known) => {
      const unknown = items.map(planOf).filter((plan) => !known.has(plan.id));
      return unknown.length ? new Map([...known, ...unknown.map((plan) => [plan.id, plan.title] as const)]) : known;
    });
  }, [items]);
  return [...plans].map(([value, label]) => ({ value, label }));
}
