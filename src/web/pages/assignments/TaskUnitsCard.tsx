import { Alert, Card, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useCallback } from "react";
import { Link } from "react-router-dom";
import type { TaskUnitProgress } from "../../../shared/api";
import { TASK_UNIT_ROLE_LABELS } from "../../../shared/domain";
import { api } from "../../api/client";
import { SignalTag } from "../../components/SignalTag";
import { useRemote } from "../../components/useRemote";
import { ReportStatusTag, timeText } from "../reports/labels";
import { AssignmentStatusTag } from "./labels";

/**
 * 任务分工: who leads the task, who carries it out and who cooperates. How a unit is doing (its light, next due date
 * and latest report) shows where the server tells it: to the office, to the unit itself, and to the task's lead unit
 * for its cooperating units. Those units' assignments open from here.
 */
export function TaskUnitsCard({ assignmentId }: { assignmentId: number }) {
  const load = useCallback(async () => (await api.assignments.units(assignmentId)).items, [assignmentId]);
  const { data: units, loading, error } = useRemote<TaskUnitProgress[]>(load, []);
  const follows = units.some((u) => u.progress !== null);

  const columns: TableColumnsType<TaskUnitProgress> = [
    {
      title: "单位",
      key: "unit",
      render: (_, u) =>
        u.current ? (
          <Typography.Text strong>
            {u.unitName} <Tag style={{ marginInlineEnd: 0 }}>本任务</Tag>
          </Typography.Text>
        ) : u.progress ? (
          <Link to={`/assignments/${u.assignmentId}`}>{u.unitName}</Link>
        ) : (
          u.unitName
        ),
    },
    { title: "分工", key: "role", width: 80, render: (_, u) => TASK_UNIT_ROLE_LABELS[u.role] },
    { title: "状态", key: "status", width: 80, render: (_, u) => <AssignmentStatusTag status={u.status} /> },
    ...(follows
      ? ([
          {
            title: "进展",
            key: "progress",
            render: (_, u) =>
              u.progress ? (
                <Typography.Text>
                  <SignalTag signal={u.progress.signal} />{" "}
                  {u.progress.latestReport ? (
                    <>
                      {u.progress.latestReport.period} <ReportStatusTag status={u.progress.latestReport.status} />
                      {u.progress.latestReport.submittedAt && (
                        <Typography.Text type="secondary">
                          {" "}
                          {timeText(u.progress.latestReport.submittedAt)}
                        </Typography.Text>
                      )}
                    </>
                  ) : (
                    <Typography.Text type="secondary">尚未报送</Typography.Text>
                  )}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ] satisfies TableColumnsType<TaskUnitProgress>)
      : []),
  ];

  return (
    <Card size="small" title="任务分工" data-testid="task-units">
      {error ? (
        <Alert type="error" showIcon title={error} />
      ) : (
        <Table<TaskUnitProgress>
          rowKey="assignmentId"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={units}
          pagination={false}
          // a task of 各乡镇 and 各部门 has thirty units and more: they scroll inside the card
          scroll={units.length > 10 ? { y: 420 } : undefined}
          locale={{ emptyText: "该任务没有交办单位" }}
        />
      )}
    </Card>
  );
}
