import { Form, Input, Typography } from "antd";
import { FormModal } from "../../components/FormModal";

type Values = { comment?: string };

type Props = {
  decision: "accept" | "return";
  unitName: string;
  period: string;
  saving: boolean;
  onClose: () => void;
  onReview: (comment: string) => void;
};

/** 通过 with an optional remark, or 退回 with the reason the unit must act on. */
export function ReviewModal({ decision, unitName, period, saving, onClose, onReview }: Props) {
  const [form] = Form.useForm<Values>();
  const returning = decision === "return";
  return (
    <FormModal
      title={returning ? `退回${unitName}的“${period}”进展` : `通过${unitName}的“${period}”进展`}
      okText={returning ? "退回" : "通过"}
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        {returning
          ? "退回后单位可按退回原因修改，重新报送；原报告留档。"
          : "通过后本期进展即为完成；限期完成的任务各期都通过后即办结。"}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={saving}
        onFinish={(values) => onReview(values.comment?.trim() ?? "")}
      >
        <Form.Item
          label={returning ? "退回原因" : "审核意见"}
          name="comment"
          rules={[
            ...(returning ? [{ required: true, whitespace: true, message: "请写明退回原因，便于单位修改" }] : []),
            { max: 2000, message: "不能超过 2000 个字" },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={returning ? "如：佐证材料不全，请补充……" : "可不填"}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
