import { Tag } from "antd";

export function ActiveTag({ active }: { active: boolean }) {
  return active ? <Tag color="success">启用</Tag> : <Tag color="default">停用</Tag>;
}
