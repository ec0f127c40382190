import { Form, Input, Select } from "antd";
import { ROLE_OPTIONS } from "./labels";

/** 姓名, as the account's form asks it when creating and when editing. */
export function DisplayNameField({ autoComplete }: { autoComplete?: string }) {
  return (
    <Form.Item
      label="姓名"
      name="displayName"
      rules={[
        { required: true, whitespace: true, message: "请输入姓名" },
        { max: 50, message: "姓名不能超过 50 个字" },
      ]}
    >
      <Input autoComplete={autoComplete} />
    </Form.Item>
  );
}

/** 角色: at least one. */
export function RolesField({ placeholder }: { placeholder?: string }) {
  return (
    <Form.Item
      label="角色"
      name="roles"
      rules={[{ required: true, type: "array", min: 1, message: "请至少选择一个角色" }]}
    >
      <Select mode="multiple" placeholder={placeholder} options={ROLE_OPTIONS} />
    </Form.Item>
  );
}

/** 邮箱: optional; where email notices (提醒、催办、督办) go when the server sends email. */
export function EmailField() {
  return (
    <Form.Item
      label="邮箱"
      name="email"
      extra="选填。填写后，该用户除站内通知外还会收到邮件通知（须配置邮件服务器）。"
      rules={[
        { type: "email", message: "请输入正确的邮箱地址，如 zhangsan@example.gov.cn" },
        { max: 254, message: "邮箱不能超过 254 个字符" },
      ]}
    >
      <Input autoComplete="off" placeholder="zhangsan@example.gov.cn" />
    </Form.Item>
  );
}
