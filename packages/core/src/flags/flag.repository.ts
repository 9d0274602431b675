import { and, asc, desc, eq } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";

const { featureFlags, auditEvents } = schema;
export type FlagRow = typeof featureFlags.$inferSelect;
export type NewFlagRow = typeof featureFlags.$inferInsert;

export const listFlags = (db: DbOrTx) => db.select().from(featureFlags).orderBy(asc(featureFlags.key));

export async function findFlag(db: DbOrTx, key: string): Promise<FlagRow | undefined> {
  const [row] = await db.select().from(featureFlags).where(eq(featureFlags.key, key));
  return row;
}

/** Locks the row for a read-modify-write, so two admins' edits are recorded one after the other. */
export async function lockFlag(db: DbOrTx, key: string): Promise<FlagRow | undefined> {
  const [row] = await db.select().from(featureFlags).where(eq(featureFlags.key, key)).for("update");
  return row;
}

/** Inserts unless the key exists; returns the new row, or undefined on a duplicate. */
export async function insertFlag(db: DbOrTx, row: NewFlagRow): Promise<FlagRow | undefined> {
  const [created] = await db.insert(featureFlags).values(row).onConflictDoNothing().returning();
  return created;
}

export async function updateFlag(db: DbOrTx, key: string, patch: Partial<NewFlagRow>): Promise<FlagRow | undefined> {
  const [row] = await db.update(featureFlags).set(patch).where(eq(featureFlags.key, key)).returning();
  return row;
}

export async function deleteFlag(db: DbOrTx, key: string): Promise<FlagRow | undefined> {
  const [row] = await db.delete(featureFlags).where(eq(featureFlags.key, key)).returning();
  return row;
}

/** The audit rows of one flag, newest first: its change history. */
export const flagHistory = (db: DbOrTx, key: string, limit = 100) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, "flag"), eq(auditEvents.targetId, key)))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
