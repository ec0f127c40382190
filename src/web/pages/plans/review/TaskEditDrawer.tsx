import { Alert, Col, Collapse, Divider, Form, Input, Row, Select, Typography } from "antd";
import { useMemo, useState } from "react";
import { assignmentKeys } from "../../../../core/plans/task-units";
import type { PlanDetail, Task } from "../../../../shared/api";
import { TASK_UNIT_ROLE_LABELS, TASK_UNIT_ROLES } from "../../../../shared/domain";
import { api } from "../../../api/client";
import { FormDrawer } from "../../../components/FormDrawer";
import { SaveErrorAlert } from "../../../components/SaveErrorAlert";
import { useFormSave } from "../../../components/useFormSave";
import type { UnitRegistry } from "../../../components/useUnits";
import { DeadlinesField } from "./DeadlinesField";
import { type DeadlineFormValue, deadlineFormValue, deadlineOf } from "./deadlineForm";
import { sectionOptions } from "./sections";
import { type TargetFormValue, TargetsField, targetOf } from "./TargetsField";
import { TaskUnitsInput } from "./TaskUnitsInput";
import { assignedEntries, type TaskUnitEntry, unitsOfRole } from "./taskUnits";

type TaskFormValues = {
  number: string;
  title?: string;
  sectionId?: number | null;
  text: string;
  lead: TaskUnitEntry[];
  responsible: TaskUnitEntry[];
  cooperating: TaskUnitEntry[];
  deadlines: DeadlineFormValue[];
  targets: TargetFormValue[];
  cancelReason?: string;
};

// the deadline and target lists have no field of their own to show an issue under: theirs go to the form's alert
const FIELDS = ["number", "title", "sectionId", "text", "cancelReason"] as const;

function valuesOf(task: Task): TaskFormValues {
  return {
    number: task.number,
    title: task.title ?? undefined,
    sectionId: task.sectionId,
    text: task.text,
    lead: unitsOfRole(task.units, "lead"),
    responsible: unitsOfRole(task.units, "responsible"),
    cooperating: unitsOfRole(task.units, "cooperating"),
    deadlines: task.deadlines.map(deadlineFormValue),
    targets: task.targets,
    cancelReason: undefined,
  };
}

/** Where a new task goes and what it starts with. */
export type NewTask = { afterTaskId: number | null; sectionId: number | null; number: string };

type Props = {
  plan: PlanDetail;
  /** the task edited, or where a new one goes */
  task: Task | NewTask;
  registry: UnitRegistry;
  onClose: () => void;
  /** `cancelled`: how many units' assignments the edit cancelled (on a published plan). */
  onSaved: (plan: PlanDetail, task: Task | null, cancelled: number) => void;
  /** After a 409: reads the plan again and returns it, so the form can offer the task as it now stands. */
  onStale: () => Promise<PlanDetail | null>;
};

function isTask(value: Task | NewTask): value is Task {
  return "id" in value;
}

