import { AlertOutlined, CheckOutlined, FieldTimeOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Popconfirm,
  Result,
  Row,
  Typography,
} from "antd";
import { useCallback, useMemo, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import type { Assignment, ExtensionRequest, Report } from "../../../shared/api";
import { TASK_UNIT_ROLE_LABELS } from "../../../shared/domain";
import { orderLink } from "../../../shared/links";
import { api, errorMessage } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { DeadlineTags } from "../../components/DeadlineTags";
import { chineseDate } from "../../components/deadlines";
import { PageLoading } from "../../components/PageLoading";
import { NotFound } from "../../components/ResultPages";
import { SignalTag } from "../../components/SignalTag";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useRemote } from "../../components/useRemote";
import { ExtensionRequestList } from "../extensions/ExtensionRequestList";
import { ExtensionRequestModal } from "../extensions/ExtensionRequestModal";
import { timeText } from "../reports/labels";
import { ReportPanel } from "../reports/ReportPanel";
import { AssignmentStatusTag, NextDue } from "./labels";
import { PeriodTable } from "./PeriodTable";
import { defaultPeriod, periodsOf, reportsOf } from "./periods";
import { TaskUnitsCard } from "./TaskUnitsCard";
import { useAcknowledge } from "./useAcknowledge";

type Loaded = { assignment: Assignment; reports: Report[] };

/** The report first in the list, or in place of its older copy: the list stays newest first. */
function upsert(reports: readonly Report[], report: Report): Report[] {
  return reports.some((r) => r.id === report.id)
    ? reports.map((r) => (r.id === report.id ? report : r))
    : [report, ...reports];
}

