// Preloaded into a command a benchmark runs (`node --import ./bench/rusage.mjs bin/fazhi.js …`): when the process
// exits it writes one JSON line to the file FAZHI_BENCH_RUSAGE names: the time since the process started and its
// peak RSS (the kernel's high-water mark). Plain JavaScript, so that it adds no TypeScript loader to what it measures.
import { writeFileSync } from "node:fs";

const file = process.env.FAZHI_BENCH_RUSAGE;
if (file) {
  process.on("exit", () => {
    const peakRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
    writeFileSync(file, `${JSON.stringify({ ms: Math.round(performance.now()), peakRssMb })}\n`);
  });
}
