import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { newTenant } from "../../routers/tenancy.test-helpers.js";
import { startTestApi, type TestApi } from "../../testing.js";
import { balanceOf, checkoutCompleted, countRows, deliver, ledgerOf, stripeEvent } from "./billing.test-helpers.js";

let api: TestApi;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let accountId: string;
beforeAll(async () => {
  api = await startTestApi();
  tenant = await newTenant(api, "hook");
  accountId = tenant.account.id;
});
afterAll(async () => {
  await api?.close();
});

const storedEvent = async (id: string) => (await api.svc.db.select().from(schema.stripeEvents).where(eq(schema.stripeEvents.id, id)))[0];
const subscription = async (id: string) => (await api.svc.db.select().from(schema.subscriptions).where(eq(schema.subscriptions.id, id)))[0];

describe("POST /api/billing/webhook/ signature", () => {
  it("refuses a missing, wrong or stale signature and a tampered body with 400, applying nothing", async () => {
    const event = checkoutCompleted(accountId, 1234);
    const payload = JSON.stringify(event);
    const attempts = [
      await deliver(api, event, { signature: null }),
      await deliver(api, event, { secret: "whsec_someone_else" }),
      await deliver(api, event, { signature: "t=1,v1=deadbeef" }),
      await deliver(api, event, { body: payload.replace("1234", "999999") }),
    ];
    expect(attempts.map((a) => a.status)).toEqual([400, 400, 400, 400]);
    expect(attempts[0]?.body.message).toMatch(/Stripe-Signature/);
    expect(await countRows(api, schema.stripeEvents)).toBe(0);
    expect(await countRows(api, schema.ledgerEntries)).toBe(0);
    expect(await balanceOf(api, accountId)).toBe(0);
  });
});

describe("checkout.session.completed", () => {
  it("credits exactly once when the same event arrives 100 times, 5 at a time", async () => {
    const event = checkoutCompleted(accountId, 5000, { paymentIntent: "pi_test_once" });
    const results: Array<Awaited<ReturnType<typeof deliver>>> = [];
    for (let batch = 0; batch < 20; batch++) results.push(...(await Promise.all(Array.from({ length: 5 }, () => deliver(api, event)))));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.duplicate === false)).toHaveLength(1);
    expect(results.filter((r) => r.body.duplicate === true)).toHaveLength(99);
    const ledger = await ledgerOf(api, accountId);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ type: "credit", amountCents: 5000, balanceAfterCents: 5000, idempotencyKey: `stripe:checkout:${event.data.object.id}`, relatedType: "stripe_checkout" });
    expect(await balanceOf(api, accountId)).toBe(5000);
    expect(ledger.reduce((sum, e) => sum + e.amountCents, 0)).toBe(await balanceOf(api, accountId));

    // Other events about the same payment never credit it again.
    const sessionId = String(event.data.object.id);
    const again = await deliver(api, checkoutCompleted(accountId, 5000, { sessionId }));
    const pi = await deliver(api, stripeEvent("payment_intent.succeeded", { id: "pi_test_once", object: "payment_intent", amount_received: 5000, customer: null, metadata: { accountId, kind: "reserve_topup" } }));
    expect([again.body.duplicate, pi.body.duplicate]).toEqual([false, false]);
    expect(await balanceOf(api, accountId)).toBe(5000);
    expect(await ledgerOf(api, accountId)).toHaveLength(1);
  });

  it("credits a session once when different events for it race (a double-clicked local confirm)", async () => {
    const racer = await newTenant(api, "race");
    const sessionId = "cs_test_raced";
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(api, checkoutCompleted(racer.account.id, 1500, { sessionId }))));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(results.every((r) => r.body.duplicate === false && r.body.handled === true)).toBe(true);
    expect(await ledgerOf(api, racer.account.id)).toHaveLength(1);
    expect(await balanceOf(api, racer.account.id)).toBe(1500);
  });

  it("waits for async_payment_succeeded when a session completes unpaid", async () => {
    const other = await newTenant(api, "async");
    const unpaid = checkoutCompleted(other.account.id, 700);
    unpaid.data.object.payment_status = "unpaid";
    expect((await deliver(api, unpaid)).body).toMatchObject({ received: true, handled: false });
    expect(await balanceOf(api, other.account.id)).toBe(0);
    const paid = stripeEvent("checkout.session.async_payment_succeeded", { ...unpaid.data.object, payment_status: "paid" });
    expect((await deliver(api, paid)).body).toMatchObject({ handled: true, duplicate: false });
    expect(await balanceOf(api, other.account.id)).toBe(700);
  });

  it("stores but doesn't credit sessions that aren't top-ups or name no known account", async () => {
    const foreign = checkoutCompleted(accountId, 900);
    foreign.data.object.metadata = { kind: "something_else", accountId };
    const unknownAccount = checkoutCompleted("00000000-0000-4000-8000-000000000000", 900);
    const before = await balanceOf(api, accountId);
    for (const e of [foreign, unknownAccount]) expect((await deliver(api, e)).body).toMatchObject({ received: true, handled: false });
    expect(await balanceOf(api, accountId)).toBe(before);
    expect(await storedEvent(unknownAccount.id)).toMatchObject({ handled: false, type: "checkout.session.completed" });
  });
});

