import { CloudUploadOutlined, InboxOutlined, SaveOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Form, Input, InputNumber, Select, Space, Typography, Upload } from "antd";
import dayjs from "dayjs";
import { useRef, useState } from "react";
import type { Report, ReportDetail } from "../../../shared/api";
import { fileTooLargeMessage } from "../../../shared/domain";
import { errorMessage } from "../../api/client";
import { SaveErrorAlert } from "../../components/SaveErrorAlert";
import { useSettings } from "../../components/useSettings";
import type { ReportValues } from "./draftStore";
import { EvidenceFiles } from "./EvidenceFiles";
import { useReportDraft } from "./useReportDraft";

/**
 * The evidence types offered in the file chooser. Only a hint for the chooser: the server tells a file's type by its
 * content and gives the reason when it refuses one.
 */
const ACCEPT = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png", ".ofd"].join(",");

type Sending = { uid: string; name: string };
type Refused = { uid: string; name: string; message: string };

type Props = {
  assignmentId: number;
  period: string | undefined;
  storageKey: string;
  draft: Report | null;
  basis: Report | null;
  onSaved: (report: ReportDetail) => void;
  onSubmitted: (report: ReportDetail) => void;
  onStale: () => void;
  /** Offered while nothing was saved yet (a resubmission just begun): back to the report it starts from. */
  onCancel?: () => void;
};

/** 填报进展: 工作进展, 完成进度, links and 佐证材料, kept as a draft while typed, then 报送. */
export function ReportForm({
  assignmentId,
  period,
  storageKey,
  draft,
  basis,
  onSaved,
  onSubmitted,
  onStale,
  onCancel,
}: Props) {
  const { message } = App.useApp();
  const { maxUploadBytes } = useSettings();
  const [form] = Form.useForm<ReportValues>();
  const writing = useReportDraft({ form, assignmentId, period, storageKey, draft, basis, onSaved, onStale });
  const [sending, setSending] = useState<Sending[]>([]);
  const [refused, setRefused] = useState<Refused[]>([]);
  const [busy, setBusy] = useState<"save" | "submit" | null>(null);
  /** numbers the files dropped, to tell two uploads of the same name apart */
  const uploads = useRef(0);

  const upload = async (file: File) => {
    uploads.current += 1;
    const uid = String(uploads.current);
    setRefused((list) => list.filter((r) => r.name !== file.name));
    // refused here rather than after a long upload on an office network: the server would refuse it the same way
    if (file.size > maxUploadBytes) {
      setRefused((list) => [
        ...list,
        { uid, name: file.name, message: fileTooLargeMessage(maxUploadBytes, file.name) },
      ]);
      return;
    }
    setSending((list) => [...list, { uid, name: file.name }]);
    try {
      await writing.upload(file);
    } catch (failure) {
      setRefused((list) => [...list, { uid, name: file.name, message: errorMessage(failure) }]);
    } finally {
      setSending((list) => list.filter((s) => s.uid !== uid));
    }
  };

  const saveNow = async () => {
    setBusy("save");
    if (await writing.saveNow()) message.success("草稿已保存");
    setBusy(null);
  };

  const submit = async () => {
    if (sending.length > 0) {
      message.warning("材料还在上传，请等上传完成后再报送");
      return;
    }
    setBusy("submit");
    const submitted = await writing.submit();
    setBusy(null);
    if (submitted) onSubmitted(submitted);
  };

  const status = writing.saving
    ? "正在保存……"
    : writing.savedAt
      ? `已自动保存 ${dayjs(writing.savedAt).format("HH:mm:ss")}`
      : writing.report
        ? `草稿保存于 ${dayjs(writing.report.updatedAt).format("YYYY-MM-DD HH:mm")}`
        : "填写的内容会自动保存为草稿";

  return (
    <div data-testid="report-form">
      <SaveErrorAlert error={writing.error} conflict={writing.conflict} />
      {writing.restoreOffer && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`本机保存有 ${dayjs(writing.restoreOffer.typedAt).format("YYYY-MM-DD HH:mm")} 填写、未保存到服务器的内容`}
          description="服务器上的内容此后有过变化。可以恢复本机的内容（将覆盖下方表单），或丢弃。"
          action={
            <Space orientation="vertical">
              <Button size="small" type="primary" onClick={writing.restoreOffer.restore}>
                恢复本机内容
              </Button>
              <Button size="small" onClick={writing.restoreOffer.discard}>
                丢弃
              </Button>
            </Space>
          }
        />
      )}
      {writing.restored && !writing.savedAt && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title="已恢复上次在本机填写、尚未保存的内容" />
      )}
      {writing.storageRefused && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="浏览器不允许在本机保存填写内容（可能处于无痕模式），请及时保存草稿"
        />
      )}
      <Form<ReportValues>
        form={form}
        layout="vertical"
        initialValues={writing.initialValues}
        onValuesChange={writing.onValuesChange}
        disabled={busy === "submit"}
      >
        <Form.Item label="工作进展" name="text">
          <Input.TextArea
            autoSize={{ minRows: 6, maxRows: 20 }}
            maxLength={20000}
            showCount
            placeholder="写明本期开展的工作、取得的成效、存在的问题和下一步打算"
          />
        </Form.Item>
        <Form.Item label="完成进度" name="completion" extra="任务整体完成的比例，可不填">
          <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="相关链接" name="links" extra="如政府网站上公开的信息、新闻报道，以 http:// 或 https:// 开头">
          <Select<string[]>
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={[" ", "\n"]}
            placeholder="粘贴网址后按回车，可添加多个"
          />
        </Form.Item>
        <Form.Item label="佐证材料">
          <Flex vertical gap={8}>
            <Upload.Dragger
              accept={ACCEPT}
              multiple
              showUploadList={false}
              customRequest={({ file }) => {
                if (file instanceof File) void upload(file);
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">将材料拖到此处，或点击选择文件（可多选）</p>
              <p className="ant-upload-hint">
                支持 PDF、Word(doc/docx)、Excel(xls/xlsx)、JPG、PNG 图片和 OFD 文件，每个不超过{" "}
                {Math.round(maxUploadBytes / (1024 * 1024))} MB
              </p>
            </Upload.Dragger>
            {sending.map((s) => (
              <Typography.Text key={s.uid} type="secondary">
                <CloudUploadOutlined /> 正在上传 {s.name}……
              </Typography.Text>
            ))}
            {refused.map((r) => (
              <Alert
                key={r.uid}
                type="error"
                showIcon
                title={`「${r.name}」上传失败`}
                description={r.message}
                closable={{ onClose: () => setRefused((list) => list.filter((x) => x.uid !== r.uid)) }}
                data-testid="upload-error"
              />
            ))}
            <EvidenceFiles
              files={writing.files}
              empty="尚未上传材料"
              onRemove={(file) => void writing.removeFile(file)}
              disabled={busy !== null}
            />
          </Flex>
        </Form.Item>
      </Form>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type="secondary" data-testid="autosave-status">
          {status}
        </Typography.Text>
        <Space>
          {onCancel && !writing.report && <Button onClick={onCancel}>取消</Button>}
          <Button icon={<SaveOutlined />} loading={busy === "save"} disabled={busy === "submit"} onClick={saveNow}>
            保存草稿
          </Button>
          <Button type="primary" icon={<SendOutlined />} loading={busy === "submit"} onClick={submit}>
            报送
          </Button>
        </Space>
      </Flex>
    </div>
  );
}
