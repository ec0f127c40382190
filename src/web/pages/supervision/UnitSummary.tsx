import { Alert, Flex, Input, Table, type TableColumnsType } from "antd";
import { type ReactNode, useCallback, useState } from "react";
import { Link } from "react-router-dom";
import type { SupervisionSummary, SupervisionUnitSummary } from "../../../shared/api";
import type { SupervisionOrderLevel } from "../../../shared/domain";
import { orderLink } from "../../../shared/links";
import { api } from "../../api/client";
import { ExportButton, RefreshButton } from "../../components/ToolbarButtons";
import { useRemote } from "../../components/useRemote";
import { useSearchBox } from "../../components/useSearchBox";
import { timeText } from "../reports/labels";

const EMPTY: SupervisionSummary = { year: new Date().getFullYear(), units: [] };

const count = (n: number) => (n > 0 ? n : <span style={{ color: "rgba(0,0,0,0.25)" }}>0</span>);

const columns = (year: number): TableColumnsType<SupervisionUnitSummary> => [
  {
    title: "单位",
    key: "unit",
    fixed: "left",
    width: 180,
    render: (_, row) => <Link to={orderLink(undefined, `?unit=${row.unit.id}`)}>{row.unit.name}</Link>,
  },
  { title: "待签发事项", key: "draft", width: 100, align: "right", render: (_, row) => count(row.draftItems) },
  { title: "已督办未整改", key: "open", width: 110, align: "right", render: (_, row) => count(row.openItems) },
  {
    title: "最长逾期",
    key: "late",
    width: 90,
    align: "right",
    render: (_, row) => (row.maxDaysOverdue > 0 ? `${row.maxDaysOverdue} 天` : "—"),
  },
  {
    title: `${year}年已签发`,
    children: [
      { title: "蓝牌", key: "blue", width: 70, align: "right", render: (_, row) => count(row.issued.blue) },
      { title: "黄牌", key: "yellow", width: 70, align: "right", render: (_, row) => count(row.issued.yellow) },
      { title: "红牌", key: "red", width: 70, align: "right", render: (_, row) => count(row.issued.red) },
    ],
  },
  {
    title: "最近签发",
    key: "last",
    width: 150,
    render: (_, row) => (row.lastIssuedAt ? timeText(row.lastIssuedAt) : "—"),
  },
];

/**
 * 按单位汇总: per unit, what waits to be issued, what was issued and is still not answered, the longest overdue, and
 * this year's orders by level; the units with most to chase come first. A unit's name opens its orders.
 */
export function UnitSummary({
  planId,
  level,
  filters,
}: {
  planId?: number;
  level?: SupervisionOrderLevel;
  filters: ReactNode;
}) {
  const [q, setQ] = useState<string>();
  const search = useSearchBox(setQ);
  const fetch = useCallback(() => api.supervisionOrders.summary({ planId, level, q }), [planId, level, q]);
  const { data, loading, error, reload } = useRemote(fetch, EMPTY);
  return (
    <Flex vertical gap={16}>
      {error && <Alert type="error" showIcon title={error} />}
      <Flex gap={12} wrap align="center">
        {filters}
        <Input.Search aria-label="搜索单位" placeholder="搜索单位" {...search.input} style={{ width: 200 }} />
        <Flex gap={8} style={{ marginLeft: "auto" }}>
          <RefreshButton onClick={reload} />
          <ExportButton onExport={() => api.supervisionOrders.exportSummary({ planId, level, q: search.typed })} />
        </Flex>
      </Flex>
      <Table
        rowKey={(row) => row.unit.id}
        size="middle"
        bordered
        loading={loading}
        columns={columns(data.year)}
        dataSource={data.units}
        scroll={{ x: 760 }}
        data-testid="unit-summary"
        locale={{ emptyText: "暂无督办记录" }}
        pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (total) => `共 ${total} 个单位` }}
      />
    </Flex>
  );
}
