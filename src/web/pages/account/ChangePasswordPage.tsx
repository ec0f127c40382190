import { Alert, App, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { api, errorMessage } from "../../api/client";
import { confirmRules, NEW_PASSWORD_RULES, PASSWORD_HINT } from "../../components/passwordRules";
import { useDocumentTitle } from "../../components/useDocumentTitle";

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** 修改密码: the signed-in user changes their own password. */
export default function ChangePasswordPage() {
  useDocumentTitle("修改密码");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const onFinish = async (values: Values) => {
    setSaving(true);
    setError(null);
    setDone(false);
    try {
      await api.auth.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.resetFields();
      setDone(true);
      message.success("密码已修改");
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="修改密码" style={{ maxWidth: 560 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {done && (
        <Alert type="success" showIcon title="密码已修改，下次登录请使用新密码。" style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" disabled={saving} onFinish={onFinish}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: "请输入当前密码" }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra={PASSWORD_HINT}
          dependencies={["currentPassword"]}
          rules={[
            ...NEW_PASSWORD_RULES,
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (value && value === getFieldValue("currentPassword")) throw new Error("新密码不能与当前密码相同");
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认新密码" name="confirm" dependencies={["newPassword"]} rules={confirmRules("newPassword")}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            确认修改
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
