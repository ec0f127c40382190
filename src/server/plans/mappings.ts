/**
 * Reading a plan file with the choices a user made: the column roles of its tables (set now, or remembered by the
 * table's header signature from an earlier file) and the level of its tasks. A parse without tasks is refused with
 * why, and with the tables and numbering levels to choose from.
 */
import { inArray, sql } from "drizzle-orm";
import { DocumentReadError, type ParseResult, parseDocument, type ReadProgress } from "../../core/parser/index.js";
import type { NoTasksDetails, ParseChoices, PlanLayout } from "../../shared/api.js";
import type { ColumnRole } from "../../shared/domain.js";
import type { Queryable } from "../db/client.js";
import { columnMappings } from "../db/schema.js";
import { AppError } from "../http/errors.js";
import type { Parsed, PlanReader } from "./parse-pool.js";

export interface Upload {
  bytes: Buffer;
  filename: string;
  /** told how far a long read (OCR of a scan) has come */
  onProgress?: (progress: ReadProgress) => void;
  /** the server's ParsePool (parse-pool.ts), off its event loop; the demo loader and the tests read here */
  reader?: PlanReader;
}

async function parseUpload(upload: Upload, choices: ParseChoices): Promise<Parsed> {
  const read = upload.reader ?? parseDocument;
  try {
    return await read(new Uint8Array(upload.bytes), upload.filename, {
      ...choices,
      onProgress: upload.onProgress,
    });
  } catch (error) {
    if (!(error instanceof DocumentReadError)) throw error;
    const status = error.code === "too_large" ? 413 : 400;
    throw new AppError(status, `document_${error.code}`, error.message);
  }
}

async function rememberedRoles(db: Queryable, signatures: string[]): Promise<Record<string, ColumnRole[]>> {
  if (signatures.length === 0) return {};
  const rows = await db.select().from(columnMappings).where(inArray(columnMappings.signature, signatures));
  return Object.fromEntries(rows.map((row) => [row.signature, row.roles]));
}

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((r, i) => r === b[i]);

/**
 * Parses the file with the choices given; a table whose header has a remembered mapping (and no role given now) is
 * read again with it. Returns the parse and the choices it was read with.
 */
export async function readPlanFile(
  db: Queryable,
  upload: Upload,
  choices: ParseChoices,
): Promise<{ parsed: Parsed; options: ParseChoices }> {
  const first = await parseUpload(upload, choices);
  const open = first.tables.filter((table) => !choices.columnRoles?.[table.signature]);
  const remembered = await rememberedRoles(db, [...new Set(open.map((table) => table.signature))]);
  const differing = open.filter((t) => remembered[t.signature] && !sameRoles(remembered[t.signature], t.roles));
  if (differing.length === 0) return { parsed: first, options: choices };
  const columnRoles = { ...choices.columnRoles };
  for (const table of differing) columnRoles[table.signature] = remembered[table.signature];
  const options = { ...choices, columnRoles };
  return { parsed: await parseUpload(upload, options), options };
}

/** Saves the column roles a user set, by header signature, for the next file with the same header. */
export async function rememberMappings(
  tx: Queryable,
  columnRoles: ParseChoices["columnRoles"],
  actorId: number | null,
): Promise<void> {
  const rows = Object.entries(columnRoles ?? {}).map(([signature, roles]) => ({
    signature,
    roles,
    updatedBy: actorId,
    updatedAt: new Date(),
  }));
  if (rows.length === 0) return;
  await tx
    .insert(columnMappings)
    .values(rows)
    .onConflictDoUpdate({
      target: columnMappings.signature,
      set: {
        roles: sql`excluded.roles`,
        updatedBy: sql`excluded.updated_by`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

export function layoutOf(parsed: ParseResult, options: ParseChoices): PlanLayout {
  return { tables: parsed.tables, numberingLevels: parsed.numberingLevels, taskStyle: parsed.taskStyle, options };
}

const SCAN_WARNINGS = /^(pdf_no_text|ocr_)/;

/** Why the parse found no tasks, in the user's words, and what the file holds to choose from instead. */
export function noTasks(parsed: ParseResult): AppError {
  const details: NoTasksDetails = {
    reason: "no_numbering",
    tables: parsed.tables,
    numberingLevels: parsed.numberingLevels,
  };
  const scan = parsed.warnings.find((w) => SCAN_WARNINGS.test(w.code));
  let why: string;
  if (scan) {
    details.reason = "scan_without_ocr";
    why = scan.message;
  } else if (parsed.text.trim() === "") {
    details.reason = "no_text";
    why = "文件中没有可识别的文字，请检查文件内容，或改为手工新建方案";
  } else if (parsed.tables.length > 0) {
    details.reason = "no_task_column";
    why = `文件中有 ${parsed.tables.length} 个表格，但没有认出哪一列是任务内容，请为表格各列选择含义后重新导入`;
  } else {
    // a scan's text came from OCR: say so, since what was read may differ from what the page shows
    const recognised = parsed.warnings.some((w) => w.code === "scan_recognised");
    why =
      (recognised ? "文件是扫描件（图片），已用文字识别（OCR）读出其中的文字，但" : "") +
      "没有找到编号的任务（如“1.”“（一）”开头的条目），请确认上传的是任务分工方案（含编号的任务及牵头单位、责任单位）" +
      (parsed.numberingLevels.length > 0
        ? "，或选择任务是哪一级条目后重新导入"
        : recognised
          ? "，或上传更清晰的扫描件、Word 或文字版 PDF"
          : "，或改为手工新建方案");
  }
  const message = `未能从文件中识别出任何任务：${why}`;
  return new AppError(400, "no_tasks", message, details);
}
