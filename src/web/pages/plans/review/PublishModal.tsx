import { Alert, Descriptions, Form, Modal, Select, Typography } from "antd";
import { useMemo, useState } from "react";
import type { PlanDetail } from "../../../../shared/api";
import type { ReportingCadence } from "../../../../shared/domain";
import { CADENCE_OPTIONS } from "../labels";
import { publishSummary } from "./publishSummary";

type Props = { plan: PlanDetail; saving: boolean; onClose: () => void; onPublish: (cadence: ReportingCadence) => void };

/** 交办: confirms what will be sent to whom, with the reporting cadence of the ongoing tasks. */
export function PublishModal({ plan, saving, onClose, onPublish }: Props) {
  const [cadence, setCadence] = useState<ReportingCadence>(plan.cadence);
  const summary = useMemo(() => publishSummary(plan), [plan]);

  return (
    <Modal
      open
      title={`交办“${plan.title}”`}
      width={600}
      okText="确认交办"
      confirmLoading={saving}
      onOk={() => onPublish(cadence)}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        交办后，各单位即可在“我的任务”中看到并签收各自的任务。交办后仍可调整任务的责任单位和完成时限，但不能再拆分、合并或删除任务。
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: "tasks", label: "任务", children: `${summary.tasks} 项` },
          { key: "units", label: "涉及单位", children: `${summary.units} 个` },
          {
            key: "assignments",
            label: "生成交办",
            children: `${summary.assignments} 条（牵头 ${summary.byRole.lead}、责任 ${summary.byRole.responsible}、配合 ${summary.byRole.cooperating}）`,
          },
        ]}
      />
      {summary.datesMissing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${summary.datesMissing.length} 项任务的完成时限没有具体日期，交办后不会生成截止日期，请先补充日期`}
          description={`任务 ${summary.datesMissing.map((task) => task.number).join("、")}`}
        />
      )}
      {summary.relativeOnly.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${summary.relativeOnly.length} 项任务的完成时限为相对时限（如“收到通知后15日内”），没有固定的截止日期，由各单位按实际情况办理`}
          description={`任务 ${summary.relativeOnly.map((task) => task.number).join("、")}`}
        />
      )}
      <Form layout="vertical">
        <Form.Item
          label="长期坚持任务的报送周期"
          htmlFor="publish-cadence"
          extra="没有截止日期的任务，各单位按此周期报送工作进展。"
        >
          <Select id="publish-cadence" options={CADENCE_OPTIONS} value={cadence} onChange={setCadence} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
