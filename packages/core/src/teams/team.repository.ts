import { and, desc, eq, isNull } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";
import type { TTeamRole } from "../accounts/role.schema.js";
import type { PolicyActor } from "../accounts/policy.service.js";
import { inScope, inVisibleOrgs, type TenantScope } from "../accounts/scope.repository.js";

const { teams: t, teamMembers: tm, organizations: o, accounts: a, users } = schema;
export type TeamRow = typeof t.$inferSelect;
export interface TeamMemberRow {
  id: string;
  userId: string;
  role: TTeamRole;
  createdAt: Date;
  username: string;
  displayName: string | null;
}

// A team exists only while its organization and account do.
const orgJoin = and(eq(o.id, t.organizationId), isNull(o.deletedAt));
const accountJoin = and(eq(a.id, t.accountId), isNull(a.deletedAt));

export async function findTeam(db: DbOrTx, scope: TenantScope, id: string, opts: { includeDeleted?: boolean } = {}): Promise<TeamRow | undefined> {
  const [row] = await db
    .select({ team: t })
    .from(t)
    .innerJoin(o, orgJoin)
    .innerJoin(a, accountJoin)
    .where(and(eq(t.id, id), inScope(t.accountId, scope), opts.includeDeleted ? undefined : isNull(t.deletedAt)))
    .limit(1);
  return row?.team;
}

/** A page of live teams in organizations the actor can see, newest first. */
export async function listTeams(db: DbOrTx, actor: PolicyActor, q: { organizationId?: string; limit: number; cursor?: string }): Promise<TeamRow[]> {
  const rows = await db
    .select({ team: t })
    .from(t)
    .innerJoin(o, orgJoin)
    .innerJoin(a, accountJoin)
    .where(and(isNull(t.deletedAt), inVisibleOrgs(t.organizationId, t.accountId, actor), q.organizationId ? eq(t.organizationId, q.organizationId) : undefined, after(t, t, q.cursor)))
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(q.limit + 1);
  return rows.map((r) => r.team);
}

export async function insertTeam(db: DbOrTx, values: typeof t.$inferInsert): Promise<TeamRow> {
  const [row] = await db.insert(t).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateTeam(db: DbOrTx, key: { accountId: string; id: string }, values: { name?: string; description?: string | null; deletedAt?: Date | null }): Promise<TeamRow> {
  const [row] = await db.update(t).set(values).where(and(eq(t.accountId, key.accountId), eq(t.id, key.id))).returning();
  if (!row) throw new Error("update returned no row");
  return row;
}

const memberColumns = { id: tm.id, userId: tm.userId, role: tm.role, createdAt: tm.createdAt, username: users.username, displayName: users.displayName };

export async function listTeamMembers(db: DbOrTx, team: { accountId: string; id: string }, page: { limit: number; cursor?: string }): Promise<TeamMemberRow[]> {
  return db
    .select(memberColumns)
    .from(tm)
    .innerJoin(users, and(eq(users.id, tm.userId), isNull(users.deletedAt)))
    .where(and(eq(tm.accountId, team.accountId), eq(tm.teamId, team.id), after(tm, tm, page.cursor)))
    .orderBy(desc(tm.createdAt), desc(tm.id))
    .limit(page.limit + 1);
}

export async function findTeamMember(db: DbOrTx, team: { accountId: string; id: string }, userId: string): Promise<TeamMemberRow | undefined> {
  const [row] = await db
    .select(memberColumns)
    .from(tm)
    .innerJoin(users, and(eq(users.id, tm.userId), isNull(users.deletedAt)))
    .where(and(eq(tm.accountId, team.accountId), eq(tm.teamId, team.id), eq(tm.userId, userId)))
    .limit(1);
  return row;
}

/** Adds a member or changes their team role. */
export async function upsertTeamMember(db: DbOrTx, team: { accountId: string; id: string }, userId: string, role: TTeamRole): Promise<void> {
  await db
    .insert(tm)
    .values({ accountId: team.accountId, teamId: team.id, userId, role })
    .onConflictDoUpdate({ target: [tm.teamId, tm.userId], set: { role } });
}

export async function deleteTeamMember(db: DbOrTx, team: { accountId: string; id: string }, userId: string): Promise<void> {
  await db.delete(tm).where(and(eq(tm.accountId, team.accountId), eq(tm.teamId, team.id), eq(tm.userId, userId)));
}
