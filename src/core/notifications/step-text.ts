/**
 * The words of the notices of the work's steps: 新任务交办 (one message to a unit per plan, listing its tasks), 报告被退回
 * (with the reason), 报告已通过, 延期申请 approved or refused (with the new date), and to a reviewer 新报告待审核 (the
 * reports of an hour at once). Pure: the server sends them, the tests read them.
 */
import { TASK_UNIT_ROLE_LABELS, type TaskUnitRole } from "../../shared/domain.js";
import { chineseDay } from "../documents/official-date.js";
import { type TaskNamed, taskOrdinal, taskReference } from "../documents/task-reference.js";

/** How many tasks or reports a message names; the rest are counted. */
export const LISTED_STEPS = 10;

export interface Text {
  title: string;
  body: string;
}

export interface AssignedTask extends TaskNamed {
  role: TaskUnitRole;
  /** the deadlines as the plan writes them (2026年6月底前、每季度末) */
  deadlines: string[];
}

const listed = <T>(items: T[], line: (item: T, index: number) => string) =>
  items.slice(0, LISTED_STEPS).map(line).join("\n") +
  (items.length > LISTED_STEPS ? `\n……等 ${items.length} 项。` : "");

/** 新任务交办: the unit's new tasks of one plan, with its role and deadline in each. */
export function assignedText(planTitle: string, tasks: AssignedTask[]): Text {
  const deadline = (t: AssignedTask) => (t.deadlines.length ? `；完成时限：${t.deadlines.join("、")}` : "");
  return {
    title:
      tasks.length === 1
        ? `新任务交办：《${planTitle}》${taskOrdinal(tasks[0].number)}任务`
        : `新任务交办：《${planTitle}》${tasks.length} 项任务`,
    body:
      `《${planTitle}》向你单位交办 ${tasks.length} 项任务，请及时签收，按时限报送进展：\n` +
      listed(tasks, (t, i) => `${i + 1}. ${taskReference(t, 30)}（${TASK_UNIT_ROLE_LABELS[t.role]}${deadline(t)}）`),
  };
}

export interface ReviewedReport {
  planTitle: string;
  task: TaskNamed;
  /** the period's label, e.g. 2026年第三季度 */
  period: string;
  comment: string | null;
}

const reportName = (r: Pick<ReviewedReport, "planTitle" | "task" | "period">) =>
  `《${r.planTitle}》${taskReference(r.task, 30)}“${r.period}”的进展报告`;

export function returnedText(r: ReviewedReport): Text {
  return {
    title: `报告被退回：${taskOrdinal(r.task.number)}任务（${r.period}）`,
    body: `${reportName(r)}被退回。退回原因：${r.comment ?? "未说明"}。请按意见修改后重新报送。`,
  };
}

export function acceptedText(r: ReviewedReport): Text {
  return {
    title: `报告已通过：${taskOrdinal(r.task.number)}任务（${r.period}）`,
    body: `${reportName(r)}已审核通过。${r.comment ? `审核意见：${r.comment}` : ""}`.trim(),
  };
}

export interface DecidedExtension extends Omit<ReviewedReport, "comment"> {
  approved: boolean;
  /** the due date asked for, and the one in force before */
  requestedDueOn: string;
  currentDueOn: string;
  comment: string | null;
}

export function extensionText(e: DecidedExtension): Text {
  const what = `《${e.planTitle}》${taskReference(e.task, 30)}“${e.period}”的延期申请`;
  const comment = e.comment ? `审批意见：${e.comment}` : "";
  return e.approved
    ? {
        title: `延期申请已批准：${taskOrdinal(e.task.number)}任务延至${chineseDay(e.requestedDueOn)}`,
        body: `${what}已批准，完成时限由${chineseDay(e.currentDueOn)}延至${chineseDay(e.requestedDueOn)}。${comment}`,
      }
    : {
        title: `延期申请未获批准：${taskOrdinal(e.task.number)}任务（${e.period}）`,
        body: `${what}未获批准，完成时限仍为${chineseDay(e.currentDueOn)}，请按时报送。${comment}`,
      };
}

export interface WaitingReport {
  unitName: string;
  planTitle: string;
  task: TaskNamed;
  period: string;
}

/** 新报告待审核: the reports submitted in an hour that wait for this reviewer, in one message. */
export function reviewDigestText(reports: WaitingReport[]): Text {
  return {
    title: `新报告待审核：${reports.length} 份进展报告`,
    body:
      `有 ${reports.length} 份新报送的进展报告待您审核：\n` +
      listed(reports, (r, i) => `${i + 1}. ${r.unitName} ·《${r.planTitle}》${taskReference(r.task, 20)}“${r.period}”`),
  };
}
