import { Button, Flex, Typography } from "antd";
import { useState } from "react";
import type { NoTasksDetails, ParseChoices } from "../../../../shared/api";
import type { ColumnRole } from "../../../../shared/domain";
import { ColumnRoles } from "./ColumnRoles";
import { TaskLevelSelect } from "./TaskLevelSelect";

type Props = {
  details: NoTasksDetails;
  busy: boolean;
  onImport: (choices: ParseChoices) => void;
};

/**
 * After an import found no tasks: the tables the file has, with their columns to give a meaning, or its numbering
 * levels to choose the tasks from; then the same file is imported with those choices.
 */
export function ImportChoices({ details, busy, onImport }: Props) {
  const [roles, setRoles] = useState<Record<string, ColumnRole[]>>(() =>
    Object.fromEntries(details.tables.map((table) => [table.signature, table.roles])),
  );
  const [taskStyle, setTaskStyle] = useState<string | null>(null);
  const tables = details.tables;
  if (tables.length === 0 && details.numberingLevels.length === 0) return null;
  const chosen: ParseChoices = tables.length ? { columnRoles: roles } : taskStyle ? { taskStyle } : {};
  const ready = tables.length ? tables.some((t) => roles[t.signature]?.includes("text")) : taskStyle !== null;

  return (
    <Flex vertical gap={10} style={{ marginTop: 12 }} data-testid="import-choices">
      {tables.map((table) => (
        <Flex key={table.signature} vertical gap={6}>
          <Typography.Text strong>表格（{table.rows} 行）：请指出哪一列是任务内容</Typography.Text>
          <ColumnRoles
            table={{ ...table, roles: roles[table.signature] ?? table.roles }}
            disabled={busy}
            onChange={(next) => setRoles((current) => ({ ...current, [table.signature]: next }))}
          />
        </Flex>
      ))}
      {tables.length === 0 && (
        <TaskLevelSelect levels={details.numberingLevels} value={taskStyle} disabled={busy} onChange={setTaskStyle} />
      )}
      <Flex gap={8} align="center">
        <Button type="primary" loading={busy} disabled={!ready} onClick={() => onImport(chosen)}>
          按此设置导入
        </Button>
        {tables.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {ready ? "列的设置会被记住，以后导入表头相同的文件时自动按此识别" : "请至少把一列设为“任务内容”"}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
