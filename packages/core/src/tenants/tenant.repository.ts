import { and, eq, isNull } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";

const { accounts } = schema;
export type AccountRow = typeof accounts.$inferSelect;

export async function findAccountById(db: DbOrTx, id: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(and(isNull(accounts.deletedAt), eq(accounts.id, id))).limit(1);
  return row;
}

export async function findAccountBySlug(db: DbOrTx, slug: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(and(isNull(accounts.deletedAt), eq(accounts.slug, slug))).limit(1);
  return row;
}

export async function insertAccount(db: DbOrTx, values: { name: string; slug: string }): Promise<AccountRow> {
  const [row] = await db.insert(accounts).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}
