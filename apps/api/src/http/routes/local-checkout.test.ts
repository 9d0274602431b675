import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripeBillingService } from "@atrium/core";
import { schema } from "@atrium/db";
import { newTenant, newUser, rest } from "../../routers/tenancy.test-helpers.js";
import { startTestApi, type TestApi } from "../../testing.js";
import { balanceOf, ledgerOf } from "./billing.test-helpers.js";

let api: TestApi;
let tenant: Awaited<ReturnType<typeof newTenant>>;
beforeAll(async () => {
  // PUBLIC_URL = this api, which serves the checkout page and is where the browser comes back to.
  api = await startTestApi({}, { publicUrlIsSelf: true });
  tenant = await newTenant(api, "local");
});
afterAll(async () => {
  await api?.close();
});

interface Session {
  sessionId: string;
  checkoutUrl: string;
  provider: string;
  amountCents: number;
}
const startTopup = (token: string, input: Record<string, unknown>) => rest(api, token, "POST", "/billing/topup/session/", input);

describe("local checkout, end to end over HTTP", () => {
  it("tops up $50 through the page: session → page → confirm → 303 → balance +5000, once", async () => {
    const accountId = tenant.account.id;
    const started = await startTopup(tenant.owner.token, { amountDollars: 50, accountId });
    expect(started.status).toBe(200);
    const session = started.body as unknown as Session;
    expect(session).toMatchObject({ provider: "local", amountCents: 5000, currency: "usd", accountId });
    expect(session.checkoutUrl).toBe(`${api.url}/api/billing/local-checkout/${session.sessionId}`);

    const pageRes = await fetch(session.checkoutUrl);
    const html = await pageRes.text();
    expect(pageRes.status).toBe(200);
    expect(html).toContain("Pay $50.00");
    expect(html).toContain(tenant.account.name);
    expect(html).not.toContain("<script");
    expect(pageRes.headers.get("content-security-policy")).not.toContain("script-src");

    const confirm = () => fetch(`${session.checkoutUrl}/confirm`, { method: "POST", redirect: "manual" });
    const first = await confirm();
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`${api.url}/billing?topup=success&session_id=${session.sessionId}`);
    expect(await balanceOf(api, accountId)).toBe(5000);
    const ledger = await ledgerOf(api, accountId);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ type: "credit", amountCents: 5000, relatedType: "stripe_checkout", relatedId: session.sessionId, reason: "Top-up (local checkout)" });

    // A second click is a second event for the same session: stored, not credited.
    const second = await confirm();
    expect(second.status).toBe(303);
    expect(await balanceOf(api, accountId)).toBe(5000);
    expect(await ledgerOf(api, accountId)).toHaveLength(1);
    const events = await api.svc.db.select().from(schema.stripeEvents).where(eq(schema.stripeEvents.accountId, accountId));
    expect(events.map((e) => e.type)).toEqual(["checkout.session.completed", "checkout.session.completed"]);
    expect(events.every((e) => e.id.startsWith("evt_local_"))).toBe(true);
  });

  it("links Cancel to the cancel URL", async () => {
    const session = (await startTopup(tenant.owner.token, { amountDollars: 5, accountId: tenant.account.id })).body as unknown as Session;
    const html = await (await fetch(session.checkoutUrl)).text();
    expect(html).toContain(`href="${api.url}/billing?topup=cancelled"`);
  });

  it("refuses tampered and expired sessions with a 400 page, crediting nothing", async () => {
    const accountId = tenant.account.id;
    const session = (await startTopup(tenant.owner.token, { amountDollars: 10, accountId })).body as unknown as Session;
    const [body = "", sig = ""] = session.sessionId.replace("cs_local_", "").split(".");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString()) as { c: number };
    const richer = `cs_local_${Buffer.from(JSON.stringify({ ...payload, c: 1_000_000 })).toString("base64url")}.${sig}`;
    const expired = await stripeBillingService
      .localProvider(api.deps.config, () => new Date(Date.now() - 2 * 3600_000))
      .createCheckoutSession({ accountId, amountCents: 700, currency: "usd", customerEmail: null, successUrl: "", cancelUrl: "" });
    const before = await balanceOf(api, accountId);
    for (const id of [richer, `${session.sessionId}x`, "cs_local_garbage", expired.sessionId]) {
      const page = await fetch(`${api.url}/api/billing/local-checkout/${id}`);
      expect(page.status).toBe(400);
      const confirm = await fetch(`${api.url}/api/billing/local-checkout/${id}/confirm`, { method: "POST", redirect: "manual" });
      expect(confirm.status).toBe(400);
    }
    expect(await (await fetch(`${api.url}/api/billing/local-checkout/${expired.sessionId}`)).text()).toContain("expired");
    expect(await balanceOf(api, accountId)).toBe(before);
  });
});

