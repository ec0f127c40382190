import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import type { ChartOption, echarts } from "./echarts";

/** Saves what the chart shows as a PNG file, on a white ground, at twice the screen's resolution. */
function exportPng(chart: echarts.ECharts, filename: string) {
  const link = document.createElement("a");
  link.href = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
  link.download = `${filename}.png`;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * One ECharts chart in a card, redrawn when its option changes, resized with its card, with a 导出PNG button. ECharts
 * (half a megabyte) is fetched after the page is drawn: the figures and tables of the 驾驶舱 are there at once.
 */
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
  const latest = useRef(option);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let gone = false;
    let observer: ResizeObserver | undefined;
    void import("./echarts").then(({ echarts }) => {
      if (gone || !box.current) return;
      const instance = echarts.init(box.current, undefined, { renderer: "canvas" });
      chart.current = instance;
      instance.setOption(latest.current, { notMerge: true });
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(box.current);
      setReady(true);
    });
    return () => {
      gone = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
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
          disabled={!ready}
          onClick={() => chart.current && exportPng(chart.current, title)}
        >
          导出PNG
        </Button>
      }
    >
      <div style={{ position: "relative" }}>
        <div ref={box} style={{ height, width: "100%" }} />
        {!ready && (
          <Typography.Text type="secondary" style={{ position: "absolute", top: 8, left: 8 }}>
            图表加载中…
          </Typography.Text>
        )}
      </div>
    </Card>
  );
}
