import { openConfiguredDatabase } from "../../server/boot.js";
import { withConfig } from "../config.js";

export const migrateCommand = {
  summary: "apply the database migrations",
  run: async () =>
    withConfig(async (config) => {
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        console.log(`数据库已迁移到最新版本 (${database.kind})`);
        return 0;
      } finally {
        await database.close();
      }
    }),
};
