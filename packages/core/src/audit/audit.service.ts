import { schema, type DbOrTx } from "@atrium/db";
import type { Actor, RequestMeta, ServiceContext } from "../shared/context.js";
import { iso } from "../shared/dates.js";
import { ServiceError } from "../shared/errors.js";
import { badCursor } from "../shared/pagination.js";
import { authorize, can } from "../accounts/policy.service.js";
import { ALL_TENANTS, type TenantScope } from "../accounts/scope.repository.js";
import { loadPolicyActor } from "../accounts/actor.service.js";
import { findAuditEvents, type AuditCursor, type AuditQuery, type AuditRow } from "./audit.repository.js";
import type { TAuditEvent, TAuditEventFilters, TAuditEventList, TAuditEventType, TListAuditEventsInput } from "./audit.schema.js";

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
  await db.insert(schema.auditEvents).values(auditRow(entry));
}

/** The row an audit entry is stored as (for callers that insert many in one statement). */
export function auditRow(entry: AuditEntry): typeof schema.auditEvents.$inferInsert {
  return {
    eventType: entry.eventType,
    actorId: entry.actor?.id ?? null,
    actorUsername: entry.actor?.username ?? null,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    accountId: entry.accountId ?? null,
    ipAddress: entry.meta?.ip ?? null,
    userAgent: entry.meta?.userAgent?.slice(0, 512) ?? null,
    details: entry.details ?? {},
  };
}

/** Export stops here; a bigger trail needs narrower filters (from/to). */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;
const EXPORT_BATCH = 1000;
const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeAuditCursor(c: AuditCursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString("base64url");
}

/** Checked strictly: the values go into SQL casts, where junk would be a 500 rather than a 400. */
export function decodeAuditCursor(raw: string): AuditCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== "string" || typeof parsed[1] !== "string") throw badCursor();
  const [at, id] = parsed as [string, string];
  const roundTrips = CURSOR_AT.test(at) && !Number.isNaN(Date.parse(at)) && new Date(at).toISOString().slice(0, 23) === at.slice(0, 23);
  if (!roundTrips || !UUID.test(id)) throw badCursor();
  return { at, id };
}

const toDto = (r: AuditRow): TAuditEvent => ({
  id: r.id,
  occurredAt: iso(r.occurredAt),
  eventType: r.eventType,
  actorId: r.actorId,
  actorUsername: r.actorUsername,
  targetType: r.targetType,
  targetId: r.targetId,
  accountId: r.accountId,
  ipAddress: r.ipAddress,
  userAgent: r.userAgent,
  details: r.details,
});

/**
 * Decides whose events the actor may read: staff every tenant's, tenant admins
 * (owner/admin) only the accounts they administer, anyone else nothing (FORBIDDEN).
 * Naming an account narrows the scope to it, after the same check.
 */
async function readableScope(ctx: ServiceContext, actor: Actor, accountId: string | undefined): Promise<TenantScope> {
  const policyActor = await loadPolicyActor(ctx.db, actor);
  if (accountId) {
    authorize(policyActor, "audit.read", { accountId }, "Account");
    return { kind: "accounts", accountIds: [accountId] };
  }
  if (policyActor.isStaff) return ALL_TENANTS;
  const administered = Object.keys(policyActor.accountRoles).filter((id) => can(policyActor, "audit.read", { accountId: id }));
  if (administered.length === 0) throw new ServiceError("FORBIDDEN", "Only staff and tenant admins can read the audit log");
  return { kind: "accounts", accountIds: administered };
}

/** Dates arrive validated; a bare `to` date means through the end of that UTC day. */
function toQuery(scope: TenantScope, f: TAuditEventFilters): AuditQuery {
  const bare = (s: string) => !s.includes("T");
  const before = f.to ? new Date(Date.parse(f.to) + (bare(f.to) ? 86_400_000 : 1)) : undefined;
  return { scope, userId: f.userId, eventType: f.eventType, from: f.from ? new Date(f.from) : undefined, before };
}

/** A page of the audit log, newest first, limited to what the actor may read. */
export async function listAuditEvents(ctx: ServiceContext, actor: Actor, input: TListAuditEventsInput): Promise<TAuditEventList> {
  const after = input.cursor ? decodeAuditCursor(input.cursor) : undefined;
  const query = toQuery(await readableScope(ctx, actor, input.accountId), input);
  const rows = await findAuditEvents(ctx.db, query, { limit: input.limit + 1, after });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { items: page.map(toDto), nextCursor: rows.length > input.limit && last ? encodeAuditCursor({ at: last.cursorAt, id: last.id }) : null };
}

/**
 * Every matching event (up to `maxRows`), newest first, fetched in batches so an
 * export never holds the whole log in memory. Authorization happens before this
 * resolves, so a refusal surfaces before any byte of the file is sent.
 */
export async function exportAuditEvents(
  ctx: ServiceContext,
  actor: Actor,
  filters: TAuditEventFilters,
  maxRows = AUDIT_EXPORT_MAX_ROWS,
): Promise<AsyncIterable<TAuditEvent>> {
  const query = toQuery(await readableScope(ctx, actor, filters.accountId), filters);
  return (async function* () {
    let after: AuditCursor | undefined;
    for (let sent = 0; sent < maxRows; ) {
      const rows = await findAuditEvents(ctx.db, query, { limit: Math.min(EXPORT_BATCH, maxRows - sent), after });
      for (const r of rows) yield toDto(r);
      sent += rows.length;
      const last = rows.at(-1);
      if (!last || rows.length < EXPORT_BATCH) return;
      after = { at: last.cursorAt, id: last.id };
    }
  })();
}
