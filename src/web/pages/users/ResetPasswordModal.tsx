import { Form, Input, Modal } from "antd";
import { useState } from "react";
import { confirmRules, NEW_PASSWORD_RULES, PASSWORD_HINT } from "../../components/passwordRules";

type Values = { password: string; confirm: string };

type Props = { name: string; onClose: () => void; onSubmit: (password: string) => Promise<void> };

/** The admin types a new password for someone else; errors are shown by the caller's drawer. */
export function ResetPasswordModal({ name, onClose, onSubmit }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const onFinish = async (values: Values) => {
    setSaving(true);
    try {
      await onSubmit(values.password);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`重置密码：${name}`}
      okText="重置"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" disabled={saving} onFinish={onFinish}>
        <Form.Item label="新密码" name="password" extra={PASSWORD_HINT} rules={NEW_PASSWORD_RULES}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认新密码" name="confirm" dependencies={["password"]} rules={confirmRules("password")}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