describe("a top-up resent with the same idempotency key", () => {
  it("credits once, however many of the resent request's sessions are paid; another key is another top-up", async () => {
    const accountId = tenant.account.id;
    const before = await balanceOf(api, accountId);
    const idempotencyKey = `retry-${Date.now()}`;
    // The first attempt's answer was lost ten minutes ago (its session expires at another second); the resend goes over HTTP.
    const earlier = await stripeBillingService
      .localProvider(api.deps.config, () => new Date(Date.now() - 600_000))
      .createCheckoutSession({ accountId, amountCents: 3000, currency: "usd", customerEmail: null, successUrl: "", cancelUrl: "", idempotencyKey });
    const resent = await startTopup(tenant.owner.token, { amountDollars: 30, accountId, idempotencyKey });
    expect(resent.status).toBe(200);
    const sessionIds = [earlier.sessionId, String(resent.body.sessionId)];
    expect(new Set(sessionIds).size).toBe(2);
    for (const id of sessionIds) {
      const paid = await fetch(`${api.url}/api/billing/local-checkout/${id}/confirm`, { method: "POST", redirect: "manual" });
      expect(paid.status).toBe(303);
    }
    expect(await balanceOf(api, accountId)).toBe(before + 3000);

    const another = await startTopup(tenant.owner.token, { amountDollars: 30, accountId, idempotencyKey: `${idempotencyKey}-2` });
    await fetch(`${api.url}/api/billing/local-checkout/${String(another.body.sessionId)}/confirm`, { method: "POST", redirect: "manual" });
    expect(await balanceOf(api, accountId)).toBe(before + 6000);
  });
});

describe("POST /api/billing/topup/session/ input and access", () => {
  it("checks the amount against TOPUP_MIN/MAX_DOLLARS and whole cents, naming the field", async () => {
    const accountId = tenant.account.id;
    for (const amountDollars of [4.99, 10_000.01, 12.345, 0, -5, "fifty"]) {
      const res = await startTopup(tenant.owner.token, { amountDollars, accountId });
      expect(res.status, String(amountDollars)).toBe(400);
      expect(Object.keys(res.body.data?.fieldErrors ?? {})).toEqual(["amountDollars"]);
    }
    expect((await startTopup(tenant.owner.token, { amountDollars: 19.99, accountId })).body).toMatchObject({ amountCents: 1999 });
  });

  it("needs billing.manage on the account: other tenants' accounts are not found, members are forbidden", async () => {
    const other = await newTenant(api, "other");
    expect((await startTopup(tenant.owner.token, { amountDollars: 50, accountId: other.account.id })).status).toBe(404);
    expect((await startTopup(tenant.member.token, { amountDollars: 50, accountId: tenant.account.id })).status).toBe(403);
    const loner = await newUser(api, "loner");
    const res = await startTopup(loner.token, { amountDollars: 50 });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/home account/);
    expect((await rest(api, null, "POST", "/billing/topup/session/", { amountDollars: 50 })).status).toBe(401);
  });

  it("defaults to the caller's home account", async () => {
    const admin = await rest(api, null, "POST", "/auth/token/", { username: "admin", password: "admin123" });
    const token = String(admin.body.token);
    const res = await startTopup(token, { amountDollars: 25 });
    expect(res.status).toBe(200);
    const [user] = await api.svc.db.select().from(schema.users).where(eq(schema.users.username, "admin"));
    expect(res.body).toMatchObject({ accountId: user?.accountId, amountCents: 2500 });
  });
});
