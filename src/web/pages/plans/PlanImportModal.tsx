import { FileTextOutlined, InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Modal, Progress, Typography, Upload } from "antd";
import { useEffect, useRef, useState } from "react";
import type { ImportProgress, NoTasksDetails, ParseChoices, PlanDetail } from "../../../shared/api";
import { ApiError, api, errorMessage } from "../../api/client";
import { fileSize } from "../../components/fileSize";
import { ImportChoices } from "./layout/ImportChoices";

/** The formats the parser reads; the server checks again. */
const ACCEPTED = [
  ".txt",
  ".docx",
  ".doc",
  ".wps",
  ".pdf",
  ".ofd",
  ".xlsx",
  ".html",
  ".htm",
  ".png",
  ".jpg",
  ".jpeg",
  ".tif",
  ".tiff",
];
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
    return "只能上传 Word(.docx/.doc)、WPS(.wps)、PDF、OFD、Excel(.xlsx)、网页(.html)、文本(.txt) 或扫描图片(.png/.jpg/.tif) 文件。";
  if (file.size > MAX_BYTES) return `文件大小为 ${fileSize(file.size)}，超过 50 MB 的上限，请压缩或拆分后上传。`;
  if (file.size === 0) return "文件是空的，请检查后重新选择。";
  return null;
}

type Sending = { name: string; size: number; percent: number; importId: string };

/** A random id for one upload, to ask its progress by (crypto.randomUUID needs a secure context; this does not). */
function newImportId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `imp-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** How often the dialog asks how far the server has come while it reads the file. */
const POLL_MS = 1000;

/**
 * The server's progress of an import while its upload is pending: the pages of a scan recognised so far. Asked
 * once the file is sent; a 404 (not started yet, or a server that keeps no progress) just means nothing to show.
 */
function useImportProgress(importId: string | null, active: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!importId || !active) return;
    let stopped = false;
    const ask = async () => {
      try {
        const now = await api.plans.importProgress(importId);
        if (!stopped) setProgress(now);
      } catch {
        // nothing to show yet: the next look may find it
      }
    };
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [importId, active]);
  return progress;
}

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
    const importId = newImportId();
    setSending({ name: file.name, size: file.size, percent: 0, importId });
    const controller = new AbortController();
    abort.current = controller;
    try {
      const plan = await api.plans.import(
        file,
        {
          signal: controller.signal,
          importId,
          onProgress: (percent) => setSending((u) => u && { ...u, percent }),
        },
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
  const server = useImportProgress(sending?.importId ?? null, reading);
  const recognising = server?.stage === "ocr" && server.total > 0 ? server : null;

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
          支持
          Word(.docx/.doc)、WPS(.wps)、PDF（含扫描件）、OFD、Excel(.xlsx)、网页(.html)、文本(.txt)、扫描图片(.png/.jpg/.tif)，不超过
          50 MB
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
          {recognising && (
            <Flex vertical gap={4} data-testid="ocr-progress">
              <Progress
                percent={Math.round((recognising.done / recognising.total) * 100)}
                status="active"
                format={() => `${recognising.done}/${recognising.total}`}
              />
              <Typography.Text type="secondary">
                正在识别扫描件：第 {Math.min(recognising.done + 1, recognising.total)}/{recognising.total} 页
              </Typography.Text>
            </Flex>
          )}
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
