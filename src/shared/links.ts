/** The assignment's page, opened on one period's report (the inbox, the matrix and the reports link here). */
export function periodLink(assignmentId: number, period?: string): string {
  return period ? `/assignments/${assignmentId}?period=${encodeURIComponent(period)}` : `/assignments/${assignmentId}`;
}
