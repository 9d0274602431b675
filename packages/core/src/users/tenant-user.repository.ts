import { and, desc, eq, exists, ilike, isNull, or, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";
import type { UserRow } from "./user.repository.js";
import { inScope, type TenantScope } from "../accounts/scope.repository.js";

const { users, accountMembers: am } = schema;

/** Users who belong to an account in scope (staff: everyone), narrowed to one account when asked. */
function sharesAccount(db: DbOrTx, scope: TenantScope, accountId?: string): SQL | undefined {
  if (scope.kind === "all" && !accountId) return undefined;
  return exists(
    db
      .select({ one: am.id })
      .from(am)
      .where(and(eq(am.userId, users.id), inScope(am.accountId, scope), accountId ? eq(am.accountId, accountId) : undefined)),
  );
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listTenantUsers(db: DbOrTx, q: { scope: TenantScope; accountId?: string; q?: string; limit: number; cursor?: string }): Promise<UserRow[]> {
  const pattern = q.q ? `%${likeEscape(q.q)}%` : undefined;
  return db
    .select()
    .from(users)
    .where(
      and(
        isNull(users.deletedAt),
        sharesAccount(db, q.scope, q.accountId),
        pattern ? or(ilike(users.username, pattern), ilike(users.email, pattern), ilike(users.displayName, pattern)) : undefined,
        after(users, users, q.cursor),
      ),
    )
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(q.limit + 1);
}

/** A user visible through the scope; soft-deleted ones only for restore. */
export async function findTenantUser(db: DbOrTx, scope: TenantScope, id: string, opts: { includeDeleted?: boolean } = {}): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), opts.includeDeleted ? undefined : isNull(users.deletedAt), sharesAccount(db, scope)))
    .limit(1);
  return row;
}

export async function setUserFields(db: DbOrTx, id: string, values: { displayName?: string | null; deletedAt?: Date | null }): Promise<UserRow> {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  if (!row) throw new Error("update returned no row");
  return row;
}
