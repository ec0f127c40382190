/**
 * `fazhi check`: every evidence file row against the store. A row whose file is gone (a database restored without
 * its files, a folder lost) makes its downloads answer 404; a file whose bytes no longer hash to its name is damaged.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { asc, gt, inArray } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { files, reportFiles } from "../db/schema.js";
import type { FileStore } from "../files/store.js";

export interface FileProblem {
  fileId: number;
  filename: string;
  sha256: string;
  /** the reports that hold the file */
  reportIds: number[];
  problem: "missing" | "damaged";
}

export interface CheckResult {
  /** evidence file rows checked */
  rows: number;
  /** distinct stored files read and hashed */
  stored: number;
  problems: FileProblem[];
}

async function hashOf(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const piece of createReadStream(file)) hash.update(piece as Buffer);
  return hash.digest("hex");
}

const PAGE = 1000;

/** Checks every file row (page by page, by id) and hashes each stored file once. */
export async function checkEvidenceFiles(db: Queryable, store: FileStore): Promise<CheckResult> {
  const result: CheckResult = { rows: 0, stored: 0, problems: [] };
  const verdicts = new Map<string, FileProblem["problem"] | "ok">();
  let after = 0;
  for (;;) {
    const page = await db
      .select({ id: files.id, sha256: files.sha256, filename: files.filename })
      .from(files)
      .where(gt(files.id, after))
      .orderBy(asc(files.id))
      .limit(PAGE);
    if (!page.length) break;
    after = page[page.length - 1].id;
    result.rows += page.length;
    const bad: { id: number; sha256: string; filename: string; problem: FileProblem["problem"] }[] = [];
    for (const row of page) {
      let verdict = verdicts.get(row.sha256);
      if (!verdict) {
        const file = store.pathOf(row.sha256);
        const info = await stat(file).catch(() => null);
        verdict = !info?.isFile() ? "missing" : (await hashOf(file)) === row.sha256 ? "ok" : "damaged";
        if (verdict !== "missing") result.stored += 1;
        verdicts.set(row.sha256, verdict);
      }
      if (verdict !== "ok") bad.push({ ...row, problem: verdict });
    }
    if (!bad.length) continue;
    const holders = await db
      .select({ fileId: reportFiles.fileId, reportId: reportFiles.reportId })
      .from(reportFiles)
      .where(
        inArray(
          reportFiles.fileId,
          bad.map((b) => b.id),
        ),
      )
      .orderBy(asc(reportFiles.reportId));
    for (const row of bad) {
      result.problems.push({
        fileId: row.id,
        filename: row.filename,
        sha256: row.sha256,
        reportIds: holders.filter((h) => h.fileId === row.id).map((h) => h.reportId),
        problem: row.problem,
      });
    }
  }
  return result;
}

/** The check's findings as a civil servant reads them. */
export function describeCheck(result: CheckResult): string[] {
  const lines: string[] = [];
  for (const p of result.problems) {
    const where = p.reportIds.length ? `，属于报告 ${p.reportIds.map((id) => `#${id}`).join("、")}` : "";
    const what = p.problem === "missing" ? "缺少文件" : "文件已损坏(内容与哈希不符)";
    lines.push(`${what}：证据材料 #${p.fileId}「${p.filename}」(${p.sha256.slice(0, 12)}…)${where}`);
  }
  const missing = result.problems.filter((p) => p.problem === "missing").length;
  const damaged = result.problems.length - missing;
  lines.push(
    result.problems.length
      ? `检查了 ${result.rows} 条证据材料记录：${missing} 条缺少文件，${damaged} 条文件已损坏。请从备份恢复(fazhi restore)或找回这些文件。`
      : `检查了 ${result.rows} 条证据材料记录、${result.stored} 个文件：全部完好。`,
  );
  return lines;
}
