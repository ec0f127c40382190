import { Form, Input, InputNumber, Select } from "antd";
import { useState } from "react";
import type { Unit } from "../../../shared/api";
import type { UnitType } from "../../../shared/domain";
import { api } from "../../api/client";
import { AliasInput, cleanAliases } from "../../components/AliasInput";
import { FormDrawer } from "../../components/FormDrawer";
import { SaveErrorAlert } from "../../components/SaveErrorAlert";
import { UnitSelect } from "../../components/UnitSelect";
import { useFormSave } from "../../components/useFormSave";
import { UNIT_TYPE_OPTIONS, type UnitRegistry } from "../../components/useUnits";

export type UnitFormValues = {
  name: string;
  shortName?: string;
  aliases: string[];
  type: UnitType;
  parentId?: number | null;
  sortOrder?: number | null;
};

const FIELDS = ["name", "shortName", "aliases", "type", "parentId", "sortOrder"] as const;

function initialValues(unit: Unit | null): Partial<UnitFormValues> {
  if (!unit) return { aliases: [], sortOrder: 0 };
  return {
    name: unit.name,
    shortName: unit.shortName ?? undefined,
    aliases: unit.aliases,
    type: unit.type,
    parentId: unit.parentId,
    sortOrder: unit.sortOrder,
  };
}

type Props = {
  /** null creates a new unit */
  unit: Unit | null;
  /** What a new unit's form starts with (a plan's phrase as its name, for example). */
  draft?: Partial<UnitFormValues>;
  registry: UnitRegistry;
  onClose: () => void;
  onSaved: (unit: Unit, created: boolean) => void | Promise<void>;
  /** Called after a 409 version conflict, so the table shows the other person's change. */
  onStale: () => void | Promise<void>;
};

/** Create or edit a unit. Edits carry the unit's version; a stale version keeps the typed values and explains. */
export function UnitFormDrawer({ unit, draft, registry, onClose, onSaved, onStale }: Props) {
  const [form] = Form.useForm<UnitFormValues>();
  // The record the edits apply to: the unit opened, or the latest one after a conflict was loaded.
  const [current, setCurrent] = useState(unit);
  const { saving, error, save, conflictOffer } = useFormSave<Unit>(form, FIELDS);

  const onFinish = async (values: UnitFormValues) => {
    const fields = {
      name: values.name.trim(),
      shortName: values.shortName?.trim() || null,
      aliases: cleanAliases(values.aliases),
      type: values.type,
      parentId: values.parentId ?? null,
      sortOrder: values.sortOrder ?? 0,
    };
    if (!current) {
      await save(async () => onSaved(await api.units.create(fields), true));
      return;
    }
    await save(
      async () => onSaved(await api.units.update(current.id, { ...fields, version: current.version }), false),
      {
        onConflict: async () => {
          await onStale();
          return api.units.get(current.id).catch(() => null);
        },
      },
    );
  };

  return (
    <FormDrawer
      title={current ? `编辑单位：${current.name}` : "新建单位"}
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
      <Form<UnitFormValues>
        form={form}
        layout="vertical"
        initialValues={{ ...initialValues(unit), ...(unit ? {} : draft) }}
        onFinish={onFinish}
        disabled={saving}
      >
        <Form.Item
          label="名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: "请输入单位名称" },
            { max: 100, message: "名称不能超过 100 个字" },
          ]}
          extra="填写规范全称，如“区市场监管分局”。"
        >
          <Input placeholder="单位全称" />
        </Form.Item>
        <Form.Item label="简称" name="shortName" rules={[{ max: 50, message: "简称不能超过 50 个字" }]}>
          <Input placeholder="如“市场监管”，可不填" />
        </Form.Item>
        <Form.Item
          label="别名"
          name="aliases"
          extra="文件中出现的其他叫法，输入后按回车添加；用于把方案里的单位名称识别为本单位。"
          rules={[
            {
              validator: async (_, value: string[] | undefined) => {
                if ((value ?? []).some((alias) => alias.trim().length > 100))
                  throw new Error("每个别名不能超过 100 个字");
                if ((value ?? []).length > 50) throw new Error("别名最多 50 个");
              },
            },
          ]}
        >
          <AliasInput />
        </Form.Item>
        <Form.Item label="类型" name="type" rules={[{ required: true, message: "请选择单位类型" }]}>
          <Select placeholder="请选择" options={UNIT_TYPE_OPTIONS} />
        </Form.Item>
        <Form.Item label="上级单位" name="parentId">
          <UnitSelect registry={registry} exclude={current?.id} placeholder="无" />
        </Form.Item>
        <Form.Item
          label="排序"
          name="sortOrder"
          extra="数字越小越靠前。"
          rules={[{ type: "integer", min: 0, max: 1000000, message: "请输入 0 到 1000000 之间的整数" }]}
        >
          <InputNumber min={0} max={1000000} precision={0} style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
