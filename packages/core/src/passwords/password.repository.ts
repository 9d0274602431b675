import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import type { UserRow } from "../users/user.repository.js";

const { users, passwordResetTokens } = schema;

export async function setPasswordHash(db: DbOrTx, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, userId));
}

/** Reset is by email only (a username in the box would tell whether it exists by what arrives). */
export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(isNull(users.deletedAt), eq(sql`lower(${users.email})`, email.toLowerCase())))
    .limit(1);
  return row;
}

export async function insertResetToken(db: DbOrTx, values: typeof passwordResetTokens.$inferInsert): Promise<void> {
  await db.insert(passwordResetTokens).values(values);
}

/**
 * Spends a reset token in one conditional UPDATE: of two concurrent confirms
 * only one gets the user id back.
 */
export async function claimResetToken(db: DbOrTx, tokenHash: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.id, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
    .returning({ userId: passwordResetTokens.userId });
  return row?.userId;
}

/** After any password change, links mailed earlier must stop working. */
export async function spendOpenResetTokens(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}

export async function findResetToken(db: DbOrTx, tokenHash: string): Promise<typeof passwordResetTokens.$inferSelect | undefined> {
  const [row] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.id, tokenHash)).limit(1);
  return row;
}
