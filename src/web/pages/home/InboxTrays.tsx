import { Alert, Badge, Button, Card, Col, Empty, Flex, Row, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import type { Inbox } from "../../../shared/api";
import { periodLink } from "../../../shared/links";
import { api } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { chineseDate } from "../../components/deadlines";
import { SignalTag } from "../../components/SignalTag";
import { RefreshButton } from "../../components/ToolbarButtons";
import { useRemote } from "../../components/useRemote";
import { useAcknowledge } from "../assignments/useAcknowledge";
import { ExtensionDecisionButtons } from "../extensions/ExtensionDecisionButtons";
import { timeText } from "../reports/labels";

type TrayName = keyof Inbox["counts"];

const EMPTY_INBOX: Inbox = {
  toAcknowledge: [],
  toReport: [],
  returned: [],
  toReview: [],
  extensionRequests: [],
  counts: { toAcknowledge: 0, toReport: 0, returned: 0, toReview: 0, extensionRequests: 0 },
};

const loadInbox = () => api.inbox();

type TrayProps = { name: TrayName; title: string; count: number; shown: number; empty: string; children: ReactNode };

/** A tray in the row of trays (its own column). */
function Tray({ name, title, count, shown, empty, children }: TrayProps) {
  return (
    <Col xs={24} md={12} xl={8}>
      <Card
        size="small"
        data-testid={`tray-${name}`}
        title={
          <Flex gap={8} align="center">
            {title}
            <Badge count={count} showZero color={count > 0 ? "#ff4d4f" : "#d9d9d9"} overflowCount={999} />
          </Flex>
        }
        style={{ height: "100%" }}
        styles={{ body: { maxHeight: 360, overflowY: "auto" } }}
      >
        {count === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        ) : (
          <Flex vertical gap={10}>
            {children}
            {count > shown && (
              <Typography.Text type="secondary">
                仅列出前 {shown} 项，共 {count} 项
              </Typography.Text>
            )}
          </Flex>
        )}
      </Card>
    </Col>
  );
}

/** One item of a tray: what it is (a link to where it is dealt with), and a line or two about it. */
function TrayItem({
  to,
  title,
  extra,
  children,
}: {
  to: string;
  title: string;
  extra?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Flex vertical gap={2} style={{ borderBottom: "1px solid #f5f5f5", paddingBottom: 8 }} data-testid="tray-item">
      <Flex justify="space-between" gap={8} align="start">
        <Link to={to} style={{ minWidth: 0 }}>
          <Typography.Text ellipsis style={{ color: "inherit", maxWidth: "100%" }}>
            {title}
          </Typography.Text>
        </Link>
        {extra}
      </Flex>
      {children}
    </Flex>
  );
}

/** The plan an item belongs to: "任务 6" alone is ambiguous across two plans. */
function PlanLine({ title }: { title: string }) {
  return (
    <Typography.Text type="secondary" ellipsis={{ tooltip: title }} data-testid="tray-plan">
      {title}
    </Typography.Text>
  );
}

