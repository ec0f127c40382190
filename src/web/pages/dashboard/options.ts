/** The 驾驶舱's charts as ECharts options, from the numbers GET /api/dashboard sends. */
import type { Dashboard } from "../../../shared/api";
import { SIGNAL_LABELS } from "../../../shared/domain";
import { SIGNAL_COLORS, SIGNAL_ORDER } from "../../components/SignalTag";
import type { ChartOption } from "./echarts";

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export function signalOption(board: Dashboard): ChartOption {
  return {
    tooltip: { trigger: "item", formatter: "{b}：{c} 项（{d}%）" },
    legend: { bottom: 0 },
    series: [
      {
        type: "pie",
        radius: ["40%", "70%"],
        label: { formatter: "{b}\n{c}" },
        data: SIGNAL_ORDER.map((signal) => ({
          name: SIGNAL_LABELS[signal],
          value: board.signals[signal],
          itemStyle: { color: SIGNAL_COLORS[signal].fill },
        })),
      },
    ],
  };
}

/** 完成率 by unit, lowest first from the top; a slider when there are more units than fit. */
export function completionOption(board: Dashboard): ChartOption {
  const rows = board.units.filter((u) => u.rate !== null);
  const shown = 20;
  return {
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (params: unknown) => {
        const [point] = params as { dataIndex: number }[];
        const unit = rows[point.dataIndex];
        return `${unit.unitName}<br/>完成率 ${percent(unit.rate)}%（${unit.done}/${unit.due}），逾期 ${unit.overdue}`;
      },
    },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", inverse: true, data: rows.map((u) => u.unitName) },
    dataZoom:
      rows.length > shown
        ? [{ type: "slider", yAxisIndex: 0, right: 0, width: 16, startValue: 0, endValue: shown - 1 }]
        : [],
    series: [
      {
        type: "bar",
        data: rows.map((u) => percent(u.rate)),
        itemStyle: { color: "#4096ff" },
        label: { show: true, position: "right", formatter: "{c}%" },
      },
    ],
  };
}

export function trendOption(board: Dashboard): ChartOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: "category", data: board.trend.map((m) => m.month) },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: "到期期次", type: "bar", data: board.trend.map((m) => m.due), itemStyle: { color: "#d9d9d9" } },
      { name: "已完成", type: "bar", data: board.trend.map((m) => m.done), itemStyle: { color: "#91caff" } },
      {
        name: "逾期未报",
        type: "line",
        data: board.trend.map((m) => m.overdue),
        itemStyle: { color: "#ff4d4f" },
      },
    ],
  };
}

/** Rows (sections or plans) × units, coloured by completion rate: red low, green high, grey with nothing due. */
export function heatmapOption(board: Dashboard): ChartOption {
  const { rows, units, cells } = board.heatmap;
  const column = new Map(units.map((u, i) => [u.id, i]));
  const row = new Map(rows.map((r, i) => [r.id, i]));
  const byPlace = new Map(cells.map((c) => [`${c.rowId}:${c.unitId}`, c]));
  return {
    tooltip: {
      formatter: (params: unknown) => {
        const { value } = params as { value: [number, number, number | null] };
        const cell = byPlace.get(`${rows[value[1]].id}:${units[value[0]].id}`);
        const rate = cell && cell.rate !== null ? `${percent(cell.rate)}%` : "暂无应报";
        return `${rows[value[1]].label}<br/>${units[value[0]].name}：完成率 ${rate}，逾期 ${cell?.overdue ?? 0}`;
      },
    },
    grid: { left: 8, right: 8, top: 8, bottom: 64, containLabel: true },
    xAxis: { type: "category", data: units.map((u) => u.name), axisLabel: { rotate: 40, interval: 0 } },
    yAxis: {
      type: "category",
      data: rows.map((r) => (r.label.length > 16 ? `${r.label.slice(0, 16)}…` : r.label)),
      inverse: true,
    },
    visualMap: {
      min: 0,
      max: 100,
      calculable: true,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      inRange: { color: ["#ff4d4f", "#ffe58f", "#95de64"] },
      text: ["100%", "0%"],
    },
    series: [
      {
        type: "heatmap",
        label: { show: units.length <= 15, formatter: (p: unknown) => `${(p as { value: number[] }).value[2]}` },
        data: cells
          .filter((c) => c.rate !== null)
          .map((c) => [column.get(c.unitId), row.get(c.rowId), percent(c.rate)]),
      },
    ],
  };
}
