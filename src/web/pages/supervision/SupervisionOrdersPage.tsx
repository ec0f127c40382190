import {
  Alert,
  Badge,
  Card,
  Flex,
  Input,
  Segmented,
  Select,
  Table,
  type TableColumnsType,
  Tabs,
  Typography,
} from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type { SupervisionOrder, SupervisionOrderList } from "../../../shared/api";
import type { SupervisionOrderLevel, SupervisionOrderStatus } from "../../../shared/domain";
import { orderLink } from "../../../shared/links";
import { api } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { ExportButton, RefreshButton } from "../../components/ToolbarButtons";
import { UnitSelect } from "../../components/UnitSelect";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useRemote } from "../../components/useRemote";
import { useSearchBox } from "../../components/useSearchBox";
import { useUnits } from "../../components/useUnits";
import { BulkActions } from "./BulkActions";
import { LEVEL_OPTIONS, LevelTag, OrderStatusTag, STATUS_OPTIONS } from "./labels";
import { UnitSummary } from "./UnitSummary";

const PAGE_SIZE = 20;
const EMPTY: SupervisionOrderList = { items: [], total: 0, drafts: 0 };

const columns: TableColumnsType<SupervisionOrder> = [
  {
    title: "文号",
    key: "docNumber",
    width: 170,
    render: (_, order) => <Link to={orderLink(order.id)}>{order.docNumber ?? "（未签发）"}</Link>,
  },
  { title: "等级", key: "level", width: 100, render: (_, order) => <LevelTag level={order.level} /> },
  { title: "被督办单位", key: "unit", width: 150, render: (_, order) => order.unit.name },
  {
    title: "督办事项",
    key: "items",
    render: (_, order) => {
      const held = order.items.filter((item) => item.droppedReason === null);
      const first = held[0] ?? order.items[0];
      return (
        <Link to={orderLink(order.id)}>
          <Typography.Text
            ellipsis={{ tooltip: held.map((item) => `${item.taskReference}（${item.period}）`).join("；") }}
            style={{ maxWidth: 360 }}
          >
            {order.itemCount > 1 ? `共 ${order.itemCount} 项：` : ""}
            {first ? `${first.taskReference}（${first.period}）` : "—"}
            {order.itemCount > 1 ? " 等" : ""}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }} ellipsis>
            {order.plan.title}
          </Typography.Text>
        </Link>
      );
    },
  },
  { title: "最长逾期", key: "late", width: 90, align: "right", render: (_, order) => `${order.daysOverdue} 天` },
  { title: "整改时限", dataIndex: "replyBy", width: 110 },
  { title: "状态", key: "status", width: 90, render: (_, order) => <OrderStatusTag status={order.status} /> },
];

/**
 * 督办单: the coordinator's list of drafts (one per unit, plan and level) to review and issue, one by one or ticked
 * together, and of what was issued; a per-unit summary beside it. A unit sees the orders issued to it.
 * `?status=draft` (the link in the coordinator's notification) opens on the drafts.
 */
