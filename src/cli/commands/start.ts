import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { WEB_DIR } from "../../server/app.js";
import { withConfig } from "../config.js";
import { serve } from "./serve.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const WEB_SOURCES = ["src/web", "src/shared", "vite.config.ts"];

function newestMtime(target: string): number {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** The web app needs (re)building when it was never built or a source is newer than the build. */
export function webBuildIsStale(): boolean {
  const built = newestMtime(path.join(WEB_DIR, "index.html"));
  if (built === 0) return true;
  return WEB_SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built);
}

async function buildWeb(): Promise<void> {
  console.log("正在构建网页界面 / building the web app …");
  const { build } = await import("vite");
  await build({ configFile: path.join(ROOT, "vite.config.ts"), logLevel: "warn" });
}

export const startCommand = {
  summary: "build the web app when needed, then serve (what `npm start` runs)",
  run: async () =>
    withConfig(async (config) => {
      if (webBuildIsStale()) await buildWeb();
      return serve(config);
    }),
};
