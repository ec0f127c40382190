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
