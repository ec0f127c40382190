import { SendOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Segmented, Space, Table, type TableColumnsType, Typography } from "antd";
import { useCallback, useState } from "react";
import type { Delivery, DeliveryList } from "../../../shared/api";
import { DELIVERY_STATUS_LABELS, type DeliveryChannel, type DeliveryStatus } from "../../../shared/domain";
import { api, errorMessage } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { RefreshButton } from "../../components/ToolbarButtons";
import { useRemote } from "../../components/useRemote";
import { timeText } from "../reports/labels";
import { DeliveryStatusTag, deliveryChannelLabel } from "./labels";

type Filter = DeliveryStatus | "all";
const FILTERS: Filter[] = ["failed", "pending", "sent", "all"];
const PAGE_SIZE = 20;

const time = (at: string | null) => (at ? timeText(at) : "—");

const EMPTY: DeliveryList = { items: [], total: 0, counts: { pending: 0, sent: 0, failed: 0 } };

/** The outbox: emails and robot messages waiting, sent, or failed after their last try, with 重新发送. */
export function OutboxTab() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>("failed");
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<number | "run" | null>(null);

  const fetchList = useCallback(
    () => api.deliveries.list({ status: filter === "all" ? undefined : filter, page, pageSize: PAGE_SIZE }),
    [filter, page],
  );
  const { data, loading, error: loadError, reload } = useRemote<DeliveryList>(fetchList, EMPTY);

  const retry = async (delivery: Delivery) => {
    setBusy(delivery.id);
    try {
      await api.deliveries.retry(delivery.id);
      message.success("已重新加入发送队列，将在下一次执行到期任务时发送");
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
      await reload();
    }
  };

  const sendNow = async () => {
    setBusy("run");
    try {
      const run = await api.jobs.run();
      message.success(
        `已发送 ${run.delivered} 条${run.deliveryFailures ? `，${run.deliveryFailures} 条未成功（稍后自动重试）` : ""}`,
      );
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
      await reload();
    }
  };

  const columns: TableColumnsType<Delivery> = [
    { title: "生成时间", dataIndex: "createdAt", key: "createdAt", width: 150, render: time },
    {
      title: "渠道",
      dataIndex: "channel",
      key: "channel",
      width: 130,
      render: (channel: DeliveryChannel) => deliveryChannelLabel(channel),
    },
    { title: "收件方", dataIndex: "address", key: "address", width: 180 },
    {
      title: "标题 / 失败原因",
      dataIndex: "subject",
      key: "subject",
      render: (subject: string, delivery) => (
        <Flex vertical gap={2}>
          <Typography.Text title={delivery.body}>{subject}</Typography.Text>
          {delivery.lastError && (
            <Typography.Text type="danger" style={{ fontSize: 12, wordBreak: "break-all" }}>
              {delivery.lastError}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: "状态",
      dataIndex: "status",
      key: "status",
      width: 100,
      render: (status: DeliveryStatus) => <DeliveryStatusTag status={status} />,
    },
    { title: "已尝试", dataIndex: "attempts", key: "attempts", width: 80, align: "right" },
    {
      title: "发送 / 下次尝试",
      key: "when",
      width: 150,
      render: (_, d) => (d.status === "sent" ? time(d.sentAt) : d.status === "pending" ? time(d.nextAttemptAt) : "—"),
    },
    {
      title: "操作",
      key: "actions",
      width: 100,
      fixed: "end",
      render: (_, delivery) =>
        delivery.status === "failed" ? (
          <Button type="link" size="small" loading={busy === delivery.id} onClick={() => void retry(delivery)}>
            重新发送
          </Button>
        ) : null,
    },
  ];

  const label = (f: Filter) =>
    f === "all"
      ? `全部（${data.counts.pending + data.counts.sent + data.counts.failed}）`
      : `${DELIVERY_STATUS_LABELS[f]}（${data.counts[f]}）`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Flex justify="space-between" wrap gap={12}>
        <Segmented<Filter>
          aria-label="状态"
          value={filter}
          options={FILTERS.map((f) => ({ value: f, label: label(f) }))}
          onChange={(value) => {
            setFilter(value);
            setPage(1);
          }}
        />
        <Flex gap={12}>
          <RefreshButton onClick={() => void reload()} />
          {can("jobs.run") && (
            <Button icon={<SendOutlined />} loading={busy === "run"} onClick={() => void sendNow()}>
              立即发送待发消息
            </Button>
          )}
        </Flex>
      </Flex>
      <Typography.Text type="secondary">
        发送失败的消息会自动重试（间隔 1、5、15、60 分钟……），多次失败后列为“发送失败”，修正设置后可重新发送。
      </Typography.Text>
      {loadError && <Alert type="error" showIcon title={loadError} />}
      <Table<Delivery>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        scroll={{ x: 1200 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data.total,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 条`,
          onChange: setPage,
        }}
        locale={{ emptyText: filter === "failed" ? "没有发送失败的消息" : "暂无消息" }}
      />
    </Space>
  );
}
