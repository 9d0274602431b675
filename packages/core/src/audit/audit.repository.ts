import { and, desc, eq, getTableColumns, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { inScope, type TenantScope } from "../accounts/scope.repository.js";

const { auditEvents: e } = schema;

/** A row plus its timestamp as text with microseconds, which a JavaScript Date would round away. */
export type AuditRow = typeof e.$inferSelect & { cursorAt: string };

/** Where the previous page stopped: the last row's (occurredAt, id), newest first. */
export interface AuditCursor {
  at: string;
  id: string;
}

export interface AuditQuery {
  /** Whose tenants' events; always applied, so a caller can't forget it. */
  scope: TenantScope;
  userId?: string;
  eventType?: string;
  from?: Date;
  /** Exclusive upper bound. */
  before?: Date;
}

function conditions(q: AuditQuery, after: AuditCursor | undefined): SQL | undefined {
  const where: Array<SQL | undefined> = [inScope(e.accountId, q.scope)];
  // A user's trail is what they did and what was done to them.
  if (q.userId) where.push(or(eq(e.actorId, q.userId), and(eq(e.targetType, "user"), eq(e.targetId, q.userId))));
  if (q.eventType) where.push(eq(e.eventType, q.eventType));
  if (q.from) where.push(gte(e.occurredAt, q.from));
  if (q.before) where.push(lt(e.occurredAt, q.before));
  if (after) where.push(sql`(${e.occurredAt}, ${e.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  return and(...where);
}

/** One page, newest first; keyset on (occurred_at, id) so rows inserted meanwhile never shift later pages. */
export async function findAuditEvents(db: DbOrTx, q: AuditQuery, page: { limit: number; after?: AuditCursor }): Promise<AuditRow[]> {
  return db
    .select({ ...getTableColumns(e), cursorAt: sql<string>`to_char(${e.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` })
    .from(e)
    .where(conditions(q, page.after))
    .orderBy(desc(e.occurredAt), desc(e.id))
    .limit(page.limit);
}
