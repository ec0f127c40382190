import { WarningOutlined } from "@ant-design/icons";
import { Flex, Tag, Tooltip, Typography } from "antd";
import type { DeadlineInput } from "../../shared/api";
import {
  DEADLINE_KIND_COLORS,
  DEADLINE_KIND_LABELS,
  deadlineLabel,
  deadlineNeedsReview,
  deadlineRuleText,
} from "./deadlines";
import { keyed } from "./keyed";

type Props = { deadlines: readonly DeadlineInput[]; empty?: string };

/** A task's 完成时限 as tags: the words of the document, the rule they were read as on hover. */
export function DeadlineTags({ deadlines, empty = "未写明，按报送周期报送" }: Props) {
  if (deadlines.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {keyed(deadlines, (d) => `${d.kind}:${d.text}`).map(([key, deadline]) => {
        const review = deadlineNeedsReview(deadline);
        return (
          <Tooltip key={key} title={`${DEADLINE_KIND_LABELS[deadline.kind]}：${deadlineRuleText(deadline)}`}>
            <Tag
              color={review ? "warning" : DEADLINE_KIND_COLORS[deadline.kind]}
              icon={review ? <WarningOutlined /> : undefined}
              style={{ marginInlineEnd: 0 }}
            >
              {deadlineLabel(deadline)}
            </Tag>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
