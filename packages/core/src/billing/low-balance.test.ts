import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { lowBalanceEmails, newAccount, setPolicy, startBillingTestEnv, type BillingTestEnv } from "./billing.test-helpers.js";
import { applyLedgerEntry, creditReserve, debitReserve, type LockStrategy } from "./ledger.service.js";
import { checkSpend, verdictFor } from "./low-balance.service.js";

let env: BillingTestEnv;
beforeAll(async () => {
  env = await startBillingTestEnv({ BILLING_CHEAP_JOB_TYPES: "notification, worklog.summary" });
});
afterAll(async () => {
  await env?.close();
});

const notifiedAt = async (accountId: string) =>
  (await env.ctx.db.select().from(schema.reserves).where(eq(schema.reserves.accountId, accountId)))[0]?.lowBalanceNotifiedAt ?? null;

describe.each<LockStrategy>(["update", "row_lock"])("low-balance notice (%s)", (strategy) => {
  it("emails the owners once when a debit crosses under the threshold, again only after the balance recovered", async () => {
    const { accountId, ownerEmails } = await newAccount(env.ctx, { owners: 2 });
    await setPolicy(env.ctx, accountId, { lowBalancePolicy: "warn", lowBalanceThresholdCents: 1000 });
    const debit = (n: number, i: number) => debitReserve(env.ctx.db, { accountId, amountCents: n, idempotencyKey: `d:${accountId}:${i}`, strategy }, env.ctx);
    await creditReserve(env.ctx.db, { accountId, amountCents: 1500, idempotencyKey: `c1:${accountId}`, strategy }, env.ctx);

    await debit(400, 1); // 1100: still above
    expect(await lowBalanceEmails(env.ctx, accountId)).toHaveLength(0);
    await debit(200, 2); // 900: crosses
    await debit(100, 3); // 800
    await Promise.all([4, 5, 6, 7, 8].map((i) => debit(50, i))); // 550, concurrently
    const first = await lowBalanceEmails(env.ctx, accountId);
    expect(first.map((e) => e.toAddress).sort()).toEqual([...ownerEmails].sort());
    expect(first[0]?.subject).toBe("Your Atrium balance is low ($9.00)");
    expect(first[0]?.text).toContain("http://atrium.test/billing");
    expect(await notifiedAt(accountId)).not.toBeNull();

    // A credit that leaves it under the threshold keeps the episode open; one that lifts it over ends it.
    await creditReserve(env.ctx.db, { accountId, amountCents: 100, idempotencyKey: `c2:${accountId}`, strategy }, env.ctx); // 650
    expect(await notifiedAt(accountId)).not.toBeNull();
    await creditReserve(env.ctx.db, { accountId, amountCents: 1000, idempotencyKey: `c3:${accountId}`, strategy }, env.ctx); // 1650
    expect(await notifiedAt(accountId)).toBeNull();
    await debit(1000, 9); // 650: crosses again
    expect(await lowBalanceEmails(env.ctx, accountId)).toHaveLength(4);
  });

  it("sends nothing when the debit fails", async () => {
    const { accountId } = await newAccount(env.ctx);
    await setPolicy(env.ctx, accountId, { lowBalancePolicy: "block", lowBalanceThresholdCents: 1000 });
    await creditReserve(env.ctx.db, { accountId, amountCents: 1200, idempotencyKey: `c:${accountId}`, strategy }, env.ctx);
    await expect(debitReserve(env.ctx.db, { accountId, amountCents: 5000, idempotencyKey: `d:${accountId}`, strategy }, env.ctx)).rejects.toMatchObject({ code: "PAYMENT_REQUIRED" });
    await expect(
      applyLedgerEntry(env.ctx.db, { accountId, type: "adjustment", amountCents: -500, idempotencyKey: `a:${accountId}`, strategy, withinTx: () => Promise.reject(new Error("audit failed")) }, env.ctx),
    ).rejects.toThrow("audit failed");
    expect(await lowBalanceEmails(env.ctx, accountId)).toHaveLength(0);
    expect(await notifiedAt(accountId)).toBeNull();
  });
});

