import express from "express";
import type { Env } from "@atrium/config";
import { stripeBillingService, type ServiceContext } from "@atrium/core";
import type { DbHandle } from "@atrium/db";

// The floor the webhook is measured against: express and pg verifying the
// same signature (Stripe's own check, then the envelope's shape) and writing
// what a new top-up event writes — the stripe_events row, the reserve's new
// balance and its ledger line — in one transaction, with none of the event
// routing, account checks, drizzle or telemetry in between.
const CLAIM = `insert into stripe_events (id, type, handled, account_id, payload, stripe_created_at)
  values ($1, $2, true, $3::uuid, $4::jsonb, to_timestamp($5)) on conflict (id) do nothing returning id`;
const CREDIT = `
  with upd as (
    update reserves set balance_cents = balance_cents + $2::bigint, updated_at = now()
    where account_id = $1::uuid returning balance_cents, currency
  )
  insert into ledger_entries (account_id, type, amount_cents, balance_after_cents, currency, idempotency_key, reason, related_type, related_id, created_at)
  select $1::uuid, 'credit', $2::bigint, upd.balance_cents, upd.currency, $3, 'Top-up (Stripe Checkout)', 'stripe_checkout', $4, clock_timestamp() from upd
  returning id`;

// The same writes as one statement (autocommit), the way Atrium applies a paid top-up: the honest floor for
// that path, with no BEGIN/COMMIT round trips and the reserve's row lock held only while Postgres runs it.
const AT_ONCE = `
  with claim as (
    insert into stripe_events (id, type, handled, account_id, payload, stripe_created_at)
    values ($1, $2, true, $3::uuid, $4::jsonb, to_timestamp($5)) on conflict (id) do nothing returning account_id
  ), upd as (
    update reserves r set balance_cents = r.balance_cents + $6::bigint, updated_at = now()
    from claim where r.account_id = claim.account_id returning r.balance_cents, r.currency
  )
  insert into ledger_entries (account_id, type, amount_cents, balance_after_cents, currency, idempotency_key, reason, related_type, related_id, created_at)
  select $3::uuid, 'credit', $6::bigint, upd.balance_cents, upd.currency, $7, 'Top-up (Stripe Checkout)', 'stripe_checkout', $8, clock_timestamp() from upd
  returning id`;

interface Session {
  id: string;
  amount_total: number;
  metadata: { accountId: string };
}

/** `oneStatement`: the writes as one statement (AT_ONCE) instead of a transaction of three. */
export function bareWebhookApp(pool: DbHandle["pool"], config: Env, opts: { oneStatement?: boolean } = {}): express.Express {
  const app = express();
  app.disable("x-powered-by");
  const ctx = { config } as ServiceContext;
  app.post("/api/billing/webhook/", express.raw({ type: () => true, limit: "1mb", inflate: false }), async (req, res) => {
    let event;
    try {
      event = stripeBillingService.verifyStripeDelivery(ctx, req.body as Buffer, req.get("stripe-signature"));
    } catch {
      return void res.status(400).json({ message: "Invalid Stripe-Signature" });
    }
    const session = event.data.object as unknown as Session;
    if (opts.oneStatement) {
      const key = stripeBillingService.checkoutCreditKey(session.id);
      const values = [event.id, event.type, session.metadata.accountId, JSON.stringify(event), event.created, session.amount_total, key, session.id];
      const claimed = await pool.query({ name: "bare_at_once", text: AT_ONCE, values }).catch((err: unknown) => err as Error);
      if (claimed instanceof Error) return void res.status(500).json({ message: String(claimed) });
      return void res.json({ received: true, duplicate: !claimed.rowCount, handled: !!claimed.rowCount });
    }
    const client = await pool.connect();
    try {
      await client.query("begin");
      const claimed = await client.query(CLAIM, [event.id, event.type, session.metadata.accountId, JSON.stringify(event), event.created]);
      if (claimed.rowCount) await client.query(CREDIT, [session.metadata.accountId, session.amount_total, stripeBillingService.checkoutCreditKey(session.id), session.id]);
      await client.query("commit");
      res.json({ received: true, duplicate: !claimed.rowCount, handled: !!claimed.rowCount });
    } catch (err) {
      await client.query("rollback");
      res.status(500).json({ message: String(err) });
    } finally {
      client.release();
    }
  });
  return app;
}
