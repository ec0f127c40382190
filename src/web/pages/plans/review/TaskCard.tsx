import {
  DeleteOutlined,
  EditOutlined,
  MergeCellsOutlined,
  MoreOutlined,
  PlusOutlined,
  ScissorOutlined,
} from "@ant-design/icons";
import { Button, Card, Dropdown, Flex, type MenuProps, Tag, Tooltip, Typography } from "antd";
import type { CSSProperties, ReactNode } from "react";
import { isUnresolved } from "../../../../core/plans/task-units";
import type { Task } from "../../../../shared/api";
import { TASK_UNIT_ROLE_LABELS, TASK_UNIT_ROLES } from "../../../../shared/domain";
import { DeadlineTags } from "../../../components/DeadlineTags";
import { keyed } from "../../../components/keyed";
import { DoubtTag } from "./DoubtTag";
import { TaskUnitTags } from "./TaskUnitTags";
import { targetText } from "./targets";
import { unitsOfRole } from "./taskUnits";

export type TaskActions = {
  onSelect: () => void;
  onEdit: () => void;
  onSplit: () => void;
  onMerge: () => void;
  onDelete: () => void;
  onAddAfter: () => void;
};

type Props = TaskActions & {
  task: Task;
  selected: boolean;
  /** the plan may be changed by this user */
  editable: boolean;
  /** split, merge and delete restructure a draft only */
  draft: boolean;
  hasNext: boolean;
};

const GRID: CSSProperties = {
  display: "grid",
  gridTemplateColumns: "68px minmax(0, 1fr)",
  gap: "6px 8px",
  alignItems: "start",
  fontSize: 13,
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography.Text type="secondary" style={{ lineHeight: "22px" }}>
        {label}
      </Typography.Text>
      <div>{children}</div>
    </>
  );
}

/** One extracted task: its number, words, units per role, deadlines and targets, with the editing actions. */
export function TaskCard({ task, selected, editable, draft, hasNext, ...actions }: Props) {
  const unresolved = task.units.some(isUnresolved);
  const noUnits = task.units.length === 0;

  const menu: MenuProps = {
    items: [
      { key: "add", icon: <PlusOutlined />, label: "在此项后新增任务" },
      ...(draft
        ? [
            { key: "split", icon: <ScissorOutlined />, label: "拆分为两项" },
            { key: "merge", icon: <MergeCellsOutlined />, label: "与下一项合并", disabled: !hasNext },
            { type: "divider" as const },
            { key: "delete", icon: <DeleteOutlined />, label: "删除此项", danger: true },
          ]
        : []),
    ],
    onClick: ({ key, domEvent }) => {
      domEvent.stopPropagation();
      if (key === "add") actions.onAddAfter();
      if (key === "split") actions.onSplit();
      if (key === "merge") actions.onMerge();
      if (key === "delete") actions.onDelete();
    },
  };

  return (
    <Card
      size="small"
      hoverable
      data-task-card={task.id}
      onClick={actions.onSelect}
      style={{
        borderColor: selected ? "#1677ff" : unresolved ? "#ffa39e" : undefined,
        background: selected ? "#f0f7ff" : undefined,
        boxShadow: selected ? "0 0 0 1px #1677ff" : undefined,
      }}
    >
      <Flex justify="space-between" align="start" gap={8}>
        <Flex gap={8} align="baseline" style={{ minWidth: 0 }}>
          <Tag color="blue" style={{ marginInlineEnd: 0, flex: "none" }}>
            {task.number}
          </Tag>
          <DoubtTag task={task} />
          {task.title && <Typography.Text strong>{task.title}</Typography.Text>}
        </Flex>
        {editable && (
          <Flex gap={0} style={{ flex: "none" }}>
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={(event) => {
                event.stopPropagation();
                actions.onEdit();
              }}
            >
              编辑
            </Button>
            <Dropdown menu={menu} trigger={["click"]}>
              <Button
                type="text"
                size="small"
                icon={<MoreOutlined />}
                aria-label={`任务 ${task.number} 的更多操作`}
                onClick={(event) => event.stopPropagation()}
              />
            </Dropdown>
          </Flex>
        )}
      </Flex>
      <Typography.Paragraph
        style={{ margin: "8px 0", whiteSpace: "pre-wrap" }}
        ellipsis={{ rows: selected ? 8 : 3, expandable: "collapsible", symbol: (open) => (open ? "收起" : "展开") }}
      >
        {task.text}
      </Typography.Paragraph>
      <div style={GRID}>
        {TASK_UNIT_ROLES.map((role) => {
          const entries = unitsOfRole(task.units, role);
          if (entries.length === 0 && role !== "lead") return null;
          return (
            <Row key={role} label={TASK_UNIT_ROLE_LABELS[role]}>
              <TaskUnitTags entries={entries} empty={noUnits ? "未识别到单位，请编辑补充" : "—"} />
            </Row>
          );
        })}
        <Row label="完成时限">
          <DeadlineTags deadlines={task.deadlines} />
        </Row>
        {task.targets.length > 0 && (
          <Row label="指标">
            <Flex wrap gap={4}>
              {keyed(task.targets, targetText).map(([key, target]) => (
                <Tooltip key={key} title={target.text || undefined}>
                  <Tag color="gold" style={{ marginInlineEnd: 0, maxWidth: "100%", whiteSpace: "normal" }}>
                    {targetText(target)}
                  </Tag>
                </Tooltip>
              ))}
            </Flex>
          </Row>
        )}
      </div>
    </Card>
  );
}