/** 工作台的待办: what waits for the user, each item opening the assignment or report it is about. */
export function InboxTrays() {
  const { me, can } = useAuth();
  const { data: inbox, error, reload } = useRemote<Inbox>(loadInbox, EMPTY_INBOX);
  const { acknowledging, acknowledge } = useAcknowledge({ onAcknowledged: () => void reload(), onStale: reload });
  const office = can("plans.manage");
  const unit = Boolean(me?.unit);
  const { counts } = inbox;

  const unitTrays: ReactNode[] = [];
  const reviewTrays: ReactNode[] = [];
  if (unit) {
    unitTrays.push(
      <Tray
        key="toAcknowledge"
        name="toAcknowledge"
        title="待签收"
        count={counts.toAcknowledge}
        shown={inbox.toAcknowledge.length}
        empty="没有待签收的任务"
      >
        {inbox.toAcknowledge.map((a) => (
          <TrayItem
            key={a.id}
            to={periodLink(a.id)}
            title={`任务 ${a.taskNumber}：${a.taskExcerpt}`}
            extra={
              // a 经办人 sees what waits for the unit's signature; the manager signs
              can("assignments.acknowledge") && (
                <Button size="small" loading={acknowledging === a.id} onClick={() => void acknowledge(a)}>
                  签收
                </Button>
              )
            }
          >
            <PlanLine title={a.planTitle} />
          </TrayItem>
        ))}
      </Tray>,
      <Tray
        key="toReport"
        name="toReport"
        title="待报送"
        count={counts.toReport}
        shown={inbox.toReport.length}
        empty="近期没有需要报送的进展"
      >
        {inbox.toReport.map(({ assignment, dueDate }) => (
          <TrayItem
            key={`${assignment.id}:${dueDate.id}`}
            to={periodLink(assignment.id, dueDate.label)}
            title={`任务 ${assignment.taskNumber}：${assignment.taskExcerpt}`}
            extra={<SignalTag signal={dueDate.signal} />}
          >
            <PlanLine title={assignment.planTitle} />
            <Typography.Text type="secondary">
              {dueDate.label} · 截止 {chineseDate(dueDate.dueOn)}
              {dueDate.state === "returned" && "（已退回）"}
            </Typography.Text>
          </TrayItem>
        ))}
      </Tray>,
      <Tray
        key="returned"
        name="returned"
        title="被退回"
        count={counts.returned}
        shown={inbox.returned.length}
        empty="没有被退回的报告"
      >
        {inbox.returned.map((r) => (
          <TrayItem key={r.id} to={periodLink(r.assignmentId, r.period)} title={`任务 ${r.taskNumber} · ${r.period}`}>
            <PlanLine title={r.planTitle} />
            <Typography.Text type="danger" ellipsis={{ tooltip: r.reviewComment }}>
              退回原因：{r.reviewComment}
            </Typography.Text>
          </TrayItem>
        ))}
      </Tray>,
    );
  }
  if (office || counts.toReview > 0) {
    reviewTrays.push(
      <Tray
        key="toReview"
        name="toReview"
        title="待我审核"
        count={counts.toReview}
        shown={inbox.toReview.length}
        empty="没有待审核的报告"
      >
        {inbox.toReview.map((r) => (
          <TrayItem
            key={r.id}
            to={periodLink(r.assignmentId, r.period)}
            title={`${r.unitName} · 任务 ${r.taskNumber} · ${r.period}`}
          >
            <PlanLine title={r.planTitle} />
            <Typography.Text type="secondary">
              第 {r.revision} 次报送{r.submittedAt && ` · ${timeText(r.submittedAt)}`}
            </Typography.Text>
          </TrayItem>
        ))}
      </Tray>,
    );
  }
  if (office) {
    reviewTrays.push(
      <Tray
        key="extensionRequests"
        name="extensionRequests"
        title="延期申请待审批"
        count={counts.extensionRequests}
        shown={inbox.extensionRequests.length}
        empty="没有待审批的延期申请"
      >
        {inbox.extensionRequests.map((e) => (
          <TrayItem
            key={e.id}
            to={periodLink(e.assignmentId, e.period)}
            title={`${e.unitName} · 任务 ${e.taskNumber} · ${e.period}`}
            extra={<ExtensionDecisionButtons request={e} onDecided={() => void reload()} />}
          >
            <PlanLine title={e.planTitle} />
            <Typography.Text>
              {chineseDate(e.currentDueOn)} → {chineseDate(e.requestedDueOn)}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis={{ tooltip: e.reason }}>
              理由：{e.reason}
            </Typography.Text>
          </TrayItem>
        ))}
      </Tray>,
    );
  }
  // the office's own work is reviewing; a unit's is its reporting (a lead unit reviews as well)
  const trays = office ? [...reviewTrays, ...unitTrays] : [...unitTrays, ...reviewTrays];
  if (trays.length === 0) return null;

  return (
    <Card
      title="待办事项"
      extra={<RefreshButton onClick={() => void reload()} />}
      styles={{ body: { background: "#f5f5f5" } }}
      data-testid="inbox"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>{trays}</Row>
    </Card>
  );
}
