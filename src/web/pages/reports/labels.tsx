import { Tag } from "antd";
import dayjs from "dayjs";
import {
  EXTENSION_STATUS_LABELS,
  type ExtensionStatus,
  OCCURRENCE_STATE_LABELS,
  type OccurrenceState,
  REPORT_STATUS_LABELS,
  type ReportStatus,
} from "../../../shared/domain";

const REPORT_STATUS_COLORS: Record<ReportStatus, string> = {
  draft: "default",
  submitted: "processing",
  accepted: "success",
  returned: "error",
  withdrawn: "default",
};

const OCCURRENCE_STATE_COLORS: Record<OccurrenceState, string> = {
  open: "default",
  submitted: "processing",
  returned: "error",
  closed: "success",
};

const EXTENSION_STATUS_COLORS: Record<ExtensionStatus, string> = {
  pending: "processing",
  approved: "success",
  rejected: "error",
};

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  return (
    <Tag color={REPORT_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {REPORT_STATUS_LABELS[status]}
    </Tag>
  );
}

export function OccurrenceStateTag({ state }: { state: OccurrenceState }) {
  return (
    <Tag color={OCCURRENCE_STATE_COLORS[state]} style={{ marginInlineEnd: 0 }}>
      {OCCURRENCE_STATE_LABELS[state]}
    </Tag>
  );
}

export function ExtensionStatusTag({ status }: { status: ExtensionStatus }) {
  return (
    <Tag color={EXTENSION_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {EXTENSION_STATUS_LABELS[status]}
    </Tag>
  );
}

/** A moment as the offices write it: 2025-03-31 14:05. */
export const timeText = (at: string) => dayjs(at).format("YYYY-MM-DD HH:mm");
