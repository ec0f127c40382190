import { Collapse, Flex, Spin, Tag, Typography } from "antd";
import type { ParseChoices, PlanDetail } from "../../../../shared/api";
import { COLUMN_ROLE_LABELS, type ColumnRole } from "../../../../shared/domain";
import { ColumnRoles } from "../layout/ColumnRoles";
import { TaskLevelSelect } from "../layout/TaskLevelSelect";

type Props = {
  plan: PlanDetail;
  /** the draft may be re-read by this user */
  editable: boolean;
  reading: boolean;
  onReparse: (choices: ParseChoices) => void;
};

/** The roles of a table's columns in a line: 序号 · 任务内容 · 责任单位 … */
const rolesLine = (roles: readonly ColumnRole[]) => roles.map((role) => COLUMN_ROLE_LABELS[role]).join(" · ");

/**
 * 识别设置: how the file was read — each task table's columns with their roles, or the level of the numbered items that
 * became tasks — to change when the parser guessed wrong; a change reads the file again at once.
 */
export function ReadingPanel({ plan, editable, reading, onReparse }: Props) {
  const layout = plan.layout;
  if (!layout || (layout.tables.length === 0 && layout.numberingLevels.length === 0)) return null;
  const disabled = !editable || reading;
  const summary = layout.tables.length
    ? layout.tables.map((table) => rolesLine(table.roles)).join("；")
    : `任务按“${layout.numberingLevels.find((l) => l.style === layout.taskStyle)?.example ?? "系统判断"}”条目识别`;

  const body = (
    <Spin spinning={reading} tip="正在重新识别……">
      <Flex vertical gap={12}>
        {layout.tables.map((table, index) => (
          <Flex key={table.signature} vertical gap={6}>
            <Flex gap={8} align="center">
              <Typography.Text strong>
                {layout.tables.length > 1 ? `表格 ${index + 1}` : "表格"}（{table.rows} 行）
              </Typography.Text>
              {table.mapped && <Tag color="blue">已按设置的列含义识别</Tag>}
            </Flex>
            <ColumnRoles
              table={table}
              disabled={disabled}
              onChange={(roles) => onReparse({ columnRoles: { [table.signature]: roles } })}
            />
          </Flex>
        ))}
        {layout.tables.length === 0 && (
          <TaskLevelSelect
            levels={layout.numberingLevels}
            value={layout.taskStyle}
            disabled={disabled}
            onChange={(taskStyle) => onReparse({ taskStyle })}
          />
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {editable
            ? `修改后立即按新的设置重新识别任务；已手工修改的任务，只要在新的识别结果中仍能找到（内容开头相同），修改就会保留。${
                layout.tables.length ? "列的设置会被记住：以后导入表头相同的文件时自动按此识别。" : ""
              }`
            : "方案已交办，不能再重新识别。"}
        </Typography.Text>
      </Flex>
    </Spin>
  );

  return (
    <Collapse
      size="small"
      data-testid="reading-panel"
      items={[
        {
          key: "reading",
          label: (
            <Flex gap={8} style={{ minWidth: 0 }}>
              <Typography.Text strong style={{ flex: "none" }}>
                识别设置
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis>
                {summary}
              </Typography.Text>
            </Flex>
          ),
          children: body,
        },
      ]}
    />
  );
}
