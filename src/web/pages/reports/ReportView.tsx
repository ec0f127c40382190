import { Descriptions, type DescriptionsProps, Progress, Typography } from "antd";
import type { Report } from "../../../shared/api";
import { EvidenceFiles } from "./EvidenceFiles";
import { timeText } from "./labels";

/** A report as it was sent: what was done, how far, the links and the evidence, who sent and who reviewed it. */
export function ReportView({ report }: { report: Report }) {
  const items: DescriptionsProps["items"] = [
    {
      key: "text",
      label: "工作进展",
      children: report.text.trim() ? (
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{report.text}</Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">未填写</Typography.Text>
      ),
    },
    {
      key: "completion",
      label: "完成进度",
      children:
        report.completion === null ? (
          <Typography.Text type="secondary">未填写</Typography.Text>
        ) : (
          <Progress percent={report.completion} size="small" style={{ maxWidth: 320, margin: 0 }} />
        ),
    },
    ...(report.links.length > 0
      ? [
          {
            key: "links",
            label: "相关链接",
            children: (
              <Typography.Paragraph style={{ margin: 0 }}>
                {report.links.map((link) => (
                  <div key={link}>
                    <Typography.Link href={link} target="_blank" rel="noopener noreferrer">
                      {link}
                    </Typography.Link>
                  </div>
                ))}
              </Typography.Paragraph>
            ),
          },
        ]
      : []),
    { key: "files", label: "佐证材料", children: <EvidenceFiles files={report.files} /> },
    ...(report.submittedAt
      ? [
          {
            key: "submitted",
            label: "报送",
            children: `${report.submittedByName ?? ""} ${timeText(report.submittedAt)}`,
          },
        ]
      : []),
    ...(report.reviewedAt
      ? [
          {
            key: "reviewed",
            label: "审核",
            children: `${report.reviewedByName ?? ""} ${timeText(report.reviewedAt)}${
              report.reviewComment ? `：${report.reviewComment}` : ""
            }`,
          },
        ]
      : []),
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={items}
      styles={{ label: { width: 110 } }}
      data-testid="report-view"
    />
  );
}
