import { and, desc, eq, isNull } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import type { UserRow } from "../users/user.repository.js";

const { apiKeys, users } = schema;
export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(db: DbOrTx, values: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [row] = await db.insert(apiKeys).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export function listUserApiKeys(db: DbOrTx, userId: string): Promise<ApiKeyRow[]> {
  return db.select().from(apiKeys).where(eq(apiKeys.userId, userId)).orderBy(desc(apiKeys.createdAt));
}

export async function findApiKeyWithUser(db: DbOrTx, keyHash: string): Promise<{ key: ApiKeyRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ key: apiKeys, user: users })
    .from(apiKeys)
    .innerJoin(users, eq(apiKeys.userId, users.id))
    .where(eq(apiKeys.keyHash, keyHash))
    .limit(1);
  return row;
}

/** Revokes only the owner's own, still-active key; returns it or nothing. */
export async function revokeUserApiKey(db: DbOrTx, userId: string, id: string, at: Date): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning();
  return row;
}

export async function touchApiKey(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
}

/** Revokes every still-active key of a user (after a password change or reset); returns how many. */
export async function revokeAllUserApiKeys(db: DbOrTx, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length;
}
