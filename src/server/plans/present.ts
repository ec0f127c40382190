import { isUnresolved } from "../../core/plans/task-units.js";
import { rulesOf } from "../../core/supervision/rules.js";
import type { Plan, PlanDetail, Task, UnresolvedPhrase } from "../../shared/api.js";
import type { PlanRow, TaskRow, TaskUnitRow, UnitRow } from "../db/schema.js";
import type { UnitResolver } from "../units/resolve.js";
import type { PlanCounts, PlanParts } from "./queries.js";

export function presentPlan(plan: PlanRow, counts: PlanCounts): Plan {
  return {
    id: plan.id,
    title: plan.title,
    docNumber: plan.docNumber,
    issuer: plan.issuer,
    date: plan.date,
    year: plan.year,
    endYear: plan.endYear,
    status: plan.status,
    parentId: plan.parentId,
    cadence: plan.cadence,
    supervisionRules: rulesOf(plan.supervisionRules),
    supervisionRulesCustom: plan.supervisionRules !== null,
    file: counts.file,
    taskCount: counts.taskCount,
    unresolvedCount: counts.unresolvedCount,
    assignmentCount: counts.assignmentCount,
    publishedAt: plan.publishedAt?.toISOString() ?? null,
    assignedOn: plan.assignedOn,
    pastPeriods: plan.pastPeriods,
    catchUpDays: plan.catchUpDays,
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

function presentTask(task: TaskRow, units: TaskUnitRow[], unitNames: Map<number, string>): Task {
  return {
    id: task.id,
    sectionId: task.sectionId,
    parentId: task.parentId,
    number: task.number,
    path: task.path,
    title: task.title,
    text: task.text,
    sortOrder: task.sortOrder,
    source:
      task.sourceStart != null && task.sourceEnd != null ? { start: task.sourceStart, end: task.sourceEnd } : null,
    units: units.map((u) => ({
      unitId: u.unitId,
      unitName: u.unitId === null ? null : (unitNames.get(u.unitId) ?? null),
      role: u.role,
      phrase: u.phrase,
      dismissedReason: u.dismissedReason,
    })),
    deadlines: task.deadlines,
    targets: task.targets,
    confidence: task.confidence,
    doubts: task.doubts,
    editedFields: task.editedFields,
    version: task.version,
  };
}

/** How the plan's file was read, without the plan's own bookkeeping (the keys of the tasks removed by hand). */
function presentLayout(layout: PlanRow["layout"]): PlanDetail["layout"] {
  if (!layout) return null;
  const { removed: _, ...shown } = layout;
  return shown;
}

/** The phrases still waiting for a unit, each with the tasks that name it and the likeliest units. */
function unresolvedOf(rows: TaskUnitRow[], resolver: UnitResolver): UnresolvedPhrase[] {
  const byPhrase = new Map<string, Set<number>>();
  for (const row of rows.filter(isUnresolved)) {
    const taskIds = byPhrase.get(row.phrase) ?? new Set<number>();
    taskIds.add(row.taskId);
    byPhrase.set(row.phrase, taskIds);
  }
  return [...byPhrase].map(([phrase, taskIds]) => ({
    phrase,
    taskIds: [...taskIds],
    suggestions: resolver.resolve(phrase).suggestions,
    groupSuggestions: resolver.suggestGroups(phrase),
  }));
}

export function presentPlanDetail(parts: PlanParts, registry: UnitRow[], resolver: UnitResolver): PlanDetail {
  const unitNames = new Map(registry.map((u) => [u.id, u.name]));
  const unitsByTask = new Map<number, TaskUnitRow[]>();
  for (const row of parts.taskUnits) {
    const list = unitsByTask.get(row.taskId) ?? [];
    list.push(row);
    unitsByTask.set(row.taskId, list);
  }
  return {
    ...presentPlan(parts.plan, parts.counts),
    duplicates: parts.duplicates,
    sourceText: parts.plan.sourceText,
    warnings: parts.plan.warnings,
    layout: presentLayout(parts.plan.layout),
    sections: parts.sections.map((s) => ({ id: s.id, number: s.number, title: s.title, parentId: s.parentId })),
    tasks: parts.tasks.map((task) => presentTask(task, unitsByTask.get(task.id) ?? [], unitNames)),
    unresolved: unresolvedOf(parts.taskUnits, resolver),
  };
}
