import { Alert, App, Card, Radio, Table, Typography } from "antd";
import { useCallback, useState } from "react";
import type { NotificationPreference, NotificationPreferences } from "../../../shared/api";
import {
  NOTIFICATION_CHANNEL_LABELS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KIND_LABELS,
  type NotificationChannel,
  type NotificationKind,
} from "../../../shared/domain";
import { api, errorMessage } from "../../api/client";
import { PageLoading } from "../../components/PageLoading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useRemote } from "../../components/useRemote";

/** When each kind of notice comes, in the words of the page. */
const WHEN: Record<NotificationKind, string> = {
  assigned: "方案交办后，本单位收到新任务时（每个方案一条，列出全部任务）",
  reminder: "任务期次临近截止时",
  urge: "任务期次逾期未报送时",
  order: "统筹部门签发督办单时",
  bulletin: "统筹部门发布通报时",
  returned: "本单位报送的进展报告被退回时（附退回原因）",
  accepted: "本单位报送的进展报告审核通过时",
  extension: "延期申请获批准或未获批准时（附新的完成时限）",
  review: "有新报送的进展报告待您审核时（每小时汇总一条）",
  security: "账号因多次输错密码被锁定时",
};

const OPTIONS = NOTIFICATION_CHANNELS.map((value) => ({ value, label: NOTIFICATION_CHANNEL_LABELS[value] }));

/** Whether emails can reach this person at all, said before they choose. */
function EmailNote({ data }: { data: NotificationPreferences }) {
  if (!data.emailEnabled)
    return (
      <Alert
        type="info"
        showIcon
        title="本系统未配置邮件服务器，目前不发送邮件；选择“站内消息 + 邮件/群机器人”时，群机器人仍会收到本单位的消息。"
        style={{ marginBottom: 16 }}
      />
    );
  if (!data.email)
    return (
      <Alert
        type="warning"
        showIcon
        title="您的账号没有填写邮箱，邮件无法送达；如需邮件提醒，请联系系统管理员补充邮箱。"
        style={{ marginBottom: 16 }}
      />
    );
  return (
    <Typography.Paragraph type="secondary">
      邮件发送至 {data.email}；群机器人为本单位在“消息渠道”中配置的钉钉、企业微信或飞书群。
    </Typography.Paragraph>
  );
}

/** 消息设置: for each kind of notice, the app only, or the app and email and the unit's group robots. */
export default function NotificationSettingsPage() {
  useDocumentTitle("消息设置");
  const { message } = App.useApp();
  const load = useCallback(() => api.notifications.preferences(), []);
  const { data, loading, error, setData } = useRemote<NotificationPreferences | null>(load, null);
  const [saving, setSaving] = useState<NotificationKind | null>(null);

  const choose = async (kind: NotificationKind, channel: NotificationChannel) => {
    setSaving(kind);
    try {
      setData(await api.notifications.choose({ kind, channel }));
      message.success(`已保存：${NOTIFICATION_KIND_LABELS[kind]} · ${NOTIFICATION_CHANNEL_LABELS[channel]}`);
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setSaving(null);
    }
  };

  return (
    <Card title="消息设置" style={{ maxWidth: 960 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {!data && loading && <PageLoading />}
      {data && (
        <>
          <Typography.Paragraph>
            每类通知都会出现在右上角的铃铛中；您可以逐类选择是否同时通过邮件和群机器人发送。
          </Typography.Paragraph>
          <EmailNote data={data} />
          <Table<NotificationPreference>
            rowKey="kind"
            size="middle"
            pagination={false}
            dataSource={data.items}
            columns={[
              {
                title: "通知类型",
                dataIndex: "kind",
                width: 120,
                render: (kind: NotificationKind) => NOTIFICATION_KIND_LABELS[kind],
              },
              {
                title: "何时收到",
                dataIndex: "kind",
                key: "when",
                // on a phone the choice comes first; the kind's name says enough there
                responsive: ["md"],
                render: (kind: NotificationKind) => WHEN[kind],
              },
              {
                title: "接收方式",
                dataIndex: "channel",
                width: 320,
                render: (channel: NotificationChannel, row) => (
                  <Radio.Group
                    aria-label={`${NOTIFICATION_KIND_LABELS[row.kind]}的接收方式`}
                    optionType="button"
                    size="small"
                    options={OPTIONS}
                    value={channel}
                    disabled={saving !== null}
                    onChange={(event) => choose(row.kind, event.target.value)}
                  />
                ),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {WHEN.security}的通知始终同时发送邮件，不能关闭。
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
