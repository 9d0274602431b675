import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyLedgerEntry, type TMetricsSummary } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call } from "../test-transports.js";
import { billingRoutes as R, billingTenant } from "./billing.test-helpers.js";
import { newUser, type TestUser } from "./tenancy.test-helpers.js";

let api: TestApi;
let staff: TestUser;
let tenant: Awaited<ReturnType<typeof billingTenant>>;

const at = (s: string) => new Date(s);

/**
 * The fixture, March 2025 (all amounts in cents), with each subscription's
 * monthly value worked out by hand:
 *   s1 month 2,900                    started Jan 15           → 2,900
 *   s2 year 120,000                   started 2024-06-01       → 10,000
 *   s3 week 1,500                     Feb 1 – canceled Mar 10 12:00 → 1,500 × 52 / 12 = 6,500
 *   s4 every 3 months 5,000           started Mar 15           → 1,666.67
 *   s5 month 1,000 trialing           never counts
 *   s6 month 4,000                    canceled Feb 20 (before the range)
 *   s7 month 2,000                    Jan 1 – canceled Apr 10 (after the range) → 2,000
 * Active on Mar 1: s1 s2 s3 s7 = 4; canceled in March among them: s3 → churn 1/4 = 0.25.
 * MRR at the end of Mar 31: 2,900 + 10,000 + 1,666.67 + 2,000 = 16,566.67 → 16,567; ARR 12 × 16,567 = 198,804.
 * Active at the end: s1 s2 s4 s7 = 4.
 * Series: Mar 1–9: 2,900 + 10,000 + 6,500 + 2,000 = 21,400; Mar 10–14: 14,900; Mar 15–31: 16,567.
 * Top-ups (Checkout credits): 5,000 on Mar 5, 2,500 on Mar 20 → 7,500 (a manual credit, an adjustment and an April top-up don't count).
 */
const SUBS = [
  { id: "sub_1", plan: "starter", amountCents: 2900, interval: "month", intervalCount: 1, status: "active", startedAt: at("2025-01-15T00:00:00Z"), canceledAt: null },
  { id: "sub_2", plan: "annual", amountCents: 120_000, interval: "year", intervalCount: 1, status: "active", startedAt: at("2024-06-01T00:00:00Z"), canceledAt: null },
  { id: "sub_3", plan: "weekly", amountCents: 1500, interval: "week", intervalCount: 1, status: "canceled", startedAt: at("2025-02-01T00:00:00Z"), canceledAt: at("2025-03-10T12:00:00Z") },
  { id: "sub_4", plan: "quarterly", amountCents: 5000, interval: "month", intervalCount: 3, status: "active", startedAt: at("2025-03-15T00:00:00Z"), canceledAt: null },
  { id: "sub_5", plan: "trial", amountCents: 1000, interval: "month", intervalCount: 1, status: "trialing", startedAt: at("2025-02-01T00:00:00Z"), canceledAt: null },
  { id: "sub_6", plan: "starter", amountCents: 4000, interval: "month", intervalCount: 1, status: "canceled", startedAt: at("2024-12-01T00:00:00Z"), canceledAt: at("2025-02-20T00:00:00Z") },
  { id: "sub_7", plan: "starter", amountCents: 2000, interval: "month", intervalCount: 1, status: "canceled", startedAt: at("2025-01-01T00:00:00Z"), canceledAt: at("2025-04-10T00:00:00Z") },
];

