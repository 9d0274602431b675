import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripeBillingService } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { newTenant, rest } from "./tenancy.test-helpers.js";

/** Stands in for api.stripe.com: records each request and answers like Stripe would. */
interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: Record<string, string>;
}
const seen: Seen[] = [];
let fakeStripe: Server;
let customerCount = 0;

function startFakeStripe(): Promise<number> {
  fakeStripe = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const form = Object.fromEntries(new URLSearchParams(raw));
      seen.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, form });
      res.setHeader("content-type", "application/json");
      if (req.method === "POST" && req.url === "/v1/customers") {
        res.end(JSON.stringify({ id: `cus_test_${++customerCount}`, object: "customer", email: form.email ?? null, metadata: {} }));
      } else if (req.method === "POST" && req.url === "/v1/checkout/sessions") {
        const id = `cs_test_${seen.length}`;
        res.end(JSON.stringify({ id, object: "checkout.session", mode: "payment", url: `https://checkout.stripe.com/c/pay/${id}`, customer: form.customer }));
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${req.url})` } }));
      }
    });
  });
  return new Promise((resolve) => fakeStripe.listen(0, "127.0.0.1", () => resolve((fakeStripe.address() as AddressInfo).port)));
}

let api: TestApi;
beforeAll(async () => {
  const port = await startFakeStripe();
  api = await startTestApi({
    STRIPE_SECRET_KEY: "sk_test_fake_key",
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(port),
    STRIPE_API_PROTOCOL: "http",
    PUBLIC_URL: "https://app.example.test",
  });
});
afterAll(async () => {
  await api?.close();
  await new Promise((r) => fakeStripe?.close(r));
});

describe("Stripe provider (real SDK against a stand-in for Stripe's API)", () => {
  it("creates a customer once, then a Checkout session with the amount, currency, tenant metadata and return URLs", async () => {
    const tenant = await newTenant(api, "stripe");
    const accountId = tenant.account.id;
    const res = await rest(api, tenant.owner.token, "POST", "/billing/topup/session/", { amountDollars: 25.5, accountId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ provider: "stripe", sessionId: "cs_test_2", checkoutUrl: "https://checkout.stripe.com/c/pay/cs_test_2", amountCents: 2550, currency: "usd", accountId });

    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["POST /v1/customers", "POST /v1/checkout/sessions"]);
    const [customer, session] = seen as [Seen, Seen];
    expect(customer.headers.authorization).toBe("Bearer sk_test_fake_key");
    expect(customer.form).toMatchObject({ email: tenant.owner.user.email, name: tenant.account.name, "metadata[accountId]": accountId });
    expect(session.headers.authorization).toBe("Bearer sk_test_fake_key");
    expect(session.form).toEqual({
      mode: "payment",
      customer: "cus_test_1",
      client_reference_id: accountId,
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][unit_amount]": "2550",
      "line_items[0][price_data][product_data][name]": "Atrium balance top-up",
      "metadata[accountId]": accountId,
      "metadata[kind]": "reserve_topup",
      "payment_intent_data[metadata][accountId]": accountId,
      "payment_intent_data[metadata][kind]": "reserve_topup",
      success_url: "https://app.example.test/billing?topup=success&session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "https://app.example.test/billing?topup=cancelled",
    });
    const [reserve] = await api.svc.db.select().from(schema.reserves).where(eq(schema.reserves.accountId, accountId));
    expect(reserve?.stripeCustomerId).toBe("cus_test_1");

    // The second top-up reuses the stored customer.
    seen.length = 0;
    const again = await rest(api, tenant.owner.token, "POST", "/billing/topup/session/", { amountDollars: 100, accountId });
    expect(again.status).toBe(200);
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["POST /v1/checkout/sessions"]);
    expect(seen[0]?.form).toMatchObject({ customer: "cus_test_1", "line_items[0][price_data][unit_amount]": "10000" });
  });

  it("sends Stripe the caller's idempotency key, the same on a resend, so Stripe answers with the same session", async () => {
    const tenant = await newTenant(api, "stripe-key");
    const accountId = tenant.account.id;
    const input = { amountDollars: 40, accountId, idempotencyKey: "resend-me-123" };
    seen.length = 0;
    for (let i = 0; i < 2; i++) expect((await rest(api, tenant.owner.token, "POST", "/billing/topup/session/", input)).status).toBe(200);
    const sessions = seen.filter((s) => s.path === "/v1/checkout/sessions").map((s) => s.headers["idempotency-key"]);
    expect(sessions).toEqual([`atrium:topup-4000:${accountId}:resend-me-123`, `atrium:topup-4000:${accountId}:resend-me-123`]);
    expect(seen.find((s) => s.path === "/v1/customers")?.headers["idempotency-key"]).toBe(`atrium:topup-customer:${accountId}:resend-me-123`);
  });

  it("keeps the local checkout closed next to a real Stripe key", async () => {
    const res = await fetch(`${api.url}/api/billing/local-checkout/cs_local_anything.sig`);
    expect(res.status).toBe(404);
  });
});

describe("production without Stripe", () => {
  it("offers no top-ups, no local checkout, and trusts no event signed with the public dev secret", async () => {
    const prod = await startTestApi({ NODE_ENV: "production", SESSION_SECRET: "p".repeat(40), BOOTSTRAP_ADMIN_PASSWORD: "a-strong-admin-pass" });
    try {
      const tenant = await newTenant(prod, "prod");
      const topup = await rest(prod, tenant.owner.token, "POST", "/billing/topup/session/", { amountDollars: 50, accountId: tenant.account.id });
      expect(topup.status).toBe(412);
      expect(topup.body.message).toMatch(/not configured/);
      expect((await fetch(`${prod.url}/api/billing/local-checkout/cs_local_x.y`)).status).toBe(404);
      const payload = JSON.stringify({ id: "evt_x", type: "checkout.session.completed", created: 1, data: { object: {} } });
      const hook = await fetch(`${prod.url}/api/billing/webhook/`, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": stripeBillingService.signWebhookPayload(payload, "whsec_local_dev_secret") },
        body: payload,
      });
      expect(hook.status).toBe(503);
    } finally {
      await prod.close();
    }
  });
});
