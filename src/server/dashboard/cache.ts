/**
 * The dashboard's answers, kept until something changes. Every change is written to the audit log in its own
 * transaction, so the newest audit event's id tells whether anything changed since an answer was computed; the day
 * is part of the key, because signals move with it. The id is read before computing: a change committed meanwhile
 * makes the next request compute again. A transaction that took an older id and commits later is not seen that
 * way, so an answer is also kept for a minute at most.
 */
import { desc } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { auditEvents } from "../db/schema.js";

const KEEP_MS = 60_000;
const MAX_ENTRIES = 500;

type Entry<T> = { change: number; at: number; value: Promise<T> };

export class ChangeCache<T> {
  readonly #entries = new Map<string, Entry<T>>();

  constructor(private readonly db: Db) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const [latest] = await this.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .orderBy(desc(auditEvents.id))
      .limit(1);
    const change = latest?.id ?? 0;
    const now = Date.now();
    const kept = this.#entries.get(key);
    if (kept && kept.change === change && now - kept.at < KEEP_MS) return kept.value;
    // requests that come while it is computed share the one computation; a failure is not kept
    const value = compute();
    this.#entries.delete(key);
    this.#entries.set(key, { change, at: now, value });
    value.catch(() => this.#entries.delete(key));
    if (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value as string);
    return value;
  }
}
