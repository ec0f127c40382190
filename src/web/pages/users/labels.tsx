import { Tag } from "antd";
import type { User } from "../../../shared/api";
import { ROLE_LABELS } from "../../../shared/domain";

export const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

/** 启用 / 停用 / 已锁定: a disabled account shows as disabled even while also locked. */
export function UserStatusTag({ user }: { user: Pick<User, "disabled" | "locked"> }) {
  if (user.disabled) return <Tag color="error">停用</Tag>;
  if (user.locked) return <Tag color="warning">已锁定</Tag>;
  return <Tag color="success">启用</Tag>;
}
