/** The assignment's page, opened on one period's report (the inbox, the matrix and the reports link here). */
export function periodLink(assignmentId: number, period?: string): string {
  return period ? `/assignments/${assignmentId}?period=${encodeURIComponent(period)}` : `/assignments/${assignmentId}`;
}

/** A supervision order's page; without an id, the list (of drafts waiting to be issued, with `?status=draft`). */
export const orderLink = (id?: number, query = "") =>
  id ? `/supervision-orders/${id}` : `/supervision-orders${query}`;

/** A bulletin's page; without an id, the list of bulletins. */
export const bulletinLink = (id?: number) => (id ? `/bulletins/${id}` : "/bulletins");
