#!/usr/bin/env node
// Bundles the command line (and with it the server and the core) into dist/cli: plain JavaScript that Node loads
// without a TypeScript loader, which halves the time `npm start` takes. Packages stay in node_modules.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist/cli", { recursive: true, force: true });
await build({
  // the plan parser's worker thread (src/server/plans/parse-pool.ts) loads dist/cli/parse-worker.js
  entryPoints: { main: "src/cli/main.ts", "parse-worker": "src/server/plans/parse-worker.ts" },
  outdir: "dist/cli",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
