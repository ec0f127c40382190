import { DatePicker, Form, Input, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import type { Assignment, ExtensionRequest } from "../../../shared/api";
import { api } from "../../api/client";
import { chineseDate } from "../../components/deadlines";
import { FormModal } from "../../components/FormModal";
import { SaveErrorAlert } from "../../components/SaveErrorAlert";
import { useFormSave } from "../../components/useFormSave";

type Values = { period: string; requestedDueOn: Dayjs; reason: string };

const FIELDS = ["period", "requestedDueOn", "reason"] as const;

type Props = {
  assignment: Assignment;
  /** the period to move, when the user was looking at one */
  period?: string;
  onClose: () => void;
  onRequested: (request: ExtensionRequest) => void;
};

/** 申请延期: a unit asks the coordinating office for a later due date of one period, with its reason. */
export function ExtensionRequestModal({ assignment, period, onClose, onRequested }: Props) {
  const [form] = Form.useForm<Values>();
  const { saving, error, save } = useFormSave(form, FIELDS);
  // only periods still waiting for a report can be moved
  const movable = assignment.dueDates.filter((d) => d.state === "open" || d.state === "returned");
  const chosen = Form.useWatch("period", form);
  const current = movable.find((d) => d.label === chosen);

  const onFinish = (values: Values) =>
    save(async () =>
      onRequested(
        await api.assignments.requestExtension(assignment.id, {
          period: values.period,
          requestedDueOn: values.requestedDueOn.format("YYYY-MM-DD"),
          reason: values.reason.trim(),
        }),
      ),
    );

  return (
    <FormModal title="申请延期" okText="提交申请" saving={saving} onOk={() => form.submit()} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        延期申请由司法局审批，同意后该期的截止日期改为申请的日期。
      </Typography.Paragraph>
      <SaveErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={saving}
        initialValues={{ period: movable.some((d) => d.label === period) ? period : movable[0]?.label }}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item label="延期的期次" name="period" rules={[{ required: true, message: "请选择期次" }]}>
          <Select
            options={movable.map((d) => ({ value: d.label, label: `${d.label}（截止 ${chineseDate(d.dueOn)}）` }))}
          />
        </Form.Item>
        <Form.Item
          label="申请延至"
          name="requestedDueOn"
          rules={[{ required: true, message: "请选择申请延至的日期" }]}
          extra={current ? `当前截止日期：${chineseDate(current.dueOn)}，须晚于此日期` : undefined}
        >
          <DatePicker
            style={{ width: "100%" }}
            disabledDate={(day) => (current ? day.format("YYYY-MM-DD") <= current.dueOn : false)}
          />
        </Form.Item>
        <Form.Item
          label="延期理由"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: "请写明延期理由" },
            { max: 2000, message: "不能超过 2000 个字" },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder="说明不能按期完成的原因和完成计划" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