async function ledgerAt(when: string, entry: Parameters<typeof applyLedgerEntry>[1]) {
  const { entry: row } = await applyLedgerEntry(api.svc.db, entry);
  await api.svc.db.update(schema.ledgerEntries).set({ createdAt: at(when) }).where(eq(schema.ledgerEntries.id, row.id));
}

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  staff = await newUser(api, "finance", { isStaff: true });
  tenant = await billingTenant(api, "metrics");
  const accountId = tenant.account.id;
  await api.svc.db.insert(schema.subscriptions).values(SUBS.map((s) => ({ ...s, accountId, customerId: "cus_1", lastEventAt: s.startedAt })));
  const checkout = (id: string) => ({ type: "stripe_checkout", id });
  await ledgerAt("2025-03-05T10:00:00Z", { accountId, type: "credit", amountCents: 5000, idempotencyKey: "m1", related: checkout("cs_1") });
  await ledgerAt("2025-03-20T23:59:00Z", { accountId, type: "credit", amountCents: 2500, idempotencyKey: "m2", related: checkout("cs_2") });
  await ledgerAt("2025-03-20T10:00:00Z", { accountId, type: "credit", amountCents: 9999, idempotencyKey: "m3", reason: "manual" });
  await ledgerAt("2025-03-21T10:00:00Z", { accountId, type: "adjustment", amountCents: 1000, idempotencyKey: "m4", related: checkout("cs_x") });
  await ledgerAt("2025-04-02T10:00:00Z", { accountId, type: "credit", amountCents: 7000, idempotencyKey: "m5", related: checkout("cs_3") });
});
afterAll(async () => {
  await api?.close();
});

describe("system metrics summary", () => {
  it("matches the hand-computed MRR, ARR, churn and top-up revenue for March 2025", async () => {
    const r = await call(api.url, "rest", R.metrics, { startDate: "2025-03-01", endDate: "2025-03-31" }, bearer(staff.token));
    expect(r.status).toBe(200);
    const m = r.data as TMetricsSummary;
    expect({ ...m, series: undefined }).toEqual({
      startDate: "2025-03-01",
      endDate: "2025-03-31",
      mrr: 16_567,
      arr: 198_804,
      churnRate: 0.25,
      activeSubscriptions: 4,
      activeAtStart: 4,
      canceledInRange: 1,
      topupRevenueCents: 7_500,
      series: undefined,
    });
    expect(m.series).toHaveLength(31);
    const day = (d: string) => m.series.find((p) => p.day === d);
    expect(day("2025-03-01")).toEqual({ day: "2025-03-01", mrr: 21_400, topupCents: 0 });
    expect(day("2025-03-05")).toEqual({ day: "2025-03-05", mrr: 21_400, topupCents: 5_000 });
    expect(day("2025-03-09")?.mrr).toBe(21_400);
    expect(day("2025-03-10")?.mrr).toBe(14_900);
    expect(day("2025-03-14")?.mrr).toBe(14_900);
    expect(day("2025-03-15")?.mrr).toBe(16_567);
    expect(day("2025-03-20")).toEqual({ day: "2025-03-20", mrr: 16_567, topupCents: 2_500 });
    expect(day("2025-03-31")?.mrr).toBe(16_567);
  });

  it("answers the same over tRPC, and for another range", async () => {
    // February: active on Feb 1 are s1 s2 s3 s6 s7 (s3 starts that instant; s5 is a trial) = 5; s6 canceled Feb 20 → 0.2.
    // MRR at the end of Feb 28: s1 2,900 + s2 10,000 + s3 6,500 + s7 2,000 = 21,400.
    const r = await call(api.url, "trpc", R.metrics, { startDate: "2025-02-01", endDate: "2025-02-28" }, bearer(staff.token));
    expect(r.data).toMatchObject({ mrr: 21_400, arr: 256_800, churnRate: 0.2, activeAtStart: 5, canceledInRange: 1, topupRevenueCents: 0 });
  });

  it("is for staff only and validates dates", async () => {
    expect((await call(api.url, "rest", R.metrics, {}, bearer(tenant.owner.token))).status).toBe(403);
    const bad = await call(api.url, "rest", R.metrics, { startDate: "2025-03-31", endDate: "2025-03-01" }, bearer(staff.token));
    expect(bad.status).toBe(400);
    expect(bad.error?.fieldErrors).toHaveProperty("endDate");
    // No subscriptions and no top-ups: zeros, not errors.
    const empty = await call(api.url, "rest", R.metrics, { startDate: "2020-01-01", endDate: "2020-01-02" }, bearer(staff.token));
    expect(empty.data).toMatchObject({ mrr: 0, arr: 0, churnRate: 0, activeSubscriptions: 0, series: [{ mrr: 0, topupCents: 0 }, { mrr: 0, topupCents: 0 }] });
  });
});
