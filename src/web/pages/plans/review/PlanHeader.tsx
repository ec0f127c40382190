import {
  BarChartOutlined,
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  FileExcelOutlined,
  InboxOutlined,
  SendOutlined,
} from "@ant-design/icons";
import { Breadcrumb, Button, Card, Descriptions, Flex, Popconfirm, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { Link, useNavigate } from "react-router-dom";
import type { PlanDetail } from "../../../../shared/api";
import { REPORTING_CADENCE_LABELS } from "../../../../shared/domain";
import { chineseDate } from "../../../components/deadlines";
import { fileSize } from "../../../components/fileSize";
import { PlanStatusTag, periodText } from "../labels";
import { publishSummary } from "./publishSummary";
import { rulesText } from "./SupervisionRulesFields";

type Props = {
  plan: PlanDetail;
  manage: boolean;
  /** the user follows every unit's work: a published plan links to its progress matrix */
  followsProgress: boolean;
  /** the change running on the plan, if any: the plan's own actions wait for it */
  busy: string | null;
  /** the file being fetched */
  fetching: "download" | "export" | null;
  onEdit: () => void;
  onDownload: () => void;
  onExport: () => void;
  onPublish: () => void;
  onArchive: () => void;
  onDelete: () => void;
};

/** Why 交办 cannot be pressed yet, or null when it can. */
function publishBlocker(plan: PlanDetail): string | null {
  if (plan.tasks.length === 0) return "方案中还没有任务，请先添加任务";
  if (plan.unresolved.length > 0) return `还有 ${plan.unresolved.length} 个单位表述未处理，全部处理后才能交办`;
  const bare = publishSummary(plan).withoutUnits;
  if (bare.length > 0) return `还有 ${bare.length} 项任务没有指定单位，请为每项任务至少指定一个单位`;
  return null;
}

/** The plan's particulars and what can be done with the plan as a whole. */
export function PlanHeader({
  plan,
  manage,
  followsProgress,
  busy,
  fetching,
  onEdit,
  onDownload,
  onExport,
  onPublish,
  onArchive,
  onDelete,
}: Props) {
  const navigate = useNavigate();
  const blocker = publishBlocker(plan);
  const editable = manage && plan.status !== "archived";

  return (
    <Card size="small" data-testid="plan-header">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/plans">方案管理</Link> },
          { title: plan.status === "draft" ? "方案审核" : "方案详情" },
        ]}
      />
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 12 }}>
        <Flex align="center" gap={8} wrap style={{ flex: "1 1 360px", minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {plan.title}
          </Typography.Title>
          <PlanStatusTag status={plan.status} />
        </Flex>
        <Flex gap={8} wrap justify="end">
          {followsProgress && plan.status !== "draft" && (
            <Button icon={<BarChartOutlined />} onClick={() => navigate(`/plans/${plan.id}/progress`)}>
              进展情况
            </Button>
          )}
          {editable && (
            <Button icon={<EditOutlined />} onClick={onEdit}>
              编辑方案信息
            </Button>
          )}
          {plan.file && (
            <Button icon={<DownloadOutlined />} loading={fetching === "download"} onClick={onDownload}>
              下载原文件
            </Button>
          )}
          <Button icon={<FileExcelOutlined />} loading={fetching === "export"} onClick={onExport}>
            导出任务分工表
          </Button>
          {manage && plan.status === "draft" && (
            <Tooltip title={blocker}>
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={blocker !== null || busy !== null}
                onClick={onPublish}
              >
                交办
              </Button>
            </Tooltip>
          )}
          {manage && plan.status === "draft" && (
            <Popconfirm
              title="删除该方案草稿？"
              description="删除后方案不再出现在列表中，原文件和删除记录保留在审计日志中。"
              okText="删除"
              okButtonProps={{ danger: true }}
              onConfirm={onDelete}
            >
              <Button
                danger
                icon={<DeleteOutlined />}
                loading={busy === "delete"}
                disabled={busy !== null && busy !== "delete"}
              >
                删除草稿
              </Button>
            </Popconfirm>
          )}
          {manage && plan.status === "published" && (
            <Popconfirm
              title="归档该方案？"
              description="归档后方案及其任务不能再修改，已交办的任务记录保留。"
              okText="归档"
              onConfirm={onArchive}
            >
              <Button
                icon={<InboxOutlined />}
                loading={busy === "archive"}
                disabled={busy !== null && busy !== "archive"}
              >
                归档
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, lg: 4 }}
        items={[
          { key: "docNumber", label: "文号", children: plan.docNumber ?? "—" },
          { key: "issuer", label: "发文机关", children: plan.issuer ?? "—" },
          { key: "date", label: "印发日期", children: plan.date ? chineseDate(plan.date) : "—" },
          { key: "period", label: "实施年度", children: periodText(plan.year, plan.endYear) },
          { key: "cadence", label: "报送周期", children: REPORTING_CADENCE_LABELS[plan.cadence] },
          {
            key: "rules",
            label: "督办规则",
            span: 2,
            children: `${rulesText(plan.supervisionRules)}${plan.supervisionRulesCustom ? "" : "（默认）"}`,
          },
          { key: "tasks", label: "任务", children: `${plan.taskCount} 项` },
          {
            key: "assignments",
            label: "交办",
            children: plan.publishedAt
              ? `${plan.assignmentCount} 条（${dayjs(plan.publishedAt).format("YYYY-MM-DD HH:mm")}）`
              : "未交办",
          },
          {
            key: "file",
            label: "原文件",
            children: plan.file ? (
              <Typography.Text ellipsis={{ tooltip: plan.file.filename }} style={{ maxWidth: 260 }}>
                {plan.file.filename}（{fileSize(plan.file.size)}）
              </Typography.Text>
            ) : (
              "手工新建"
            ),
          },
        ]}
      />
    </Card>
  );
}
