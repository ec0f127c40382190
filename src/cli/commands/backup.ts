import path from "node:path";
import { BackupError, writeBackup } from "../../server/backup/backup.js";
import { checkEvidenceFiles, describeCheck } from "../../server/backup/check.js";
import { restoreBackup } from "../../server/backup/restore.js";
import { openConfiguredDatabase } from "../../server/boot.js";
import { fileStoreOf } from "../../server/files/store.js";
import { withConfig } from "../config.js";

const RUNNING_PGLITE =
  "使用内置数据库(PGlite)时，服务运行中只有服务进程能打开数据库：请以管理员身份登录后下载 /api/backup，或先停止服务。";

/** Runs a backup command; a refusal the user can act on is printed in Chinese and exits with code 1. */
async function refusing(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`fazhi: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

export const backupCommand = {
  summary: "write the database and the evidence files to one archive",
  run: async (args: string[]) => {
    const [file] = args;
    if (!file || file.startsWith("-")) {
      console.error(`Usage: fazhi backup FILE.tar.gz\n\n${RUNNING_PGLITE}`);
      return 2;
    }
    return withConfig(async (config) => {
      const database = await openConfiguredDatabase(config);
      try {
        return await refusing(async () => {
          const manifest = await writeBackup(path.resolve(file), { database, store: fileStoreOf(config) });
          const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
          console.log(
            `已备份到 ${file}：${manifest.tables.length} 张表 ${rows} 行，证据文件 ${manifest.files.count} 个` +
              `(${(manifest.files.bytes / 1024 / 1024).toFixed(1)} MB)，数据库版本 ${manifest.migration.tag}`,
          );
          if (manifest.files.missing.length) {
            console.error(
              `注意：${manifest.files.missing.length} 个证据文件在数据目录中找不到，未能备份；运行 fazhi check 查看是哪些。`,
            );
            return 1;
          }
          return 0;
        });
      } finally {
        await database.close();
      }
    });
  },
};

export const restoreCommand = {
  summary: "restore an archive into an empty database and data directory",
  run: async (args: string[]) => {
    const force = args.includes("--force");
    const [file] = args.filter((a) => a !== "--force");
    if (!file || file.startsWith("-")) {
      console.error("Usage: fazhi restore FILE.tar.gz [--force]\n\n--force: 覆盖已有数据的数据库(现有数据将被删除)");
      return 2;
    }
    return withConfig(async (config) => {
      const database = await openConfiguredDatabase(config);
      try {
        return await refusing(async () => {
          const result = await restoreBackup(path.resolve(file), { database, store: fileStoreOf(config), force });
          console.log(
            `已从 ${file} 恢复：${result.rows} 行数据、${result.files} 个证据文件(备份时间 ${result.manifest.createdAt}，` +
              `来自 ${result.manifest.database})，数据库已迁移到最新版本`,
          );
          return 0;
        });
      } finally {
        await database.close();
      }
    });
  },
};

export const checkCommand = {
  summary: "report evidence rows whose file is missing or damaged",
  run: async () =>
    withConfig(async (config) => {
      const database = await openConfiguredDatabase(config);
      try {
        const result = await checkEvidenceFiles(database.db, fileStoreOf(config));
        const lines = describeCheck(result);
        for (const line of lines.slice(0, -1)) console.log(line);
        (result.problems.length ? console.error : console.log)(lines[lines.length - 1]);
        return result.problems.length ? 1 : 0;
      } finally {
        await database.close();
      }
    }),
};
