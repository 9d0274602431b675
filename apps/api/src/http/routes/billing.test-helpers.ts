// Builders shared by the Stripe webhook and checkout tests: signed deliveries and balance reads.
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { stripeBillingService } from "@atrium/core";
import { schema } from "@atrium/db";
import type { TestApi } from "../../testing.js";

export const evtId = () => `evt_test_${randomBytes(8).toString("hex")}`;

export function stripeEvent(type: string, object: Record<string, unknown>, opts: { id?: string; created?: number } = {}) {
  return { id: opts.id ?? evtId(), object: "event", api_version: "2026-10-28.endive", created: opts.created ?? Math.floor(Date.now() / 1000), livemode: false, type, data: { object } };
}

export function checkoutCompleted(accountId: string, amountCents: number, opts: { sessionId?: string; id?: string; paymentIntent?: string } = {}) {
  return stripeEvent(
    "checkout.session.completed",
    {
      id: opts.sessionId ?? `cs_test_${randomBytes(8).toString("hex")}`,
      object: "checkout.session",
      mode: "payment",
      status: "complete",
      payment_status: "paid",
      amount_total: amountCents,
      currency: "usd",
      customer: null,
      payment_intent: opts.paymentIntent ?? null,
      metadata: { accountId, kind: "reserve_topup" },
    },
    { id: opts.id },
  );
}

/** Posts `event` to the webhook route, signed with the api's secret unless told otherwise. */
export async function deliver(
  api: TestApi,
  event: unknown,
  opts: { secret?: string; signature?: string | null; body?: string } = {},
): Promise<{ status: number; body: { received?: boolean; duplicate?: boolean; handled?: boolean; message?: string } }> {
  const payload = JSON.stringify(event);
  const signature = opts.signature === undefined ? stripeBillingService.signWebhookPayload(payload, opts.secret ?? api.deps.config.STRIPE_WEBHOOK_SECRET) : opts.signature;
  const res = await fetch(`${api.url}/api/billing/webhook/`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature === null ? {} : { "stripe-signature": signature }) },
    body: opts.body ?? payload,
  });
  return { status: res.status, body: (await res.json()) as never };
}

export async function balanceOf(api: TestApi, accountId: string): Promise<number> {
  const [row] = await api.svc.db.select({ b: schema.reserves.balanceCents }).from(schema.reserves).where(eq(schema.reserves.accountId, accountId));
  return row?.b ?? 0;
}

export async function ledgerOf(api: TestApi, accountId: string) {
  return api.svc.db.select().from(schema.ledgerEntries).where(eq(schema.ledgerEntries.accountId, accountId));
}

export async function countRows(api: TestApi, table: typeof schema.stripeEvents | typeof schema.ledgerEntries): Promise<number> {
  const [row] = await api.svc.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row?.n ?? 0;
}
