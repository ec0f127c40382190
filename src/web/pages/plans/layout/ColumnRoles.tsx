import { Flex, Select, Typography } from "antd";
import type { TableLayout } from "../../../../shared/api";
import { COLUMN_ROLE_LABELS, COLUMN_ROLES, type ColumnRole } from "../../../../shared/domain";
import { keyed } from "../../../components/keyed";

const ROLE_OPTIONS = COLUMN_ROLES.map((role) => ({ value: role, label: COLUMN_ROLE_LABELS[role] }));

type Props = {
  table: TableLayout;
  disabled: boolean;
  onChange: (roles: ColumnRole[]) => void;
};

/** A task table's columns side by side: the header, what the column holds (to choose), a few of its cells. */
export function ColumnRoles({ table, disabled, onChange }: Props) {
  const samples = table.samples.slice(0, 3);
  return (
    <Flex gap={8} style={{ overflowX: "auto", paddingBottom: 4 }} data-testid="column-roles">
      {keyed(
        table.headers.map((header, index) => ({ header, index })),
        (column) => column.header,
      ).map(([key, { header, index }]) => (
        <Flex
          key={key}
          vertical
          gap={6}
          style={{ flex: "1 0 150px", maxWidth: 260, border: "1px solid #f0f0f0", borderRadius: 6, padding: 8 }}
        >
          <Typography.Text strong ellipsis={{ tooltip: header }}>
            {header || `第 ${index + 1} 列`}
          </Typography.Text>
          <Select
            size="small"
            aria-label={`“${header || `第 ${index + 1} 列`}”列的含义`}
            value={table.roles[index] ?? "ignored"}
            options={ROLE_OPTIONS}
            disabled={disabled}
            onChange={(role: ColumnRole) => onChange(table.roles.map((r, i) => (i === index ? role : r)))}
          />
          {keyed(
            samples.map((row) => row[index] ?? ""),
            (cell) => cell,
          ).map(([key, cell]) => (
            <Typography.Text key={key} type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: cell }}>
              {cell || "（空）"}
            </Typography.Text>
          ))}
        </Flex>
      ))}
    </Flex>
  );
}
