import { Flex, Table, Tag, Typography } from "antd";
import { SignalTag } from "../../components/SignalTag";
import { OccurrenceStateTag } from "../reports/labels";
import type { Period } from "./periods";

type Props = { periods: readonly Period[]; selected: string | undefined; onSelect: (key: string) => void };

/** The assignment's periods (时间节点) with where each stands and its light; a click opens that period's report. */
export function PeriodTable({ periods, selected, onSelect }: Props) {
  return (
    <Table<Period>
      rowKey="key"
      size="small"
      data-testid="period-table"
      pagination={periods.length > 12 ? { pageSize: 12, size: "small" } : false}
      dataSource={[...periods]}
      onRow={(period) => ({
        onClick: () => onSelect(period.key),
        style: { cursor: "pointer" },
        "aria-selected": period.key === selected,
        className: period.key === selected ? "ant-table-row-selected" : undefined,
      })}
      columns={[
        {
          title: "期次",
          key: "label",
          render: (_, period) => <Typography.Text strong={period.key === selected}>{period.label}</Typography.Text>,
        },
        {
          title: "截止日期",
          key: "dueOn",
          width: 120,
          render: (_, period) =>
            period.dueOn ? (
              <Flex vertical>
                <span>{period.dueOn}</span>
                {period.extended && (
                  <Tag color="purple" style={{ width: "fit-content" }}>
                    已延期
                  </Tag>
                )}
              </Flex>
            ) : (
              <Typography.Text type="secondary">无固定日期</Typography.Text>
            ),
        },
        {
          title: "状态",
          key: "state",
          width: 80,
          render: (_, period) => period.state && <OccurrenceStateTag state={period.state} />,
        },
        {
          title: "红黄绿灯",
          key: "signal",
          width: 84,
          render: (_, period) => <SignalTag signal={period.signal} />,
        },
      ]}
    />
  );
}
