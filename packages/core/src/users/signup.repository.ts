import { eq, or, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import type { UserRow } from "./user.repository.js";

const { users, accounts, accountMembers } = schema;

/**
 * Which of username / email another user already holds, case-insensitively.
 * Soft-deleted users keep theirs: the unique indexes still cover them.
 */
export async function findTakenFields(db: DbOrTx, username: string, email: string): Promise<{ username: boolean; email: boolean }> {
  const u = username.toLowerCase();
  const e = email.toLowerCase();
  const rows = await db
    .select({ username: users.username, email: users.email })
    .from(users)
    .where(or(eq(sql`lower(${users.username})`, u), eq(sql`lower(${users.email})`, e)));
  return { username: rows.some((r) => r.username.toLowerCase() === u), email: rows.some((r) => r.email.toLowerCase() === e) };
}

export async function setUserAccount(db: DbOrTx, userId: string, accountId: string): Promise<UserRow> {
  const [row] = await db.update(users).set({ accountId }).where(eq(users.id, userId)).returning();
  if (!row) throw new Error("update returned no row");
  return row;
}

/** Inserts an account unless the slug is taken (then nothing), without aborting the caller's transaction. */
export async function tryInsertAccount(db: DbOrTx, values: { name: string; slug: string }): Promise<typeof accounts.$inferSelect | undefined> {
  const [row] = await db.insert(accounts).values(values).onConflictDoNothing().returning();
  return row;
}

export async function addAccountMember(db: DbOrTx, values: typeof accountMembers.$inferInsert): Promise<void> {
  await db.insert(accountMembers).values(values).onConflictDoNothing();
}
