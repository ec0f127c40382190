import { DownloadOutlined, PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { type ReactNode, useState } from "react";
import { errorMessage } from "../api/client";

/** The list page's main action: 新建… */
export function CreateButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick}>
      {children}
    </Button>
  );
}

/** 刷新: reads the list again. */
export function RefreshButton({ onClick }: { onClick: () => void }) {
  return (
    <Button icon={<ReloadOutlined />} onClick={onClick}>
      刷新
    </Button>
  );
}

/** 导出Excel: downloads the list as it is filtered (all its rows, not only the page); says so while it is made. */
export function ExportButton({ onExport }: { onExport: () => Promise<void> }) {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const run = async () => {
    setExporting(true);
    try {
      await onExport();
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void run()}>
      导出Excel
    </Button>
  );
}
