import type { PlanDetail, PlanSection, Task } from "../../../../shared/api";
import { sectionLabel } from "../../../../shared/domain";

/** Ancestors first, the section itself last. */
export function sectionChain(sectionId: number | null, byId: Map<number, PlanSection>): PlanSection[] {
  const chain: PlanSection[] = [];
  const seen = new Set<number>();
  let current = sectionId === null ? undefined : byId.get(sectionId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return chain;
}

/** 一、加强党的领导 at the top level, （一）… below it, as such documents number their parts. */
export function sectionHeading(section: PlanSection, depth: number): string {
  if (depth === 0 || section.number === "") return sectionLabel(section);
  if (depth === 1) return `（${section.number}）${section.title}`;
  return `${section.number}. ${section.title}`;
}

export type TaskListRow =
  | { kind: "section"; section: PlanSection; depth: number }
  | { kind: "task"; task: Task; next: Task | null };

/** The plan's tasks in order, with a heading wherever the section changes. */
export function taskListRows(plan: Pick<PlanDetail, "sections" | "tasks">): TaskListRow[] {
  const byId = new Map(plan.sections.map((section) => [section.id, section]));
  const tasks = [...plan.tasks].sort((a, b) => a.sortOrder - b.sortOrder);
  const rows: TaskListRow[] = [];
  let shown: PlanSection[] = [];
  tasks.forEach((task, index) => {
    const chain = sectionChain(task.sectionId, byId);
    chain.forEach((section, depth) => {
      if (shown[depth]?.id !== section.id) rows.push({ kind: "section", section, depth });
    });
    shown = chain;
    rows.push({ kind: "task", task, next: tasks[index + 1] ?? null });
  });
  return rows;
}

/** Options for choosing a task's section: indented by depth, in document order. */
export function sectionOptions(sections: readonly PlanSection[]) {
  const byId = new Map(sections.map((section) => [section.id, section]));
  return sections.map((section) => {
    const depth = sectionChain(section.id, byId).length - 1;
    return { value: section.id, label: `${"\u3000".repeat(depth)}${sectionHeading(section, depth)}` };
  });
}
