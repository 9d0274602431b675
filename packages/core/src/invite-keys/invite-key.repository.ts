import { and, desc, eq, gt, isNotNull, isNull, lte, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";
import type { TInviteKeyStatus } from "./invite-key.schema.js";

const { inviteKeys, users } = schema;
export type InviteKeyRow = typeof inviteKeys.$inferSelect;
export type InviteKeyView = InviteKeyRow & { createdByUsername: string | null; usedByUsername: string | null };

const creator = alias(users, "creator");
const redeemer = alias(users, "redeemer");

/** Mirrors the status the service derives per row, so the filter and the label agree. */
function statusFilter(status: TInviteKeyStatus, now: Date): SQL | undefined {
  const unused = and(isNull(inviteKeys.usedAt), isNull(inviteKeys.revokedAt));
  switch (status) {
    case "used":
      return isNotNull(inviteKeys.usedAt);
    case "revoked":
      return and(isNull(inviteKeys.usedAt), isNotNull(inviteKeys.revokedAt));
    case "expired":
      return and(unused, lte(inviteKeys.expiresAt, now));
    case "active":
      return and(unused, gt(inviteKeys.expiresAt, now));
  }
}

function selectView(db: DbOrTx) {
  return db
    .select({ key: inviteKeys, createdByUsername: creator.username, usedByUsername: redeemer.username })
    .from(inviteKeys)
    .leftJoin(creator, eq(creator.id, inviteKeys.createdById))
    .leftJoin(redeemer, eq(redeemer.id, inviteKeys.usedById));
}

const flatten = (r: { key: InviteKeyRow; createdByUsername: string | null; usedByUsername: string | null }): InviteKeyView => ({
  ...r.key,
  createdByUsername: r.createdByUsername,
  usedByUsername: r.usedByUsername,
});

export async function insertInviteKey(db: DbOrTx, values: typeof inviteKeys.$inferInsert): Promise<InviteKeyRow> {
  const [row] = await db.insert(inviteKeys).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function findInviteKeyView(db: DbOrTx, id: string): Promise<InviteKeyView | undefined> {
  const [row] = await selectView(db).where(eq(inviteKeys.id, id)).limit(1);
  return row && flatten(row);
}

export async function findInviteKeyByHash(db: DbOrTx, keyHash: string): Promise<InviteKeyRow | undefined> {
  const [row] = await db.select().from(inviteKeys).where(eq(inviteKeys.keyHash, keyHash)).limit(1);
  return row;
}

/** Newest first; fetches limit + 1 so the caller can tell whether more follow. */
export async function listInviteKeys(db: DbOrTx, opts: { limit: number; cursor?: string; status?: TInviteKeyStatus; now: Date }): Promise<InviteKeyView[]> {
  const conds = [opts.status ? statusFilter(opts.status, opts.now) : undefined, after(inviteKeys, inviteKeys, opts.cursor)];
  const rows = await selectView(db)
    .where(and(...conds))
    .orderBy(desc(inviteKeys.createdAt), desc(inviteKeys.id))
    .limit(opts.limit + 1);
  return rows.map(flatten);
}

/** Revokes an unused, unrevoked key; anything else returns nothing. */
export async function revokeInviteKey(db: DbOrTx, id: string, now: Date): Promise<InviteKeyRow | undefined> {
  const [row] = await db
    .update(inviteKeys)
    .set({ revokedAt: now })
    .where(and(eq(inviteKeys.id, id), isNull(inviteKeys.usedAt), isNull(inviteKeys.revokedAt)))
    .returning();
  return row;
}

/**
 * Marks a key used in one conditional UPDATE. Postgres re-checks the WHERE on
 * the locked row, so of two concurrent signups with one key only one gets a row back.
 */
export async function claimInviteKey(db: DbOrTx, keyHash: string, userId: string, now: Date): Promise<InviteKeyRow | undefined> {
  const [row] = await db
    .update(inviteKeys)
    .set({ usedAt: now, usedById: userId })
    .where(and(eq(inviteKeys.keyHash, keyHash), isNull(inviteKeys.usedAt), isNull(inviteKeys.revokedAt), gt(inviteKeys.expiresAt, now)))
    .returning();
  return row;
}
