import { Divider, Empty, Flex, Segmented, Typography } from "antd";
import { useEffect, useMemo, useRef } from "react";
import type { PlanDetail, Task } from "../../../../shared/api";
import { isDoubtful } from "./doubts";
import { type Focus, scrollWithin } from "./focus";
import { sectionHeading, type TaskListRow, taskListRows } from "./sections";
import { TaskCard } from "./TaskCard";

/** In the document's order, or the doubtful tasks first (each part in the document's order). */
export type TaskOrder = "document" | "doubtful";

/** One row of the list with its React key: a section heading, a task, or null for the divider before the rest. */
type Shown = { key: string; row: TaskListRow | null };

const keyOf =
  (part: string) =>
  (row: TaskListRow): Shown => ({
    key: row.kind === "task" ? `t${row.task.id}` : `${part}s${row.section.id}`,
    row,
  });

/** The list's rows in the order asked: the doubtful part, then the divider, then the others. */
function orderedRows(plan: PlanDetail, order: TaskOrder): Shown[] {
  const doubtful = plan.tasks.filter(isDoubtful);
  if (order === "document" || doubtful.length === 0) return taskListRows(plan).map(keyOf(""));
  // a task's next is still the one after it in the document: merging joins those two
  const next = new Map<number, Task | null>();
  for (const row of taskListRows(plan)) if (row.kind === "task") next.set(row.task.id, row.next);
  const part = (tasks: Task[], name: string) =>
    taskListRows({ sections: plan.sections, tasks })
      .map((row) => (row.kind === "task" ? { ...row, next: next.get(row.task.id) ?? null } : row))
      .map(keyOf(name));
  const rest = plan.tasks.filter((task) => !isDoubtful(task));
  return [...part(doubtful, "d"), ...(rest.length ? [{ key: "rest", row: null }, ...part(rest, "r")] : [])];
}

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
  order: TaskOrder;
  onOrder: (order: TaskOrder) => void;
};

/** The extracted tasks, in document order under their section headings. */
export function TaskList({ plan, selectedTaskId, focus, editable, order, onOrder, ...actions }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => orderedRows(plan, order), [plan, order]);
  const doubtful = useMemo(() => plan.tasks.filter(isDoubtful).length, [plan]);
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
      {doubtful > 0 && (
        <Segmented
          size="small"
          style={{ marginBottom: 10 }}
          value={order}
          onChange={onOrder}
          options={[
            { value: "document", label: "按原文顺序" },
            { value: "doubtful", label: `先看存疑的（${doubtful}）` },
          ]}
        />
      )}
      {rows.length === 0 ? (
        <Empty
          style={{ marginTop: 48 }}
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={editable ? "还没有任务，点击“新增任务”逐项添加" : "该方案没有任务"}
        />
      ) : (
        <Flex vertical gap={10}>
          {rows.map(({ key, row }) =>
            row === null ? (
              <Divider key={key} plain style={{ margin: "8px 0" }}>
                其余任务
              </Divider>
            ) : row.kind === "section" ? (
              <Typography.Title
                key={key}
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
                key={key}
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
