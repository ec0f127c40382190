/**
 * Answers kept until the database changes: the dashboard's, and the lists every user opens first (我的任务, 交办情况,
 * the inbox), which a district's fifty users would otherwise count afresh on every click.
 *
 * Every change is written to the audit log in its own transaction, so the newest audit event's id tells whether
 * anything changed since an answer was computed; so does the `basis` the caller gives (the day, as signals move with
 * it). The id is read before computing: a change committed meanwhile makes the next request compute again. Ids are
 * taken in one order and committed in another, so an answer computed while another writing transaction was open is
 * not kept (pg_stat_activity tells: a transaction that has written holds an id); an answer
 * counts as current for a minute at most even so, for a change made without the audit log.
 *
 * Two ways to answer when the kept answer is no longer current:
 * - current (the default, for lists): the request waits for an answer that counts every change committed before it
 *   came, and shares a computation only with requests that came after the same change;
 * - `staleAfterMs` (the dashboard): the request starts the computation (one at a time per key; requests that come
 *   meanwhile share it) and waits for it that long: a district's dashboard is computed well within it, so it is
 *   always current. A province's takes longer: the request is answered with the kept answer, marked as being
 *   refreshed, and the new one replaces it when it is done. Only the first request of a key waits for it.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { Db } from "./client.js";
import { auditEvents } from "./schema.js";

const CURRENT_MS = 60_000;
const MAX_ENTRIES = 500;

export interface Kept<T> {
  value: T;
  /** when the computation that gave it started: it counts what had changed by then */
  computedAt: Date;
  /** whether a newer answer is being computed */
  refreshing: boolean;
}

export interface ChangeCacheOptions {
  /** Answer with the kept answer, marked as refreshing, when a fresh one takes longer than this (see above). */
  staleAfterMs?: number;
}

/** What the database had committed when a computation started. */
interface Stamp {
  change: number;
  basis: string;
  /** no other writing transaction was open: every change with a smaller id had been committed */
  quiet: boolean;
}

type Answer<T> = Stamp & { at: number; value: T };
type Entry<T> = { done?: Answer<T>; pending?: { stamp: Stamp; answer: Promise<Answer<T>> } };

/** What the database had committed when a reading started. */
type Change = Omit<Stamp, "basis">;

/**
 * Reads the newest change of a database for every cache of it, one reading for many requests: a request joins the
 * next reading to start (one that began before it came might miss a change committed just before), so under fifty
 * users at once two readings are out at most, not fifty. A reading starts on the next turn of the event loop, so that
 * the requests read off the sockets together join it: PGlite answers within the turn a query is asked in, and each
 * request would otherwise find the reading before it done and start its own.
 */
class ChangeReader {
  #running: Promise<unknown> = Promise.resolve();
  #next: Promise<Change> | null = null;

  /** PGlite runs a query only when no transaction is open: every change with a smaller id has been committed */
  readonly #embedded: boolean;

  constructor(private readonly db: Db) {
    this.#embedded = (db as { $client?: unknown }).$client instanceof PGlite;
  }

  read(): Promise<Change> {
    if (this.#next) return this.#next;
    const next = this.#running
      .catch(() => undefined)
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        // from here on, a request that comes needs a reading of its own
        if (this.#next === next) this.#next = null;
        return this.#query();
      });
    this.#next = next;
    this.#running = next;
    return next;
  }

  async #query(): Promise<Change> {
    const [row] = await this.db
      .select({
        change: sql<number | null>`max(${auditEvents.id})`.mapWith(Number),
        // another transaction of this database that has written (the server's others are none of its business)
        quiet: this.#embedded
          ? sql<boolean>`true`
          : sql<boolean>`not exists (select 1 from pg_stat_activity where datname = current_database()
          and backend_xid is not null and pid <> pg_backend_pid())`,
      })
      .from(auditEvents);
    return { change: row?.change ?? 0, quiet: row?.quiet === true };
  }
}

const readers = new WeakMap<Db, ChangeReader>();
function changeReader(db: Db): ChangeReader {
  let reader = readers.get(db);
  if (!reader) {
    reader = new ChangeReader(db);
    readers.set(db, reader);
  }
  return reader;
}

const sameStamp = (a: Stamp, b: Stamp) => a.change === b.change && a.basis === b.basis;

export class ChangeCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #staleAfterMs: number | undefined;

  constructor(
    private readonly db: Db,
    options: ChangeCacheOptions = {},
  ) {
    this.#staleAfterMs = options.staleAfterMs;
  }

  async get(key: string, basis: string, compute: () => Promise<T>): Promise<Kept<T>> {
    const stamp = await this.#stamp(basis);
    const entry = this.#entry(key);
    const { done, pending } = entry;
    if (done?.quiet && sameStamp(done, stamp) && Date.now() - done.at < CURRENT_MS) return kept(done, false);
    if (this.#staleAfterMs === undefined) {
      // a computation started before a change this request may have made is no answer to it
      const shared = pending?.stamp.quiet && sameStamp(pending.stamp, stamp);
      return kept(await (shared ? pending.answer : this.#compute(entry, stamp, compute)), false);
    }
    const answer = pending?.answer ?? this.#compute(entry, stamp, compute);
    if (!done) return kept(await answer, false);
    // a refresh that fails leaves the kept answer as it was (the next request tries again)
    const fresh = await Promise.race([answer.catch(() => null), delay(this.#staleAfterMs)]);
    return fresh ? kept(fresh, false) : kept(done, fresh === undefined);
  }

  async #stamp(basis: string): Promise<Stamp> {
    return { ...(await changeReader(this.db).read()), basis };
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

  #compute(entry: Entry<T>, stamp: Stamp, compute: () => Promise<T>): Promise<Answer<T>> {
    const answer = (async () => {
      const at = Date.now();
      const result = { ...stamp, at, value: await compute() };
      // kept unless a newer one is; one computed beside an open writing transaction is shown, not trusted (`quiet`)
      const newer = entry.done && entry.done.basis === stamp.basis && entry.done.change > stamp.change;
      if (!newer) entry.done = result;
      return result;
    })();
    const pending = { stamp, answer };
    entry.pending = pending;
    // a failure is not kept: the next request computes again (and a request that waited hears of the failure)
    const settle = () => {
      if (entry.pending === pending) entry.pending = undefined;
    };
    answer.then(settle, settle);
    return answer;
  }
}

const kept = <T>(answer: Answer<T>, refreshing: boolean): Kept<T> => ({
  value: answer.value,
  computedAt: new Date(answer.at),
  refreshing,
});

const delay = (ms: number) => sleep(ms, undefined, { ref: false });
