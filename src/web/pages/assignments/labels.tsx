import { Flex, Tag, Typography } from "antd";
import { chinaDay } from "../../../core/calendar";
import type { Assignment } from "../../../shared/api";
import { ASSIGNMENT_STATUS_LABELS, type AssignmentStatus } from "../../../shared/domain";

const STATUS_COLORS: Record<AssignmentStatus, string> = {
  new: "processing",
  acknowledged: "success",
  completed: "green",
  cancelled: "default",
};

export function AssignmentStatusTag({ status }: { status: AssignmentStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {ASSIGNMENT_STATUS_LABELS[status]}
    </Tag>
  );
}

export const ASSIGNMENT_STATUS_OPTIONS = Object.entries(ASSIGNMENT_STATUS_LABELS).map(([value, label]) => ({
  value,
  label,
}));

type Due = Assignment["dueDates"][number];

/** Today as the offices count it (China time), whatever the browser's time zone. */
export const today = () => chinaDay(new Date());

/** The assignment's due dates in order: those passed before today, and the next one from today on. */
export function dueState(dueDates: readonly Due[], on: string): { passed: Due[]; next: Due | null } {
  const sorted = [...dueDates].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return { passed: sorted.filter((d) => d.dueOn < on), next: sorted.find((d) => d.dueOn >= on) ?? null };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/**
 * 下次截止: the next due date with the days left when it is near; when a date has passed on an open assignment, the
 * earliest passed one in red (已逾期) above it.
 */
export function NextDue({ assignment }: { assignment: Pick<Assignment, "dueDates" | "overdue" | "status"> }) {
  if (assignment.dueDates.length === 0) return <Typography.Text type="secondary">无固定日期</Typography.Text>;
  const on = today();
  const { passed, next } = dueState(assignment.dueDates, on);
  const open = assignment.status !== "cancelled";
  const late = open && assignment.overdue ? passed[0] : undefined;
  const days = next ? daysBetween(on, next.dueOn) : null;
  return (
    <Flex vertical gap={2}>
      {late && (
        <Typography.Text type="danger" strong>
          已逾期：{late.dueOn}（{late.label}）
        </Typography.Text>
      )}
      {next ? (
        <span>
          {late && <Typography.Text type="secondary">下次：</Typography.Text>}
          <Typography.Text>{next.dueOn}</Typography.Text>
          {open && days !== null && days <= 30 && (
            <Typography.Text type={days <= 7 ? "warning" : "secondary"} style={{ marginInlineStart: 6, fontSize: 12 }}>
              {days === 0 ? "今天到期" : `还剩 ${days} 天`}
            </Typography.Text>
          )}
        </span>
      ) : (
        !late && <Typography.Text type="secondary">{passed.at(-1)?.dueOn}（已过）</Typography.Text>
      )}
    </Flex>
  );
}
