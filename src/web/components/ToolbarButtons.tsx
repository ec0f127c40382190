import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button } from "antd";
import type { ReactNode } from "react";

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
