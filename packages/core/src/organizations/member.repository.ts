import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";
import type { TRecruitingRole, TTenantRole } from "../accounts/role.schema.js";

/**
 * Account members and organization memberships share a shape (accountId,
 * userId, role), so one set of functions serves both. Every query names the
 * tenant's accountId: callers have authorized that account already.
 */
const { accountMembers, accounts, memberships, teamMembers, teams, users } = schema;
export type MemberTable = typeof accountMembers | typeof memberships;
/** An account's members, or (with organizationId) one organization's. */
export interface MemberKey {
  accountId: string;
  organizationId?: string;
}
const tableOf = (key: MemberKey): MemberTable => (key.organizationId ? memberships : accountMembers);
export interface MemberRow {
  id: string;
  userId: string;
  role: TTenantRole;
  createdAt: Date;
  username: string;
  displayName: string | null;
  email: string;
  /** Account members only; organization memberships leave it out. */
  recruitingRole?: TRecruitingRole | null;
}

function where(key: MemberKey) {
  return key.organizationId
    ? and(eq(memberships.accountId, key.accountId), eq(memberships.organizationId, key.organizationId))
    : eq(accountMembers.accountId, key.accountId);
}

const memberColumns = (t: MemberTable) => ({
  id: t.id,
  userId: t.userId,
  role: t.role,
  createdAt: t.createdAt,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  // Organization memberships have no recruiting role: the column reads as null there and the DTO drops it.
  recruitingRole: t === accountMembers ? accountMembers.recruitingRole : sql<null>`null`,
});

/** A page of members, newest first; soft-deleted users are left out. */
export async function listMembers(db: DbOrTx, key: MemberKey, page: { limit: number; cursor?: string }): Promise<MemberRow[]> {
  const t = tableOf(key);
  return db
    .select(memberColumns(t))
    .from(t)
    .innerJoin(users, and(eq(users.id, t.userId), isNull(users.deletedAt)))
    .where(and(where(key), after(t, t, page.cursor)))
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(page.limit + 1);
}

export async function findMember(db: DbOrTx, key: MemberKey, userId: string): Promise<MemberRow | undefined> {
  const t = tableOf(key);
  const [row] = await db
    .select(memberColumns(t))
    .from(t)
    .innerJoin(users, and(eq(users.id, t.userId), isNull(users.deletedAt)))
    .where(and(where(key), eq(t.userId, userId)))
    .limit(1);
  return row;
}

/** Adds a member; an existing one keeps their role. Returns whether a row was added. */
export async function addMember(db: DbOrTx, key: MemberKey, userId: string, role: TTenantRole): Promise<boolean> {
  const rows = key.organizationId
    ? await db.insert(memberships).values({ accountId: key.accountId, organizationId: key.organizationId, userId, role }).onConflictDoNothing().returning({ id: memberships.id })
    : await db.insert(accountMembers).values({ accountId: key.accountId, userId, role }).onConflictDoNothing().returning({ id: accountMembers.id });
  return rows.length > 0;
}

/** An account member's recruiting role (recruiter, hiring_manager, or none). */
export async function setRecruitingRole(db: DbOrTx, accountId: string, userId: string, recruitingRole: TRecruitingRole | null): Promise<void> {
  await db.update(accountMembers).set({ recruitingRole }).where(and(eq(accountMembers.accountId, accountId), eq(accountMembers.userId, userId)));
}

export async function setMemberRole(db: DbOrTx, key: MemberKey, userId: string, role: TTenantRole): Promise<void> {
  const t = tableOf(key);
  await db.update(t).set({ role }).where(and(where(key), eq(t.userId, userId)));
}

/** An owner who can still act: not soft-deleted, not disabled. */
const liveUser = (t: MemberTable) => and(eq(users.id, t.userId), isNull(users.deletedAt), eq(users.isActive, true));

/**
 * Counts live owners other than `exceptUserId` (soft-deleted or disabled ones
 * can't act, so they don't count). Every live owner's membership and user row
 * is locked, the caller's own included, so two owners demoting, removing or
 * deleting each other at once are serialized: the second sees the first's
 * change and is refused, instead of both succeeding and leaving nobody in charge.
 */
export async function lockOwnerCount(db: DbOrTx, key: MemberKey, exceptUserId?: string): Promise<number> {
  const t = tableOf(key);
  const rows = await db
    .select({ userId: t.userId })
    .from(t)
    .innerJoin(users, liveUser(t))
    .where(and(where(key), eq(t.role, "owner")))
    .for("update", { of: [t, users] });
  return rows.filter((r) => r.userId !== exceptUserId).length;
}

/** The live accounts whose only live owner is this user (what deleting them would orphan), locked as lockOwnerCount does. */
export async function accountsOnlyOwnedBy(db: DbOrTx, userId: string): Promise<Array<{ id: string; name: string }>> {
  const owned = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accountMembers)
    .innerJoin(accounts, and(eq(accounts.id, accountMembers.accountId), isNull(accounts.deletedAt)))
    .where(and(eq(accountMembers.userId, userId), eq(accountMembers.role, "owner")));
  const orphaned: Array<{ id: string; name: string }> = [];
  for (const account of owned) {
    if ((await lockOwnerCount(db, { accountId: account.id }, userId)) === 0) orphaned.push(account);
  }
  return orphaned;
}

/**
 * Removes a member and what hangs off the membership: leaving an organization
 * leaves its teams; leaving an account leaves all of its organizations and teams.
 */
export async function removeMember(db: DbOrTx, key: MemberKey, userId: string): Promise<void> {
  if (key.organizationId) {
    const orgTeams = db.select({ id: teams.id }).from(teams).where(eq(teams.organizationId, key.organizationId));
    await db.delete(teamMembers).where(and(eq(teamMembers.accountId, key.accountId), eq(teamMembers.userId, userId), inArray(teamMembers.teamId, orgTeams)));
    await db.delete(memberships).where(and(where(key), eq(memberships.userId, userId)));
    return;
  }
  await db.delete(teamMembers).where(and(eq(teamMembers.accountId, key.accountId), eq(teamMembers.userId, userId)));
  await db.delete(memberships).where(and(eq(memberships.accountId, key.accountId), eq(memberships.userId, userId)));
  await db.delete(accountMembers).where(and(eq(accountMembers.accountId, key.accountId), eq(accountMembers.userId, userId)));
}
