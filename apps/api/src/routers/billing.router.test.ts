import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditReserve, debitReserve, type TBillingProfile, type TLedgerPage, type TReserveBalance } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { billingRoutes as R, billingTenant } from "./billing.test-helpers.js";
import { newUser } from "./tenancy.test-helpers.js";

let api: TestApi;
let a: Awaited<ReturnType<typeof billingTenant>>;
let b: Awaited<ReturnType<typeof billingTenant>>;

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  a = await billingTenant(api, "a", ["admin", "viewer"]);
  b = await billingTenant(api, "b");
});
afterAll(async () => {
  await api?.close();
});

const transports: Transport[] = ["rest", "trpc"];

describe.each(transports)("billing over %s", (transport) => {
  it("shows a new account's empty reserve, then its balance in cents and dollars", async () => {
    const t = await billingTenant(api, `fresh-${transport}`);
    const empty = await call(api.url, transport, R.balance, {}, bearer(t.owner.token));
    expect(empty.status).toBe(200);
    expect(empty.data).toEqual({
      accountId: t.account.id,
      balanceCents: 0,
      balanceDollars: 0,
      currency: "USD",
      isLow: true,
      // New tenants start on BILLING_DEFAULT_POLICY, `block` by default: no paid work on credit.
      policy: "block",
      thresholdCents: 1000,
      paymentFailed: false,
    } satisfies TReserveBalance);
    await creditReserve(api.svc.db, { accountId: t.account.id, amountCents: 5050, idempotencyKey: `seed:${t.account.id}`, reason: "Top-up" });
    const r = await call(api.url, transport, R.balance, { accountId: t.account.id }, bearer(t.owner.token));
    expect(r.data).toMatchObject({ balanceCents: 5050, balanceDollars: 50.5, isLow: false });
  });

  it("pages the ledger newest first and filters by type", async () => {
    const t = await billingTenant(api, `ledger-${transport}`);
    const accountId = t.account.id;
    await creditReserve(api.svc.db, { accountId, amountCents: 1000, idempotencyKey: `c1:${accountId}`, reason: "first", related: { type: "stripe_checkout", id: "cs_1" } });
    for (let i = 0; i < 4; i++) await debitReserve(api.svc.db, { accountId, amountCents: 10 + i, idempotencyKey: `d${i}:${accountId}`, reason: `run ${i}` });
    const seen: TLedgerPage["items"] = [];
    let cursor: string | null = null;
    do {
      const r = await call(api.url, transport, R.ledger, { limit: 2, ...(cursor ? { cursor } : {}) }, bearer(t.owner.token));
      expect(r.status).toBe(200);
      const page = r.data as TLedgerPage;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((e) => [e.type, e.amountCents, e.balanceAfterCents])).toEqual([
      ["debit", -13, 954],
      ["debit", -12, 967],
      ["debit", -11, 979],
      ["debit", -10, 990],
      ["credit", 1000, 1000],
    ]);
    expect(seen.at(-1)).toMatchObject({ reason: "first", relatedType: "stripe_checkout", relatedId: "cs_1", actorUsername: null, createdAt: expect.any(String) });
    const credits = await call(api.url, transport, R.ledger, { type: "credit" }, bearer(t.owner.token));
    expect((credits.data as TLedgerPage).items.map((e) => e.type)).toEqual(["credit"]);
    const bad = await call(api.url, transport, R.ledger, { type: "gift", limit: 0 }, bearer(t.owner.token));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.error?.fieldErrors ?? {}).sort()).toEqual(["limit", "type"]);
  });

  it("lets account admins change the policy and threshold (audited), members only read them", async () => {
    const patch = { lowBalancePolicy: "block" as const, lowBalanceThresholdCents: 2500 };
    const r = await call(api.url, transport, R.updateProfile, patch, bearer(a.members.admin?.token ?? ""));
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ accountId: a.account.id, ...patch } satisfies Partial<TBillingProfile>);
    const got = await call(api.url, transport, R.profile, { accountId: a.account.id }, bearer(a.members.viewer?.token ?? ""));
    expect(got.data).toMatchObject(patch);
    const balance = await call(api.url, transport, R.balance, {}, bearer(a.members.viewer?.token ?? ""));
    expect(balance.data).toMatchObject({ policy: "block", thresholdCents: 2500 });
    const denied = await call(api.url, transport, R.updateProfile, { lowBalancePolicy: "warn" }, bearer(a.members.viewer?.token ?? ""));
    expect(denied.status).toBe(403);
    const audits = await api.svc.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.eventType, "billing.profile_updated"), eq(schema.auditEvents.accountId, a.account.id)));
    expect(audits.at(-1)?.details).toMatchObject({ lowBalancePolicy: { to: "block" }, lowBalanceThresholdCents: { to: 2500 } });
    await call(api.url, transport, R.updateProfile, { lowBalancePolicy: "warn", lowBalanceThresholdCents: 1000 }, bearer(a.owner.token));
  });

  it("refuses bad profile input with field errors", async () => {
    const r = await call(api.url, transport, R.updateProfile, { lowBalancePolicy: "panic", lowBalanceThresholdCents: -5 }, bearer(a.owner.token));
    expect(r.status).toBe(400);
    expect(r.error?.fieldErrors).toMatchObject({ lowBalancePolicy: [expect.stringContaining("block, warn, limited")], lowBalanceThresholdCents: ["Threshold can't be negative"] });
    // $99,999,999 was once accepted: the contract now stops at $1,000,000.
    const huge = await call(api.url, transport, R.updateProfile, { lowBalanceThresholdCents: 99_999_999_00 }, bearer(a.owner.token));
    expect(huge.status).toBe(400);
    expect(huge.error?.fieldErrors).toEqual({ lowBalanceThresholdCents: ["Threshold can be at most $1,000,000"] });
  });

  it("answers another tenant's account as not found, on every billing procedure", async () => {
    const other = { accountId: b.account.id };
    for (const route of [R.balance, R.ledger, R.profile, R.updateProfile]) {
      const r = await call(api.url, transport, route, route === R.updateProfile ? { ...other, lowBalancePolicy: "block" } : other, bearer(a.owner.token));
      expect([route.trpc, r.status, r.error?.code]).toEqual([route.trpc, 404, "NOT_FOUND"]);
    }
    const unknown = await call(api.url, transport, R.balance, { accountId: "00000000-0000-4000-8000-000000000000" }, bearer(a.owner.token));
    expect(unknown.status).toBe(404);
  });
});

describe("billing edge cases", () => {
  it("asks a user without any account which one they mean", async () => {
    const loner = await newUser(api, "loner");
    const r = await call(api.url, "rest", R.balance, {}, bearer(loner.token));
    expect(r.status).toBe(400);
    expect(r.error?.fieldErrors).toHaveProperty("accountId");
  });

  it("requires authentication", async () => {
    expect((await call(api.url, "rest", R.balance, {})).status).toBe(401);
  });

  it("lets staff read any tenant's balance", async () => {
    const staff = await newUser(api, "billing-staff", { isStaff: true });
    const r = await call(api.url, "rest", R.balance, { accountId: b.account.id }, bearer(staff.token));
    expect(r).toMatchObject({ status: 200, data: { accountId: b.account.id } });
  });
});
