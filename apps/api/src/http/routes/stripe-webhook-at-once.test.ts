import { eq } from "drizzle-orm";
import { recordQueries } from "@atrium/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReserve, stripeBillingService } from "@atrium/core";
import { schema } from "@atrium/db";
import { restStream, subscribed } from "../../realtime/sse.test-helpers.js";
import { newTenant } from "../../routers/tenancy.test-helpers.js";
import { startTestApi, type TestApi } from "../../testing.js";
import { balanceOf, checkoutCompleted, deliver, ledgerOf } from "./billing.test-helpers.js";

// The paid top-up's one-statement path (billing/stripe/topup-at-once.*): what it costs in round trips, that it
// records exactly what the transactional path records, and that every case it doesn't cover still lands there.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

/** The statements this process sends to Postgres while `fn` runs (the webhook touches only these tables). */
async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const touching = /stripe_events|reserves|ledger_entries|accounts|^\s*(begin|commit|rollback)/i;
  return (await recordQueries(fn)).filter((q) => touching.test(q.text)).map((q) => q.text.trim().split("\n")[0] ?? "");
}

const storedEvent = async (id: string) => (await api.svc.db.select().from(schema.stripeEvents).where(eq(schema.stripeEvents.id, id)))[0];
const reserveOf = async (accountId: string) => (await api.svc.db.select().from(schema.reserves).where(eq(schema.reserves.accountId, accountId)))[0];

describe("a paid top-up for an account with its reserve", () => {
  it("is claimed, credited and written to the ledger in one database round trip, recorded as the transactional path records it", async () => {
    const t = await newTenant(api, "once");
    await ensureReserve(api.svc.db, t.account.id);
    const event = checkoutCompleted(t.account.id, 2500);
    let res: Awaited<ReturnType<typeof deliver>> | undefined;
    const statements = await statementsDuring(async () => (res = await deliver(api, event)));
    expect(res).toMatchObject({ status: 200, body: { received: true, duplicate: false, handled: true } });
    // Before: BEGIN, claim, account + reserve, mark, credit, COMMIT.
    expect(statements).toHaveLength(1);

    expect(await storedEvent(event.id)).toMatchObject({
      type: "checkout.session.completed",
      handled: true,
      accountId: t.account.id,
      payload: event,
      stripeCreatedAt: new Date(event.created * 1000),
    });
    const ledger = await ledgerOf(api, t.account.id);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      type: "credit",
      amountCents: 2500,
      balanceAfterCents: 2500,
      currency: "usd",
      idempotencyKey: `stripe:checkout:${event.data.object.id}`,
      reason: "Top-up (Stripe Checkout)",
      relatedType: "stripe_checkout",
      relatedId: event.data.object.id,
    });
    expect(await balanceOf(api, t.account.id)).toBe(2500);

    // A replay claims nothing and credits nothing, in the same one round trip.
    const replayed = await statementsDuring(async () => expect((await deliver(api, event)).body).toMatchObject({ duplicate: true, handled: false }));
    expect(replayed).toHaveLength(1);
    expect(await balanceOf(api, t.account.id)).toBe(2500);
  });

  it("looks up no session for a cookie or bearer token riding along: the signature is the only credential", async () => {
    const t = await newTenant(api, "cookie");
    await ensureReserve(api.svc.db, t.account.id);
    const body = JSON.stringify(checkoutCompleted(t.account.id, 300));
    const headers = {
      "content-type": "application/json",
      "stripe-signature": stripeBillingService.signWebhookPayload(body, api.deps.config.STRIPE_WEBHOOK_SECRET),
      authorization: "Bearer not-a-session-anyone-has",
      cookie: "atrium_session=nor-this-one",
    };
    let status = 0;
    const statements = await statementsDuring(async () => (status = (await fetch(`${api.url}/api/billing/webhook/`, { method: "POST", headers, body })).status));
    expect(status).toBe(200);
    // Before: the session lookup (sessions joined to users and accounts) ran first.
    expect(statements).toHaveLength(1);
    expect(await balanceOf(api, t.account.id)).toBe(300);
  });

  it("tells the account's open streams the balance changed, and ends a low-balance episode it lifts the balance out of", async () => {
    const t = await newTenant(api, "live");
    await ensureReserve(api.svc.db, t.account.id);
    await api.svc.db.update(schema.reserves).set({ lowBalanceThresholdCents: 1000, lowBalanceNotifiedAt: new Date() }).where(eq(schema.reserves.accountId, t.account.id));
    const stream = restStream(api, t.owner.token);
    await subscribed(api, [t.owner.user]);

    expect((await deliver(api, checkoutCompleted(t.account.id, 400))).body).toMatchObject({ handled: true });
    expect((await reserveOf(t.account.id))?.lowBalanceNotifiedAt).not.toBeNull(); // 400 < 1000: still low
    expect((await deliver(api, checkoutCompleted(t.account.id, 700))).body).toMatchObject({ handled: true });
    expect(await reserveOf(t.account.id)).toMatchObject({ balanceCents: 1100, lowBalanceNotifiedAt: null });

    await expect.poll(() => stream.got.filter((e) => e.event.type === "balance.changed").length).toBe(2);
    stream.close();
    await stream.ended;
  });
});

describe("top-ups the one statement doesn't cover go the transactional way", () => {
  it("creates a missing reserve and credits it", async () => {
    const t = await newTenant(api, "noreserve");
    await api.svc.db.delete(schema.reserves).where(eq(schema.reserves.accountId, t.account.id));
    expect((await deliver(api, checkoutCompleted(t.account.id, 800))).body).toMatchObject({ duplicate: false, handled: true });
    expect(await balanceOf(api, t.account.id)).toBe(800);
  });

  it("stores a session in another currency than the reserve's without crediting it", async () => {
    const t = await newTenant(api, "eur");
    await ensureReserve(api.svc.db, t.account.id);
    const event = checkoutCompleted(t.account.id, 900);
    event.data.object.currency = "eur";
    expect((await deliver(api, event)).body).toMatchObject({ duplicate: false, handled: false });
    expect(await storedEvent(event.id)).toMatchObject({ handled: false, accountId: t.account.id });
    expect(await ledgerOf(api, t.account.id)).toHaveLength(0);
  });

  it("answers a second event for a session credited before as handled, crediting nothing and storing the event once", async () => {
    const t = await newTenant(api, "twice");
    await ensureReserve(api.svc.db, t.account.id);
    const first = checkoutCompleted(t.account.id, 600);
    const second = checkoutCompleted(t.account.id, 600, { sessionId: String(first.data.object.id) });
    expect((await deliver(api, first)).body).toMatchObject({ handled: true });
    // The one statement fails whole on the ledger's key (its claim with it); the transactional path then replays.
    expect((await deliver(api, second)).body).toMatchObject({ duplicate: false, handled: true });
    expect(await storedEvent(second.id)).toMatchObject({ handled: true, accountId: t.account.id });
    expect(await ledgerOf(api, t.account.id)).toHaveLength(1);
    expect(await balanceOf(api, t.account.id)).toBe(600);
  });
});
