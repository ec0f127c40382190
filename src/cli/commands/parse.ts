import { readFile } from "node:fs/promises";
import { DocumentReadError, parseDocument } from "../../core/parser/index.js";
import type { ParsedTask, ParseResult } from "../../core/parser/types.js";
import { shorten } from "../../core/text/shorten.js";

const USAGE = `Usage: fazhi parse FILE... [--json]

Parses plan documents (txt in UTF-8 or GBK, docx, doc/wps, pdf, ofd, xlsx, html; scans and png/jpg/tif photos of
pages by OCR, with tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils installed) into sections and tasks with their
units, deadlines and targets. Prints a readable summary, or with --json one JSON object per file (an array for several).
Exit code 0 when every file was parsed (warnings included), 1 when a file is missing or cannot be read.`;

function unitsLine(task: ParsedTask): string {
  const parts: string[] = [];
  if (task.leadUnits.length > 0) parts.push(`牵头 lead: ${task.leadUnits.join("、")}`);
  if (task.responsibleUnits.length > 0) parts.push(`责任 responsible: ${task.responsibleUnits.join("、")}`);
  if (task.cooperatingUnits.length > 0) parts.push(`配合 cooperating: ${task.cooperatingUnits.join("、")}`);
  if (task.deadlines.length > 0) parts.push(`时限 deadline: ${task.deadlines.map((d) => d.text).join("；")}`);
  return parts.length > 0 ? parts.join(" | ") : "(未写明责任单位 no units stated)";
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ");

/** A readable summary of one parse: the document's facts, then every task under its section. */
export function summarise(file: string, result: ParseResult): string {
  const out: string[] = [file];
  out.push(`  标题 title: ${result.title ?? "-"}`);
  out.push(
    `  文号 doc number: ${result.docNumber ?? "-"}  发文机关 issuer: ${result.issuer ?? "-"}  日期 date: ${result.date ?? "-"}`,
  );
  out.push(
    `  部分 sections: ${result.sections.length}  任务 tasks: ${result.tasks.length}  效果指标 section targets: ${result.sectionTargets.length}`,
  );
  const titles = new Map(result.sections.map((s) => [s.id, `${s.number} ${s.title}`]));
  let lastSection: string | null = null;
  for (const task of result.tasks) {
    if (task.sectionId !== lastSection) {
      lastSection = task.sectionId;
      if (task.sectionId) out.push(`  ${titles.get(task.sectionId) ?? ""}`);
    }
    out.push(`    ${task.path.join(".")}  ${shorten(oneLine(task.title ?? task.text), 40)}`);
    out.push(`        ${unitsLine(task)}`);
  }
  for (const w of result.warnings) out.push(`  ! ${w.code}: ${w.message}`);
  return out.join("\n");
}

function failure(file: string, error: unknown): string {
  if (error instanceof DocumentReadError) return `fazhi parse: ${file}: ${error.message} (${error.code})`;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT") return `fazhi parse: ${file}: 文件不存在 / no such file`;
  if (code === "EISDIR") return `fazhi parse: ${file}: 这是一个目录 / is a directory, not a file`;
  if (code === "EACCES") return `fazhi parse: ${file}: 没有读取权限 / permission denied`;
  const message = error instanceof Error ? error.message : String(error);
  return `fazhi parse: ${file}: 无法读取 / cannot read: ${message}`;
}

export const parseCommand = {
  summary: "parse plan documents into tasks with units, deadlines and targets",
  run: async (argv: string[]): Promise<number> => {
    if (argv.includes("--help") || argv.includes("-h")) {
      console.log(USAGE);
      return 0;
    }
    const json = argv.includes("--json");
    const unknown = argv.filter((a) => a.startsWith("-") && a !== "--json");
    const files = argv.filter((a) => !a.startsWith("-"));
    if (unknown.length > 0 || files.length === 0) {
      console.error(unknown.length > 0 ? `fazhi parse: unknown option ${unknown.join(" ")}\n${USAGE}` : USAGE);
      return 2;
    }
    const parsed: Array<{ file: string } & ParseResult> = [];
    let failed = false;
    for (const file of files) {
      try {
        const bytes = await readFile(file);
        parsed.push({ file, ...(await parseDocument(new Uint8Array(bytes), file)) });
      } catch (error) {
        failed = true;
        console.error(failure(file, error));
      }
    }
    if (json) {
      if (parsed.length > 0) console.log(JSON.stringify(files.length === 1 ? parsed[0] : parsed, null, 2));
    } else {
      console.log(parsed.map(({ file, ...result }) => summarise(file, result)).join("\n\n"));
    }
    return failed ? 1 : 0;
  },
};
