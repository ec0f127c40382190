import { parseArgs } from "node:util";
import { startServer } from "../../server/boot.js";
import type { Config } from "../../server/config.js";
import { demoAccounts } from "../../server/demo/load.js";
import { withConfig } from "../config.js";

function printDemoAccounts(config: Config): void {
  const accounts = demoAccounts();
  const named = accounts.filter((a) => !a.username.startsWith("unit"));
  console.log("\n演示账号 / demo accounts:");
  for (const a of named)
    console.log(`  ${a.username.padEnd(12)} ${a.displayName}${a.unitName ? `（${a.unitName}）` : ""}`);
  console.log(
    `  unit01…unit${String(accounts.length - named.length).padStart(2, "0")}  其余每个单位的单位管理员（见“用户管理”）`,
  );
  console.log(
    `  密码 / password: ${config.demoPassword}${config.demoPasswordGenerated ? "  (随机生成，保存在数据目录 demo-password 文件中；可用 FAZHI_DEMO_PASSWORD 指定)" : ""}\n`,
  );
}

/** Runs the server until SIGINT/SIGTERM. */
export async function serve(config: Config): Promise<number> {
  // listened for before anything starts: a signal left to its default ends the process before PGlite has written
  // the database back and its lock is removed. One that comes while the server starts stops it once it has started;
  // `npm start` passes on the signal its own process got, so Ctrl-C or a kill of the group arrives twice, and every
  // one after the first waits for the same shutdown (the listeners stay until the process has ended)
  let stopRequested = () => {};
  const stopping = new Promise<void>((resolve) => {
    stopRequested = resolve;
  });
  let signals = 0;
  const onSignal = () => {
    if (signals++ === 0) console.log("正在关闭 / shutting down …");
    stopRequested();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const started = await startServer(config);
  console.log(`fazhi listening on ${started.url}  (数据库: ${started.database.kind}, 模式: ${config.mode})`);
  if (config.mode === "demo") printDemoAccounts(config);
  await stopping;
  await started.app.close();
  await started.database.close();
  return 0;
}

export const serveCommand = {
  summary: "start the server (migrates; in demo mode loads demo data into an empty database)",
  run: async (argv: string[]) => {
    parseArgs({ args: argv, options: {}, allowPositionals: false });
    return withConfig(serve);
  },
};
