import { and, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";

const { organizationInvitations: inv, organizations: o, accounts: a, users: u } = schema;
export type InvitationRow = typeof inv.$inferSelect;

const pending = (now: Date) => and(isNull(inv.acceptedAt), isNull(inv.revokedAt), isNull(inv.declinedAt), gt(inv.expiresAt, now));

export async function insertInvitation(db: DbOrTx, values: typeof inv.$inferInsert): Promise<InvitationRow> {
  const [row] = await db.insert(inv).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Pending invitations of one organization, newest first. */
export async function listPendingInvitations(db: DbOrTx, q: { accountId: string; organizationId: string; now: Date; limit: number; cursor?: string }): Promise<InvitationRow[]> {
  return db
    .select()
    .from(inv)
    .where(and(eq(inv.accountId, q.accountId), eq(inv.organizationId, q.organizationId), pending(q.now), after(inv, inv, q.cursor)))
    .orderBy(desc(inv.createdAt), desc(inv.id))
    .limit(q.limit + 1);
}

export async function findPendingInvitation(db: DbOrTx, q: { accountId: string; organizationId: string; id: string; now: Date }): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(inv)
    .where(and(eq(inv.accountId, q.accountId), eq(inv.organizationId, q.organizationId), eq(inv.id, q.id), pending(q.now)))
    .limit(1);
  return row;
}

/** Revokes the organization's pending invitations to an address (a new one replaces them); returns how many. */
export async function revokePendingFor(db: DbOrTx, q: { organizationId: string; email: string; now: Date }): Promise<number> {
  const rows = await db
    .update(inv)
    .set({ revokedAt: q.now })
    .where(and(eq(inv.organizationId, q.organizationId), eq(sql`lower(${inv.email})`, q.email.toLowerCase()), pending(q.now)))
    .returning({ id: inv.id });
  return rows.length;
}

/**
 * Whether the link's invitation was revoked and the same organization has since
 * invited the same address again: its holder should look for the newer email.
 */
export async function wasSuperseded(db: DbOrTx, tokenHash: string): Promise<boolean> {
  const newer = alias(inv, "newer");
  const [row] = await db
    .select({ id: newer.id })
    .from(inv)
    .innerJoin(newer, and(eq(newer.organizationId, inv.organizationId), eq(sql`lower(${newer.email})`, sql`lower(${inv.email})`), gt(newer.createdAt, inv.createdAt)))
    .where(and(eq(inv.tokenHash, tokenHash), isNotNull(inv.revokedAt), isNull(inv.acceptedAt)))
    .limit(1);
  return !!row;
}

export async function markInvitation(db: DbOrTx, id: string, values: { revokedAt?: Date; declinedAt?: Date; acceptedAt?: Date; acceptedById?: string }): Promise<InvitationRow> {
  const [row] = await db.update(inv).set(values).where(eq(inv.id, id)).returning();
  if (!row) throw new Error("update returned no row");
  return row;
}

/** Pending invitations addressed to an email, in live organizations, newest first, with who sent them. */
export async function listPendingForEmail(db: DbOrTx, email: string, now: Date) {
  return db
    .select({ invitation: inv, organizationName: o.name, inviterUsername: u.username, inviterDisplayName: u.displayName })
    .from(inv)
    .innerJoin(o, and(eq(o.id, inv.organizationId), isNull(o.deletedAt)))
    .innerJoin(a, and(eq(a.id, inv.accountId), isNull(a.deletedAt)))
    .leftJoin(u, eq(u.id, inv.invitedById))
    .where(and(eq(sql`lower(${inv.email})`, email.toLowerCase()), pending(now)))
    .orderBy(desc(inv.createdAt), desc(inv.id))
    .limit(100);
}

/** A usable invitation by id, only if it is addressed to `email`; locked for the accept/decline that follows. */
export async function findUsableInvitationForEmail(db: DbOrTx, id: string, email: string, now: Date): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select({ invitation: inv })
    .from(inv)
    .innerJoin(o, and(eq(o.id, inv.organizationId), isNull(o.deletedAt)))
    .innerJoin(a, and(eq(a.id, inv.accountId), isNull(a.deletedAt)))
    .where(and(eq(inv.id, id), eq(sql`lower(${inv.email})`, email.toLowerCase()), pending(now)))
    .limit(1)
    .for("update", { of: inv });
  return row?.invitation;
}

/**
 * A usable invitation by token hash, with its organization's name; the row is
 * locked when `lock` is set so two accepts can't both succeed.
 */
export async function findUsableInvitation(
  db: DbOrTx,
  tokenHash: string,
  now: Date,
  opts: { lock?: boolean } = {},
): Promise<{ invitation: InvitationRow; organizationName: string } | undefined> {
  const q = db
    .select({ invitation: inv, organizationName: o.name })
    .from(inv)
    .innerJoin(o, and(eq(o.id, inv.organizationId), isNull(o.deletedAt)))
    .innerJoin(a, and(eq(a.id, inv.accountId), isNull(a.deletedAt)))
    .where(and(eq(inv.tokenHash, tokenHash), pending(now)))
    .limit(1);
  const [row] = opts.lock ? await q.for("update", { of: inv }) : await q;
  return row;
}
