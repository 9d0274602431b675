import { and, desc, eq, ilike, isNull, or } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";
import type { UserRow } from "./user.repository.js";

const { users } = schema;

/** `%` and `_` typed into the search box are literal characters, not wildcards. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Live users, newest first, optionally by substring of username/email; limit + 1 rows. */
export async function searchUsers(db: DbOrTx, opts: { q?: string; isActive?: boolean; limit: number; cursor?: string }): Promise<UserRow[]> {
  const pattern = opts.q ? `%${likeEscape(opts.q)}%` : undefined;
  return db
    .select()
    .from(users)
    .where(
      and(
        isNull(users.deletedAt),
        pattern ? or(ilike(users.username, pattern), ilike(users.email, pattern)) : undefined,
        opts.isActive === undefined ? undefined : eq(users.isActive, opts.isActive),
        after(users, users, opts.cursor),
      ),
    )
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(opts.limit + 1);
}

export async function updateUserFields(
  db: DbOrTx,
  id: string,
  values: Partial<Pick<UserRow, "isActive" | "isStaff" | "displayName">>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set(values)
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
    .returning();
  return row;
}
