import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";

const { accounts, accountMembers, reserves, stripeEvents, users } = schema;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether event metadata could name an account at all (anything else would fail the uuid cast). */
export const isUuidShaped = (s: string | undefined | null): s is string => !!s && UUID.test(s);

/**
 * Claims an event id. Inside the caller's transaction, a concurrent delivery of
 * the same id waits on the primary key until this one commits (then gets
 * nothing back: a duplicate) or rolls back (then claims it itself).
 */
export async function claimStripeEvent(
  db: DbOrTx,
  e: { id: string; type: string; payload: Record<string, unknown>; stripeCreatedAt: Date },
): Promise<boolean> {
  const rows = await db
    .insert(stripeEvents)
    .values({ ...e, handled: false })
    .onConflictDoNothing({ target: stripeEvents.id })
    .returning({ id: stripeEvents.id });
  return rows.length > 0;
}

export async function markStripeEvent(db: DbOrTx, id: string, outcome: { handled: boolean; accountId: string | null }): Promise<void> {
  await db.update(stripeEvents).set(outcome).where(eq(stripeEvents.id, id));
}

/** An account id from event metadata, if it names an account that exists (deleted ones still pay and get paid). */
export async function existingAccountId(db: DbOrTx, candidate: string | undefined | null): Promise<string | null> {
  if (!candidate || !UUID.test(candidate)) return null;
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, candidate)).limit(1);
  return row?.id ?? null;
}

/**
 * The account named by event metadata and its reserve's currency, the reserve
 * created if missing, in ONE statement; null when the id names no account.
 * Also null in one rare race (another transaction creating the same reserve
 * at this instant: this statement's snapshot can't see its row), so callers
 * fall back to existingAccountId + ensureReserve when it answers nothing.
 */
export async function accountReserveOf(db: DbOrTx, candidate: string | undefined | null, policy: string): Promise<{ accountId: string; currency: string } | null> {
  if (!candidate || !UUID.test(candidate)) return null;
  const { rows } = await db.execute<{ account_id: string; currency: string }>(sql`
    with acc as (select id from ${accounts} where id = ${candidate}::uuid),
    existing as (select r.account_id, r.currency from ${reserves} r join acc on r.account_id = acc.id),
    -- Inserted only when missing: meeting the existing row would wait for a credit in flight on it.
    ins as (
      insert into ${reserves} (account_id, low_balance_policy)
      select id, ${policy}::low_balance_policy from acc where not exists (select 1 from existing)
      on conflict (account_id) do nothing returning account_id, currency
    )
    select account_id, currency from existing
    union all
    select account_id, currency from ins`);
  const row = rows[0];
  return row ? { accountId: row.account_id, currency: row.currency } : null;
}

export async function accountIdForCustomer(db: DbOrTx, customerId: string | undefined | null): Promise<string | null> {
  if (!customerId) return null;
  const [row] = await db.select({ id: reserves.accountId }).from(reserves).where(eq(reserves.stripeCustomerId, customerId)).limit(1);
  return row?.id ?? null;
}

/** The tenant an event concerns: metadata.accountId first (we put it there), else the reserve holding the customer. */
export async function resolveAccountId(db: DbOrTx, metadataAccountId: string | undefined, customerId: string | undefined | null): Promise<string | null> {
  return (await existingAccountId(db, metadataAccountId)) ?? (await accountIdForCustomer(db, customerId));
}

export async function accountName(db: DbOrTx, accountId: string): Promise<string> {
  const [row] = await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return row?.name ?? "Your account";
}

/** The account's live, active owners (each notified as their preferences say). */
export async function ownerIds(db: DbOrTx, accountId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(accountMembers)
    .innerJoin(users, eq(users.id, accountMembers.userId))
    .where(and(eq(accountMembers.accountId, accountId), eq(accountMembers.role, "owner"), isNull(users.deletedAt), eq(users.isActive, true)));
  return [...new Set(rows.map((r) => r.id))];
}

export async function setPaymentFailed(db: DbOrTx, accountId: string, at: Date): Promise<void> {
  await db.update(reserves).set({ paymentFailedAt: at }).where(eq(reserves.accountId, accountId));
}

/** A payment after the failure clears the flag; an older success arriving late doesn't. */
export async function clearPaymentFailed(db: DbOrTx, accountId: string, paidAt: Date): Promise<void> {
  await db
    .update(reserves)
    .set({ paymentFailedAt: null })
    .where(and(eq(reserves.accountId, accountId), lte(reserves.paymentFailedAt, paidAt)));
}
