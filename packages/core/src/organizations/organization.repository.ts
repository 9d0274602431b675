import { and, desc, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";
import type { PolicyActor } from "../accounts/policy.service.js";
import { inScope, inVisibleOrgs, type TenantScope } from "../accounts/scope.repository.js";

const { organizations: o, accounts: a } = schema;
export type OrganizationRow = typeof o.$inferSelect;

// An organization exists only while its account does.
const liveAccount = and(eq(a.id, o.accountId), isNull(a.deletedAt));

/** An organization in scope whose account is live; soft-deleted ones only for restore. */
export async function findOrganization(db: DbOrTx, scope: TenantScope, id: string, opts: { includeDeleted?: boolean } = {}): Promise<OrganizationRow | undefined> {
  const [row] = await db
    .select({ org: o })
    .from(o)
    .innerJoin(a, liveAccount)
    .where(and(eq(o.id, id), inScope(o.accountId, scope), opts.includeDeleted ? undefined : isNull(o.deletedAt)))
    .limit(1);
  return row?.org;
}

/** A page of the organizations the actor can see, newest first. */
export async function listOrganizations(db: DbOrTx, actor: PolicyActor, q: { accountId?: string; limit: number; cursor?: string }): Promise<OrganizationRow[]> {
  const rows = await db
    .select({ org: o })
    .from(o)
    .innerJoin(a, liveAccount)
    .where(and(isNull(o.deletedAt), inVisibleOrgs(o.id, o.accountId, actor), q.accountId ? eq(o.accountId, q.accountId) : undefined, after(o, o, q.cursor)))
    .orderBy(desc(o.createdAt), desc(o.id))
    .limit(q.limit + 1);
  return rows.map((r) => r.org);
}

/** Soft-deleted organizations of every live account, newest first, each with its account's name (staff). */
export async function listDeletedOrganizations(db: DbOrTx, q: { limit: number; cursor?: string }): Promise<Array<OrganizationRow & { accountName: string }>> {
  const rows = await db
    .select({ org: o, accountName: a.name })
    .from(o)
    .innerJoin(a, liveAccount)
    .where(and(isNotNull(o.deletedAt), after(o, o, q.cursor)))
    .orderBy(desc(o.createdAt), desc(o.id))
    .limit(q.limit + 1);
  return rows.map((r) => ({ ...r.org, accountName: r.accountName }));
}

/** Whether a live organization of the account already uses the slug (the unique index ignores deleted ones). */
export async function orgSlugTaken(db: DbOrTx, accountId: string, slug: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: o.id })
    .from(o)
    .where(and(eq(o.accountId, accountId), eq(o.slug, slug), isNull(o.deletedAt), exceptId ? ne(o.id, exceptId) : undefined))
    .limit(1);
  return !!row;
}

export async function insertOrganization(db: DbOrTx, values: typeof o.$inferInsert): Promise<OrganizationRow> {
  const [row] = await db.insert(o).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateOrganization(
  db: DbOrTx,
  key: { accountId: string; id: string },
  values: { name?: string; slug?: string; description?: string | null; deletedAt?: Date | null },
): Promise<OrganizationRow> {
  const [row] = await db.update(o).set(values).where(and(eq(o.accountId, key.accountId), eq(o.id, key.id))).returning();
  if (!row) throw new Error("update returned no row");
  return row;
}
