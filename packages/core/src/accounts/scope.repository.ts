import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { schema, type DbOrTx } from "@atrium/db";
import { adminAccountIds, type PolicyActor } from "./policy.service.js";

/**
 * The tenants a caller may see rows of. Repositories of tenant tables take a
 * scope and always filter by it, so a forgotten permission check can't leak rows.
 */
export type TenantScope = { kind: "all" } | { kind: "accounts"; accountIds: string[] };

export const ALL_TENANTS: TenantScope = { kind: "all" };

export function scopeOf(actor: PolicyActor): TenantScope {
  return actor.isStaff ? ALL_TENANTS : { kind: "accounts", accountIds: Object.keys(actor.accountRoles) };
}

/** The predicate a tenant-table query must include. An empty scope matches nothing. */
export function inScope(column: AnyPgColumn, scope: TenantScope): SQL {
  if (scope.kind === "all") return sql`true`;
  if (scope.accountIds.length === 0) return sql`false`;
  return inArray(column, scope.accountIds);
}

/**
 * Rows of organizations the caller may see: those they are a member of, and
 * every organization of an account they administer. Always within their scope.
 */
export function inVisibleOrgs(orgColumn: AnyPgColumn, accountColumn: AnyPgColumn, actor: PolicyActor): SQL {
  if (actor.isStaff) return sql`true`;
  const orgIds = Object.keys(actor.orgRoles);
  const adminAccounts = adminAccountIds(actor);
  const visible = [orgIds.length ? inArray(orgColumn, orgIds) : undefined, adminAccounts.length ? inArray(accountColumn, adminAccounts) : undefined];
  return and(inScope(accountColumn, scopeOf(actor)), or(...visible) ?? sql`false`) ?? sql`false`;
}

/** A user's roles in every live tenant and organization (two indexed queries). */
export async function findTenantRoles(db: DbOrTx, userId: string): Promise<Pick<PolicyActor, "accountRoles" | "orgRoles" | "recruitingRoles">> {
  const { accountMembers, memberships, accounts, organizations } = schema;
  const [accountRows, orgRows] = await Promise.all([
    db
      .select({ accountId: accountMembers.accountId, role: accountMembers.role, recruitingRole: accountMembers.recruitingRole })
      .from(accountMembers)
      .innerJoin(accounts, and(eq(accounts.id, accountMembers.accountId), sql`${accounts.deletedAt} is null`))
      .where(eq(accountMembers.userId, userId)),
    db
      .select({ organizationId: memberships.organizationId, role: memberships.role })
      .from(memberships)
      .innerJoin(organizations, and(eq(organizations.id, memberships.organizationId), sql`${organizations.deletedAt} is null`))
      .where(eq(memberships.userId, userId)),
  ]);
  return {
    accountRoles: Object.fromEntries(accountRows.map((r) => [r.accountId, r.role])),
    orgRoles: Object.fromEntries(orgRows.map((r) => [r.organizationId, r.role])),
    recruitingRoles: Object.fromEntries(accountRows.flatMap((r) => (r.recruitingRole ? [[r.accountId, r.recruitingRole]] : []))),
  };
}

