/**
 * A list as an Excel workbook, the way offices file them: the list's name over the table, a line saying which filters
 * made it and when, a bold header row that stays in view and filters, a border round every cell. Each list route
 * configures its columns; the rows are those the list shows with the same filters, not only its page.
 */
import type { FastifyReply } from "fastify";
import { chinaDay } from "../../core/calendar.js";
import { chineseDay } from "../../core/documents/official-date.js";
import { contentDisposition } from "../http/content-disposition.js";

export interface ListColumn<T> {
  header: string;
  /** in characters */
  width: number;
  value: (row: T) => string | number | null;
}

/** The most rows one export holds: a district's whole year is well within it. */
export const MAX_EXPORT_ROWS = 20_000;

const thin = { style: "thin" as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** A list to export: its name (the sheet's title and the file's), columns, rows and the filters that chose them. */
export interface ExportedList<T> {
  name: string;
  columns: readonly ListColumn<T>[];
  rows: readonly T[];
  /** the filters the list was asked with, in words; one not given (a falsy `given && "…"`) is left out */
  filters: readonly (string | 0 | false | null | undefined)[];
}

async function listWorkbook<T>(
  { name: title, columns, rows, filters: given }: ExportedList<T>,
  now: Date,
): Promise<Buffer> {
  const filters = given.filter((f): f is string => typeof f === "string" && f !== "");
  // loaded on the first export: exceljs would add a third of a second to every server start
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "fazhi 法治政府建设督导平台";
  workbook.created = now;
  const sheet = workbook.addWorksheet(title.slice(0, 31), {
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 3 }],
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));

  sheet.mergeCells(1, 1, 1, columns.length);
  const heading = sheet.getCell(1, 1);
  heading.value = title;
  heading.font = { name: "方正小标宋简体", size: 16, bold: true };
  heading.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 32;

  sheet.mergeCells(2, 1, 2, columns.length);
  const about = sheet.getCell(2, 1);
  about.value = `${filters.length > 0 ? `筛选：${filters.join("；")}　` : ""}共 ${rows.length} 条　导出日期：${chineseDay(chinaDay(now))}`;
  about.font = { size: 10, color: { argb: "FF666666" } };

  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { name: "黑体", size: 11, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFEFEF" } };
  });
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: columns.length } };
  sheet.pageSetup.printTitlesRow = "3:3";

  for (const row of rows) {
    const added = sheet.addRow(columns.map((c) => c.value(row) ?? ""));
    added.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER;
      cell.alignment = { vertical: "top", wrapText: true };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Answers with the list as a workbook to download, named with the day: 交办情况-2026年12月3日.xlsx. */
export async function sendList<T>(reply: FastifyReply, list: ExportedList<T>, now: Date): Promise<FastifyReply> {
  const workbook = await listWorkbook(list, now);
  return reply
    .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    .header("content-disposition", contentDisposition(`${list.name}-${chineseDay(chinaDay(now))}.xlsx`))
    .send(workbook);
}
