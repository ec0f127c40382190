import { Alert, App, Button, Flex, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import type { UnitGroup } from "../../../shared/api";
import { UNIT_TYPE_LABELS, type UnitType } from "../../../shared/domain";
import { api } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { CreateButton } from "../../components/ToolbarButtons";
import { useRemote } from "../../components/useRemote";
import type { UnitRegistry } from "../../components/useUnits";
import { UnitGroupFormModal } from "./UnitGroupFormModal";

const listGroups = async () => (await api.unitGroups.list()).items;

/** Show at most this many member names in a cell; the rest is summarised. */
const MEMBERS_SHOWN = 6;

function TagList({ values, color }: { values: string[]; color?: string }) {
  if (values.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {values.map((value) => (
        <Tag key={value} color={color} style={{ marginInlineEnd: 0 }}>
          {value}
        </Tag>
      ))}
    </Flex>
  );
}

/** 单位分组: the phrases (各乡镇, 各行政执法部门…) that stand for a set of units, by type or by an explicit list. */
export function UnitGroupsTab({ registry }: { registry: UnitRegistry }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const manage = can("units.manage");
  const [editing, setEditing] = useState<UnitGroup | "new" | null>(null);

  const { data: groups, loading, error: loadError, reload: load } = useRemote<UnitGroup[]>(listGroups, []);

  const memberNames = (ids: number[]) => {
    const names = ids.map((id) => registry.byId.get(id)?.name ?? `#${id}`);
    if (names.length <= MEMBERS_SHOWN) return names;
    return [...names.slice(0, MEMBERS_SHOWN), `等 ${names.length} 个单位`];
  };

  const columns: TableColumnsType<UnitGroup> = [
    { title: "分组名称", dataIndex: "name", key: "name", width: 180 },
    {
      title: "别名",
      dataIndex: "aliases",
      key: "aliases",
      render: (aliases: string[]) => <TagList values={aliases} />,
    },
    {
      title: "按类型包含",
      dataIndex: "unitTypes",
      key: "unitTypes",
      render: (types: UnitType[]) => <TagList values={types.map((t) => UNIT_TYPE_LABELS[t])} color="blue" />,
    },
    {
      title: "指定单位",
      dataIndex: "memberIds",
      width: 260,
      key: "memberIds",
      render: (ids: number[]) => <TagList values={memberNames(ids)} />,
    },
  ];
  if (manage) {
    columns.push({
      title: "操作",
      key: "actions",
      width: 80,
      render: (_, group) => (
        <Button type="link" size="small" onClick={() => setEditing(group)}>
          编辑
        </Button>
      ),
    });
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Text type="secondary">
          方案中“各乡镇”“各行政执法部门”等说法按分组识别：包含所选类型的全部启用单位，以及指定的单位。
        </Typography.Text>
        {manage && <CreateButton onClick={() => setEditing("new")}>新建分组</CreateButton>}
      </Flex>
      {loadError && <Alert type="error" showIcon title={loadError} />}
      <Table<UnitGroup>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={groups}
        pagination={false}
        locale={{ emptyText: "暂无单位分组" }}
      />
      {editing !== null && (
        <UnitGroupFormModal
          group={editing === "new" ? null : editing}
          registry={registry}
          onClose={() => setEditing(null)}
          onSaved={async (saved, created) => {
            setEditing(null);
            message.success(created ? `已新建分组「${saved.name}」` : `已保存分组「${saved.name}」`);
            await load();
          }}
          onStale={load}
        />
      )}
    </Space>
  );
}
