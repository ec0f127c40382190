import { FileTextOutlined, InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Modal, Progress, Typography, Upload } from "antd";
import { useEffect, useRef, useState } from "react";
import type { NoTasksDetails, ParseChoices, PlanDetail } from "../../../shared/api";
import { ApiError, api, errorMessage } from "../../api/client";
import { fileSize } from "../../components/fileSize";
import { ImportChoices } from "./layout/ImportChoices";

/** The formats the parser reads; the server checks again. */
const ACCEPTED = [".txt", ".docx", ".doc", ".wps", ".pdf", ".ofd", ".xlsx", ".html", ".htm"];
const MAX_BYTES = 50 * 1024 * 1024;

/** Formats people have but the parser does not read, with what to do instead. */
const CONVERT_HINTS: Record<string, string> = {
  ".xls": "暂不支持 .xls 格式，请在 Excel 中“另存为” .xlsx 后上传。",
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot).toLowerCase();
}

/** Why a file cannot be sent, before sending it; null when it may be. */
function fileProblem(file: File): string | null {
  const extension = extensionOf(file.name);
  if (CONVERT_HINTS[extension]) return CONVERT_HINTS[extension];
  if (!ACCEPTED.includes(extension))
    return "只能上传 Word(.docx/.doc)、WPS(.wps)、PDF、OFD、Excel(.xlsx)、网页(.html) 或文本(.txt) 文件。";
  if (file.size > MAX_BYTES) return `文件大小为 ${fileSize(file.size)}，超过 50 MB 的上限，请压缩或拆分后上传。`;
  if (file.size === 0) return "文件是空的，请检查后重新选择。";
  return null;
}

type Sending = { name: string; size: number; percent: number };

type Props = { onClose: () => void; onImported: (plan: PlanDetail) => void };

/** 导入方案: drop or choose a document; it is read into a draft plan for review. */
export function PlanImportModal({ onClose, onImported }: Props) {
  const [sending, setSending] = useState<Sending | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** a file the parser found no tasks in, with what it holds to choose from */
  const [refused, setRefused] = useState<{ file: File; details: NoTasksDetails } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const busy = sending !== null;

  // Leaving the dialog while a file is on its way stops sending it.
  useEffect(() => () => abort.current?.abort(), []);

  const send = async (file: File, choices?: ParseChoices) => {
    const problem = fileProblem(file);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    if (!choices) setRefused(null);
    setSending({ name: file.name, size: file.size, percent: 0 });
    const controller = new AbortController();
    abort.current = controller;
    try {
      const plan = await api.plans.import(
        file,
        { signal: controller.signal, onProgress: (percent) => setSending((u) => u && { ...u, percent }) },
        choices,
      );
      onImported(plan);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === "aborted") return;
      setError(errorMessage(failure));
      if (failure instanceof ApiError && failure.code === "no_tasks" && failure.details) {
        setRefused({ file, details: failure.details as NoTasksDetails });
      }
    } finally {
      abort.current = null;
      setSending(null);
    }
  };

  const reading = sending !== null && sending.percent >= 100;

  // once the file is sent the server reads it into a draft whatever happens here: stopping now would only hide it
  const cancel = () => {
    if (reading) return;
    abort.current?.abort();
    onClose();
  };

  return (
    <Modal
      open
      title="导入方案"
      width={600}
      onCancel={cancel}
      closable={!reading}
      keyboard={!reading}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button onClick={cancel} disabled={reading}>
          {busy ? "取消导入" : "关闭"}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        上传上级或本级印发的实施方案、工作要点、任务分工表，系统将自动识别其中的任务、责任单位和完成时限，导入后为草稿，核对无误后再交办。
      </Typography.Paragraph>
      <Upload.Dragger
        accept={ACCEPTED.join(",")}
        multiple={false}
        showUploadList={false}
        disabled={busy}
        customRequest={({ file }) => {
          if (file instanceof File) void send(file);
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">将方案文件拖到此处，或点击选择文件</p>
        <p className="ant-upload-hint">
          支持 Word(.docx/.doc)、WPS(.wps)、PDF、OFD、Excel(.xlsx)、网页(.html)、文本(.txt)，不超过 50 MB
        </p>
      </Upload.Dragger>
      {sending && (
        <Flex vertical gap={4} style={{ marginTop: 16 }} data-testid="import-progress">
          <Flex gap={8} align="center">
            <FileTextOutlined />
            <Typography.Text ellipsis style={{ flex: 1 }}>
              {sending.name}
            </Typography.Text>
            <Typography.Text type="secondary">{fileSize(sending.size)}</Typography.Text>
          </Flex>
          <Progress percent={sending.percent} status="active" showInfo={!reading} />
          <Typography.Text type="secondary">
            {reading
              ? "上传完成，正在识别方案内容，请稍候……（已无法取消，识别完成后方案将作为草稿保存）"
              : "正在上传……"}
          </Typography.Text>
        </Flex>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title="导入失败"
          description={error}
          style={{ marginTop: 16 }}
          data-testid="import-error"
        />
      )}
      {refused && (
        <ImportChoices
          key={refused.file.name}
          details={refused.details}
          busy={busy}
          onImport={(choices) => void send(refused.file, choices)}
        />
      )}
    </Modal>
  );
}
