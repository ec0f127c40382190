import { Form } from "antd";
import { useState } from "react";
import { FormModal } from "../../components/FormModal";
import { NewPasswordFields } from "../../components/NewPasswordFields";

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
    <FormModal title={`重置密码：${name}`} okText="重置" saving={saving} onOk={() => form.submit()} onClose={onClose}>
      <Form<Values> form={form} layout="vertical" disabled={saving} onFinish={onFinish}>
        <NewPasswordFields name="password" label="新密码" confirmLabel="确认新密码" />
      </Form>
    </FormModal>
  );
}
