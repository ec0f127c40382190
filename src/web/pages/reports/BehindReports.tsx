import { Collapse, Flex, Typography } from "antd";
import { Link } from "react-router-dom";
import type { Report } from "../../../shared/api";
import { periodLink } from "../../../shared/links";
import { ReportStatusTag } from "./labels";
import { ReportView } from "./ReportView";

/** The cooperating units' reports on the same task and period, behind a lead unit's report. */
export function BehindReports({ reports }: { reports: readonly Report[] }) {
  if (reports.length === 0) return null;
  return (
    <Collapse
      size="small"
      data-testid="behind-reports"
      items={reports.map((report) => ({
        key: report.id,
        label: (
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{report.unitName}</Typography.Text>
            <Typography.Text type="secondary">配合单位</Typography.Text>
            <ReportStatusTag status={report.status} />
          </Flex>
        ),
        extra: (
          <Link to={periodLink(report.assignmentId, report.period)} onClick={(event) => event.stopPropagation()}>
            {report.can.review ? "去审核" : "查看"}
          </Link>
        ),
        children: <ReportView report={report} />,
      }))}
    />
  );
}
