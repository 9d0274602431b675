import { and, desc, eq, ilike, isNull, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";
import { insertDefaultPreferences } from "../notifications/notification.repository.js";

const { users } = schema;
export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

const live = isNull(users.deletedAt);

/** A login name matches a username or an email, case-insensitively. */
export async function findUserByLogin(db: DbOrTx, login: string): Promise<UserRow | undefined> {
  const l = login.toLowerCase();
  const [row] = await db
    .select()
    .from(users)
    .where(and(live, or(eq(sql`lower(${users.username})`, l), eq(sql`lower(${users.email})`, l))))
    .limit(1);
  return row;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(and(live, eq(users.id, id))).limit(1);
  return row;
}

/** Every way a user comes to be goes through here, so each starts with an explicit notification preference per kind. */
export async function insertUser(db: DbOrTx, values: NewUserRow): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  await insertDefaultPreferences(db, row.id);
  return row;
}

/** Records a sign-in: the last one becomes the previous one. */
export async function touchLastLogin(db: DbOrTx, id: string, at: Date): Promise<UserRow> {
  const [row] = await db.update(users).set({ previousLoginAt: sql`${users.lastLoginAt}`, lastLoginAt: at }).where(eq(users.id, id)).returning();
  if (!row) throw new Error("update returned no row");
  return row;
}

/** Case-insensitive substring search over `columns`; `%` and `_` typed into a search box are literal characters. */
export function textMatches(q: string | undefined, columns: AnyColumn[]): SQL | undefined {
  if (!q) return undefined;
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(...columns.map((c) => ilike(c, pattern)));
}

/** Live users matching every `where`, newest first: one page of `limit` + 1 rows after `cursor`. */
export function pageOfLiveUsers(db: DbOrTx, where: Array<SQL | undefined>, page: { limit: number; cursor?: string }): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(and(live, ...where, after(users, users, page.cursor)))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(page.limit + 1);
}
