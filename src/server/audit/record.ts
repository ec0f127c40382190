import type { Queryable } from "../db/client.js";
import { auditEvents } from "../db/schema.js";

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

const row = (entry: AuditEntry) => ({
  actorId: entry.actorId,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId == null ? null : String(entry.entityId),
  before: entry.before ?? null,
  after: entry.after ?? null,
  ip: entry.ip ?? null,
});

/** Writes one audit event. Call it with the transaction of the change it records. */
export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values(row(entry));
}

/** Writes the audit events of a batch of changes (a job's run) in one statement, in the batch's transaction. */
export async function recordAudits(tx: Queryable, entries: AuditEntry[]): Promise<void> {
  if (entries.length) await tx.insert(auditEvents).values(entries.map(row));
}
