import { AutoComplete, Form, Typography } from "antd";
import { FormModal } from "../../../components/FormModal";

/** Reasons coordinators give most often; any other may be typed. */
const COMMON_REASONS = [
  "上级单位或外单位，不在本区交办范围",
  "泛指说法，已由具体单位承担",
  "单位已撤并，职责由其他单位承担",
  "非责任单位，仅为文中提及",
];

type Values = { reason: string };

type Props = {
  phrase: string;
  taskCount: number;
  saving: boolean;
  onClose: () => void;
  onDismiss: (reason: string) => void;
};

/** 不交办: a phrase that names no unit of this registry is left out, with the reason on record. */
export function DismissPhraseModal({ phrase, taskCount, saving, onClose, onDismiss }: Props) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal title={`不交办“${phrase}”`} okText="确定" saving={saving} onOk={() => form.submit()} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        该说法出现在 {taskCount}{" "}
        项任务中。确定后这些任务不再向它交办，原因会记录在任务中，之后可在任务编辑中重新添加单位。
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={saving}
        onFinish={(values) => onDismiss(values.reason.trim())}
      >
        <Form.Item
          label="不交办的原因"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: "请填写原因" },
            { max: 200, message: "原因不能超过 200 个字" },
          ]}
        >
          <AutoComplete
            options={COMMON_REASONS.map((value) => ({ value }))}
            placeholder="选择常用原因或直接输入"
            filterOption={(input, option) => (option?.value ?? "").includes(input)}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
