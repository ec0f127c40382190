import { Button, Drawer, Space } from "antd";
import type { ReactNode } from "react";

type Props = {
  title: string;
  saving: boolean;
  onSave: () => void;
  onClose: () => void;
  /** Wider for forms with lists of entries; 520 by default. */
  width?: number;
  children: ReactNode;
};

/** A side panel holding an edit form, saved with its 保存 button; a click beside it does not throw the typing away. */
export function FormDrawer({ title, saving, onSave, onClose, width = 520, children }: Props) {
  return (
    <Drawer
      open
      title={title}
      size={width}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={onSave}>
            保存
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
