import { Checkbox, Form, Input, Select, Switch } from "antd";
import { useState } from "react";
import type { Channel, ChannelPatch } from "../../../shared/api";
import type { ChannelKind } from "../../../shared/domain";
import { api } from "../../api/client";
import { FormDrawer } from "../../components/FormDrawer";
import { SaveErrorAlert } from "../../components/SaveErrorAlert";
import { UnitSelect } from "../../components/UnitSelect";
import { useFormSave } from "../../components/useFormSave";
import type { UnitRegistry } from "../../components/useUnits";
import { CHANNEL_KIND_HINTS, CHANNEL_KIND_OPTIONS } from "./labels";

type Values = {
  kind: ChannelKind;
  name: string;
  url?: string;
  secret?: string;
  /** editing: drop the kept secret */
  clearSecret?: boolean;
  unitId?: number | null;
  enabled: boolean;
};

const FIELDS = ["kind", "name", "url", "secret", "unitId", "enabled"] as const;

function initialValues(channel: Channel | null): Partial<Values> {
  if (!channel) return { kind: "dingtalk", enabled: true };
  return {
    kind: channel.kind,
    name: channel.name,
    unitId: channel.unitId,
    enabled: channel.enabled,
    clearSecret: false,
  };
}

type Props = {
  /** null adds a new robot */
  channel: Channel | null;
  registry: UnitRegistry;
  onClose: () => void;
  onSaved: (channel: Channel, created: boolean) => void | Promise<void>;
  onStale: () => void | Promise<void>;
};

/**
 * Add or edit a group robot. The webhook address and the secret are never shown again once saved: left empty when
 * editing, they stay as they are.
 */
export function ChannelFormDrawer({ channel, registry, onClose, onSaved, onStale }: Props) {
  const [form] = Form.useForm<Values>();
  const [current, setCurrent] = useState(channel);
  const { saving, error, save, conflictOffer } = useFormSave<Channel>(form, FIELDS);
  const kind = Form.useWatch("kind", form) ?? current?.kind ?? "dingtalk";
  const clearSecret = Form.useWatch("clearSecret", form) ?? false;
  const hint = CHANNEL_KIND_HINTS[kind];

  const onFinish = async (values: Values) => {
    const url = values.url?.trim() || undefined;
    const secret = values.secret?.trim() || undefined;
    const common = {
      kind: values.kind,
      name: values.name.trim(),
      unitId: values.unitId ?? null,
      enabled: values.enabled,
    };
    if (!current) {
      await save(async () =>
        onSaved(await api.channels.create({ ...common, url: url ?? "", ...(secret ? { secret } : {}) }), true),
      );
      return;
    }
    const patch: ChannelPatch = { ...common, version: current.version };
    if (url) patch.url = url;
    if (hint.secret === null || values.clearSecret) patch.secret = null;
    else if (secret) patch.secret = secret;
    await save(async () => onSaved(await api.channels.update(current.id, patch), false), {
      onConflict: async () => {
        await onStale();
        return api.channels.get(current.id).catch(() => null);
      },
    });
  };

  return (
    <FormDrawer
      title={current ? `编辑群机器人：${current.name}` : "添加群机器人"}
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <SaveErrorAlert
        error={error}
        conflict={conflictOffer((record) => {
          setCurrent(record);
          form.setFieldsValue(initialValues(record));
        })}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={saving}
        initialValues={initialValues(channel)}
        onFinish={onFinish}
      >
        <Form.Item label="机器人类型" name="kind" rules={[{ required: true, message: "请选择机器人类型" }]}>
          <Select options={CHANNEL_KIND_OPTIONS} />
        </Form.Item>
        <Form.Item
          label="名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: "请输入名称" },
            { max: 50, message: "名称不能超过 50 个字" },
          ]}
        >
          <Input placeholder="如“城关街道工作群”" />
        </Form.Item>
        <Form.Item
          label="Webhook 地址"
          name="url"
          extra={current ? `当前：${current.urlHint}。不修改请留空。` : hint.url}
          rules={[
            { required: !current, whitespace: true, message: "请粘贴机器人的 Webhook 地址" },
            { pattern: /^https?:\/\/\S+$/i, message: "Webhook 地址须以 http:// 或 https:// 开头" },
            { max: 1000, message: "地址不能超过 1000 个字符" },
          ]}
        >
          <Input autoComplete="off" placeholder={current ? "不修改请留空" : "https://…"} />
        </Form.Item>
        {hint.secret !== null && (
          <>
            <Form.Item
              label="签名密钥"
              name="secret"
              extra={current?.hasSecret ? "已设置密钥（不显示）。不修改请留空。" : hint.secret}
              rules={[
                { max: 200, message: "密钥不能超过 200 个字符" },
                { pattern: /^\S*$/, message: "密钥不能包含空格" },
              ]}
            >
              <Input.Password autoComplete="new-password" disabled={clearSecret} placeholder="未开启签名可不填" />
            </Form.Item>
            {current?.hasSecret && (
              <Form.Item name="clearSecret" valuePropName="checked" style={{ marginTop: -12 }}>
                <Checkbox>清除密钥（机器人已关闭签名）</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        <Form.Item
          label="所属单位"
          name="unitId"
          extra="选择单位：该单位的到期提醒、催办、督办和通报发到此群。不选：本机关的群，接收督办单和通报。"
        >
          <UnitSelect registry={registry} placeholder="本机关（不属于某个单位）" />
        </Form.Item>
        <Form.Item label="启用" name="enabled" valuePropName="checked">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