export default function SupervisionOrdersPage() {
  useDocumentTitle("督办单");
  const { can } = useAuth();
  const manages = can("supervision.manage");
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") as SupervisionOrderStatus | null) ?? undefined;
  const view = params.get("view") === "units" && can("assignments.read_all") ? "units" : "orders";
  const [level, setLevel] = useState<SupervisionOrderLevel>();
  const [planId, setPlanId] = useState<number>();
  const readsPlans = can("plans.read");
  const fetchPlans = useCallback(
    async () => (readsPlans ? (await api.plans.list({ status: "published" })).items : []),
    [readsPlans],
  );
  const plans = useRemote(fetchPlans, []);
  const registry = useUnits();
  // a unit's name in the summary opens its orders (the page stays mounted: the link's unit is taken when it changes)
  const linkedUnit = Number(params.get("unit")) || undefined;
  const [unitId, setUnitId] = useState<number | undefined>(linkedUnit);
  useEffect(() => {
    if (linkedUnit === undefined) return;
    setUnitId(linkedUnit);
    setPage(1);
  }, [linkedUnit]);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string>();
  const [ticked, setTicked] = useState<SupervisionOrder[]>([]);
  const search = useSearchBox((words) => {
    setQ(words);
    if (words !== q) setPage(1);
  });

  // the export takes what the search box says, even while the list is a moment behind the typing
  const query = { status, level, planId, unitId, q: search.typed };
  const fetch = useCallback(
    () =>
      api.supervisionOrders.list({
        status,
        level,
        planId,
        unitId,
        q,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [status, level, planId, unitId, q, page],
  );
  const { data, loading, error, reload } = useRemote(fetch, EMPTY);

  const setView = (next: Record<string, string>) => {
    setPage(1);
    setTicked([]);
    setParams(next);
  };
  const setStatus = (value: string) => setView(value === "all" ? {} : { status: value });

  const filters = (
    <>
      {readsPlans && (
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          aria-label="方案"
          placeholder="全部方案"
          style={{ width: 320, maxWidth: "100%" }}
          options={plans.data.map((plan) => ({ value: plan.id, label: plan.title }))}
          value={planId}
          onChange={(value) => {
            setPage(1);
            setPlanId(value);
          }}
        />
      )}
      <Select
        allowClear
        aria-label="督办等级"
        placeholder="督办等级"
        style={{ width: 140 }}
        options={LEVEL_OPTIONS}
        value={level}
        onChange={(value) => {
          setPage(1);
          setLevel(value);
        }}
      />
    </>
  );

  if (view === "units") {
    return (
      <Card title="督办单" styles={{ body: { display: "flex", flexDirection: "column", gap: 16 } }}>
        <ViewSwitch view={view} onChange={(next) => setView(next === "units" ? { view: "units" } : {})} />
        <UnitSummary planId={planId} level={level} filters={filters} />
      </Card>
    );
  }

  return (
    <Card
      title="督办单"
      extra={
        <Flex gap={8}>
          <RefreshButton onClick={reload} />
          <ExportButton onExport={() => api.supervisionOrders.exportList(query)} />
        </Flex>
      }
      styles={{ body: { display: "flex", flexDirection: "column", gap: 16 } }}
    >
      {can("assignments.read_all") && (
        <ViewSwitch view={view} onChange={(next) => setView(next === "units" ? { view: "units" } : {})} />
      )}
      {error && <Alert type="error" showIcon title={error} />}
      <Flex gap={12} wrap align="center">
        <Segmented
          value={status ?? "all"}
          onChange={(value) => setStatus(String(value))}
          options={[
            { value: "all", label: "全部" },
            ...STATUS_OPTIONS.filter((o) => manages || o.value !== "draft").map((o) =>
              o.value === "draft"
                ? {
                    value: o.value,
                    // the count beside the word, inside the segment: set above it, "99+" was clipped
                    label: (
                      <Flex gap={4} align="center" component="span">
                        {o.label}
                        <Badge count={data.drafts} size="small" overflowCount={999} data-testid="draft-count" />
                      </Flex>
                    ),
                  }
                : o,
            ),
          ]}
        />
        {filters}
        {manages && (
          <UnitSelect
            aria-label="单位"
            registry={registry}
            placeholder="全部单位"
            value={unitId}
            onChange={(value) => {
              setPage(1);
              setUnitId(typeof value === "number" ? value : undefined);
            }}
            style={{ width: 200 }}
          />
        )}
        <Input.Search
          aria-label="搜索督办单"
          placeholder="搜索单位、方案或任务"
          {...search.input}
          style={{ width: 240 }}
        />
      </Flex>
      {manages && ticked.length > 0 && (
        <BulkActions
          ticked={ticked}
          onDone={() => {
            setTicked([]);
            reload();
          }}
        />
      )}
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        scroll={{ x: 900 }}
        rowSelection={
          manages
            ? {
                selectedRowKeys: ticked.map((order) => order.id),
                onChange: (_, rows) => setTicked(rows),
                getCheckboxProps: (order) => ({
                  disabled: order.status === "cancelled",
                  "aria-label": `选择${order.unit.name}的督办单`,
                }),
              }
            : undefined
        }
        locale={{ emptyText: manages ? "暂无督办单" : "本单位没有收到督办单" }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data.total,
          showTotal: (total) => `共 ${total} 份`,
          onChange: (next) => {
            setPage(next);
            setTicked([]);
          },
          showSizeChanger: false,
        }}
      />
    </Card>
  );
}

function ViewSwitch({ view, onChange }: { view: "orders" | "units"; onChange: (view: "orders" | "units") => void }) {
  return (
    <Tabs
      activeKey={view}
      onChange={(key) => onChange(key as "orders" | "units")}
      items={[
        { key: "orders", label: "督办单" },
        { key: "units", label: "按单位汇总" },
      ]}
      style={{ marginBottom: -16 }}
    />
  );
}
