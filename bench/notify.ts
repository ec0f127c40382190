/**
 * notify() at province scale on PostgreSQL: 100,000 notices in batches of 500 (as the notice job sends them), each
 * to one manager with an email address, for 3,000 units that each have a group robot. Prints one JSON line: the
 * time with the in-app notifications only, with robots, and with robots and email. `tsx bench/notify.ts [N]`
 */
import { openDatabase } from "../src/server/db/client.js";
import { channels, units, users } from "../src/server/db/schema.js";
import { configureOutbox } from "../src/server/delivery/enqueue.js";
import { notify } from "../src/server/notifications/notify.js";
import { dropDatabase, freshDatabase } from "./postgres.js";

const NOTICES = Number(process.argv[2] ?? 100_000);
const UNITS = 3000;
const BATCH = 500;

async function measure(variant: { robots: boolean; email: boolean }): Promise<number> {
  const name = `fazhi_bench_notify_${process.pid}`;
  const database = await openDatabase({ url: await freshDatabase(name) });
  try {
    await database.migrate();
    const { db } = database;
    const unitIds = (
      await db
        .insert(units)
        .values(Array.from({ length: UNITS }, (_, i) => ({ name: `单位${i}`, type: "department" as const })))
        .returning({ id: units.id })
    ).map((u) => u.id);
    const managerOf = new Map<number, number>();
    for (let at = 0; at < UNITS; at += 1000) {
      const rows = await db
        .insert(users)
        .values(
          unitIds.slice(at, at + 1000).map((unitId) => ({
            username: `u${unitId}`,
            displayName: "单位管理员",
            unitId,
            roles: ["unit_manager" as const],
            email: `u${unitId}@example.gov.cn`,
            passwordHash: "-",
          })),
        )
        .returning({ id: users.id, unitId: users.unitId });
      for (const row of rows) managerOf.set(row.unitId as number, row.id);
    }
    if (variant.robots) {
      await db.insert(channels).values(
        unitIds.map((unitId) => ({
          kind: "dingtalk" as const,
          name: `群${unitId}`,
          url: "https://oapi.dingtalk.com/robot/send?access_token=x",
          unitId,
        })),
      );
    }
    configureOutbox({ smtp: variant.email ? { url: "smtp://127.0.0.1", from: "fazhi@example.gov.cn" } : null });
    const started = performance.now();
    for (let at = 0; at < NOTICES; at += BATCH) {
      const items = Array.from({ length: BATCH }, (_, i) => {
        const n = at + i;
        const unitId = unitIds[n % UNITS];
        return {
          message: {
            kind: "urge" as const,
            title: `催办：任务 ${n}（完成时限）已逾期`,
            body: `《法治政府建设实施方案》任务 ${n}「依法履行职责」的“完成时限”已于 2026-06-30 到期，尚未报送进展。请尽快报送；确有困难的，请申请延期。`,
            link: `/assignments/${n}?period=%E5%AE%8C%E6%88%90%E6%97%B6%E9%99%90`,
          },
          userIds: [managerOf.get(unitId) as number],
          unitId,
        };
      });
      await db.transaction((tx) => notify(tx, items));
    }
    return Math.round(performance.now() - started);
  } finally {
    await database.close();
    await dropDatabase(name);
  }
}

const inAppMs = await measure({ robots: false, email: false });
const robotsMs = await measure({ robots: true, email: false });
const robotsAndEmailMs = await measure({ robots: true, email: true });
console.log(JSON.stringify({ notices: NOTICES, batch: BATCH, units: UNITS, inAppMs, robotsMs, robotsAndEmailMs }));
