import "./PlanProgressPage.css";
import { Alert, Breadcrumb, Button, Card, Flex, Result, Segmented, Typography } from "antd";
import { type CSSProperties, type MouseEvent, useCallback, useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { PlanProgress } from "../../../../shared/api";
import {
  ASSIGNMENT_STATUS_LABELS,
  SIGNAL_LABELS,
  type Signal,
  TASK_UNIT_ROLE_LABELS,
  TASK_UNIT_ROLES,
  type TaskUnitRole,
} from "../../../../shared/domain";
import { periodLink } from "../../../../shared/links";
import { api } from "../../../api/client";
import { PageLoading } from "../../../components/PageLoading";
import { NotFound } from "../../../components/ResultPages";
import { SIGNAL_COLORS, SIGNAL_ORDER } from "../../../components/SignalTag";
import { RefreshButton } from "../../../components/ToolbarButtons";
import { useDocumentTitle } from "../../../components/useDocumentTitle";
import { useRemote } from "../../../components/useRemote";
import { ROLE_SHORT_LABELS } from "../labels";

type Cell = PlanProgress["cells"][number];

/** The cells' colours, handed to the stylesheet as custom properties. */
const SIGNAL_VARIABLES = Object.fromEntries(
  SIGNAL_ORDER.map((signal) => [`--signal-${signal}`, SIGNAL_COLORS[signal].fill]),
) as CSSProperties;

/** 牵 / 责 / 配: one character per role. */
const roleMark = (role: TaskUnitRole) => ROLE_SHORT_LABELS[role].slice(0, 1);

/**
 * The assignments of one unit on one task, most urgent first: almost always one, but a unit named in two roles of a
 * task has two, and its cell shows the more urgent light and opens that one.
 */
function placesOf(cells: readonly Cell[]): Map<string, Cell[]> {
  const places = new Map<string, Cell[]>();
  for (const cell of cells) {
    const key = `${cell.taskId}:${cell.unitId}`;
    places.set(key, [...(places.get(key) ?? []), cell]);
  }
  for (const list of places.values())
    list.sort((a, b) => SIGNAL_ORDER.indexOf(a.signal) - SIGNAL_ORDER.indexOf(b.signal));
  return places;
}

function Legend({
  progress,
  only,
  onOnly,
}: {
  progress: PlanProgress;
  only: Signal | "all";
  onOnly: (s: Signal | "all") => void;
}) {
  const total = SIGNAL_ORDER.reduce((sum, signal) => sum + progress.signals[signal], 0);
  return (
    <Flex wrap gap={16} align="center" data-testid="progress-legend">
      <Segmented<Signal | "all">
        value={only}
        onChange={onOnly}
        options={[
          { value: "all", label: `全部 ${total}` },
          ...SIGNAL_ORDER.map((signal) => ({
            value: signal,
            label: (
              <Flex gap={6} align="center">
                <span
                  style={{
                    display: "inline-block",
                    width: 12,
                    height: 12,
                    borderRadius: 2,
                    background: SIGNAL_COLORS[signal].fill,
                  }}
                />
                {SIGNAL_LABELS[signal]} {progress.signals[signal]}
              </Flex>
            ),
          })),
        ]}
      />
      <Typography.Text type="secondary">
        格内文字：
        {TASK_UNIT_ROLES.map((role) => `${roleMark(role)} = ${TASK_UNIT_ROLE_LABELS[role]}`).join("，")}
        ；点击格子查看该单位的任务和进展。
      </Typography.Text>
    </Flex>
  );
}

/** The matrix as plain table cells (seed plans run to 80 tasks × 30 units): one click handler for all of them. */
function Matrix({ progress, only }: { progress: PlanProgress; only: Signal | "all" }) {
  const navigate = useNavigate();
  const places = useMemo(() => placesOf(progress.cells), [progress]);

  // each cell is a plain link (keyboard, open in a new tab); a plain click stays in the app without reloading it
  const openCell = (event: MouseEvent<HTMLTableElement>) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>("a[data-assignment]");
    if (!link) return;
    event.preventDefault();
    navigate(periodLink(Number(link.dataset.assignment)));
  };

  return (
    <div className="progress-matrix-scroll">
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Enter on a cell's link is a click, handled here as well */}
      <table
        className="progress-matrix"
        style={SIGNAL_VARIABLES}
        data-only={only === "all" ? undefined : only}
        onClick={openCell}
        data-testid="progress-matrix"
      >
        <thead>
          <tr>
            <th className="corner">任务 \ 单位</th>
            {progress.units.map((unit) => (
              <th key={unit.id} title={unit.name}>
                <div className="unit-name">{unit.name}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {progress.tasks.map((task) => (
            <tr key={task.id}>
              <th title={task.text}>
                {task.number} {task.title ?? task.text}
              </th>
              {progress.units.map((unit) => {
                const here = places.get(`${task.id}:${unit.id}`);
                const cell = here?.[0];
                if (!here || !cell) return <td key={unit.id} />;
                const label = `任务${task.number} ${unit.name}：${here
                  .map(
                    (c) =>
                      `${TASK_UNIT_ROLE_LABELS[c.role]}，${ASSIGNMENT_STATUS_LABELS[c.status]}，${SIGNAL_LABELS[c.signal]}`,
                  )
                  .join("；")}`;
                return (
                  <td key={unit.id} data-signal={cell.signal}>
                    <a
                      href={periodLink(cell.assignmentId)}
                      data-assignment={cell.assignmentId}
                      title={label}
                      aria-label={label}
                    >
                      {here.map((c) => roleMark(c.role)).join("")}
                    </a>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PlanProgressView({ planId }: { planId: number }) {
  const navigate = useNavigate();
  const load = useCallback(() => api.plans.progress(planId), [planId]);
  const { data: progress, loading, error, reload } = useRemote<PlanProgress | null>(load, null);
  const [only, setOnly] = useState<Signal | "all">("all");
  useDocumentTitle(progress ? `${progress.title} 进展情况` : "进展情况");

  if (!progress) {
    if (loading) return <PageLoading />;
    return (
      <Result
        status="warning"
        title="无法打开该方案的进展情况"
        subTitle={error ?? "方案不存在"}
        extra={
          <Button type="primary" onClick={() => navigate("/plans")}>
            返回方案列表
          </Button>
        }
      />
    );
  }

  return (
    <Card size="small">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/plans">方案管理</Link> },
          { title: <Link to={`/plans/${planId}`}>{progress.title}</Link> },
          { title: "进展情况" },
        ]}
      />
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {progress.title} 进展情况
        </Typography.Title>
        <RefreshButton onClick={() => void reload()} />
      </Flex>
      <Flex vertical gap={12}>
        <Legend progress={progress} only={only} onOnly={setOnly} />
        {error && <Alert type="error" showIcon title={error} />}
        {progress.cells.length === 0 ? (
          <Typography.Text type="secondary">该方案尚未交办，暂无进展。</Typography.Text>
        ) : (
          <Matrix progress={progress} only={only} />
        )}
      </Flex>
    </Card>
  );
}

/** /plans/:id/progress — 进展情况: every task × unit of a plan, coloured by its 红黄绿灯. */
export default function PlanProgressPage() {
  const { id } = useParams();
  const planId = Number(id);
  if (!Number.isInteger(planId) || planId < 1) return <NotFound />;
  return <PlanProgressView key={planId} planId={planId} />;
}
