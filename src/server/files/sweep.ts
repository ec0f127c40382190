/**
 * The start-up sweep of the evidence store: what a crash (or a failed commit) left behind is removed, so the data
 * directory holds only files that rows name.
 */
import { inArray } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { files } from "../db/schema.js";
import type { FileStore, SweepResult } from "./store.js";

/**
 * How long a file must be untouched before the sweep may remove it: longer by far than an upload's transaction, so a
 * server sharing the data directory never loses the file of an upload it is recording.
 */
export const SWEEP_GRACE_MS = 15 * 60 * 1000;

/** Removes temporary files and stored files no row names, untouched for the grace period. */
export function sweepOrphanFiles(db: Queryable, store: FileStore, now = new Date()): Promise<SweepResult> {
  const referenced = async (sha256s: string[]) => {
    const rows = await db.selectDistinct({ sha256: files.sha256 }).from(files).where(inArray(files.sha256, sha256s));
    return new Set(rows.map((row) => row.sha256));
  };
  return store.sweep(referenced, new Date(now.getTime() - SWEEP_GRACE_MS));
}