describe("unknown event types", () => {
  it("are stored with handled=false and answered 200", async () => {
    const event = stripeEvent("charge.dispute.created", { id: "dp_test_1", object: "dispute" });
    expect(await deliver(api, event)).toEqual({ status: 200, body: { received: true, duplicate: false, handled: false } });
    expect(await storedEvent(event.id)).toMatchObject({ type: "charge.dispute.created", handled: false, accountId: null });
    expect((await deliver(api, event)).body.duplicate).toBe(true);
  });
});

const subObject = (id: string, status: string, opts: { plan?: string; amount?: number; interval?: string; canceledAt?: number; customer?: string; accountId?: string } = {}) => ({
  id,
  object: "subscription",
  customer: opts.customer ?? "cus_test_sub",
  status,
  start_date: 1_700_000_000,
  created: 1_700_000_000,
  canceled_at: opts.canceledAt ?? null,
  metadata: opts.accountId ? { accountId: opts.accountId } : {},
  items: {
    object: "list",
    data: [{ quantity: 1, price: { id: "price_x", nickname: opts.plan ?? "starter", unit_amount: opts.amount ?? 1000, currency: "usd", recurring: { interval: opts.interval ?? "month", interval_count: 1 } } }],
  },
});

describe("customer.subscription.*", () => {
  it("ends in the newest state whatever order the events arrive in", async () => {
    const t = 1_700_000_100;
    // updated (newer) arrives before created (older)
    await deliver(api, stripeEvent("customer.subscription.updated", subObject("sub_a", "active", { plan: "pro", amount: 4900, accountId }), { created: t + 60 }));
    await deliver(api, stripeEvent("customer.subscription.created", subObject("sub_a", "incomplete", { plan: "starter", amount: 1000, accountId }), { created: t }));
    expect(await subscription("sub_a")).toMatchObject({ status: "active", plan: "pro", amountCents: 4900, interval: "month", accountId, lastEventAt: new Date((t + 60) * 1000) });

    // deleted, then an older update arriving late
    await deliver(api, stripeEvent("customer.subscription.deleted", subObject("sub_a", "canceled", { plan: "pro", amount: 4900, accountId, canceledAt: t + 120 }), { created: t + 120 }));
    await deliver(api, stripeEvent("customer.subscription.updated", subObject("sub_a", "active", { plan: "team", amount: 9900, accountId }), { created: t + 90 }));
    const final = await subscription("sub_a");
    expect(final).toMatchObject({ status: "canceled", plan: "pro", amountCents: 4900, canceledAt: new Date((t + 120) * 1000) });

    // At the same second, nothing revives a canceled subscription.
    await deliver(api, stripeEvent("customer.subscription.updated", subObject("sub_a", "active", { accountId }), { created: t + 120 }));
    expect((await subscription("sub_a"))?.status).toBe("canceled");
  });

  it("finds the tenant through the reserve's Stripe customer when metadata has none", async () => {
    await api.svc.db.insert(schema.reserves).values({ accountId, stripeCustomerId: "cus_test_lookup" }).onConflictDoUpdate({ target: schema.reserves.accountId, set: { stripeCustomerId: "cus_test_lookup" } });
    const event = stripeEvent("customer.subscription.created", subObject("sub_b", "trialing", { customer: "cus_test_lookup", interval: "year", amount: 120000 }));
    expect((await deliver(api, event)).body).toMatchObject({ handled: true });
    expect(await subscription("sub_b")).toMatchObject({ accountId, status: "trialing", interval: "year", amountCents: 120000, customerId: "cus_test_lookup" });
    expect(await storedEvent(event.id)).toMatchObject({ accountId, handled: true });
  });
});

describe("invoice.payment_failed", () => {
  it("flags the account, queues an email to each owner and audits; a later payment clears the flag", async () => {
    const t = Math.floor(Date.now() / 1000);
    const invoice = { id: "in_test_1", object: "invoice", customer: "cus_test_lookup", amount_due: 4900, currency: "usd", attempt_count: 1, hosted_invoice_url: "https://invoice.stripe.com/i/x", metadata: {} };
    const event = stripeEvent("invoice.payment_failed", invoice, { created: t });
    expect((await deliver(api, event)).body).toMatchObject({ handled: true, duplicate: false });
    expect((await deliver(api, event)).body.duplicate).toBe(true);

    const [reserve] = await api.svc.db.select().from(schema.reserves).where(eq(schema.reserves.accountId, accountId));
    expect(reserve?.paymentFailedAt).toEqual(new Date(t * 1000));
    const emails = await api.svc.db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.template, "payment_failed"));
    expect(emails.map((e) => e.toAddress)).toEqual([tenant.owner.user.email]);
    expect(emails[0]?.text).toContain("$49.00");
    const audits = await api.svc.db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.eventType, "billing.payment_failed"), eq(schema.auditEvents.accountId, accountId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ targetType: "stripe_invoice", targetId: "in_test_1" });

    await deliver(api, stripeEvent("payment_intent.succeeded", { id: "pi_test_retry", object: "payment_intent", customer: "cus_test_lookup", metadata: {} }, { created: t + 5 }));
    const [cleared] = await api.svc.db.select().from(schema.reserves).where(eq(schema.reserves.accountId, accountId));
    expect(cleared?.paymentFailedAt).toBeNull();
  });

  it("ignores failures of customers it doesn't know", async () => {
    const event = stripeEvent("invoice.payment_failed", { id: "in_test_2", customer: "cus_nobody", amount_due: 100, currency: "usd", metadata: {} });
    expect((await deliver(api, event)).body).toMatchObject({ received: true, handled: false });
    expect(await storedEvent(event.id)).toMatchObject({ handled: false, accountId: null });
  });
});
