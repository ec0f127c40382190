import type { AuditAction, AuditEntityType } from "../../shared/audit.js";
import type { Queryable } from "../db/client.js";
import { auditEvents } from "../db/schema.js";
import { insertUnnest } from "../db/unnest.js";

export interface AuditEntry {
  actorId: number | null;
  /** one of AUDIT_ACTIONS (src/shared/audit.ts), each with its Chinese label */
  action: AuditAction;
  entityType: AuditEntityType;
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

const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

/**
 * Writes the audit events of a batch of changes (a job's run) in one statement, one array per column, in the
 * batch's transaction.
 */
export async function recordAudits(tx: Queryable, entries: AuditEntry[]): Promise<void> {
  const rows = entries.map(row);
  const a = auditEvents;
  await insertUnnest(tx, a, [
    [a.actorId, "int", rows.map((r) => r.actorId)],
    [a.action, "text", rows.map((r) => r.action)],
    [a.entityType, "text", rows.map((r) => r.entityType)],
    [a.entityId, "text", rows.map((r) => r.entityId)],
    [a.before, "jsonb", rows.map((r) => json(r.before))],
    [a.after, "jsonb", rows.map((r) => json(r.after))],
    [a.ip, "text", rows.map((r) => r.ip)],
  ]);
}
