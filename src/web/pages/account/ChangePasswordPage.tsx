import { Alert, App, Button, Card, Form, type FormRule, Input } from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import { NewPasswordFields } from "../../components/NewPasswordFields";
import { SaveErrorAlert } from "../../components/SaveErrorAlert";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useFormSave } from "../../components/useFormSave";

type Values = { currentPassword: string; newPassword: string; confirm: string };

const NOT_THE_CURRENT_PASSWORD: FormRule = ({ getFieldValue }) => ({
  validator: async (_, value: string | undefined) => {
    if (value && value === getFieldValue("currentPassword")) throw new Error("新密码不能与当前密码相同");
  },
});

/** 修改密码: the signed-in user changes their own password. */
export default function ChangePasswordPage() {
  useDocumentTitle("修改密码");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, error, save } = useFormSave(form, []);
  const [done, setDone] = useState(false);

  const onFinish = async (values: Values) => {
    setDone(false);
    await save(async () => {
      await api.auth.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.resetFields();
      setDone(true);
      message.success("密码已修改");
    });
  };

  return (
    <Card title="修改密码" style={{ maxWidth: 560 }}>
      <SaveErrorAlert error={error} />
      {done && (
        <Alert type="success" showIcon title="密码已修改，下次登录请使用新密码。" style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" disabled={saving} onFinish={onFinish}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: "请输入当前密码" }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields
          name="newPassword"
          label="新密码"
          confirmLabel="确认新密码"
          dependencies={["currentPassword"]}
          extraRules={[NOT_THE_CURRENT_PASSWORD]}
        />
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            确认修改
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
