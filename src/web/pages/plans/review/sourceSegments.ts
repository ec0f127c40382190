import type { PlanDetail } from "../../../../shared/api";

type Warning = PlanDetail["warnings"][number];
type Span = { taskId: number; start: number; end: number };

/** A run of the source text that belongs to one task (the innermost one, where a sub-item sits inside its item). */
export type SourceSegment = { start: number; end: number; taskId: number | null; warnings: Warning[] };

/** Cuts the source text at every task boundary and warning, so that each run can be highlighted on its own. */
export function sourceSegments(text: string, spans: readonly Span[], warnings: readonly Warning[]): SourceSegment[] {
  const length = text.length;
  if (length === 0) return [];
  const valid = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.end > s.start);
  const marked = warnings
    .filter((w): w is Warning & { start: number } => typeof w.start === "number")
    .map((w) => ({ ...w, start: Math.min(Math.max(0, w.start), length - 1) }));

  const cuts = new Set<number>([0, length]);
  for (const span of valid) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  for (const warning of marked) cuts.add(warning.start);
  const points = [...cuts].sort((a, b) => a - b);

  const segments: SourceSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    let owner: Span | null = null;
    for (const span of valid) {
      if (span.start > start || span.end < end) continue;
      if (!owner || span.end - span.start < owner.end - owner.start) owner = span;
    }
    segments.push({
      start,
      end,
      taskId: owner?.taskId ?? null,
      warnings: marked.filter((w) => w.start === start),
    });
  }
  return segments;
}
