import ExcelJS from "exceljs";
import type { TaskTableSeed } from "./seed-structure.js";

/** Columns deliberately out of the usual order: the reader and parser must find them by name. */
const COLUMNS = ["序号", "类别", "重点任务", "完成时限", "配合单位", "牵头单位", "责任单位"] as const;

/**
 * An Excel task table: a title row merged across, the header, one row per task with the 类别 (group) merged
 * down over its tasks, and a second sheet holding the notes that follow the table.
 */
export async function taskTableXlsx(seed: TaskTableSeed, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("任务分工");
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.addRow([...COLUMNS]);
  let groupStart = 0;
  seed.tasks.forEach((task, index) => {
    const row = sheet.addRow([
      task.number,
      task.group,
      task.text,
      task.fields.完成时限 ?? "",
      task.fields.配合单位 ?? "",
      task.fields.牵头单位 ?? "",
      task.fields.责任单位 ?? "",
    ]);
    const next = seed.tasks[index + 1];
    if (index === 0 || seed.tasks[index - 1].group !== task.group) groupStart = row.number;
    if ((!next || next.group !== task.group) && row.number > groupStart) sheet.mergeCells(groupStart, 2, row.number, 2);
  });
  sheet.getColumn(3).width = 80;
  const notes = workbook.addWorksheet("工作要求");
  for (const line of seed.after) notes.addRow([line.raw]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
