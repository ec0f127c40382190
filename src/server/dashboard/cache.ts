/**
 * The dashboard's answers, kept until something changes, and never waited for long once there is one to show.
 *
 * Every change is written to the audit log in its own transaction, so the newest audit event's id tells whether
 * anything changed since an answer was computed; so does the `basis` the caller gives (the day, as signals move with
 * it: yesterday's answer is shown while today's is counted, like any other after a change). The id is
 * read before computing: a change committed meanwhile makes the next request compute again. A transaction that took
 * an older id and commits later is not seen that way, so an answer counts as current for a minute at most.
 *
 * When the kept answer is no longer current, the request starts its computation (one at a time per key; requests that
 * come meanwhile share it) and waits for it up to `waitMs`: a district's dashboard is computed well within that, so it
 * is always current. A province's takes longer: the request is answered with the kept answer, marked as being
 * refreshed, and the new one replaces it when it is done. Only the first request of a key waits for it.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { desc } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { auditEvents } from "../db/schema.js";

const CURRENT_MS = 60_000;
const MAX_ENTRIES = 500;
/** How long a request waits for a fresh answer when it could show the kept one. */
const DEFAULT_WAIT_MS = 100;

export interface Kept<T> {
  value: T;
  /** when the computation that gave it started: it counts what had changed by then */
  computedAt: Date;
  /** whether a newer answer is being computed */
  refreshing: boolean;
}

type Answer<T> = { change: number; basis: string; at: number; value: T };
type Entry<T> = { done?: Answer<T>; pending?: Promise<Answer<T>> };

export class ChangeCache<T> {
  readonly #entries = new Map<string, Entry<T>>();

  constructor(
    private readonly db: Db,
    private readonly waitMs = DEFAULT_WAIT_MS,
  ) {}

  async get(key: string, basis: string, compute: () => Promise<T>): Promise<Kept<T>> {
    const [latest] = await this.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .orderBy(desc(auditEvents.id))
      .limit(1);
    const change = latest?.id ?? 0;
    const entry = this.#entry(key);
    const { done } = entry;
    if (done && done.change === change && done.basis === basis && Date.now() - done.at < CURRENT_MS) {
      return kept(done, false);
    }
    entry.pending ??= this.#compute(entry, change, basis, compute);
    if (!done) return kept(await entry.pending, false);
    // a refresh that fails leaves the kept answer as it was (the next request tries again)
    const fresh = await Promise.race([entry.pending.catch(() => null), delay(this.waitMs)]);
    return fresh ? kept(fresh, false) : kept(done, fresh === undefined);
  }

  #entry(key: string): Entry<T> {
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = {};
      this.#entries.set(key, entry);
      if (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value as string);
    }
    return entry;
  }

  async #compute(entry: Entry<T>, change: number, basis: string, compute: () => Promise<T>): Promise<Answer<T>> {
    const at = Date.now();
    try {
      const answer = { change, basis, at, value: await compute() };
      entry.done = answer;
      return answer;
    } finally {
      // a failure is not kept: the next request computes again (and a request that waited hears of the failure)
      entry.pending = undefined;
    }
  }
}

const kept = <T>(answer: Answer<T>, refreshing: boolean): Kept<T> => ({
  value: answer.value,
  computedAt: new Date(answer.at),
  refreshing,
});

const delay = (ms: number) => sleep(ms, undefined, { ref: false });
