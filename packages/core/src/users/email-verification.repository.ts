import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import type { UserRow } from "./user.repository.js";

const { users, emailVerificationTokens: evt } = schema;

export async function insertVerificationToken(db: DbOrTx, values: typeof evt.$inferInsert): Promise<void> {
  await db.insert(evt).values(values);
}

/**
 * Spends a token in one conditional UPDATE, so of two concurrent clicks only
 * one gets the row back.
 */
export async function claimVerificationToken(db: DbOrTx, tokenHash: string, now: Date): Promise<{ userId: string; email: string } | undefined> {
  const [row] = await db
    .update(evt)
    .set({ usedAt: now })
    .where(and(eq(evt.id, tokenHash), isNull(evt.usedAt), gt(evt.expiresAt, now)))
    .returning({ userId: evt.userId, email: evt.email });
  return row;
}

/** A newer link (or a new address) makes the older links useless. */
export async function spendOpenVerificationTokens(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db.update(evt).set({ usedAt: now }).where(and(eq(evt.userId, userId), isNull(evt.usedAt)));
}

/** Marks the user's address verified, but only if it is still the address the link was mailed to. */
export async function markEmailVerified(db: DbOrTx, userId: string, email: string, now: Date): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ emailVerifiedAt: now })
    .where(and(eq(users.id, userId), isNull(users.deletedAt), eq(sql`lower(${users.email})`, email.toLowerCase())))
    .returning();
  return row;
}

export async function setUserEmail(db: DbOrTx, userId: string, email: string): Promise<UserRow> {
  const [row] = await db.update(users).set({ email, emailVerifiedAt: null }).where(eq(users.id, userId)).returning();
  if (!row) throw new Error("update returned no row");
  return row;
}
