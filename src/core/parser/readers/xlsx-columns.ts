/** Recognises the columns of a task table by their header names, whatever their order. */

export type TaskColumn = "number" | "task" | "lead" | "responsible" | "cooperating" | "deadline";

const COLUMN_NAMES: Array<[TaskColumn, RegExp]> = [
  ["number", /^(?:序号|编号|序|NO\.?)$/i],
  ["lead", /^(?:牵头单位|牵头部门|牵头责任单位|牵头|牽頭單位)/],
  ["cooperating", /^(?:配合单位|配合部门|协办单位|协作单位|参与单位|参加单位|配合)/],
  ["responsible", /^(?:责任单位|责任部门|承办单位|落实单位|实施单位|責任單位)/],
  ["deadline", /^(?:完成时限|完成时间|时间节点|时限要求|完成期限|时限|完成時限)/],
  [
    "task",
    /^(?:工作任务|重点任务|具体任务|主要任务|任务内容|任务|具体措施|工作措施|主要措施|措施|主要内容|工作内容|工作事项|重点工作|具体工作|工作要点)/,
  ],
];

export function headerName(cell: string): string {
  return cell.replace(/[\s\u3000]+/g, "");
}

export function columnKind(cell: string): TaskColumn | null {
  const name = headerName(cell);
  if (name === "") return null;
  for (const [kind, pattern] of COLUMN_NAMES) if (pattern.test(name)) return kind;
  return null;
}

/** A header row names the task column and at least one unit or deadline column. */
export function isHeaderRow(cells: string[]): boolean {
  const kinds = new Set(cells.map(columnKind).filter((kind) => kind !== null));
  return (
    kinds.has("task") &&
    (kinds.has("lead") || kinds.has("responsible") || kinds.has("cooperating") || kinds.has("deadline"))
  );
}
