import { Tag, Tooltip } from "antd";
import type { Task } from "../../../../shared/api";
import { keyed } from "../../../components/keyed";
import { isDoubtful } from "./doubts";

/** 待核对: the task the parser was unsure of, its reasons in the tooltip. */
export function DoubtTag({ task }: { task: Task }) {
  if (!isDoubtful(task)) return null;
  const reasons = task.doubts.length ? task.doubts : ["识别把握不大，请对照原文核对"];
  return (
    <Tooltip
      title={
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {keyed(reasons, (reason) => reason).map(([key, reason]) => (
            <li key={key}>{reason}</li>
          ))}
        </ul>
      }
    >
      <Tag color="orange" style={{ marginInlineEnd: 0, flex: "none" }} data-testid="doubt-tag">
        待核对
      </Tag>
    </Tooltip>
  );
}
