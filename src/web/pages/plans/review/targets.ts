import type { Task } from "../../../../shared/api";

export type Target = Task["targets"][number];
export type TargetOp = Target["op"];

export const OP_SYMBOLS: Record<TargetOp, string> = { ">=": "≥", "<=": "≤", "=": "=" };
export const OP_OPTIONS = (Object.entries(OP_SYMBOLS) as [TargetOp, string][]).map(([value, label]) => ({
  value,
  label,
}));

/** 行政复议纠错率 ≤ 15% */
export function targetText(target: Pick<Target, "metric" | "op" | "value" | "unit">): string {
  return `${target.metric} ${OP_SYMBOLS[target.op]} ${target.value}${target.unit}`;
}
