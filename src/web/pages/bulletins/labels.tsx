import { Tag } from "antd";
import { BULLETIN_STATUS_LABELS, BULLETIN_STATUSES, type BulletinStatus } from "../../../shared/domain";

const STATUS_COLORS: Record<BulletinStatus, string> = { draft: "processing", published: "success" };

export const BULLETIN_STATUS_OPTIONS = BULLETIN_STATUSES.map((value) => ({
  value,
  label: BULLETIN_STATUS_LABELS[value],
}));

export function BulletinStatusTag({ status }: { status: BulletinStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{BULLETIN_STATUS_LABELS[status]}</Tag>;
}
