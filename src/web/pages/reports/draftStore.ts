/**
 * The report form as last typed, kept in the browser (localStorage) on every change: a closed tab, a crash or a lost
 * connection never loses a unit's work, even before the server has a draft.
 */

export type ReportValues = { text: string; completion: number | null; links: string[] };

export type StoredDraft = {
  values: ReportValues;
  /** the server draft these values belong to; null before one was made */
  reportId: number | null;
  /** that draft's version when the values were last saved to it: another version means it changed elsewhere */
  version: number | null;
  /** files of earlier reports to carry into the draft when it is made (a resubmission after a return) */
  carriedFileIds: number[];
  /** the returned or withdrawn report this one was started from */
  basedOn: number | null;
  /** when the user last typed (ISO time) */
  typedAt: string;
};

const PREFIX = "fazhi:report-draft";

/** One stored form per user, assignment and period: two people on one computer never see each other's typing. */
export const draftKey = (userId: number, assignmentId: number, period: string) =>
  `${PREFIX}:${userId}:${assignmentId}:${period}`;

function isStoredDraft(value: unknown): value is StoredDraft {
  if (typeof value !== "object" || value === null) return false;
  const draft = value as Partial<StoredDraft>;
  return (
    typeof draft.values === "object" &&
    draft.values !== null &&
    typeof draft.values.text === "string" &&
    Array.isArray(draft.values.links) &&
    Array.isArray(draft.carriedFileIds) &&
    typeof draft.typedAt === "string"
  );
}

export function readDraft(key: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isStoredDraft(parsed) ? parsed : null;
  } catch {
    // storage switched off or a damaged entry: there is simply no copy to restore
    return null;
  }
}

/** Stores the form; false when the browser refuses (private mode, quota), so the form can say it is not kept. */
export function writeDraft(key: string, draft: StoredDraft): boolean {
  try {
    window.localStorage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // nothing stored, nothing to clear
  }
}

/** Whether two sets of form values say the same. */
export const sameValues = (a: ReportValues, b: ReportValues) =>
  a.text === b.text && a.completion === b.completion && a.links.join("\n") === b.links.join("\n");
