import { Modal } from "antd";
import type { ReactNode } from "react";

type Props = {
  title: string;
  okText: string;
  width?: number;
  saving: boolean;
  onOk: () => void;
  onClose: () => void;
  children: ReactNode;
};

/** A dialog holding a form, submitted with its OK button; a click beside it does not throw the typing away. */
export function FormModal({ title, okText, width, saving, onOk, onClose, children }: Props) {
  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}
