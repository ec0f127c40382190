import { Alert, Card, Col, Flex, Row, Select, Statistic, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useMemo } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type { Dashboard, DashboardPeriod } from "../../../shared/api";
import { OCCURRENCE_STATE_LABELS } from "../../../shared/domain";
import { api } from "../../api/client";
import { PageLoading } from "../../components/PageLoading";
import { RefreshButton } from "../../components/ToolbarButtons";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useRemote } from "../../components/useRemote";
import { Chart } from "./Chart";
import { completionOption, heatmapOption, signalOption, trendOption } from "./options";

const percentText = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`);

/** A number as a card, readable as text (and by the browser tests through its test id). */
function Stat({ id, title, value, color }: { id: string; title: string; value: number | string; color?: string }) {
  return (
    <Card size="small" data-testid={`stat-${id}`}>
      <Statistic title={title} value={value} styles={{ content: color ? { color } : undefined }} />
    </Card>
  );
}

function PeriodTable({ rows, kind, testId }: { rows: DashboardPeriod[]; kind: "overdue" | "soon"; testId: string }) {
  return (
    <Table<DashboardPeriod>
      data-testid={testId}
      size="small"
      rowKey={(p) => `${p.assignmentId}:${p.period}`}
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: kind === "overdue" ? "没有逾期未报的期次" : "近 30 天没有待报送的期次" }}
      columns={[
        { title: "单位", dataIndex: "unitName", width: 160 },
        {
          title: "任务",
          render: (_, p) => (
            <Link to={p.link}>
              {p.taskNumber} {p.taskText.length > 40 ? `${p.taskText.slice(0, 40)}…` : p.taskText}
            </Link>
          ),
        },
        { title: "期次", dataIndex: "period", width: 140 },
        { title: "到期日", dataIndex: "dueOn", width: 110 },
        {
          title: kind === "overdue" ? "逾期天数" : "剩余天数",
          width: 100,
          render: (_, p) =>
            kind === "overdue" ? <Tag color="error">{p.daysOverdue} 天</Tag> : <Tag>{-p.daysOverdue} 天</Tag>,
        },
        { title: "状态", width: 90, render: (_, p) => OCCURRENCE_STATE_LABELS[p.state] },
      ]}
    />
  );
}

function Cards({ board }: { board: Dashboard }) {
  const { signals, totals } = board;
  return (
    <Row gutter={[12, 12]}>
      {[
        { id: "assignments", title: "任务总数", value: totals.assignments },
        { id: "red", title: "逾期（红灯）", value: signals.red, color: "#cf1322" },
        { id: "yellow", title: "临期（黄灯）", value: signals.yellow, color: "#d48806" },
        { id: "green", title: "正常（绿灯）", value: signals.green, color: "#389e0d" },
        { id: "done", title: "已完成", value: signals.done, color: "#0958d9" },
        { id: "rate", title: "期次完成率", value: percentText(totals.rate) },
        { id: "overdue", title: "逾期未报期次", value: totals.overdue, color: "#cf1322" },
        { id: "returned", title: "被退回", value: totals.returned },
        { id: "submitted", title: "待审核", value: totals.submitted },
        { id: "due-soon", title: "30天内到期", value: totals.dueSoon },
      ].map((stat) => (
        <Col key={stat.id} xs={12} sm={8} md={6} xl={4}>
          <Stat {...stat} />
        </Col>
      ))}
    </Row>
  );
}

/**
 * 驾驶舱: for the office and the leaders every unit's numbers; for a unit its own signals and what is due soon.
 * The filters live in the address (?planId=&year=), so a view can be bookmarked and sent on.
 */
export default function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const planId = Number(params.get("planId")) || undefined;
  const year = Number(params.get("year")) || undefined;
  const fetch = useCallback(() => api.dashboard({ planId, year }), [planId, year]);
  const { data: board, loading, error, reload } = useRemote<Dashboard | null>(fetch, null);
  const title = board?.unit ? `驾驶舱 · ${board.unit.name}` : "驾驶舱";
  useDocumentTitle(title);
  // a province's numbers take a moment to count after a change: while newer ones are counted, ask again each second
  useEffect(() => {
    if (!board?.refreshing) return;
    const timer = setTimeout(() => void reload(), 1000);
    return () => clearTimeout(timer);
  }, [board, reload]);

  const setFilter = (key: "planId" | "year", value: number | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, String(value));
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const options = useMemo(
    () =>
      board && {
        signals: signalOption(board),
        completion: completionOption(board),
        trend: trendOption(board),
        heatmap: heatmapOption(board),
      },
    [board],
  );

  if (!board && loading) return <PageLoading />;
  const office = board !== null && board.unit === null;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Select
            data-testid="filter-plan"
            style={{ width: 320 }}
            allowClear
            placeholder="全部方案"
            value={planId}
            onChange={(value?: number) => setFilter("planId", value)}
            options={(board?.plans ?? []).map((p) => ({ value: p.id, label: p.title }))}
            showSearch={{ optionFilterProp: "label" }}
          />
          <Select
            data-testid="filter-year"
            style={{ width: 120 }}
            allowClear
            placeholder="全部年度"
            value={year}
            onChange={(value?: number) => setFilter("year", value)}
            options={(board?.years ?? []).map((y) => ({ value: y, label: `${y}年` }))}
          />
          <RefreshButton onClick={() => void reload()} />
        </Flex>
      </Flex>
      {error && <Alert type="error" showIcon title={error} />}
      {board && options && (
        <>
          <Typography.Text type="secondary" data-testid="dashboard-as-of">
            数据更新于 {dayjs(board.computedAt).format("YYYY-MM-DD HH:mm:ss")}
            {board.refreshing ? "（正在更新…）" : ""}
            {board.year ? `，${board.year}年到期的期次` : ""}。完成率 = 已通过的期次 ÷ 已到期（或提前完成）的期次； 逾期
            = 到期未报送或被退回未重报。
          </Typography.Text>
          <Cards board={board} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={office ? 8 : 12}>
              <Chart title="红黄绿灯分布" option={options.signals} testId="chart-signals" />
            </Col>
            {office && (
              <Col xs={24} lg={16}>
                <Chart
                  title="各单位完成率（由低到高）"
                  option={options.completion}
                  height={Math.min(520, Math.max(320, board.units.length * 24))}
                  testId="chart-completion"
                />
              </Col>
            )}
            <Col xs={24} lg={office ? 24 : 12}>
              <Chart title="逾期趋势（按到期月份）" option={options.trend} testId="chart-trend" />
            </Col>
            {office && board.heatmap.rows.length > 0 && (
              <Col xs={24}>
                <Chart
                  title={board.planId ? "任务部分 × 单位完成率" : "方案 × 单位完成率"}
                  option={options.heatmap}
                  height={Math.max(280, board.heatmap.rows.length * 36 + 140)}
                  testId="chart-heatmap"
                />
              </Col>
            )}
          </Row>
          <Card size="small" title="逾期最久的期次">
            <PeriodTable rows={board.mostOverdue} kind="overdue" testId="most-overdue" />
          </Card>
          <Card size="small" title="即将到期（30天内，尚未报送）">
            <PeriodTable rows={board.dueSoon} kind="soon" testId="due-soon" />
          </Card>
        </>
      )}
    </Flex>
  );
}
