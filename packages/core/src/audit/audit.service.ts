import { schema, type DbOrTx } from "@atrium/db";
import type { RequestMeta } from "../shared/context.js";
import type { TAuditEventType } from "./audit.schema.js";

export interface AuditEntry {
  eventType: TAuditEventType;
  actor?: { id: string; username?: string | null } | null;
  target?: { type: string; id: string } | null;
  accountId?: string | null;
  meta?: RequestMeta | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one audit event. Takes a db handle rather than a context so callers
 * record inside the same transaction as the change they describe.
 */
export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(schema.auditEvents).values({
    eventType: entry.eventType,
    actorId: entry.actor?.id ?? null,
    actorUsername: entry.actor?.username ?? null,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    accountId: entry.accountId ?? null,
    ipAddress: entry.meta?.ip ?? null,
    userAgent: entry.meta?.userAgent?.slice(0, 512) ?? null,
    details: entry.details ?? {},
  });
}
