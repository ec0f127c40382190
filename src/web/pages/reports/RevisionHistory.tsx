import { Collapse, Flex, Typography } from "antd";
import type { Report } from "../../../shared/api";
import { ReportStatusTag, timeText } from "./labels";
import { ReportView } from "./ReportView";

/** 修订记录: every earlier revision of the period's report, with why it was returned, oldest first. */
export function RevisionHistory({ history, currentId }: { history: readonly Report[]; currentId: number }) {
  const earlier = history.filter((report) => report.id !== currentId);
  if (earlier.length === 0) return null;
  return (
    <Collapse
      size="small"
      data-testid="revision-history"
      items={earlier.map((report) => ({
        key: report.id,
        label: (
          <Flex gap={8} align="center" wrap>
            <Typography.Text>第 {report.revision} 次报送</Typography.Text>
            <ReportStatusTag status={report.status} />
            <Typography.Text type="secondary">
              {report.submittedAt ? timeText(report.submittedAt) : timeText(report.createdAt)}
            </Typography.Text>
            {report.status === "returned" && report.reviewComment && (
              <Typography.Text type="danger" ellipsis style={{ maxWidth: 360 }}>
                退回原因：{report.reviewComment}
              </Typography.Text>
            )}
          </Flex>
        ),
        children: <ReportView report={report} />,
      }))}
    />
  );
}
