import { App, Button, Form, Input, Popconfirm, Space } from "antd";
import { useState } from "react";
import type { ExtensionRequest } from "../../../shared/api";
import { ApiError, api, errorMessage } from "../../api/client";
import { FormModal } from "../../components/FormModal";

type Props = {
  request: ExtensionRequest;
  /** After a decision (or after finding it already decided): the caller reads its list again. */
  onDecided: (request: ExtensionRequest | null) => void;
};

/** 同意 / 不同意 of a pending extension request, for the coordinating office; 不同意 asks for the reason. */
export function ExtensionDecisionButtons({ request, onDecided }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ comment?: string }>();

  const decide = async (approve: boolean, comment?: string) => {
    setBusy(true);
    try {
      const decided = await api.extensionRequests.decide(request.id, {
        approve,
        comment: comment || undefined,
        version: request.version,
      });
      message.success(
        approve ? `已同意${decided.unitName}延期至 ${decided.requestedDueOn}` : `已不同意${decided.unitName}的延期申请`,
      );
      setRejecting(false);
      onDecided(decided);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        message.warning(`${errorMessage(failure)}，已刷新`);
        setRejecting(false);
        onDecided(null);
      } else {
        message.error(errorMessage(failure));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size={0}>
      <Popconfirm
        title={`同意延期至 ${request.requestedDueOn}？`}
        description="同意后该期的截止日期随之改变。"
        okText="同意"
        onConfirm={() => decide(true)}
      >
        <Button type="link" size="small" loading={busy && !rejecting}>
          同意
        </Button>
      </Popconfirm>
      <Button type="link" size="small" danger onClick={() => setRejecting(true)}>
        不同意
      </Button>
      {rejecting && (
        <FormModal
          title={`不同意${request.unitName}的延期申请`}
          okText="不同意"
          saving={busy}
          onOk={() => form.submit()}
          onClose={() => setRejecting(false)}
        >
          <Form form={form} layout="vertical" onFinish={(values) => void decide(false, values.comment?.trim())}>
            <Form.Item label="意见" name="comment" rules={[{ max: 2000, message: "不能超过 2000 个字" }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} placeholder="说明不同意的理由，单位可以看到" />
            </Form.Item>
          </Form>
        </FormModal>
      )}
    </Space>
  );
}
