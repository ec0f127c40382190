import { App, Button, Descriptions, Divider, Form, Space, Switch, Typography } from "antd";
import { useState } from "react";
import type { User, UserPatch } from "../../../shared/api";
import type { Role } from "../../../shared/domain";
import { api } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { FormDrawer } from "../../components/FormDrawer";
import { SaveErrorAlert } from "../../components/SaveErrorAlert";
import { UnitSelect } from "../../components/UnitSelect";
import { useFormSave } from "../../components/useFormSave";
import type { UnitRegistry } from "../../components/useUnits";
import { UserStatusTag } from "./labels";
import { ResetPasswordModal } from "./ResetPasswordModal";
import { DisplayNameField, EmailField, RolesField } from "./UserFields";

type EditValues = {
  displayName: string;
  unitId?: number | null;
  roles: Role[];
  email?: string | null;
  disabled: boolean;
};

const FIELDS = ["displayName", "unitId", "roles", "email", "disabled"] as const;

function valuesOf(user: User): EditValues {
  return {
    displayName: user.displayName,
    unitId: user.unitId,
    roles: user.roles,
    email: user.email,
    disabled: user.disabled,
  };
}

type Props = {
  user: User;
  registry: UnitRegistry;
  onClose: () => void;
  /** Called after every successful change, so the table stays current. */
  onChanged: () => void | Promise<void>;
};

/** Edit an account; unlock and password reset are separate actions that save at once. */
export function UserEditDrawer({ user, registry, onClose, onChanged }: Props) {
  const { me } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [current, setCurrent] = useState(user);
  const { saving, error, save, conflictOffer } = useFormSave<User>(form, FIELDS);
  const [resetting, setResetting] = useState(false);
  const self = me?.user.id === user.id;

  /** One PATCH with the version we last saw; on 409 keep what was typed and offer the latest record. */
  const patch = async (changes: Omit<UserPatch, "version">, success: string, toastErrors = false) => {
    const saved = await save(
      async () => {
        setCurrent(await api.users.update(current.id, { ...changes, version: current.version }));
        message.success(success);
        await onChanged();
      },
      {
        // Unlock and reset run from buttons and a modal, away from the form's alert: say it where the user looks.
        onError: toastErrors ? (text) => message.error(text) : undefined,
        onConflict: async () => {
          await onChanged();
          return api.users.get(current.id).catch(() => null);
        },
      },
    );
    return saved !== null;
  };

  const onFinish = async (values: EditValues) => {
    const saved = await patch(
      {
        displayName: values.displayName.trim(),
        unitId: values.unitId ?? null,
        roles: values.roles,
        email: values.email?.trim() || null,
        disabled: values.disabled,
      },
      `已保存用户「${values.displayName.trim()}」`,
    );
    if (saved) onClose();
  };

  return (
    <FormDrawer title={`编辑用户：${current.username}`} saving={saving} onSave={() => form.submit()} onClose={onClose}>
      <SaveErrorAlert
        error={error}
        conflict={conflictOffer((record) => {
          setCurrent(record);
          form.setFieldsValue(valuesOf(record));
        })}
      />
      <Form<EditValues>
        form={form}
        layout="vertical"
        disabled={saving}
        initialValues={valuesOf(user)}
        onFinish={onFinish}
      >
        <DisplayNameField />
        <Form.Item label="所属单位" name="unitId">
          <UnitSelect registry={registry} placeholder="未分配单位" />
        </Form.Item>
        <RolesField />
        <EmailField />
        <Form.Item
          label="停用账号"
          name="disabled"
          valuePropName="checked"
          extra={self ? "不能停用自己的账号。" : "停用后该用户不能登录，已有记录保留。"}
        >
          <Switch disabled={self} checkedChildren="停用" unCheckedChildren="启用" />
        </Form.Item>
      </Form>
      <Divider titlePlacement="start">账号安全</Divider>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态">
          <UserStatusTag user={current} />
        </Descriptions.Item>
      </Descriptions>
      <Space wrap>
        {current.locked && (
          <Button
            loading={saving}
            onClick={() => void patch({ unlock: true }, `已解锁「${current.displayName}」`, true)}
          >
            解锁账号
          </Button>
        )}
        <Button disabled={saving} onClick={() => setResetting(true)}>
          重置密码
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        重置密码后请将新密码告知本人，并提醒其登录后修改。
      </Typography.Paragraph>
      {resetting && (
        <ResetPasswordModal
          name={current.displayName}
          onClose={() => setResetting(false)}
          onSubmit={async (password) => {
            const done = await patch({ password }, `已重置「${current.displayName}」的密码`, true);
            if (done) setResetting(false);
          }}
        />
      )}
    </FormDrawer>
  );
}
