import { and, desc, eq, isNull } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";
import { inScope, type TenantScope } from "./scope.repository.js";

const { accounts, accountMembers } = schema;
export type AccountRow = typeof accounts.$inferSelect;

export async function findAccountById(db: DbOrTx, id: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(and(isNull(accounts.deletedAt), eq(accounts.id, id))).limit(1);
  return row;
}

export async function findAccountBySlug(db: DbOrTx, slug: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(and(isNull(accounts.deletedAt), eq(accounts.slug, slug))).limit(1);
  return row;
}

/** Any row with this slug, deleted or not: the unique index covers both. */
export async function accountSlugExists(db: DbOrTx, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.slug, slug)).limit(1);
  return !!row;
}

export async function insertAccount(db: DbOrTx, values: { name: string; slug: string }): Promise<AccountRow> {
  const [row] = await db.insert(accounts).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** An account in the caller's scope; soft-deleted ones only for restore. */
export async function findScopedAccount(db: DbOrTx, scope: TenantScope, id: string, opts: { includeDeleted?: boolean } = {}): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), inScope(accounts.id, scope), opts.includeDeleted ? undefined : isNull(accounts.deletedAt)))
    .limit(1);
  return row;
}

/** A page of accounts in scope, newest first, with the given user's role in each. */
export async function listScopedAccounts(
  db: DbOrTx,
  q: { scope: TenantScope; userId: string; includeDeleted: boolean; limit: number; cursor?: string },
): Promise<Array<AccountRow & { role: (typeof accountMembers.$inferSelect)["role"] | null }>> {
  const rows = await db
    .select({ account: accounts, role: accountMembers.role })
    .from(accounts)
    .leftJoin(accountMembers, and(eq(accountMembers.accountId, accounts.id), eq(accountMembers.userId, q.userId)))
    .where(and(inScope(accounts.id, q.scope), q.includeDeleted ? undefined : isNull(accounts.deletedAt), after(accounts, accounts, q.cursor)))
    .orderBy(desc(accounts.createdAt), desc(accounts.id))
    .limit(q.limit + 1);
  return rows.map((r) => ({ ...r.account, role: r.role }));
}

export async function updateAccount(db: DbOrTx, id: string, values: { name?: string; deletedAt?: Date | null }): Promise<AccountRow> {
  const [row] = await db.update(accounts).set(values).where(eq(accounts.id, id)).returning();
  if (!row) throw new Error("update returned no row");
  return row;
}
