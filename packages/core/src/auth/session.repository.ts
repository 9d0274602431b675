import { and, eq, isNull, lt, ne, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import type { AccountRow } from "../accounts/tenant.repository.js";
import type { UserRow } from "../users/user.repository.js";

const { accountMembers, accounts, sessions, users } = schema;
export type SessionRow = typeof sessions.$inferSelect;
export type AccountRole = typeof accountMembers.$inferSelect.role;

export async function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert): Promise<SessionRow> {
  const [row] = await db.insert(sessions).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

function sessionLookupQuery(db: DbOrTx) {
  return db
    .select({ session: sessions, user: users, account: accounts, accountRole: accountMembers.role })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .leftJoin(accounts, and(eq(accounts.id, users.accountId), isNull(accounts.deletedAt)))
    .leftJoin(accountMembers, and(eq(accountMembers.accountId, accounts.id), eq(accountMembers.userId, users.id)))
    .where(eq(sessions.id, sql.placeholder("id")))
    .limit(1)
    .prepare("session_lookup");
}

// One prepared statement per database handle: Postgres plans it once per connection, drizzle builds its SQL once.
const prepared = new WeakMap<object, ReturnType<typeof sessionLookupQuery>>();

/** The session, its user, the user's (live) account and their role in it: everything an authenticated request needs, in one round trip. */
export async function findSessionWithUser(
  db: DbOrTx,
  id: string,
): Promise<{ session: SessionRow; user: UserRow; account: AccountRow | null; accountRole: AccountRole | null } | undefined> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = sessionLookupQuery(db)));
  const [row] = await query.execute({ id });
  return row;
}

export async function setSessionExpiry(db: DbOrTx, id: string, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user, optionally sparing the one making the change. */
export async function deleteUserSessions(db: DbOrTx, userId: string, exceptId?: string): Promise<void> {
  await db.delete(sessions).where(exceptId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId)) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return rows.length;
}
