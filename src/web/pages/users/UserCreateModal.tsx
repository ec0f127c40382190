import { Form, Input } from "antd";
import type { User } from "../../../shared/api";
import type { Role } from "../../../shared/domain";
import { api } from "../../api/client";
import { FormModal } from "../../components/FormModal";
import { NewPasswordFields } from "../../components/NewPasswordFields";
import { SaveErrorAlert } from "../../components/SaveErrorAlert";
import { UnitSelect } from "../../components/UnitSelect";
import { useFormSave } from "../../components/useFormSave";
import type { UnitRegistry } from "../../components/useUnits";
import { DisplayNameField, EmailField, RolesField } from "./UserFields";

type CreateValues = {
  username: string;
  displayName: string;
  unitId?: number | null;
  roles: Role[];
  email?: string;
  password: string;
  confirm: string;
};

const FIELDS = ["username", "displayName", "unitId", "roles", "email", "password"] as const;

type Props = { registry: UnitRegistry; onClose: () => void; onCreated: (user: User) => void | Promise<void> };

/** New account: the admin sets the initial password and tells the user, who should change it after login. */
export function UserCreateModal({ registry, onClose, onCreated }: Props) {
  const [form] = Form.useForm<CreateValues>();
  const { saving, error, save } = useFormSave(form, FIELDS);

  const onFinish = async (values: CreateValues) => {
    await save(async () => {
      const user = await api.users.create({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        unitId: values.unitId ?? null,
        roles: values.roles,
        email: values.email?.trim() || null,
        password: values.password,
      });
      await onCreated(user);
    });
  };

  return (
    <FormModal title="新建用户" okText="创建" width={560} saving={saving} onOk={() => form.submit()} onClose={onClose}>
      <SaveErrorAlert error={error} />
      <Form<CreateValues>
        form={form}
        layout="vertical"
        disabled={saving}
        onFinish={onFinish}
        initialValues={{ roles: [] }}
      >
        <Form.Item
          label="用户名"
          name="username"
          extra="用于登录，只能包含字母、数字和 _ . -"
          rules={[
            { required: true, whitespace: true, message: "请输入用户名" },
            { min: 2, max: 50, message: "用户名长度为 2 到 50 位" },
            { pattern: /^[A-Za-z0-9_.-]+$/, message: "用户名只能包含字母、数字和 _ . -" },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <DisplayNameField autoComplete="off" />
        <Form.Item label="所属单位" name="unitId">
          <UnitSelect registry={registry} placeholder="请选择单位" />
        </Form.Item>
        <RolesField placeholder="请选择角色" />
        <EmailField />
        <NewPasswordFields name="password" label="初始密码" confirmLabel="确认密码" />
      </Form>
    </FormModal>
  );
}
