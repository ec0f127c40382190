import { openConfiguredDatabase } from "../../server/boot.js";
import { systemClock } from "../../server/clock.js";
import { loadDemoData } from "../../server/demo/load.js";
import { loadDemoPlan } from "../../server/demo/plan.js";
import { fileStoreOf } from "../../server/files/store.js";
import { withConfig } from "../config.js";

export const demoCommand = {
  summary: "load the demo district and accounts (running it twice changes nothing)",
  run: async () =>
    withConfig(async (config) => {
      if (!config.demoPassword) {
        console.error("fazhi: 生产模式下不能加载演示数据 (FAZHI_MODE=production)");
        return 2;
      }
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        const { created } = await loadDemoData(database.db, config.demoPassword);
        const plan = await loadDemoPlan({ db: database.db, clock: systemClock, config, files: fileStoreOf(config) });
        console.log(
          `演示数据：新增单位 ${created.units} 个、分组 ${created.groups} 个、账号 ${created.users} 个、已交办方案 ${plan ? 1 : 0} 个`,
        );
        return 0;
      } finally {
        await database.close();
      }
    }),
};
