/** The assignment's page, opened on one period's report (the inbox, the matrix and the reports link here). */
export function periodLink(assignmentId: number, period?: string): string {
  return period ? `/assignments/${assignmentId}?period=${encodeURIComponent(period)}` : `/assignments/${assignmentId}`;
}

/** The due-date windows 我的任务 (交办情况) filters by. */
export const DUE_WITHIN_DAYS = [7, 30, 90] as const;

/** 我的任务 (交办情况) filtered to overdue work, to work due within a number of days, or to one plan's (see its page). */
export const assignmentsLink = (filter: { overdue: true } | { dueWithinDays: number } | { planId: number }) => {
  if ("overdue" in filter) return "/assignments?overdue=1";
  if ("planId" in filter) return `/assignments?planId=${filter.planId}`;
  return `/assignments?dueWithinDays=${filter.dueWithinDays}`;
};

/** A supervision order's page; without an id, the list (of drafts waiting to be issued, with `?status=draft`). */
export const orderLink = (id?: number, query = "") =>
  id ? `/supervision-orders/${id}` : `/supervision-orders${query}`;

/** A bulletin's page; without an id, the list of bulletins. */
export const bulletinLink = (id?: number) => (id ? `/bulletins/${id}` : "/bulletins");
