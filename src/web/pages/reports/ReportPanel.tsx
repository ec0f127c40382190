import { CheckOutlined, EditOutlined, RollbackOutlined, UndoOutlined } from "@ant-design/icons";
import { Alert, App, Button, Divider, Empty, Flex, Popconfirm, Space, Typography } from "antd";
import { useCallback, useState } from "react";
import type { Assignment, Report, ReportDetail } from "../../../shared/api";
import { ApiError, api, errorMessage } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { useRemote } from "../../components/useRemote";
import type { Period } from "../assignments/periods";
import { BehindReports } from "./BehindReports";
import { CommentThread } from "./CommentThread";
import { clearDraft, draftKey, readDraft } from "./draftStore";
import { timeText } from "./labels";
import { ReportForm } from "./ReportForm";
import { ReportView } from "./ReportView";
import { ReviewModal } from "./ReviewModal";
import { RevisionHistory } from "./RevisionHistory";

const REVIEWER_LABELS: Record<Report["reviewer"], string> = { coordinator: "司法局", lead: "牵头单位" };

type Props = {
  assignment: Assignment;
  period: Period;
  /** the period's reports, newest first */
  reports: readonly Report[];
  /** A report as the server now has it (saved while typing): the page keeps its list in step. */
  onReport: (report: Report) => void;
  /** After a change of state (报送, 撤回, 审核) or a conflict: the page reads the assignment and its reports again. */
  onChanged: () => void;
};