/** Edits one task (or adds one): words, units per role, deadlines and targets, saved with the task's version. */
export function TaskEditDrawer({ plan, task, registry, onClose, onSaved, onStale }: Props) {
  const [form] = Form.useForm<TaskFormValues>();
  const [current, setCurrent] = useState<Task | null>(isTask(task) ? task : null);
  const { saving, error, save, conflictOffer } = useFormSave<Task>(form, FIELDS);
  const published = plan.status === "published";

  const lead = Form.useWatch("lead", form);
  const responsible = Form.useWatch("responsible", form);
  const cooperating = Form.useWatch("cooperating", form);
  const roleUnits = { lead, responsible, cooperating };

  // On a published plan, an edit that takes a unit off the task, or moves it to another role (a unit holds one role
  // per task), cancels that assignment: that needs a reason. The same rule as the server's decides what goes.
  const removed = useMemo(() => {
    if (!published || !current) return [];
    const kept = assignmentKeys([...(lead ?? []), ...(responsible ?? []), ...(cooperating ?? [])]);
    return assignedEntries(current.units).filter((unit) => !kept.has(`${unit.unitId}:${unit.role}`));
  }, [published, current, lead, responsible, cooperating]);

  // and a unit added to it receives the task as soon as the edit is saved
  const added = useMemo(() => {
    if (!published) return [];
    const before = assignmentKeys(current?.units ?? []);
    return assignedEntries([...(lead ?? []), ...(responsible ?? []), ...(cooperating ?? [])]).filter(
      (unit) => !before.has(`${unit.unitId}:${unit.role}`),
    );
  }, [published, current, lead, responsible, cooperating]);

  const source =
    current?.source && plan.sourceText ? plan.sourceText.slice(current.source.start, current.source.end) : null;

  const onFinish = async () => {
    // Every value in the store, not only the mounted fields: deadline rules keep fields this form does not show.
    const values = form.getFieldsValue(true) as TaskFormValues;
    const fields = {
      number: values.number.trim(),
      title: values.title?.trim() || null,
      sectionId: values.sectionId ?? null,
      text: values.text,
      units: [...(values.lead ?? []), ...(values.responsible ?? []), ...(values.cooperating ?? [])].map(
        ({ unitName: _name, ...unit }) => unit,
      ),
      deadlines: (values.deadlines ?? []).map(deadlineOf),
      targets: (values.targets ?? []).map(targetOf),
    };
    if (!current) {
      const place = task as NewTask;
      await save(async () =>
        onSaved(await api.plans.createTask(plan.id, { ...fields, afterTaskId: place.afterTaskId }), null, 0),
      );
      return;
    }
    const cancelReason = removed.length > 0 ? values.cancelReason?.trim() : undefined;
    await save(
      async () => {
        const next = await api.plans.updateTask(plan.id, current.id, {
          ...fields,
          version: current.version,
          ...(cancelReason ? { cancelReason } : {}),
        });
        onSaved(next, current, cancelReason ? removed.length : 0);
      },
      {
        onConflict: async () => {
          const latestPlan = await onStale();
          return latestPlan?.tasks.find((t) => t.id === current.id) ?? null;
        },
      },
    );
  };

  const initial: TaskFormValues = isTask(task)
    ? valuesOf(task)
    : {
        number: task.number,
        sectionId: task.sectionId,
        text: "",
        lead: [],
        responsible: [],
        cooperating: [],
        deadlines: [],
        targets: [],
      };

  return (
    <FormDrawer
      title={current ? `编辑任务 ${current.number}` : "新增任务"}
      width={760}
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <SaveErrorAlert
        error={error}
        conflict={conflictOffer((record) => {
          setCurrent(record);
          form.setFieldsValue(valuesOf(record));
        })}
      />
      <Form<TaskFormValues> form={form} layout="vertical" disabled={saving} initialValues={initial} onFinish={onFinish}>
        {published && !current && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="方案已交办：新增的任务保存后即交办给所列单位，各单位立即可以看到"
          />
        )}
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              label="编号"
              name="number"
              rules={[
                { required: true, whitespace: true, message: "请输入编号" },
                { max: 20, message: "编号不能超过 20 个字" },
              ]}
            >
              <Input placeholder="如“3”" />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item label="任务标题" name="title" rules={[{ max: 300, message: "标题不能超过 300 个字" }]}>
              <Input placeholder="任务的概括，可不填" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="所属部分" name="sectionId">
          <Select allowClear placeholder="不属于任何部分" options={sectionOptions(plan.sections)} />
        </Form.Item>
        <Form.Item
          label="任务内容"
          name="text"
          rules={[
            { required: true, whitespace: true, message: "请输入任务内容" },
            { max: 20000, message: "任务内容不能超过 20000 个字" },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} />
        </Form.Item>
        {source && (
          <Collapse
            size="small"
            style={{ marginBottom: 16 }}
            items={[
              {
                key: "source",
                label: "查看原文",
                children: (
                  <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{source}</Typography.Paragraph>
                ),
              },
            ]}
          />
        )}
        <Divider titlePlacement="start">责任单位</Divider>
        {TASK_UNIT_ROLES.map((role) => (
          <Form.Item key={role} label={TASK_UNIT_ROLE_LABELS[role]} name={role}>
            <TaskUnitsInput
              role={role}
              registry={registry}
              others={TASK_UNIT_ROLES.filter((other) => other !== role).flatMap((other) => roleUnits[other] ?? [])}
            />
          </Form.Item>
        ))}
        {added.length > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={current ? "方案已交办，保存后以下单位即收到交办" : "方案已交办，保存后即向以下单位交办该任务"}
            description={added
              .map((unit) => `${unit.unitName ?? unit.phrase}（${TASK_UNIT_ROLE_LABELS[unit.role]}）`)
              .join("、")}
          />
        )}
        {removed.length > 0 && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="方案已交办，以下单位的交办将被取消"
              description={removed
                .map((unit) => `${unit.unitName ?? unit.phrase}（${TASK_UNIT_ROLE_LABELS[unit.role]}）`)
                .join("、")}
            />
            <Form.Item
              label="取消原因"
              name="cancelReason"
              rules={[
                { required: true, whitespace: true, message: "请填写取消交办的原因，将告知相关单位" },
                { max: 200, message: "原因不能超过 200 个字" },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如“经研究调整为区发改局牵头”" />
            </Form.Item>
          </>
        )}
        <Divider titlePlacement="start">完成时限</Divider>
        {published && current && (
          <Typography.Paragraph type="secondary">
            方案已交办：修改完成时限后，各单位未取消交办的截止日期随之重新生成。
          </Typography.Paragraph>
        )}
        <DeadlinesField />
        <Divider titlePlacement="start">指标</Divider>
        <TargetsField />
      </Form>
    </FormDrawer>
  );
}
