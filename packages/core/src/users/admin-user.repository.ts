import { and, eq, isNull } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { pageOfLiveUsers, textMatches, type UserRow } from "./user.repository.js";

const { users } = schema;

/** Live users, newest first, optionally by substring of username/email; limit + 1 rows. */
export function searchUsers(db: DbOrTx, opts: { q?: string; isActive?: boolean; limit: number; cursor?: string }): Promise<UserRow[]> {
  const active = opts.isActive === undefined ? undefined : eq(users.isActive, opts.isActive);
  return pageOfLiveUsers(db, [textMatches(opts.q, [users.username, users.email]), active], opts);
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
