/**
 * How far each running plan import has come (OCR of a scan takes up to a minute), kept in memory by user and the
 * import id the browser chose, so the import dialog can show "第 3/12 页" while its upload request is pending. Only
 * the user who started an import sees it; entries go some minutes after their last change.
 */
import type { ImportProgress } from "../../shared/api.js";

/** An entry is kept this long after its last change, for the browser's last look at a finished import. */
const KEEP_MS = 10 * 60 * 1000;
/** At most this many imports are followed at once; the oldest go first. */
const MAX_ENTRIES = 1000;

interface Entry {
  progress: ImportProgress;
  changedAt: number;
}

export class ImportProgressBoard {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  private key(userId: number, importId: string): string {
    return `${userId}:${importId}`;
  }

  set(userId: number, importId: string, progress: ImportProgress): void {
    this.expire();
    const key = this.key(userId, importId);
    this.entries.delete(key);
    this.entries.set(key, { progress, changedAt: this.now() });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** The import's progress, if this user started it and it changed in the last minutes. */
  get(userId: number, importId: string): ImportProgress | null {
    this.expire();
    return this.entries.get(this.key(userId, importId))?.progress ?? null;
  }

  private expire(): void {
    const oldest = this.now() - KEEP_MS;
    for (const [key, entry] of this.entries) {
      // entries are in order of their last change: the first recent one ends the sweep
      if (entry.changedAt >= oldest) break;
      this.entries.delete(key);
    }
  }
}