/** The report of one period: the form while the unit writes it, else the report with what the user may do with it. */
export function ReportPanel({ assignment, period, reports, onReport, onChanged }: Props) {
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const [resubmitting, setResubmitting] = useState(false);
  // a new form (fresh state, fresh keys) after the draft turned out to have changed state elsewhere
  const [generation, setGeneration] = useState(0);
  const [reviewing, setReviewing] = useState<"accept" | "return" | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const own = me?.unit?.id === assignment.unitId;
  // a draft is the unit's working copy: others see the report last sent, and that a new one is being written
  const drafting = !own && reports[0]?.status === "draft" ? reports[0] : null;
  const current = own ? (reports[0] ?? null) : (reports.find((r) => r.status !== "draft") ?? null);
  const currentId = current?.id;
  const loadDetail = useCallback(() => (currentId ? api.reports.get(currentId) : Promise.resolve(null)), [currentId]);
  const { data: detail, setData: setDetail } = useRemote<ReportDetail | null>(loadDetail, null);

  if (!me) return null;
  const storageKey = draftKey(me.user.id, assignment.id, period.key);
  const workable = assignment.status !== "completed" && assignment.status !== "cancelled";
  // a resubmission begun in this browser but not yet saved to the server opens again by itself
  const resuming = current?.status === "returned" && readDraft(storageKey)?.basedOn === current.id;
  const writing =
    own &&
    can("reports.write") &&
    workable &&
    (current === null ||
      current.status === "withdrawn" ||
      (current.status === "draft" && current.can.edit) ||
      (current.status === "returned" && current.can.resubmit && (resubmitting || resuming)));
  const returned =
    current?.status === "returned"
      ? current
      : current?.status === "draft"
        ? reports.find((r) => r.id === current.previousId && r.status === "returned")
        : undefined;

  const changed = (next: ReportDetail) => {
    setDetail(next);
    onReport(next);
    onChanged();
  };

  /**
   * A state change. A 409 means someone else acted first (reviewed, withdrew): say so and show what now stands; any
   * other failure leaves the user where they were, to try again.
   */
  const act = async (name: string, run: () => Promise<ReportDetail>, done: string) => {
    setBusy(name);
    try {
      changed(await run());
      message.success(done);
      return "done";
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        message.warning(`${errorMessage(failure)}，已刷新为最新状态`);
        onChanged();
        return "overtaken";
      }
      message.error(errorMessage(failure));
      return "failed";
    } finally {
      setBusy(null);
    }
  };

  const review = async (comment: string) => {
    if (!current || !reviewing) return;
    const decision = reviewing;
    const outcome = await act(
      "review",
      () => api.reports.review(current.id, { decision, comment, version: current.version }),
      decision === "accept" ? `已通过${current.unitName}的“${current.period}”进展` : "已退回，单位修改后将重新报送",
    );
    // after a failure the dialog stays with the typed reason; once reviewed (by anyone) there is nothing left to do
    if (outcome !== "failed") setReviewing(null);
  };

  return (
    <Flex vertical gap={16} data-testid="report-panel">
      {returned && (
        <Alert
          type="error"
          showIcon
          data-testid="return-reason"
          title={`${REVIEWER_LABELS[returned.reviewer]}已退回本期进展${own ? "，请按退回原因修改后重新报送" : ""}`}
          description={
            <>
              <Typography.Paragraph strong style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                退回原因：{returned.reviewComment}
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                {returned.reviewedByName} {returned.reviewedAt && timeText(returned.reviewedAt)}
              </Typography.Text>
            </>
          }
          action={
            current?.status === "returned" &&
            current.can.resubmit &&
            !writing && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setResubmitting(true)}>
                修改后重新报送
              </Button>
            )
          }
        />
      )}
      {drafting && (
        <Alert
          type="info"
          showIcon
          title={`${drafting.unitName}正在填写本期进展，尚未报送`}
          description={`草稿保存于 ${timeText(drafting.updatedAt)}`}
        />
      )}
      {current?.status === "submitted" && (
        <Alert
          type="info"
          showIcon
          title={`已报送，等待${REVIEWER_LABELS[current.reviewer]}审核`}
          description={`${current.submittedByName ?? ""} ${current.submittedAt ? timeText(current.submittedAt) : ""}`}
        />
      )}
      {current?.reviewNote && !writing && (
        <Alert type="warning" showIcon data-testid="review-note" title={current.reviewNote} />
      )}
      {current?.status === "accepted" && (
        <Alert
          type="success"
          showIcon
          title="本期进展已审核通过"
          description={current.reviewComment ? `审核意见：${current.reviewComment}` : undefined}
        />
      )}
      {current?.status === "withdrawn" && writing && (
        <Alert type="info" showIcon title="上次报送的内容已撤回，已带入下方表单，修改后可重新报送" />
      )}

      {writing ? (
        <ReportForm
          key={`${period.key}:${generation}`}
          assignmentId={assignment.id}
          period={period.sendAs}
          storageKey={storageKey}
          draft={current?.status === "draft" ? current : null}
          basis={current && current.status !== "draft" ? current : null}
          onSaved={onReport}
          onSubmitted={(next) => {
            setResubmitting(false);
            changed(next);
            message.success(`已报送“${next.period}”进展，等待${REVIEWER_LABELS[next.reviewer]}审核`);
          }}
          onStale={() => {
            setGeneration((g) => g + 1);
            onChanged();
          }}
          onCancel={
            current?.status === "returned"
              ? () => {
                  clearDraft(storageKey);
                  setResubmitting(false);
                }
              : undefined
          }
        />
      ) : current ? (
        <ReportView report={current} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本期尚未报送进展" />
      )}

      {current && !writing && (current.can.withdraw || current.can.review) && (
        <Flex justify="end">
          <Space>
            {current.can.withdraw && current.status === "submitted" && (
              <Popconfirm
                title="撤回本期报送？"
                description="撤回后可修改再报送；撤回的报告留档。"
                okText="撤回"
                onConfirm={() =>
                  act("withdraw", () => api.reports.withdraw(current.id, current.version), "已撤回，可修改后重新报送")
                }
              >
                <Button icon={<UndoOutlined />} loading={busy === "withdraw"}>
                  撤回
                </Button>
              </Popconfirm>
            )}
            {current.can.review && (
              <>
                <Button danger icon={<RollbackOutlined />} onClick={() => setReviewing("return")}>
                  退回
                </Button>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => setReviewing("accept")}>
                  通过
                </Button>
              </>
            )}
          </Space>
        </Flex>
      )}

      {detail && detail.id === current?.id && (
        <>
          {detail.behind.length > 0 && (
            <>
              <Divider titlePlacement="start" style={{ margin: 0 }}>
                配合单位的进展（{detail.behind.length}）
              </Divider>
              <BehindReports reports={detail.behind} />
            </>
          )}
          {detail.history.length > 1 && (
            <>
              <Divider titlePlacement="start" style={{ margin: 0 }}>
                修订记录
              </Divider>
              <RevisionHistory history={detail.history} currentId={detail.id} />
            </>
          )}
          {current.status !== "withdrawn" && (
            <>
              <Divider titlePlacement="start" style={{ margin: 0 }}>
                沟通留言（{detail.comments.length}）
              </Divider>
              <CommentThread
                reportId={detail.id}
                comments={detail.comments}
                mayPost={detail.can.comment}
                onPosted={(next) => {
                  setDetail(next);
                  onReport(next);
                }}
              />
            </>
          )}
        </>
      )}

      {reviewing && current && (
        <ReviewModal
          decision={reviewing}
          unitName={current.unitName}
          period={current.period}
          saving={busy === "review"}
          onClose={() => setReviewing(null)}
          onReview={(comment) => void review(comment)}
        />
      )}
    </Flex>
  );
}
