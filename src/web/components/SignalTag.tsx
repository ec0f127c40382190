import { Tag } from "antd";
import { SIGNAL_LABELS, type Signal } from "../../shared/domain";

/**
 * 红黄绿灯 colours: `tag` for antd tags, `fill` for the plain cells of the progress matrix (light enough for the role
 * letter on top to stay legible). 已完成 is blue, so that a finished task does not read as merely "on track".
 */
export const SIGNAL_COLORS: Record<Signal, { tag: string; fill: string }> = {
  red: { tag: "error", fill: "#ff9c9c" },
  yellow: { tag: "warning", fill: "#ffe58f" },
  green: { tag: "success", fill: "#b7eb8f" },
  done: { tag: "processing", fill: "#91caff" },
};

/** The signals from the most to the least urgent: the order of legends and filters. */
export const SIGNAL_ORDER: readonly Signal[] = ["red", "yellow", "green", "done"];

export function SignalTag({ signal }: { signal: Signal }) {
  return (
    <Tag color={SIGNAL_COLORS[signal].tag} style={{ marginInlineEnd: 0 }} data-signal={signal}>
      {SIGNAL_LABELS[signal]}
    </Tag>
  );
}
