import { SendOutlined, StopOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Form, Input, Popconfirm, Typography } from "antd";
import { useState } from "react";
import type { SupervisionOrder } from "../../../shared/api";
import { api, errorMessage } from "../../api/client";
import { FormModal } from "../../components/FormModal";
import { SaveErrorAlert } from "../../components/SaveErrorAlert";
import { useFormSave } from "../../components/useFormSave";

/** The office's all-or-none actions on the ticked orders: 批量签发 (drafts only) and 批量撤销 with one reason. */
export function BulkActions({ ticked, onDone }: { ticked: SupervisionOrder[]; onDone: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const drafts = ticked.filter((order) => order.status === "draft");
  const cancellable = ticked.filter((order) => order.status !== "cancelled");
  const versions = (orders: SupervisionOrder[]) => orders.map(({ id, version }) => ({ id, version }));
  const issue = async () => {
    setBusy(true);
    try {
      const { count } = await api.supervisionOrders.issueMany(versions(drafts));
      message.success(`已签发 ${count} 份督办单，已通知被督办单位`);
      onDone();
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex gap={8} align="center" wrap data-testid="bulk-actions">
      <Typography.Text>已选 {ticked.length} 份</Typography.Text>
      <Popconfirm
        title="批量签发"
        description={`签发所选的 ${drafts.length} 份草稿：逐份编号并通知被督办单位，签发后不能再修改。`}
        okText="签发"
        disabled={drafts.length === 0}
        onConfirm={issue}
      >
        <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={drafts.length === 0}>
          批量签发（{drafts.length}）
        </Button>
      </Popconfirm>
      <Button danger icon={<StopOutlined />} disabled={cancellable.length === 0} onClick={() => setCancelling(true)}>
        批量撤销（{cancellable.length}）
      </Button>
      {cancelling && (
        <BulkCancelModal
          orders={cancellable}
          onClose={() => setCancelling(false)}
          onDone={(count) => {
            setCancelling(false);
            message.success(`已撤销 ${count} 份督办单`);
            onDone();
          }}
        />
      )}
    </Flex>
  );
}

function BulkCancelModal({
  orders,
  onDone,
  onClose,
}: {
  orders: SupervisionOrder[];
  onDone: (count: number) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { saving, error, save } = useFormSave(form, ["reason"]);
  const issued = orders.filter((order) => order.status === "issued").length;
  const submit = async () => {
    const { reason } = await form.validateFields();
    await save(async () => {
      const items = orders.map(({ id, version }) => ({ id, version }));
      onDone((await api.supervisionOrders.cancelMany({ items, reason })).count);
    });
  };
  return (
    <FormModal
      title={`批量撤销 ${orders.length} 份督办单`}
      okText="撤销"
      saving={saving}
      onOk={submit}
      onClose={onClose}
    >
      <SaveErrorAlert error={error} />
      {issued > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`其中 ${issued} 份已签发：撤销后将通知被督办单位，文号不再使用。`}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="撤销原因"
          rules={[{ required: true, whitespace: true, message: "请填写撤销原因" }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
