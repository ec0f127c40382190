import { Alert, App, Button, Card, Flex, Input, Space, Table, type TableColumnsType, Tag } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import type { User } from "../../../shared/api";
import { ROLE_LABELS, type Role } from "../../../shared/domain";
import { userMatches } from "../../../shared/user-search";
import { api } from "../../api/client";
import { CreateButton, ExportButton, RefreshButton } from "../../components/ToolbarButtons";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useRemote } from "../../components/useRemote";
import { useUnits } from "../../components/useUnits";
import { UserStatusTag } from "./labels";
import { UserCreateModal } from "./UserCreateModal";
import { UserEditDrawer } from "./UserEditDrawer";

const listUsers = async () => (await api.users.list()).items;

/** 用户管理 (admin): accounts, their unit and roles; create, edit, disable, unlock, reset password. */
export default function UsersPage() {
  useDocumentTitle("用户管理");
  const { message } = App.useApp();
  const registry = useUnits();
  const [search, setSearch] = useState("");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const { data: users, loading, error: loadError, reload: load } = useRemote<User[]>(listUsers, []);

  const visible = useMemo(() => users.filter((u) => userMatches(u, search)), [users, search]);

  const columns: TableColumnsType<User> = [
    { title: "用户名", dataIndex: "username", key: "username", width: 140 },
    { title: "姓名", dataIndex: "displayName", key: "displayName", width: 140 },
    { title: "所属单位", dataIndex: "unitName", key: "unitName", render: (name: string | null) => name ?? "—" },
    { title: "邮箱", dataIndex: "email", key: "email", width: 200, render: (email: string | null) => email ?? "—" },
    {
      title: "角色",
      dataIndex: "roles",
      key: "roles",
      render: (roles: Role[]) => (
        <Flex wrap gap={4}>
          {roles.map((role) => (
            <Tag key={role} color="blue" style={{ marginInlineEnd: 0 }}>
              {ROLE_LABELS[role]}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: "状态", key: "status", width: 90, render: (_, user) => <UserStatusTag user={user} /> },
    {
      title: "最近登录",
      dataIndex: "lastLoginAt",
      key: "lastLoginAt",
      width: 170,
      render: (at: string | null) => (at ? dayjs(at).format("YYYY-MM-DD HH:mm") : "从未登录"),
    },
    {
      title: "操作",
      key: "actions",
      width: 80,
      fixed: "end",
      render: (_, user) => (
        <Button type="link" size="small" onClick={() => setEditing(user)}>
          编辑
        </Button>
      ),
    },
  ];

  return (
    <Card title="用户管理">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Flex justify="space-between" wrap gap={12}>
          <Flex gap={12} wrap>
            <Input.Search
              aria-label="搜索用户"
              allowClear
              placeholder="搜索用户名、姓名、单位或邮箱"
              onSearch={setSearch}
              onChange={(event) => setSearch(event.target.value)}
              style={{ width: 280 }}
            />
            <RefreshButton onClick={() => void load()} />
            <ExportButton onExport={() => api.users.exportList(search)} />
          </Flex>
          <CreateButton onClick={() => setCreating(true)}>新建用户</CreateButton>
        </Flex>
        {loadError && <Alert type="error" showIcon title={loadError} />}
        <Table<User>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={visible}
          scroll={{ x: 960 }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个用户` }}
          locale={{ emptyText: search ? "没有符合条件的用户" : "暂无用户" }}
        />
      </Space>
      {creating && (
        <UserCreateModal
          registry={registry}
          onClose={() => setCreating(false)}
          onCreated={async (user) => {
            setCreating(false);
            message.success(`已新建用户「${user.displayName}」（${user.username}）`);
            await load();
          }}
        />
      )}
      {editing && (
        <UserEditDrawer user={editing} registry={registry} onClose={() => setEditing(null)} onChanged={load} />
      )}
    </Card>
  );
}
