import { Alert, Checkbox, DatePicker, Descriptions, Form, InputNumber, Modal, Radio, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { addDays, chinaDay } from "../../../../core/calendar";
import type { PlanDetail, PlanPublish } from "../../../../shared/api";
import {
  DEFAULT_CATCH_UP_DAYS,
  PAST_PERIOD_RULE_LABELS,
  PAST_PERIOD_RULES,
  type PastPeriodRule,
  type ReportingCadence,
} from "../../../../shared/domain";
import { chineseDate } from "../../../components/deadlines";
import { CADENCE_OPTIONS } from "../labels";
import { publishSummary } from "./publishSummary";

/** What the dialog sends with the plan's version. */
export type PublishChoices = Omit<PlanPublish, "version">;

type Props = { plan: PlanDetail; saving: boolean; onClose: () => void; onPublish: (choices: PublishChoices) => void };

/**
 * 交办: confirms what will be sent to whom, with the reporting cadence of the ongoing tasks, the 交办日期 (today, or the
 * day a plan sent out on paper went out), and what becomes of the periods that fell due before it.
 */
export function PublishModal({ plan, saving, onClose, onPublish }: Props) {
  const today = chinaDay(new Date());
  const [cadence, setCadence] = useState<ReportingCadence>(plan.cadence);
  const [assignedOn, setAssignedOn] = useState(today);
  const [pastPeriods, setPastPeriods] = useState<PastPeriodRule>(plan.pastPeriods);
  const [catchUpDays, setCatchUpDays] = useState(plan.catchUpDays || DEFAULT_CATCH_UP_DAYS);
  const summary = useMemo(() => publishSummary(plan, cadence, assignedOn), [plan, cadence, assignedOn]);
  const published = plan.duplicates.filter((d) => d.status !== "draft");
  const [confirmDuplicate, setConfirmDuplicate] = useState(false);
  const earliest = `${plan.year - 1}-01-01`;
  const outside = (day: Dayjs) => {
    const iso = day.format("YYYY-MM-DD");
    return iso > today || iso < earliest;
  };

  return (
    <Modal
      open
      title={`交办“${plan.title}”`}
      width={640}
      okText="确认交办"
      confirmLoading={saving}
      okButtonProps={{ disabled: published.length > 0 && !confirmDuplicate }}
      onOk={() =>
        onPublish({
          cadence,
          assignedOn,
          pastPeriods,
          ...(pastPeriods === "catch_up" ? { catchUpDays } : {}),
          ...(published.length > 0 ? { confirmDuplicate } : {}),
        })
      }
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
      {published.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`已有相同的方案“${published[0].title}”已交办，再次交办会让各单位重复收到任务`}
          description={
            <Checkbox checked={confirmDuplicate} onChange={(event) => setConfirmDuplicate(event.target.checked)}>
              我已核对，确需再次交办
            </Checkbox>
          }
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
        <Form.Item
          label="交办日期"
          htmlFor="publish-assigned-on"
          extra="默认为今天；方案已于更早时间以纸质文件印发的，可选择当时的印发日期，此后到期的期次照常报送、催办。"
        >
          <DatePicker
            id="publish-assigned-on"
            allowClear={false}
            value={dayjs(assignedOn)}
            disabledDate={outside}
            onChange={(day) => day && setAssignedOn(day.format("YYYY-MM-DD"))}
          />
        </Form.Item>
        {summary.pastPeriods > 0 && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`有 ${summary.pastPeriods} 个报送期次（涉及 ${summary.pastTasks.length} 项任务）在交办日期${chineseDate(assignedOn)}之前已到期`}
              description={
                pastPeriods === "not_applicable"
                  ? "这些期次将标为“不适用”：各单位无需报送，不催办、不亮红灯、不生成督办单，也不计入逾期和完成率。"
                  : `这些期次将统一改为${chineseDate(addDays(assignedOn, catchUpDays))}前补报，到期前照常提醒。`
              }
            />
            <Form.Item label="交办前已到期的期次" htmlFor="publish-past-periods">
              <Radio.Group
                id="publish-past-periods"
                value={pastPeriods}
                onChange={(event) => setPastPeriods(event.target.value)}
                options={PAST_PERIOD_RULES.map((rule) => ({ value: rule, label: PAST_PERIOD_RULE_LABELS[rule] }))}
              />
            </Form.Item>
            {pastPeriods === "catch_up" && (
              <Form.Item label="交办后几日内补报" htmlFor="publish-catch-up-days">
                <InputNumber
                  id="publish-catch-up-days"
                  min={1}
                  max={180}
                  precision={0}
                  value={catchUpDays}
                  suffix="日"
                  onChange={(value) => setCatchUpDays(value ?? DEFAULT_CATCH_UP_DAYS)}
                />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
