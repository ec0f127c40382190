/** The benchmarks' figures: medians and percentiles, and the machine they were taken on. */
import { cpus, loadavg } from "node:os";

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
export const round = (ms: number) => Math.round(ms * 10) / 10;

export const machine = () => ({ cores: cpus().length, loadAverage1m: loadavg()[0], node: process.version });

/** Says so when the machine was busier than its cores while the figures were taken. */
export function noteLoad(): void {
  if (loadavg()[0] > cpus().length)
    console.log(`note: the machine was busy (load average ${loadavg()[0].toFixed(1)}); figures are noisy`);
}
