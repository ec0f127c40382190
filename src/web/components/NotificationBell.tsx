import { BellOutlined } from "@ant-design/icons";
import { App, Badge, Button, Empty, Flex, List, Popover, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import type { Notification, NotificationList } from "../../shared/api";
import { NOTIFICATION_KIND_LABELS } from "../../shared/domain";
import { api, errorMessage } from "../api/client";
import { useRemote } from "./useRemote";

/** How often the bell asks for new notices: the jobs send them every few minutes. */
const POLL_MS = 60_000;

const EMPTY: NotificationList = { items: [], unread: 0 };
const loadLatest = () => api.notifications.list({ limit: 20 });

const timeText = (iso: string) =>
  new Date(iso).toLocaleString("zh-CN", { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });

/** The header's bell: the unread count, and the latest notices; a click opens the page a notice points to. */
export function NotificationBell() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { data, reload, setData } = useRemote<NotificationList>(loadLatest, EMPTY);

  useEffect(() => {
    const timer = window.setInterval(() => void reload(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const openNotice = useCallback(
    async (notice: Notification) => {
      setOpen(false);
      if (!notice.readAt) {
        try {
          const read = await api.notifications.read(notice.id);
          setData((list) => ({
            items: list.items.map((n) => (n.id === read.id ? read : n)),
            unread: Math.max(0, list.unread - 1),
          }));
        } catch (failure) {
          message.error(errorMessage(failure));
        }
      }
      if (notice.link) navigate(notice.link);
    },
    [message, navigate, setData],
  );

  const readAll = async () => {
    try {
      await api.notifications.readAll();
      await reload();
    } catch (failure) {
      message.error(errorMessage(failure));
    }
  };

  const content = (
    <div style={{ width: 380, maxHeight: 460, overflow: "auto" }} data-testid="notification-list">
      {data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
      ) : (
        <List<Notification>
          size="small"
          dataSource={data.items}
          renderItem={(notice) => (
            <List.Item
              style={{ cursor: notice.link ? "pointer" : "default", opacity: notice.readAt ? 0.6 : 1 }}
              onClick={() => void openNotice(notice)}
            >
              <Flex vertical gap={2} style={{ width: "100%" }}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong={!notice.readAt} type={notice.kind === "urge" ? "danger" : undefined}>
                    {notice.title}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: "nowrap" }}>
                    {timeText(notice.createdAt)}
                  </Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {NOTIFICATION_KIND_LABELS[notice.kind]} · {notice.body}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void reload();
      }}
      title={
        <Flex justify="space-between" align="center">
          <span>通知</span>
          {data.unread > 0 && (
            <Button type="link" size="small" onClick={() => void readAll()}>
              全部标为已读
            </Button>
          )}
        </Flex>
      }
      content={content}
    >
      <Button
        type="text"
        aria-label={data.unread > 0 ? `通知（${data.unread} 条未读）` : "通知"}
        data-testid="notification-bell"
      >
        <Badge count={data.unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
