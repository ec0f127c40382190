#!/usr/bin/env node
// The fazhi command. It runs the bundle that `npm install` builds (dist/cli, plain JavaScript, quick to start); when
// the TypeScript sources are newer than that bundle, or it was never built, it runs the sources through tsx instead.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isStale } from "./freshness.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = path.join(root, "dist/cli/main.js");
const sources = ["src/cli", "src/server", "src/core", "src/shared"].map((dir) => path.join(root, dir));

let main;
if (isStale(bundle, sources)) {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
} else {
  ({ main } = await import("../dist/cli/main.js"));
}
process.exitCode = await main(process.argv.slice(2));
