#!/usr/bin/env node
// The fazhi command: runs the TypeScript CLI through tsx, so one source tree serves every role.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
