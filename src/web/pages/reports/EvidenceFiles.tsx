import { DeleteOutlined, DownloadOutlined, EyeOutlined, PaperClipOutlined } from "@ant-design/icons";
import { App, Button, Flex, Typography } from "antd";
import { useState } from "react";
import type { EvidenceFile } from "../../../shared/api";
import { api, errorMessage } from "../../api/client";
import { fileSize } from "../../components/fileSize";

type Props = {
  files: readonly EvidenceFile[];
  /** Offered in a form: takes the file off the report being written (the file itself stays on record). */
  onRemove?: (file: EvidenceFile) => void;
  disabled?: boolean;
  empty?: string;
};

/** 佐证材料: each file with 下载, and 预览 for those the browser shows itself (PDF, images), in a new tab. */
export function EvidenceFiles({ files, onRemove, disabled, empty = "未上传佐证材料" }: Props) {
  const { message } = App.useApp();
  const [fetching, setFetching] = useState<number | null>(null);

  const download = async (file: EvidenceFile) => {
    setFetching(file.id);
    try {
      await api.files.download(file.token, file.filename);
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setFetching(null);
    }
  };

  if (files.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Flex vertical data-testid="evidence-files" style={{ border: "1px solid #f0f0f0", borderRadius: 6 }}>
      {files.map((file, index) => (
        <Flex
          key={file.id}
          align="center"
          gap={8}
          data-file={file.filename}
          style={{ padding: "4px 12px", borderTop: index === 0 ? undefined : "1px solid #f0f0f0" }}
        >
          <PaperClipOutlined />
          <Typography.Text ellipsis={{ tooltip: file.filename }} style={{ flex: 1, minWidth: 0 }}>
            {file.filename}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ flex: "none" }}>
            {fileSize(file.size)}
          </Typography.Text>
          {file.previewable && (
            <Button
              type="link"
              size="small"
              icon={<EyeOutlined />}
              href={api.files.previewUrl(file.token)}
              target="_blank"
              rel="noopener"
            >
              预览
            </Button>
          )}
          <Button
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            loading={fetching === file.id}
            onClick={() => void download(file)}
          >
            下载
          </Button>
          {onRemove && (
            <Button
              type="link"
              size="small"
              danger
              icon={<DeleteOutlined />}
              disabled={disabled}
              onClick={() => onRemove(file)}
            >
              移除
            </Button>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
