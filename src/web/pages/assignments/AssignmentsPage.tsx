import { CheckOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type { AssignmentList, AssignmentListItem, AssignmentListQuery } from "../../../shared/api";
import { type AssignmentStatus, SIGNAL_LABELS, type Signal, type TaskUnitRole } from "../../../shared/domain";
import { DUE_WITHIN_DAYS, periodLink } from "../../../shared/links";
import { api, errorMessage } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { deadlineLabel } from "../../components/deadlines";
import { SIGNAL_ORDER, SignalTag } from "../../components/SignalTag";
import { ExportButton, RefreshButton } from "../../components/ToolbarButtons";
import { UnitSelect } from "../../components/UnitSelect";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useRemote } from "../../components/useRemote";
import { useSearchBox } from "../../components/useSearchBox";
import { useUnits } from "../../components/useUnits";
import { ROLE_COLORS, ROLE_OPTIONS, ROLE_SHORT_LABELS } from "../plans/labels";
import { ASSIGNMENT_STATUS_OPTIONS, AssignmentStatusTag, NextDue } from "./labels";
import { TaskTextCell } from "./TaskTextCell";
import { useAcknowledge } from "./useAcknowledge";

type Scope = "mine" | "related";

type Filters = {
  planId?: number;
  role?: TaskUnitRole;
  status?: AssignmentStatus;
  signal?: Signal;
  dueWithinDays?: number;
  overdue: boolean;
  unitId?: number;
  scope: Scope;
  /** words to find in the plan, the task or the unit */
  q?: string;
};

const SIGNAL_OPTIONS = SIGNAL_ORDER.map((signal) => ({ value: signal, label: SIGNAL_LABELS[signal] }));
const DUE_OPTIONS = DUE_WITHIN_DAYS.map((days) => ({ value: days, label: `${days} 天内到期` }));
const PAGE_SIZE = 20;

type PlanOption = { value: number; label: string };

/** The plans to filter by: those the user may read, or those their unit's assignments come from. */
async function planOptions(readsPlans: boolean): Promise<PlanOption[]> {
  if (readsPlans) {
    const { items } = await api.plans.list();
    return items.filter((plan) => plan.status !== "draft").map((plan) => ({ value: plan.id, label: plan.title }));
  }
  const { items } = await api.assignments.list({ mine: true, limit: 1000 });
  const byId = new Map(items.map((a) => [a.planId, a.planTitle]));
  return [...byId].map(([value, label]) => ({ value, label }));
}

/**
 * 我的任务 (a unit's assignments, to 签收 and follow) and, for the coordinator and the leaders, 交办情况: every
 * unit's assignments, filtered by unit, plan, role, status and due date.
 */
