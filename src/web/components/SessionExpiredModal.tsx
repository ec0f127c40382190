import { LockOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../api/client";
import { useAuth } from "../auth/AuthContext";

type Values = { password: string };

/** Asks for the password again when the session ended during a change, so nothing typed on the page is lost. */
export default function SessionExpiredModal() {
  const { me, sessionExpired, relogin, abandonSession } = useAuth();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async ({ password }: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await relogin(password);
      form.resetFields();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={sessionExpired}
      title="登录已过期"
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={[
        <Button key="leave" onClick={abandonSession}>
          前往登录页
        </Button>,
        <Button key="login" type="primary" loading={submitting} onClick={() => form.submit()}>
          重新登录
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        为保护账号安全，登录状态已失效，刚才的操作没有保存。页面上填写的内容仍然保留：请输入密码重新登录后再次提交。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} disabled={submitting}>
        <Form.Item label="用户名">
          <Input value={me?.user.username} disabled />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
