import { Alert, App, Button, Flex, Space, Table, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import type { Channel } from "../../../shared/api";
import { CHANNEL_KIND_LABELS, type ChannelKind } from "../../../shared/domain";
import { api, errorMessage } from "../../api/client";
import { ActiveTag } from "../../components/ActiveTag";
import { CreateButton, RefreshButton } from "../../components/ToolbarButtons";
import { useRemote } from "../../components/useRemote";
import type { UnitRegistry } from "../../components/useUnits";
import { ChannelFormDrawer } from "./ChannelFormDrawer";

const listChannels = async () => (await api.channels.list()).items;

/** The group robots: add, edit, switch on and off, send a test message. */
export function RobotsTab({ registry }: { registry: UnitRegistry }) {
  const { message, modal } = App.useApp();
  const { data: items, loading, error: loadError, reload } = useRemote<Channel[]>(listChannels, []);
  const [editing, setEditing] = useState<Channel | "new" | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const test = async (channel: Channel) => {
    setBusy(`test:${channel.id}`);
    try {
      const result = await api.channels.test(channel.id);
      if (result.ok) message.success(`测试消息已发到「${channel.name}」，请在群里查看`);
      else modal.error({ title: `「${channel.name}」未收到测试消息`, content: result.error });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const setEnabled = async (channel: Channel, enabled: boolean) => {
    setBusy(`enable:${channel.id}`);
    try {
      await api.channels.update(channel.id, { version: channel.version, enabled });
      message.success(enabled ? `已启用「${channel.name}」` : `已停用「${channel.name}」`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
      await reload();
    }
  };

  const columns: TableColumnsType<Channel> = [
    { title: "名称", dataIndex: "name", key: "name", width: 160 },
    {
      title: "类型",
      dataIndex: "kind",
      key: "kind",
      width: 150,
      render: (kind: ChannelKind) => CHANNEL_KIND_LABELS[kind],
    },
    {
      title: "所属单位",
      dataIndex: "unitName",
      key: "unitName",
      width: 180,
      render: (name: string | null) => name ?? <Typography.Text type="secondary">本机关（督办、通报）</Typography.Text>,
    },
    {
      title: "Webhook 地址",
      dataIndex: "urlHint",
      key: "urlHint",
      render: (hint: string) => (
        <Typography.Text code style={{ wordBreak: "break-all" }}>
          {hint}
        </Typography.Text>
      ),
    },
    {
      title: "签名",
      dataIndex: "hasSecret",
      key: "hasSecret",
      width: 80,
      render: (has: boolean) => (has ? "已设置" : "—"),
    },
    {
      title: "状态",
      dataIndex: "enabled",
      key: "enabled",
      width: 80,
      render: (enabled: boolean) => <ActiveTag active={enabled} />,
    },
    {
      title: "操作",
      key: "actions",
      width: 180,
      fixed: "end",
      render: (_, channel) => (
        <Space size="small">
          <Button type="link" size="small" onClick={() => setEditing(channel)}>
            编辑
          </Button>
          <Button type="link" size="small" loading={busy === `test:${channel.id}`} onClick={() => void test(channel)}>
            测试
          </Button>
          <Button
            type="link"
            size="small"
            danger={channel.enabled}
            loading={busy === `enable:${channel.id}`}
            onClick={() => void setEnabled(channel, !channel.enabled)}
          >
            {channel.enabled ? "停用" : "启用"}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Flex justify="space-between" wrap gap={12}>
        <Typography.Text type="secondary">
          各单位的群机器人接收该单位的到期提醒、催办、督办和通报；本机关的群接收督办单和通报。
        </Typography.Text>
        <Flex gap={12}>
          <RefreshButton onClick={() => void reload()} />
          <CreateButton onClick={() => setEditing("new")}>添加群机器人</CreateButton>
        </Flex>
      </Flex>
      {loadError && <Alert type="error" showIcon title={loadError} />}
      <Table<Channel>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={items}
        scroll={{ x: 1000 }}
        pagination={{ defaultPageSize: 20, showTotal: (total) => `共 ${total} 个群机器人` }}
        locale={{ emptyText: "尚未添加群机器人" }}
      />
      {editing !== null && (
        <ChannelFormDrawer
          channel={editing === "new" ? null : editing}
          registry={registry}
          onClose={() => setEditing(null)}
          onStale={reload}
          onSaved={async (channel, created) => {
            setEditing(null);
            message.success(
              created ? `已添加「${channel.name}」，可点“测试”检查是否收到` : `已保存「${channel.name}」`,
            );
            await reload();
          }}
        />
      )}
    </Space>
  );
}
