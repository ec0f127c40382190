import {
  Alert,
  Card,
  DatePicker,
  Flex,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useCallback, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type { Report, ReportList, ReportListQuery } from "../../../shared/api";
import { REPORT_STATUS_LABELS, type ReportStatus, TASK_UNIT_ROLE_LABELS } from "../../../shared/domain";
import { periodLink } from "../../../shared/links";
import { api } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { ExportButton, RefreshButton } from "../../components/ToolbarButtons";
import { UnitSelect } from "../../components/UnitSelect";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useRemote } from "../../components/useRemote";
import { useSearchBox } from "../../components/useSearchBox";
import { useSeenPlans } from "../../components/useSeenPlans";
import { useUnits } from "../../components/useUnits";
import { ReportStatusTag, timeText } from "./labels";

const EMPTY: ReportList = { items: [], total: 0 };
const PAGE_SIZE = 20;

/** The statuses a list is filtered by (a withdrawn report is left out of it; a draft is its unit's own). */
const STATUS_OPTIONS = (["submitted", "returned", "accepted", "draft"] as const).map((value) => ({
  value,
  label: REPORT_STATUS_LABELS[value],
}));

const columns: TableColumnsType<Report> = [
  {
    title: "任务",
    key: "task",
    width: 340,
    render: (_, r) => (
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Link to={periodLink(r.assignmentId, r.period)}>
          <Typography.Text ellipsis={{ tooltip: r.taskText }} style={{ maxWidth: 316, color: "inherit" }}>
            {`任务 ${r.taskNumber}　${r.taskText}`}
          </Typography.Text>
        </Link>
        <Typography.Text type="secondary" ellipsis={{ tooltip: r.planTitle }} style={{ maxWidth: 316, fontSize: 12 }}>
          {r.planTitle}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: "报送单位",
    key: "unit",
    width: 150,
    render: (_, r) => (
      <Flex vertical gap={2}>
        <span>{r.unitName}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {TASK_UNIT_ROLE_LABELS[r.role]}
        </Typography.Text>
      </Flex>
    ),
  },
  { title: "期次", dataIndex: "period", width: 130 },
  { title: "状态", key: "status", width: 90, render: (_, r) => <ReportStatusTag status={r.status} /> },
  {
    title: "报送",
    key: "submitted",
    width: 150,
    responsive: ["lg"],
    render: (_, r) =>
      r.submittedAt ? (
        <Flex vertical gap={2}>
          <span>{timeText(r.submittedAt)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.submittedByName}
          </Typography.Text>
        </Flex>
      ) : (
        "—"
      ),
  },
  {
    title: "审核",
    key: "reviewed",
    width: 200,
    // beside the fixed 操作 column only where the screen is wide enough (1366 px shows all the others)
    responsive: ["xxl"],
    render: (_, r) =>
      r.reviewedAt ? (
        <Flex vertical gap={2}>
          <span>
            {timeText(r.reviewedAt)} {r.reviewedByName}
          </span>
          {r.reviewComment && (
            <Typography.Text
              type="secondary"
              ellipsis={{ tooltip: r.reviewComment }}
              style={{ maxWidth: 190, fontSize: 12 }}
            >
              {r.reviewComment}
            </Typography.Text>
          )}
        </Flex>
      ) : (
        "—"
      ),
  },
  {
    title: "操作",
    key: "actions",
    width: 80,
    fixed: "right",
    render: (_, r) => <Link to={periodLink(r.assignmentId, r.period)}>{r.can.review ? "审核" : "查看"}</Link>,
  },
];

/** 进展报告: every report the user may read, each period's latest, filtered, searched and exported as shown. */
export default function ReportsPage() {
  useDocumentTitle("进展报告");
  const { can } = useAuth();
  const overview = can("assignments.read_all");
  const reviews = can("reports.review");
  const registry = useUnits();
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<ReportListQuery>({ toReview: params.get("toReview") === "1" || undefined });
  const [dates, setDates] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const update = (changes: Partial<ReportListQuery>) => {
    setFilters((f) => ({ ...f, ...changes }));
    setPage(1);
  };
  const search = useSearchBox((q) => update({ q }));
  const query = useMemo<ReportListQuery>(
    () => ({
      ...filters,
      from: dates?.[0]?.format("YYYY-MM-DD"),
      to: dates?.[1]?.format("YYYY-MM-DD"),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    [filters, dates, page],
  );
  const fetch = useCallback(() => api.reports.list(query), [query]);
  const { data, loading, error, reload } = useRemote(fetch, EMPTY);
  const plans = useSeenPlans(data.items, (r) => ({ id: r.planId, title: r.planTitle }));

  const scope = filters.toReview ? "toReview" : (filters.status ?? "all");
  return (
    <Card
      title="进展报告"
      extra={
        <Space>
          <RefreshButton onClick={reload} />
          <ExportButton onExport={() => api.reports.exportList({ ...query, q: search.typed })} />
        </Space>
      }
      styles={{ body: { display: "flex", flexDirection: "column", gap: 16 } }}
    >
      {error && <Alert type="error" showIcon title={error} />}
      <Flex gap={12} wrap align="center">
        <Segmented
          style={{ maxWidth: "100%", overflowX: "auto" }}
          value={scope}
          onChange={(value) =>
            update(
              value === "toReview"
                ? { toReview: true, status: undefined }
                : { toReview: undefined, status: value === "all" ? undefined : (value as ReportStatus) },
            )
          }
          options={[
            { value: "all", label: "全部" },
            ...(reviews ? [{ value: "toReview", label: "待我审核" }] : []),
            ...STATUS_OPTIONS,
          ]}
        />
        <Select
          aria-label="方案"
          allowClear
          placeholder="全部方案"
          style={{ minWidth: 240 }}
          popupMatchSelectWidth={false}
          value={filters.planId}
          onChange={(planId: number | undefined) => update({ planId })}
          options={plans}
        />
        {overview && (
          <UnitSelect
            aria-label="单位"
            registry={registry}
            placeholder="全部单位"
            value={filters.unitId}
            onChange={(unitId) => update({ unitId: typeof unitId === "number" ? unitId : undefined })}
            style={{ width: 200 }}
          />
        )}
        <DatePicker.RangePicker
          aria-label="报送日期"
          placeholder={["报送日期起", "报送日期止"]}
          value={dates}
          onChange={(value) => {
            setDates(value);
            setPage(1);
          }}
        />
        <Input.Search
          aria-label="搜索进展报告"
          placeholder="搜索任务、单位、方案或报告内容"
          {...search.input}
          style={{ width: 260 }}
        />
      </Flex>
      <Table<Report>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        scroll={{ x: 760 }}
        locale={{ emptyText: filters.toReview ? "暂无待您审核的进展报告" : "暂无符合条件的进展报告" }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data.total,
          onChange: setPage,
          showTotal: (total) => `共 ${total} 份`,
          showSizeChanger: false,
        }}
      />
    </Card>
  );
}