export default function AssignmentsPage() {
  const { me, can } = useAuth();
  const { message } = App.useApp();
  // the coordinator and the leaders see every unit's assignments; a unit sees its own (and the cooperating units of
  // tasks it leads)
  const overview = can("assignments.read_all");
  const title = overview ? "交办情况" : "我的任务";
  useDocumentTitle(title);
  const registry = useUnits();
  const ownUnitId = me?.unit?.id;

  // a message's link opens the list filtered (shared/links.ts: assignmentsLink), also when the list is already open
  const [params] = useSearchParams();
  const linkedOverdue = params.get("overdue") === "1";
  const linkedWithin = Number(params.get("dueWithinDays")) || undefined;
  const linkedPlan = Number(params.get("planId")) || undefined;
  const [filters, setFilters] = useState<Filters>({
    overdue: linkedOverdue,
    dueWithinDays: linkedWithin,
    planId: linkedPlan,
    scope: "mine",
  });
  const [page, setPage] = useState({ current: 1, size: PAGE_SIZE });

  const update = (changes: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...changes }));
    setPage((p) => ({ ...p, current: 1 }));
  };
  const search = useSearchBox((q) => {
    setFilters((f) => (f.q === q ? f : { ...f, q }));
    setPage((p) => (p.current === 1 ? p : { ...p, current: 1 }));
  });
  useEffect(() => {
    if (!linkedOverdue && !linkedWithin && !linkedPlan) return;
    setFilters((f) =>
      f.overdue === linkedOverdue && f.dueWithinDays === linkedWithin && f.planId === linkedPlan
        ? f
        : { ...f, overdue: linkedOverdue, dueWithinDays: linkedWithin, planId: linkedPlan },
    );
    setPage((p) => (p.current === 1 ? p : { ...p, current: 1 }));
  }, [linkedOverdue, linkedWithin, linkedPlan]);

  const query = useMemo<AssignmentListQuery>(
    () => ({
      planId: filters.planId,
      role: filters.role,
      status: filters.status,
      signal: filters.signal,
      dueWithinDays: filters.dueWithinDays,
      overdue: filters.overdue || undefined,
      unitId: overview ? filters.unitId : undefined,
      mine: !overview && filters.scope === "mine" ? true : undefined,
      q: filters.q,
      limit: page.size,
      offset: (page.current - 1) * page.size,
    }),
    [filters, page, overview],
  );
  const list = useCallback(() => api.assignments.list(query), [query]);
  const { data, loading, error, reload, setData } = useRemote<AssignmentList>(list, { items: [], total: 0 });

  const readsPlans = can("plans.read");
  const loadPlans = useCallback(() => planOptions(readsPlans), [readsPlans]);
  const { data: plans } = useRemote<PlanOption[]>(loadPlans, []);

  const ownUnit = (a: AssignmentListItem) => ownUnitId !== undefined && a.unitId === ownUnitId;
  const mayAcknowledge = (a: AssignmentListItem) => a.status === "new" && ownUnit(a) && can("assignments.acknowledge");
  // the unit's own open work: its page is where the progress is reported
  const mayReport = (a: AssignmentListItem) => ownUnit(a) && (a.status === "new" || a.status === "acknowledged");

  const { acknowledging, acknowledge } = useAcknowledge({
    // the signed assignment comes back whole: its row takes what changed
    onAcknowledged: ({ id, status, version, signal, overdue, dueDates, nextDue }) =>
      setData((d) => ({
        ...d,
        items: d.items.map((item) =>
          item.id === id ? { ...item, status, version, signal, overdue, dueDates, nextDue } : item,
        ),
      })),
    onStale: reload,
  });

  // 批量签收: the rows of the page the unit may sign for, ticked
  const [ticked, setTicked] = useState<number[]>([]);
  const [signingMany, setSigningMany] = useState(false);
  const signable = data.items.filter(mayAcknowledge);
  const signTicked = async () => {
    const items = signable.filter((a) => ticked.includes(a.id)).map((a) => ({ id: a.id, version: a.version }));
    if (items.length === 0) return;
    setSigningMany(true);
    try {
      const { acknowledged } = await api.assignments.acknowledgeMany(items);
      message.success(`已签收 ${acknowledged} 项任务`);
      setTicked([]);
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setSigningMany(false);
      void reload();
    }
  };

  const showUnit = overview || filters.scope === "related";
  // widths that fit 1366 px beside the fixed 操作 column; 完成时限 joins where the screen is wider (下次截止 says the date)
  const columns: TableColumnsType<AssignmentListItem> = [
    { title: "方案", dataIndex: "planTitle", key: "planTitle", width: 140, ellipsis: { showTitle: true } },
    { title: "编号", dataIndex: "taskNumber", key: "taskNumber", width: 60 },
    { title: "任务内容", key: "taskText", render: (_, a) => <TaskTextCell assignment={a} /> },
    ...(showUnit
      ? [
          {
            title: "单位",
            dataIndex: "unitName",
            key: "unitName",
            width: 120,
          } as TableColumnsType<AssignmentListItem>[number],
        ]
      : []),
    {
      title: "角色",
      dataIndex: "role",
      key: "role",
      width: 64,
      render: (role: TaskUnitRole) => (
        <Tag color={ROLE_COLORS[role]} style={{ marginInlineEnd: 0 }}>
          {ROLE_SHORT_LABELS[role]}
        </Tag>
      ),
    },
    {
      title: "状态",
      key: "status",
      width: 100,
      render: (_, a) => (
        <Flex vertical gap={4} align="flex-start">
          <AssignmentStatusTag status={a.status} />
          {a.status !== "cancelled" && <SignalTag signal={a.signal} />}
        </Flex>
      ),
    },
    { title: "下次截止", key: "nextDue", width: 160, render: (_, a) => <NextDue assignment={a} /> },
    {
      title: "完成时限",
      key: "deadlines",
      width: 150,
      responsive: ["xxl"],
      render: (_, a) =>
        a.deadlines.length === 0 ? (
          <Typography.Text type="secondary">按报送周期</Typography.Text>
        ) : (
          a.deadlines.map(deadlineLabel).join("；")
        ),
    },
    {
      title: "操作",
      key: "actions",
      width: 140,
      fixed: "end",
      render: (_, a) => (
        <Space size={0}>
          {mayAcknowledge(a) && (
            <Button
              type="link"
              size="small"
              icon={<CheckOutlined />}
              loading={acknowledging === a.id}
              onClick={() => void acknowledge(a)}
            >
              签收
            </Button>
          )}
          <Link to={periodLink(a.id)} style={{ paddingInline: 7 }}>
            {mayReport(a) ? "报送" : "详情"}
          </Link>
        </Space>
      ),
    },
  ];

  const waiting = data.items.filter(mayAcknowledge).length;

  return (
    <Card title={title}>
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        {!overview && !me?.unit && (
          <Alert type="info" showIcon title="您的账号未分配单位，暂无本单位的任务。如需查看，请联系系统管理员。" />
        )}
        <Flex wrap gap={12}>
          {!overview && (
            <Segmented<Scope>
              value={filters.scope}
              onChange={(scope) => update({ scope })}
              options={[
                { value: "mine", label: "本单位任务" },
                { value: "related", label: "含牵头任务的配合单位" },
              ]}
            />
          )}
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
          <Select
            aria-label="方案"
            allowClear
            placeholder="全部方案"
            options={plans}
            value={filters.planId}
            onChange={(planId: number | undefined) => update({ planId })}
            style={{ width: 240 }}
            popupMatchSelectWidth={false}
          />
          <Select
            aria-label="角色"
            allowClear
            placeholder="全部角色"
            options={ROLE_OPTIONS}
            value={filters.role}
            onChange={(role: TaskUnitRole | undefined) => update({ role })}
            style={{ width: 120 }}
          />
          <Select
            aria-label="状态"
            allowClear
            placeholder="未取消的"
            options={ASSIGNMENT_STATUS_OPTIONS}
            value={filters.status}
            onChange={(status: AssignmentStatus | undefined) => update({ status })}
            style={{ width: 120 }}
          />
          <Select
            aria-label="红黄绿灯"
            allowClear
            placeholder="全部灯色"
            options={SIGNAL_OPTIONS}
            value={filters.signal}
            onChange={(signal: Signal | undefined) => update({ signal })}
            style={{ width: 120 }}
          />
          <Select
            aria-label="到期时间"
            allowClear
            placeholder="全部到期时间"
            options={DUE_OPTIONS}
            value={filters.dueWithinDays}
            onChange={(dueWithinDays: number | undefined) => update({ dueWithinDays })}
            style={{ width: 150 }}
          />
          <Input.Search
            aria-label="搜索任务"
            placeholder="搜索方案、任务内容或单位"
            {...search.input}
            style={{ width: 240 }}
          />
          <Checkbox checked={filters.overdue} onChange={(event) => update({ overdue: event.target.checked })}>
            只看已逾期
          </Checkbox>
          <RefreshButton onClick={() => void reload()} />
          <ExportButton onExport={() => api.assignments.exportList(query)} />
        </Flex>
        {waiting > 0 && (
          <Alert
            type="warning"
            showIcon
            title={`本页有 ${waiting} 项任务待签收，请及时签收。`}
            action={
              <Button
                size="small"
                type="primary"
                icon={<CheckOutlined />}
                disabled={ticked.length === 0}
                loading={signingMany}
                onClick={() => void signTicked()}
              >
                {ticked.length > 0 ? `批量签收（${ticked.length}）` : "勾选后批量签收"}
              </Button>
            }
          />
        )}
        {error && <Alert type="error" showIcon title={error} />}
        <Table<AssignmentListItem>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data.items}
          rowSelection={
            waiting > 0
              ? {
                  selectedRowKeys: ticked.filter((id) => signable.some((a) => a.id === id)),
                  onChange: (keys) => setTicked(keys.map(Number)),
                  getCheckboxProps: (a) => ({ disabled: !mayAcknowledge(a), "aria-label": `选择任务 ${a.taskNumber}` }),
                }
              : undefined
          }
          scroll={{ x: showUnit ? 960 : 840 }}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: data.total,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 项`,
            onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
          }}
          locale={{ emptyText: overview ? "没有符合条件的交办" : "暂无任务" }}
        />
      </Space>
    </Card>
  );
}
