/** A plan's 任务分工表 as a real Excel workbook: 序号 / 任务 / 牵头单位 / 责任单位 / 配合单位 / 完成时限. */
import type { PlanDetail, Task } from "../../shared/api.js";
import { sectionLabel, type TaskUnitRole } from "../../shared/domain.js";

const COLUMNS = [
  { header: "序号", width: 8 },
  { header: "任务", width: 70 },
  { header: "牵头单位", width: 22 },
  { header: "责任单位", width: 28 },
  { header: "配合单位", width: 28 },
  { header: "完成时限", width: 18 },
];

/**
 * The units of one role as the table names them: a group phrase (各乡镇) as written, when its units are all still
 * there; any other unit by its registry name. Dismissed phrases are left out.
 */
export function unitCell(task: Task, role: TaskUnitRole): string {
  const entries = task.units.filter((u) => u.role === role && u.unitId !== null);
  const perPhrase = new Map<string, number>();
  for (const entry of entries) perPhrase.set(entry.phrase, (perPhrase.get(entry.phrase) ?? 0) + 1);
  const names: string[] = [];
  for (const entry of entries) {
    const name = (perPhrase.get(entry.phrase) ?? 0) > 1 ? entry.phrase : (entry.unitName ?? entry.phrase);
    if (!names.includes(name)) names.push(name);
  }
  return names.join("、");
}

const thin = { style: "thin" as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

export async function planWorkbook(plan: PlanDetail): Promise<Buffer> {
  // loaded on the first export: exceljs would add a third of a second to every server start
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "fazhi 法治政府建设督导平台";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet("任务分工表", {
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 2 }],
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));

  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  const title = sheet.getCell(1, 1);
  title.value = `${plan.title}任务分工表`.replace(/任务分工方案任务分工表$/, "任务分工表");
  title.font = { name: "方正小标宋简体", size: 16, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  sheet.getRow(1).height = 36;

  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { name: "黑体", size: 11, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle" };
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFEFEF" } };
  });
  sheet.pageSetup.printTitlesRow = "2:2";

  const sections = new Map(plan.sections.map((s) => [s.id, s]));
  let currentSection: number | null = null;
  for (const task of plan.tasks) {
    if (task.sectionId !== null && task.sectionId !== currentSection) {
      currentSection = task.sectionId;
      const section = sections.get(task.sectionId);
      if (section) {
        const row = sheet.addRow([sectionLabel(section)]);
        sheet.mergeCells(row.number, 1, row.number, COLUMNS.length);
        row.getCell(1).font = { name: "黑体", size: 11, bold: true };
        row.getCell(1).border = BORDER;
      }
    }
    const row = sheet.addRow([
      task.number,
      task.title ? `${task.title}\n${task.text}` : task.text,
      unitCell(task, "lead"),
      unitCell(task, "responsible"),
      unitCell(task, "cooperating"),
      task.deadlines.map((d) => d.text).join("；"),
    ]);
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.font = { name: "仿宋_GB2312", size: 11 };
      cell.alignment = { vertical: "top", wrapText: true, horizontal: column === 1 ? "center" : "left" };
      cell.border = BORDER;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
