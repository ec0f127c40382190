import { Alert, App, Button, Flex, Input, Popconfirm, Select, Space, Table, type TableColumnsType, Tag } from "antd";
import { useCallback, useState } from "react";
import type { Unit, UnitListQuery } from "../../../shared/api";
import { UNIT_TYPE_LABELS, type UnitType } from "../../../shared/domain";
import { api, errorMessage } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { ActiveTag } from "../../components/ActiveTag";
import { CreateButton, ExportButton, RefreshButton } from "../../components/ToolbarButtons";
import { useRemote } from "../../components/useRemote";
import { UNIT_TYPE_OPTIONS, type UnitRegistry } from "../../components/useUnits";
import { UnitFormDrawer } from "./UnitFormDrawer";

type ActiveFilter = "all" | "active" | "inactive";

const ACTIVE_OPTIONS: { value: ActiveFilter; label: string }[] = [
  { value: "all", label: "全部状态" },
  { value: "active", label: "启用" },
  { value: "inactive", label: "停用" },
];

type Filters = { q: string; type: UnitType | undefined; active: ActiveFilter };

function toQuery(filters: Filters): UnitListQuery {
  return {
    q: filters.q.trim() || undefined,
    type: filters.type,
    active: filters.active === "all" ? undefined : filters.active === "active",
  };
}

/** The searchable unit table with create, edit, deactivate and re-activate for units.manage users. */
export function UnitRegistryTab({ registry }: { registry: UnitRegistry }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const manage = can("units.manage");
  const [filters, setFilters] = useState<Filters>({ q: "", type: undefined, active: "all" });
  const [searchText, setSearchText] = useState("");
  const [editing, setEditing] = useState<Unit | "new" | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const listUnits = useCallback(async () => (await api.units.list(toQuery(filters))).items, [filters]);
  const { data: items, loading, error: loadError, reload: load } = useRemote<Unit[]>(listUnits, []);

  const reloadAll = async () => {
    await Promise.all([load(), registry.reload()]);
  };

  const setActive = async (unit: Unit, active: boolean) => {
    setBusyId(unit.id);
    try {
      if (active) await api.units.update(unit.id, { version: unit.version, active: true });
      else await api.units.deactivate(unit.id, unit.version);
      message.success(active ? `已启用「${unit.name}」` : `已停用「${unit.name}」`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusyId(null);
      await reloadAll();
    }
  };

  const columns: TableColumnsType<Unit> = [
    { title: "名称", dataIndex: "name", key: "name", width: 220 },
    { title: "简称", dataIndex: "shortName", key: "shortName", width: 120, render: (v: string | null) => v ?? "—" },
    {
      title: "别名",
      dataIndex: "aliases",
      key: "aliases",
      render: (aliases: string[]) =>
        aliases.length === 0 ? (
          "—"
        ) : (
          <Flex wrap gap={4}>
            {aliases.map((alias) => (
              <Tag key={alias} style={{ marginInlineEnd: 0 }}>
                {alias}
              </Tag>
            ))}
          </Flex>
        ),
    },
    { title: "类型", dataIndex: "type", key: "type", width: 120, render: (t: UnitType) => UNIT_TYPE_LABELS[t] },
    {
      title: "上级单位",
      dataIndex: "parentId",
      key: "parentId",
      width: 160,
      render: (id: number | null) => (id === null ? "—" : (registry.byId.get(id)?.name ?? `#${id}`)),
    },
    {
      title: "状态",
      dataIndex: "active",
      key: "active",
      width: 80,
      render: (active: boolean) => <ActiveTag active={active} />,
    },
    { title: "排序", dataIndex: "sortOrder", key: "sortOrder", width: 80, align: "right" },
  ];
  if (manage) {
    columns.push({
      title: "操作",
      key: "actions",
      width: 130,
      fixed: "end",
      render: (_, unit) => (
        <Space size="small">
          <Button type="link" size="small" onClick={() => setEditing(unit)}>
            编辑
          </Button>
          {unit.active ? (
            <Popconfirm
              title={`停用「${unit.name}」？`}
              description="停用后不再向该单位交办任务，已有记录保留，可随时重新启用。"
              okText="停用"
              okButtonProps={{ danger: true }}
              onConfirm={() => setActive(unit, false)}
            >
              <Button type="link" size="small" danger loading={busyId === unit.id}>
                停用
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" loading={busyId === unit.id} onClick={() => setActive(unit, true)}>
              启用
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Flex wrap gap={12} justify="space-between">
        <Flex wrap gap={12}>
          <Input.Search
            aria-label="搜索单位"
            placeholder="搜索名称、简称或别名"
            allowClear
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => setFilters((f) => ({ ...f, q: value }))}
            style={{ width: 280 }}
          />
          <Select
            aria-label="单位类型"
            placeholder="全部类型"
            allowClear
            options={UNIT_TYPE_OPTIONS}
            value={filters.type}
            onChange={(type: UnitType | undefined) => setFilters((f) => ({ ...f, type }))}
            style={{ width: 160 }}
          />
          <Select
            aria-label="状态"
            options={ACTIVE_OPTIONS}
            value={filters.active}
            onChange={(active: ActiveFilter) => setFilters((f) => ({ ...f, active }))}
            style={{ width: 120 }}
          />
          <RefreshButton onClick={() => void reloadAll()} />
          <ExportButton onExport={() => api.units.exportList(toQuery(filters))} />
        </Flex>
        {manage && <CreateButton onClick={() => setEditing("new")}>新建单位</CreateButton>}
      </Flex>
      {loadError && <Alert type="error" showIcon title={loadError} />}
      <Table<Unit>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={items}
        scroll={{ x: 1000 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个单位` }}
        locale={{
          emptyText: filters.q || filters.type || filters.active !== "all" ? "没有符合条件的单位" : "暂无单位",
        }}
      />
      {editing !== null && (
        <UnitFormDrawer
          unit={editing === "new" ? null : editing}
          registry={registry}
          onClose={() => setEditing(null)}
          onSaved={async (saved, created) => {
            setEditing(null);
            message.success(created ? `已新建单位「${saved.name}」` : `已保存「${saved.name}」`);
            await reloadAll();
          }}
          onStale={reloadAll}
        />
      )}
    </Space>
  );
}
