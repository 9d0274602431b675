import type { DbOrTx } from "@atrium/db";
import { poolOf } from "../ledger.repository.js";

/**
 * A paid top-up's whole effect in ONE statement, run on its own (autocommit):
 * the event id claimed in stripe_events, the reserve credited, its ledger line
 * written. Atomic like the transaction it replaces, but with no BEGIN/COMMIT
 * round trips and the reserve's row lock held only while Postgres executes it
 * (every top-up of a tenant queues on that row). Nothing is written unless the
 * account has a reserve in the session's currency (`fits`); a claimed id means
 * a duplicate (a retry or a concurrent copy waits on the primary key and then
 * claims nothing); a session credited before (another event for it) fails the
 * statement on the ledger's idempotency index, event claim included. The caller
 * takes its transactional path whenever this writes nothing or fails.
 */
const TOPUP_AT_ONCE = `
  with res as (
    select account_id from reserves where account_id = $5::uuid and lower(currency) = lower($7::text)
  ),
  claim as (
    insert into stripe_events (id, type, handled, account_id, payload, stripe_created_at)
    select $1::text, $2::text, true, account_id, $3::jsonb, to_timestamp($4::double precision) from res
    on conflict (id) do nothing
    returning account_id
  ),
  upd as (
    update reserves r set
      balance_cents = r.balance_cents + $6::bigint,
      low_balance_notified_at = case when r.balance_cents + $6::bigint >= r.low_balance_threshold_cents then null else r.low_balance_notified_at end,
      updated_at = now()
    from claim where r.account_id = claim.account_id
    returning r.balance_cents, r.currency
  ),
  entry as (
    insert into ledger_entries (account_id, type, amount_cents, balance_after_cents, currency, idempotency_key, reason, related_type, related_id, created_at)
    select $5::uuid, 'credit', $6::bigint, upd.balance_cents, upd.currency, $8::text, $9::text, 'stripe_checkout', $10::text, clock_timestamp() from upd
    returning id
  )
  select fits, claimed,
    -- A claim must come with its credit: were the reserve gone by the time the update locked it, dividing by
    -- zero fails the statement, claim included (not a constant, so the planner can't fold it and fail early).
    case when claimed > 0 then 1 / credited end as checked
  from (select (select count(*) from res)::int as fits, (select count(*) from claim)::int as claimed, (select count(*) from entry)::int as credited) c`;

export interface TopupAtOnce {
  event: { id: string; type: string; payload: unknown; createdUnix: number };
  accountId: string;
  amountCents: number;
  currency: string;
  idempotencyKey: string;
  reason: string;
  sessionId: string;
}

/** What the statement did; null when `db` is a transaction (the statement must then run inside it: the caller's slow path). */
export type TopupAtOnceResult = { fits: false } | { fits: true; duplicate: boolean };

export async function creditTopupAtOnce(db: DbOrTx, t: TopupAtOnce): Promise<TopupAtOnceResult | null> {
  const pool = poolOf(db);
  if (!pool) return null;
  const values = [t.event.id, t.event.type, JSON.stringify(t.event.payload), t.event.createdUnix, t.accountId, t.amountCents, t.currency, t.idempotencyKey, t.reason, t.sessionId];
  // Named: each pooled connection plans it once.
  const { rows } = await pool.query({ name: "stripe_topup_at_once", text: TOPUP_AT_ONCE, values });
  const row = rows[0] as unknown as { fits: number; claimed: number };
  return row.fits ? { fits: true, duplicate: !row.claimed } : { fits: false };
}
