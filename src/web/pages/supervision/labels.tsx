import { Tag } from "antd";
import {
  SUPERVISION_ORDER_LEVEL_LABELS,
  SUPERVISION_ORDER_LEVELS,
  SUPERVISION_ORDER_STATUS_LABELS,
  SUPERVISION_ORDER_STATUSES,
  type SupervisionOrderLevel,
  type SupervisionOrderStatus,
} from "../../../shared/domain";

const LEVEL_COLORS: Record<SupervisionOrderLevel, string> = { blue: "blue", yellow: "gold", red: "red" };
const STATUS_COLORS: Record<SupervisionOrderStatus, string> = {
  draft: "processing",
  issued: "success",
  cancelled: "default",
};

export const LEVEL_OPTIONS = SUPERVISION_ORDER_LEVELS.map((value) => ({
  value,
  label: SUPERVISION_ORDER_LEVEL_LABELS[value],
}));
export const STATUS_OPTIONS = SUPERVISION_ORDER_STATUSES.map((value) => ({
  value,
  label: SUPERVISION_ORDER_STATUS_LABELS[value],
}));

export function LevelTag({ level }: { level: SupervisionOrderLevel }) {
  return (
    <Tag color={LEVEL_COLORS[level]} data-level={level}>
      {SUPERVISION_ORDER_LEVEL_LABELS[level]}
    </Tag>
  );
}

export function OrderStatusTag({ status }: { status: SupervisionOrderStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{SUPERVISION_ORDER_STATUS_LABELS[status]}</Tag>;
}
