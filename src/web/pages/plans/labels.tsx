import { Tag } from "antd";
import {
  PLAN_STATUS_LABELS,
  type PlanStatus,
  REPORTING_CADENCE_LABELS,
  type ReportingCadence,
  TASK_UNIT_ROLE_LABELS,
  TASK_UNIT_ROLES,
  type TaskUnitRole,
} from "../../../shared/domain";

const STATUS_COLORS: Record<PlanStatus, string> = { draft: "gold", published: "success", archived: "default" };

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{PLAN_STATUS_LABELS[status]}</Tag>;
}

export const PLAN_STATUS_OPTIONS = Object.entries(PLAN_STATUS_LABELS).map(([value, label]) => ({ value, label }));

export const CADENCE_OPTIONS = (Object.entries(REPORTING_CADENCE_LABELS) as [ReportingCadence, string][]).map(
  ([value, label]) => ({ value, label }),
);

export const ROLE_OPTIONS = TASK_UNIT_ROLES.map((role) => ({ value: role, label: TASK_UNIT_ROLE_LABELS[role] }));

/** 牵头 / 责任 / 配合: the short form for tags and table cells. */
export const ROLE_SHORT_LABELS: Record<TaskUnitRole, string> = {
  lead: "牵头",
  responsible: "责任",
  cooperating: "配合",
};

export const ROLE_COLORS: Record<TaskUnitRole, string> = {
  lead: "volcano",
  responsible: "blue",
  cooperating: "default",
};

/** 2025 or 2025—2027 */
export function periodText(year: number, endYear: number): string {
  return endYear > year ? `${year}—${endYear}年` : `${year}年`;
}
