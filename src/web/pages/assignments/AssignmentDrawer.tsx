import { CheckOutlined } from "@ant-design/icons";
import { Button, Descriptions, Divider, Drawer, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import type { Assignment } from "../../../shared/api";
import { TASK_UNIT_ROLE_LABELS } from "../../../shared/domain";
import { DEADLINE_KIND_LABELS, deadlineLabel, deadlineRuleText } from "../../components/deadlines";
import { AssignmentStatusTag, dueState, NextDue, today } from "./labels";

type DueDate = Assignment["dueDates"][number];

type Props = {
  assignment: Assignment;
  /** the user's unit holds it and it waits for 签收 */
  canAcknowledge: boolean;
  acknowledging: boolean;
  onAcknowledge: () => void;
  onClose: () => void;
};

/** One assignment in full: the task's words, its deadline rules and every date it falls due. */
export function AssignmentDrawer({ assignment, canAcknowledge, acknowledging, onAcknowledge, onClose }: Props) {
  const on = today();
  const next = dueState(assignment.dueDates, on).next?.dueOn;

  return (
    <Drawer
      open
      title={`任务 ${assignment.taskNumber}：${assignment.unitName}`}
      size={640}
      onClose={onClose}
      destroyOnHidden
      extra={
        canAcknowledge && (
          <Button type="primary" icon={<CheckOutlined />} loading={acknowledging} onClick={onAcknowledge}>
            签收
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: "plan", label: "方案", span: 2, children: assignment.planTitle },
          { key: "number", label: "任务编号", children: assignment.taskNumber },
          { key: "unit", label: "单位", children: assignment.unitName },
          { key: "role", label: "角色", children: TASK_UNIT_ROLE_LABELS[assignment.role] },
          { key: "status", label: "状态", children: <AssignmentStatusTag status={assignment.status} /> },
          { key: "next", label: "下次截止", children: <NextDue assignment={assignment} /> },
          {
            key: "created",
            label: "交办时间",
            children: dayjs(assignment.createdAt).format("YYYY-MM-DD HH:mm"),
          },
          ...(assignment.acknowledgedAt
            ? [
                {
                  key: "ack",
                  label: "签收",
                  span: 2,
                  children: `${assignment.acknowledgedByName ?? ""} ${dayjs(assignment.acknowledgedAt).format("YYYY-MM-DD HH:mm")}`,
                },
              ]
            : []),
          ...(assignment.cancelledAt
            ? [
                {
                  key: "cancel",
                  label: "取消",
                  span: 2,
                  children: `${dayjs(assignment.cancelledAt).format("YYYY-MM-DD HH:mm")}，原因：${assignment.cancelledReason ?? "未说明"}`,
                },
              ]
            : []),
        ]}
      />
      <Divider titlePlacement="start">任务内容</Divider>
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{assignment.taskText}</Typography.Paragraph>
      <Divider titlePlacement="start">完成时限</Divider>
      {assignment.deadlines.length === 0 ? (
        <Typography.Text type="secondary">方案未写明完成时限，按方案的报送周期报送工作进展。</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={assignment.deadlines.map((deadline, index) => ({
            key: `${index}`,
            label: <Tag style={{ marginInlineEnd: 0 }}>{DEADLINE_KIND_LABELS[deadline.kind]}</Tag>,
            children: (
              <span>
                {deadlineLabel(deadline)}
                {deadline.text.trim() && deadline.text.trim() !== deadlineRuleText(deadline) && (
                  <Typography.Text type="secondary">（{deadlineRuleText(deadline)}）</Typography.Text>
                )}
              </span>
            ),
          }))}
        />
      )}
      <Divider titlePlacement="start">时间节点（{assignment.dueDates.length}）</Divider>
      <Table<DueDate>
        rowKey="id"
        size="small"
        pagination={assignment.dueDates.length > 12 ? { pageSize: 12, size: "small" } : false}
        dataSource={assignment.dueDates}
        locale={{ emptyText: "没有固定的截止日期（如“收到通知后15日内”），按实际情况办理" }}
        columns={[
          { title: "节点", dataIndex: "label", key: "label" },
          {
            title: "截止日期",
            dataIndex: "dueOn",
            key: "dueOn",
            width: 140,
            render: (dueOn: string) => (
              <Typography.Text strong={dueOn === next} type={dueOn < on ? "secondary" : undefined}>
                {dueOn}
              </Typography.Text>
            ),
          },
          {
            title: "",
            key: "state",
            width: 90,
            render: (_, due) =>
              due.dueOn === next ? (
                <Tag color="processing">下一个</Tag>
              ) : due.dueOn < on ? (
                <Typography.Text type="secondary">已过</Typography.Text>
              ) : null,
          },
        ]}
      />
    </Drawer>
  );
}
