import path from "node:path";
import { isStale } from "../../../bin/freshness.js";
import { ROOT } from "../../server/root.js";
import { WEB_DIR } from "../../server/web-dir.js";
import { withConfig } from "../config.js";
import { serve } from "./serve.js";

// the web app imports the wire contract and pure domain logic (core) as well as its own sources
const WEB_SOURCES = ["src/web", "src/shared", "src/core", "vite.config.ts"];

/** The web app needs (re)building when it was never built or a source is newer than the build. */
function webBuildIsStale(): boolean {
  return isStale(
    path.join(WEB_DIR, "index.html"),
    WEB_SOURCES.map((source) => path.join(ROOT, source)),
  );
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
