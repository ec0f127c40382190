import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { ApiError, errorMessage } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { safeRedirect } from "../../auth/redirect";
import { useDocumentTitle } from "../../components/useDocumentTitle";

type LoginValues = { username: string; password: string };
type LoginFailure = { message: string; severity: "error" | "warning" };

function describeFailure(error: unknown): LoginFailure {
  // Too many attempts is not a typo: say so with a warning. A locked account answers as any failed sign-in (401).
  const severity = error instanceof ApiError && error.status === 429 ? "warning" : "error";
  return { message: errorMessage(error), severity };
}

export default function LoginPage() {
  useDocumentTitle("登录");
  const { status, login } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<LoginValues>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<LoginFailure | null>(null);
  const target = safeRedirect(params.get("redirect"));

  if (status === "authenticated" && !submitting) return <Navigate to={target} replace />;

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(target, { replace: true });
    } catch (error) {
      setFailure(describeFailure(error));
      form.setFieldValue("password", "");
      setSubmitting(false);
    }
  };

  return (
    <Flex
      align="center"
      justify="center"
      style={{ minHeight: "100vh", background: "linear-gradient(180deg, #e6f0ff 0%, #f5f7fa 100%)", padding: 16 }}
    >
      <Card style={{ width: 400, maxWidth: "100%" }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            法治政府建设督导平台
          </Typography.Title>
          <Typography.Text type="secondary">请使用本单位分配的账号登录</Typography.Text>
        </Flex>
        {!failure && params.has("redirect") && (
          <Alert type="info" showIcon title="请登录后继续访问" style={{ marginBottom: 16 }} />
        )}
        {failure && (
          <Alert
            role="alert"
            data-testid="login-error"
            type={failure.severity}
            title={failure.message}
            showIcon
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginValues> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: "请输入用户名" }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder="用户名" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="密码" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            登录
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
