import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card } from "antd";
import { useEffect, useRef } from "react";
import { type ChartOption, echarts } from "./echarts";

/** Saves what the chart shows as a PNG file, on a white ground, at twice the screen's resolution. */
function exportPng(chart: echarts.ECharts, filename: string) {
  const link = document.createElement("a");
  link.href = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
  link.download = `${filename}.png`;
  document.body.append(link);
  link.click();
  link.remove();
}

/** One ECharts chart in a card, redrawn when its option changes, resized with its card, with a 导出PNG button. */
export function Chart({
  title,
  option,
  height = 320,
  testId,
}: {
  title: string;
  option: ChartOption;
  height?: number;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: "canvas" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <Card
      title={title}
      size="small"
      data-testid={testId}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          data-testid={`${testId}-png`}
          onClick={() => chart.current && exportPng(chart.current, title)}
        >
          导出PNG
        </Button>
      }
    >
      <div ref={box} style={{ height, width: "100%" }} />
    </Card>
  );
}
