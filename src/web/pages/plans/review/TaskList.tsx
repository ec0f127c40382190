import { Empty, Flex, Typography } from "antd";
import { useEffect, useMemo, useRef } from "react";
import type { PlanDetail, Task } from "../../../../shared/api";
import { type Focus, scrollWithin } from "./focus";
import { sectionHeading, taskListRows } from "./sections";
import { TaskCard } from "./TaskCard";

type Props = {
  plan: PlanDetail;
  selectedTaskId: number | null;
  focus: Focus | null;
  editable: boolean;
  onSelect: (task: Task) => void;
  onEdit: (task: Task) => void;
  onSplit: (task: Task) => void;
  onMerge: (task: Task, next: Task) => void;
  onDelete: (task: Task) => void;
  onAddAfter: (task: Task) => void;
};

/** The extracted tasks, in document order under their section headings. */
export function TaskList({ plan, selectedTaskId, focus, editable, ...actions }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => taskListRows(plan), [plan]);
  const draft = plan.status === "draft";

  useEffect(() => {
    const root = container.current;
    if (!focus || focus.origin === "list" || focus.taskId === undefined || !root) return;
    const card = root.querySelector<HTMLElement>(`[data-task-card="${focus.taskId}"]`);
    if (card) scrollWithin(root, card);
  }, [focus]);

  return (
    <div
      ref={container}
      style={{ height: "100%", overflow: "auto", padding: "12px 16px 24px" }}
      data-testid="task-list"
    >
      {rows.length === 0 ? (
        <Empty
          style={{ marginTop: 48 }}
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={editable ? "还没有任务，点击“新增任务”逐项添加" : "该方案没有任务"}
        />
      ) : (
        <Flex vertical gap={10}>
          {rows.map((row) =>
            row.kind === "section" ? (
              <Typography.Title
                key={`s${row.section.id}`}
                level={5}
                style={{
                  margin: row.depth === 0 ? "12px 0 0" : "4px 0 0",
                  fontSize: row.depth === 0 ? 15 : 14,
                  fontWeight: row.depth === 0 ? 600 : 500,
                }}
              >
                {sectionHeading(row.section, row.depth)}
              </Typography.Title>
            ) : (
              <TaskCard
                key={row.task.id}
                task={row.task}
                selected={row.task.id === selectedTaskId}
                editable={editable}
                draft={draft}
                hasNext={row.next !== null}
                onSelect={() => actions.onSelect(row.task)}
                onEdit={() => actions.onEdit(row.task)}
                onSplit={() => actions.onSplit(row.task)}
                onMerge={() => row.next && actions.onMerge(row.task, row.next)}
                onDelete={() => actions.onDelete(row.task)}
                onAddAfter={() => actions.onAddAfter(row.task)}
              />
            ),
          )}
        </Flex>
      )}
    </div>
  );
}
