import { Form, Input, Select } from "antd";
import type { UnitGroup } from "../../../shared/api";
import type { UnitType } from "../../../shared/domain";
import { api } from "../../api/client";
import { AliasInput, cleanAliases } from "../../components/AliasInput";
import { FormModal } from "../../components/FormModal";
import { SaveErrorAlert } from "../../components/SaveErrorAlert";
import { UnitSelect } from "../../components/UnitSelect";
import { useFormSave } from "../../components/useFormSave";
import { UNIT_TYPE_OPTIONS, type UnitRegistry } from "../../components/useUnits";

type GroupFormValues = { name: string; aliases: string[]; unitTypes: UnitType[]; memberIds: number[] };

const FIELDS = ["name", "aliases", "unitTypes", "memberIds"] as const;

type Props = {
  /** null creates a new group */
  group: UnitGroup | null;
  registry: UnitRegistry;
  onClose: () => void;
  onSaved: (group: UnitGroup, created: boolean) => void | Promise<void>;
  onStale: () => void | Promise<void>;
};

/** Create or edit a unit group; edits carry the group's version. */
export function UnitGroupFormModal({ group, registry, onClose, onSaved, onStale }: Props) {
  const [form] = Form.useForm<GroupFormValues>();
  const { saving, error, save } = useFormSave(form, FIELDS);
  const creating = group === null;

  const onFinish = async (values: GroupFormValues) => {
    const fields = {
      name: values.name.trim(),
      aliases: cleanAliases(values.aliases),
      unitTypes: values.unitTypes ?? [],
      memberIds: values.memberIds ?? [],
    };
    if (creating) {
      await save(async () => onSaved(await api.unitGroups.create(fields), true));
      return;
    }
    await save(
      async () => onSaved(await api.unitGroups.update(group.id, { ...fields, version: group.version }), false),
      {
        onConflict: async () => {
          await onStale();
          return null;
        },
      },
    );
  };

  return (
    <FormModal
      title={creating ? "新建单位分组" : `编辑单位分组：${group.name}`}
      okText="保存"
      width={640}
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      <SaveErrorAlert error={error} />
      <Form<GroupFormValues>
        form={form}
        layout="vertical"
        disabled={saving}
        initialValues={
          group
            ? { name: group.name, aliases: group.aliases, unitTypes: group.unitTypes, memberIds: group.memberIds }
            : { aliases: [], unitTypes: [], memberIds: [] }
        }
        onFinish={onFinish}
      >
        <Form.Item
          label="分组名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: "请输入分组名称" },
            { max: 100, message: "名称不能超过 100 个字" },
          ]}
        >
          <Input placeholder="如“各乡镇”" />
        </Form.Item>
        <Form.Item label="别名" name="aliases" extra="同一分组在文件中的其他说法，如“各镇(街道)”，输入后按回车添加。">
          <AliasInput />
        </Form.Item>
        <Form.Item label="按类型包含" name="unitTypes" extra="包含所选类型的全部启用单位。">
          <Select mode="multiple" allowClear placeholder="不按类型" options={UNIT_TYPE_OPTIONS} />
        </Form.Item>
        <Form.Item label="指定单位" name="memberIds" extra="另外逐个指定的单位。">
          <UnitSelect registry={registry} mode="multiple" placeholder="不指定" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