function AssignmentDetail({ assignmentId }: { assignmentId: number }) {
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [requesting, setRequesting] = useState(false);
  const overview = can("assignments.read_all");

  const load = useCallback(async (): Promise<Loaded> => {
    const [assignment, { items }] = await Promise.all([
      api.assignments.get(assignmentId),
      api.assignments.reports(assignmentId),
    ]);
    return { assignment, reports: items };
  }, [assignmentId]);
  const { data, loading, error, reload, setData } = useRemote<Loaded | null>(load, null);

  const loadExtensions = useCallback(
    async () => (await api.extensionRequests.list({ assignmentId })).items,
    [assignmentId],
  );
  const extensions = useRemote<ExtensionRequest[]>(loadExtensions, []);

  const { acknowledging, acknowledge } = useAcknowledge({
    onAcknowledged: (assignment) => setData((d) => d && { ...d, assignment }),
    onStale: reload,
  });

  const assignment = data?.assignment;
  useDocumentTitle(assignment ? `任务 ${assignment.taskNumber}：${assignment.unitName}` : "任务详情");
  const periods = useMemo(() => (data ? periodsOf(data.assignment, data.reports) : []), [data]);

  if (!data || !assignment || !me) {
    if (loading) return <PageLoading />;
    return (
      <Result
        status="warning"
        title="无法打开该任务"
        subTitle={error ?? "任务不存在或您无权查看"}
        extra={
          <Button type="primary" onClick={() => navigate("/assignments")}>
            返回任务列表
          </Button>
        }
      />
    );
  }

  const own = me.unit?.id === assignment.unitId;
  const workable = assignment.status !== "completed" && assignment.status !== "cancelled";
  const asked = params.get("period") ?? undefined;
  const selected = periods.find((p) => p.key === asked) ?? periods.find((p) => p.key === defaultPeriod(periods, !own));
  const movable = assignment.dueDates.some((d) => d.state === "open" || d.state === "returned");
  const listTitle = overview ? "交办情况" : "我的任务";

  const select = (key: string) => setParams({ period: key }, { replace: true });
  const draftOrder = async (period: string) => {
    try {
      const order = await api.supervisionOrders.create({ assignmentId: assignment.id, period });
      message.success(order.itemCount > 1 ? `已并入督办单草稿（共 ${order.itemCount} 项）` : "已起草督办单");
      navigate(orderLink(order.id));
    } catch (failure) {
      message.error(errorMessage(failure));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small" data-testid="assignment-header">
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[{ title: <Link to="/assignments">{listTitle}</Link> }, { title: "任务详情" }]}
        />
        <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 12 }}>
          <Flex align="center" gap={8} wrap style={{ flex: "1 1 360px", minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              任务 {assignment.taskNumber}：{assignment.unitName}
            </Typography.Title>
            <AssignmentStatusTag status={assignment.status} />
            {assignment.status !== "cancelled" && <SignalTag signal={assignment.signal} />}
          </Flex>
          <Flex gap={8} wrap justify="end">
            {can("supervision.manage") && workable && selected?.dueOn && selected.state !== "closed" && (
              <Popconfirm
                title="发起督办"
                description={`将「${selected.label}」列入${assignment.unitName}的蓝牌督办单草稿（已有草稿的并入该草稿，签发前可修改）？`}
                okText="起草"
                onConfirm={() => void draftOrder(selected.key)}
              >
                <Button icon={<AlertOutlined />}>督办</Button>
              </Popconfirm>
            )}
            {own && workable && movable && can("extensions.request") && (
              <Button icon={<FieldTimeOutlined />} onClick={() => setRequesting(true)}>
                申请延期
              </Button>
            )}
            {own && assignment.status === "new" && can("assignments.acknowledge") && (
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={acknowledging === assignment.id}
                onClick={() => void acknowledge(assignment)}
              >
                签收
              </Button>
            )}
          </Flex>
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: "plan", label: "方案", span: 2, children: assignment.planTitle },
            { key: "role", label: "角色", children: TASK_UNIT_ROLE_LABELS[assignment.role] },
            { key: "next", label: "下次截止", children: <NextDue assignment={assignment} /> },
            { key: "assigned", label: "交办日期", children: chineseDate(assignment.assignedOn) },
            {
              key: "ack",
              label: "签收",
              children: assignment.acknowledgedAt
                ? `${assignment.acknowledgedByName ?? ""} ${timeText(assignment.acknowledgedAt)}`
                : "未签收",
            },
            ...(assignment.completedAt
              ? [{ key: "completed", label: "办结", children: timeText(assignment.completedAt) }]
              : []),
            ...(assignment.cancelledAt
              ? [
                  {
                    key: "cancel",
                    label: "取消",
                    span: 2,
                    children: `${timeText(assignment.cancelledAt)}，原因：${assignment.cancelledReason ?? "未说明"}`,
                  },
                ]
              : []),
            {
              key: "deadlines",
              label: "完成时限",
              span: 2,
              children: <DeadlineTags deadlines={assignment.deadlines} />,
            },
          ]}
        />
        <Typography.Paragraph
          style={{ whiteSpace: "pre-wrap", margin: "8px 0 0" }}
          ellipsis={{ rows: 3, expandable: "collapsible", symbol: (open) => (open ? "收起" : "展开全文") }}
        >
          {assignment.taskText}
        </Typography.Paragraph>
      </Card>
      {assignment.status === "cancelled" && (
        <Alert type="warning" showIcon title="该任务已取消，无需再报送进展" description={assignment.cancelledReason} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <Card size="small" title={`报送期次（${periods.length}）`}>
              <PeriodTable periods={periods} selected={selected?.key} onSelect={select} />
              {assignment.notApplicable.length > 0 && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginTop: 12 }}
                  title={`交办前已到期的 ${assignment.notApplicable.length} 个期次不适用，无需报送`}
                  description={assignment.notApplicable
                    .map((p) => `${p.label}（${chineseDate(p.dueOn)}到期）`)
                    .join("、")}
                />
              )}
            </Card>
            {/* read again when 签收 or a report on this page changes the unit's own row */}
            <TaskUnitsCard
              key={`${assignment.version}:${data.reports.map((r) => `${r.id}.${r.status}`).join(",")}`}
              assignmentId={assignment.id}
            />
            {extensions.data.length > 0 && (
              <Card size="small" title="延期申请">
                <ExtensionRequestList
                  requests={extensions.data}
                  decides={can("plans.manage")}
                  onDecided={() => void Promise.all([extensions.reload(), reload()])}
                />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={15}>
          {selected && (
            <Card
              size="small"
              title={`${selected.label} 进展报告`}
              extra={selected.dueOn && <Typography.Text type="secondary">截止 {selected.dueOn}</Typography.Text>}
            >
              <ReportPanel
                key={selected.key}
                assignment={assignment}
                period={selected}
                reports={reportsOf(selected, data.reports)}
                onReport={(report) => setData((d) => d && { ...d, reports: upsert(d.reports, report) })}
                onChanged={() => void reload()}
              />
            </Card>
          )}
        </Col>
      </Row>
      {requesting && (
        <ExtensionRequestModal
          assignment={assignment}
          period={selected?.key}
          onClose={() => setRequesting(false)}
          onRequested={(request) => {
            setRequesting(false);
            message.success(`已提交“${request.period}”的延期申请，等待司法局审批`);
            void extensions.reload();
          }}
        />
      )}
    </Flex>
  );
}

/** /assignments/:id — one assignment: its task, periods with their lights, and each period's report. */
export default function AssignmentPage() {
  const { id } = useParams();
  const assignmentId = Number(id);
  if (!Number.isInteger(assignmentId) || assignmentId < 1) return <NotFound />;
  return <AssignmentDetail key={assignmentId} assignmentId={assignmentId} />;
}