describe("new reserves", () => {
  it("start on BILLING_DEFAULT_POLICY: block unless configured otherwise", async () => {
    const blocked = await newAccount(env.ctx);
    expect(await checkSpend(env.ctx, blocked.accountId, { estimatedCents: 1, jobType: "document.analyze" })).toMatchObject({ policy: "block", allowed: false, verdict: "blocked" });
    const lenient = { ...env.ctx, config: { ...env.ctx.config, BILLING_DEFAULT_POLICY: "warn" as const } };
    const warned = await newAccount(env.ctx);
    expect(await checkSpend(lenient, warned.accountId, { estimatedCents: 1, jobType: "document.analyze" })).toMatchObject({ policy: "warn", allowed: true, verdict: "warn" });
  });
});

describe("checkSpend", () => {
  const reserve = (policy: "block" | "warn" | "limited", balanceCents: number) => ({ balanceCents, currency: "usd", lowBalancePolicy: policy, lowBalanceThresholdCents: 1000 });
  const cheap = ["notification"];

  it("block refuses estimates over the balance, naming both", () => {
    expect(verdictFor(reserve("block", 500), 800, "document.analyze", cheap)).toMatchObject({
      allowed: false,
      verdict: "blocked",
      message: "Insufficient balance: balance $5.00, estimated cost $8.00. Top up to run this job.",
    });
    expect(verdictFor(reserve("block", 5000), 800, "document.analyze", cheap)).toMatchObject({ allowed: true, verdict: "ok", message: null });
    expect(verdictFor(reserve("block", 900), 800, "document.analyze", cheap)).toMatchObject({ allowed: true, verdict: "warn" });
  });

  it("warn allows everything and flags shortfalls", () => {
    expect(verdictFor(reserve("warn", 500), 800, "document.analyze", cheap)).toMatchObject({ allowed: true, verdict: "warn", message: expect.stringContaining("$8.00") });
    expect(verdictFor(reserve("warn", 5000), 800, "document.analyze", cheap)).toMatchObject({ allowed: true, verdict: "ok" });
    // ...down to minus the credit limit, counting what queued jobs have committed.
    expect(verdictFor(reserve("warn", 0), 800, "document.analyze", cheap, { creditLimitCents: 1000 })).toMatchObject({ allowed: true });
    expect(verdictFor(reserve("warn", 0), 800, "document.analyze", cheap, { creditLimitCents: 1000, pendingCents: 300 })).toMatchObject({ allowed: false, verdict: "blocked", message: expect.stringMatching(/^Credit limit reached/) });
    expect(verdictFor(reserve("limited", 0), 1, "notification", cheap, { creditLimitCents: 0 })).toMatchObject({ allowed: false, verdict: "blocked" });
  });

  it("limited runs only cheap job types once the balance is low", () => {
    expect(verdictFor(reserve("limited", 500), 1, "document.analyze", cheap)).toMatchObject({ allowed: false, verdict: "limited_blocked", message: expect.stringContaining("notification") });
    expect(verdictFor(reserve("limited", 500), 1, "notification", cheap)).toMatchObject({ allowed: true, verdict: "warn" });
    expect(verdictFor(reserve("limited", 5000), 800, "document.analyze", cheap)).toMatchObject({ allowed: true, verdict: "ok" });
  });

  it("reads the account's reserve and the configured cheap job types", async () => {
    const { accountId } = await newAccount(env.ctx);
    await setPolicy(env.ctx, accountId, { lowBalancePolicy: "limited", lowBalanceThresholdCents: 1000 });
    await creditReserve(env.ctx.db, { accountId, amountCents: 300, idempotencyKey: `c:${accountId}` });
    expect(await checkSpend(env.ctx, accountId, { estimatedCents: 10, jobType: "worklog.summary" })).toMatchObject({ allowed: true, balanceCents: 300, policy: "limited" });
    expect(await checkSpend(env.ctx, accountId, { estimatedCents: 10, jobType: "document.analyze" })).toMatchObject({ allowed: false, verdict: "limited_blocked" });
    await expect(checkSpend(env.ctx, accountId, { estimatedCents: -1, jobType: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
