import { WarningFilled } from "@ant-design/icons";
import { Empty, Tooltip, Typography } from "antd";
import { type CSSProperties, type KeyboardEvent, useEffect, useMemo, useRef } from "react";
import type { PlanDetail } from "../../../../shared/api";
import { keyed } from "../../../components/keyed";
import { type Focus, scrollWithin } from "./focus";
import { sourceSegments } from "./sourceSegments";

type Props = {
  plan: PlanDetail;
  selectedTaskId: number | null;
  focus: Focus | null;
  onSelect: (taskId: number) => void;
};

const TEXT_STYLE: CSSProperties = {
  whiteSpace: "pre-wrap",
  wordBreak: "break-word",
  fontFamily: '"FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif',
  fontSize: 15,
  lineHeight: 1.9,
  margin: 0,
};

/** Neighbouring tasks alternate two tints so that where one ends and the next begins stays visible. */
const TINTS = ["#e6f4ff", "#f6ffed"];

function spanStyle(index: number, selected: boolean): CSSProperties {
  return {
    background: selected ? "#ffe58f" : TINTS[index % 2],
    boxShadow: selected ? "0 0 0 2px #faad14" : undefined,
    boxDecorationBreak: "clone",
    WebkitBoxDecorationBreak: "clone",
    borderRadius: 2,
    cursor: "pointer",
    transition: "background-color 0.2s",
  };
}

/** The document as it was read, with each task's words highlighted; a click on them selects the task. */
export function SourcePane({ plan, selectedTaskId, focus, onSelect }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const text = plan.sourceText ?? "";

  const segments = useMemo(() => {
    const spans = plan.tasks.flatMap((task) =>
      task.source ? [{ taskId: task.id, start: task.source.start, end: task.source.end }] : [],
    );
    return sourceSegments(text, spans, plan.warnings);
  }, [text, plan.tasks, plan.warnings]);

  // The order of tasks in the text decides the tint, so that two neighbours never share one.
  const tintIndex = useMemo(() => {
    const order = new Map<number, number>();
    for (const segment of segments) {
      if (segment.taskId !== null && !order.has(segment.taskId)) order.set(segment.taskId, order.size);
    }
    return order;
  }, [segments]);

  useEffect(() => {
    const root = container.current;
    if (!focus || focus.origin === "source" || !root) return;
    let target: HTMLElement | null = null;
    if (focus.taskId !== undefined) target = root.querySelector(`[data-task-id="${focus.taskId}"]`);
    else if (focus.offset !== undefined) {
      const segment = segments.find((s) => s.start <= (focus.offset as number) && (focus.offset as number) < s.end);
      if (segment) target = root.querySelector(`[data-start="${segment.start}"]`);
    }
    if (target) scrollWithin(root, target);
  }, [focus, segments]);

  if (!text) {
    return (
      <Empty
        style={{ marginTop: 64 }}
        description="该方案是手工新建的，没有原文。任务在右侧逐项添加。"
        image={Empty.PRESENTED_IMAGE_SIMPLE}
      />
    );
  }

  const onKey = (taskId: number) => (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(taskId);
    }
  };

  return (
    <div ref={container} style={{ height: "100%", overflow: "auto", padding: "16px 20px" }} data-testid="source-text">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        底色标出的是识别出的任务，点击可在右侧查看；
        <WarningFilled style={{ color: "#faad14" }} /> 为需要核对之处。
      </Typography.Paragraph>
      <div style={TEXT_STYLE}>
        {segments.map((segment) => {
          const words = text.slice(segment.start, segment.end);
          const markers = keyed(segment.warnings, (w) => `${w.code}:${w.message}`).map(([key, warning]) => (
            <Tooltip key={key} title={warning.message}>
              <WarningFilled
                aria-label={`解析提示：${warning.message}`}
                style={{ color: "#faad14", margin: "0 2px", fontSize: 13 }}
              />
            </Tooltip>
          ));
          if (segment.taskId === null) {
            return (
              <span key={segment.start} data-start={segment.start}>
                {markers}
                {words}
              </span>
            );
          }
          const taskId = segment.taskId;
          return (
            <span key={segment.start} data-start={segment.start}>
              {markers}
              {/* biome-ignore lint/a11y/useSemanticElements: a <button> is an inline block and would break the text's line wrapping */}
              <span
                role="button"
                tabIndex={0}
                data-task-id={taskId}
                style={spanStyle(tintIndex.get(taskId) ?? 0, taskId === selectedTaskId)}
                onClick={() => onSelect(taskId)}
                onKeyDown={onKey(taskId)}
              >
                {words}
              </span>
            </span>
          );
        })}
      </div>
    </div>
  );
}
