import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { recordQueries } from "@atrium/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, type Db } from "@atrium/db";
import { ServiceError } from "../shared/errors.js";
import { newAccount, setPolicy, startBillingTestEnv, type BillingTestEnv } from "./billing.test-helpers.js";
import { applyLedgerEntry, creditReserve, debitReserve, ensureReserve, verifyLedger, type LockStrategy } from "./ledger.service.js";

let env: BillingTestEnv;
beforeAll(async () => {
  env = await startBillingTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const entriesOf = (accountId: string) => env.ctx.db.select().from(schema.ledgerEntries).where(eq(schema.ledgerEntries.accountId, accountId));
const balanceOf = async (accountId: string) => (await ensureReserve(env.ctx.db, accountId)).balanceCents;
const codeOf = (e: unknown) => (e instanceof ServiceError ? e.code : String(e));

describe.each<LockStrategy>(["update", "row_lock"])("ledger with strategy %s", (strategy) => {
  it("lets exactly 100 of 200 concurrent 1-cent debits through a 100-cent balance under block", async () => {
    const { accountId } = await newAccount(env.ctx);
    await setPolicy(env.ctx, accountId, { lowBalancePolicy: "block", lowBalanceThresholdCents: 0 });
    await creditReserve(env.ctx.db, { accountId, amountCents: 100, idempotencyKey: `seed:${accountId}`, reason: "seed", strategy });

    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => debitReserve(env.ctx.db, { accountId, amountCents: 1, idempotencyKey: `d:${accountId}:${i}`, reason: "test", strategy })),
    );
    const ok = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(ok).toHaveLength(100);
    expect(refused).toHaveLength(100);
    expect(new Set(refused.map((r) => codeOf(r.reason)))).toEqual(new Set(["PAYMENT_REQUIRED"]));
    expect(await balanceOf(accountId)).toBe(0);
    expect(await entriesOf(accountId)).toHaveLength(101);
    expect(await verifyLedger(env.ctx.db, accountId)).toEqual([]);
    // Every balance from 99 down to 0 appears once: no two debits saw the same balance.
    const afters = (await entriesOf(accountId)).filter((e) => e.type === "debit").map((e) => e.balanceAfterCents);
    expect(afters.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it("applies a credit once however often its key is sent, even concurrently", async () => {
    const { accountId } = await newAccount(env.ctx);
    const key = `topup:${randomUUID()}`;
    const first = await creditReserve(env.ctx.db, { accountId, amountCents: 5000, idempotencyKey: key, reason: "top-up", strategy });
    const again = await creditReserve(env.ctx.db, { accountId, amountCents: 5000, idempotencyKey: key, reason: "top-up", strategy });
    expect(first).toMatchObject({ applied: true, balanceCents: 5000 });
    expect(again).toMatchObject({ applied: false, balanceCents: 5000, entry: { id: first.entry.id } });

    const racing = `topup:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => creditReserve(env.ctx.db, { accountId, amountCents: 700, idempotencyKey: racing, strategy })));
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
    expect(await balanceOf(accountId)).toBe(5700);
    expect(await entriesOf(accountId)).toHaveLength(2);
    expect(await verifyLedger(env.ctx.db, accountId)).toEqual([]);
  });

  it("refuses an overdraft under block with both amounts, and allows it under warn", async () => {
    const { accountId } = await newAccount(env.ctx);
    await setPolicy(env.ctx, accountId, { lowBalancePolicy: "block" });
    await creditReserve(env.ctx.db, { accountId, amountCents: 50, idempotencyKey: `seed:${accountId}`, strategy });
    await expect(debitReserve(env.ctx.db, { accountId, amountCents: 100, idempotencyKey: `d1:${accountId}`, strategy })).rejects.toMatchObject({
      code: "PAYMENT_REQUIRED",
      message: "Insufficient balance: balance $0.50, needed $1.00",
    });
    await setPolicy(env.ctx, accountId, { lowBalancePolicy: "warn" });
    const r = await debitReserve(env.ctx.db, { accountId, amountCents: 100, idempotencyKey: `d2:${accountId}`, strategy });
    expect(r).toMatchObject({ applied: true, balanceCents: -50, entry: { amountCents: -100, balanceAfterCents: -50, type: "debit" } });
    // enforceNonNegative: true refuses whatever the policy.
    await expect(
      applyLedgerEntry(env.ctx.db, { accountId, type: "debit", amountCents: -1, idempotencyKey: `d3:${accountId}`, enforceNonNegative: true, strategy }),
    ).rejects.toMatchObject({ code: "PAYMENT_REQUIRED" });
    expect(await verifyLedger(env.ctx.db, accountId)).toEqual([]);
  });

  it("stops a policy-guarded debit at minus the credit limit under warn and limited, with or without a context", async () => {
    const limited = { ...env.ctx, config: { ...env.ctx.config, BILLING_WARN_CREDIT_LIMIT_CENTS: 1000 } };
    for (const policy of ["warn", "limited"] as const) {
      const { accountId } = await newAccount(env.ctx);
      await setPolicy(env.ctx, accountId, { lowBalancePolicy: policy, lowBalanceThresholdCents: 0 });
      const debit = (n: number, key: string, ctx = limited) => debitReserve(ctx.db, { accountId, amountCents: n, idempotencyKey: `${key}:${accountId}`, strategy }, ctx);
      expect((await debit(900, "a")).balanceCents).toBe(-900);
      await expect(debit(200, "b")).rejects.toMatchObject({ code: "PAYMENT_REQUIRED", message: "Insufficient balance: balance -$9.00, needed $2.00" });
      expect((await debit(100, "c")).balanceCents).toBe(-1000);
      await expect(debit(1, "d")).rejects.toMatchObject({ code: "PAYMENT_REQUIRED" });
      // Without a context the built-in limit (50 $) applies: still a floor, never unbounded.
      await expect(debitReserve(env.ctx.db, { accountId, amountCents: 4001, idempotencyKey: `e:${accountId}`, strategy })).rejects.toMatchObject({ code: "PAYMENT_REQUIRED" });
      expect(await verifyLedger(env.ctx.db, accountId)).toEqual([]);
    }
  });

  it("joins the caller's transaction: rolled back with it, nothing applied", async () => {
    const { accountId } = await newAccount(env.ctx);
    const key = `nested:${accountId}`;
    await expect(
      (env.ctx.db as Db).transaction(async (tx) => {
        await creditReserve(tx, { accountId, amountCents: 300, idempotencyKey: key, strategy });
        throw new Error("caller changed its mind");
      }),
    ).rejects.toThrow("caller changed its mind");
    expect(await balanceOf(accountId)).toBe(0);
    expect(await entriesOf(accountId)).toHaveLength(0);
    // And a replay inside a transaction doesn't poison it.
    await creditReserve(env.ctx.db, { accountId, amountCents: 300, idempotencyKey: key, strategy });
    await (env.ctx.db as Db).transaction(async (tx) => {
      expect((await creditReserve(tx, { accountId, amountCents: 300, idempotencyKey: key, strategy })).applied).toBe(false);
      await tx.execute(sql`select 1`);
    });
    expect(await balanceOf(accountId)).toBe(300);
  });
});

describe("ledger rules", () => {
  it("refuses a key reused for a different change, wrong signs and unknown accounts", async () => {
    const { accountId } = await newAccount(env.ctx);
    const key = `k:${accountId}`;
    await creditReserve(env.ctx.db, { accountId, amountCents: 100, idempotencyKey: key });
    await expect(creditReserve(env.ctx.db, { accountId, amountCents: 200, idempotencyKey: key })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(applyLedgerEntry(env.ctx.db, { accountId, type: "credit", amountCents: -5, idempotencyKey: "neg-credit" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(applyLedgerEntry(env.ctx.db, { accountId, type: "adjustment", amountCents: 0, idempotencyKey: "zero" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(applyLedgerEntry(env.ctx.db, { accountId, type: "debit", amountCents: 1.5, idempotencyKey: "frac" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(creditReserve(env.ctx.db, { accountId: randomUUID(), amountCents: 1, idempotencyKey: "ghost" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ensureReserve(env.ctx.db, randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers a replayed debit with its entry even when the balance could no longer cover it", async () => {
    const { accountId } = await newAccount(env.ctx);
    await setPolicy(env.ctx, accountId, { lowBalancePolicy: "block" });
    await creditReserve(env.ctx.db, { accountId, amountCents: 100, idempotencyKey: `c:${accountId}` });
    const first = await debitReserve(env.ctx.db, { accountId, amountCents: 80, idempotencyKey: `d:${accountId}` });
    const again = await debitReserve(env.ctx.db, { accountId, amountCents: 80, idempotencyKey: `d:${accountId}` });
    expect(again).toMatchObject({ applied: false, balanceCents: 20, entry: { id: first.entry.id } });
  });

  it("records type, reason, actor and related object, with signed amounts", async () => {
    const { accountId } = await newAccount(env.ctx);
    await creditReserve(env.ctx.db, { accountId, amountCents: 1000, idempotencyKey: `c:${accountId}`, reason: "Top-up", related: { type: "stripe_checkout", id: "cs_1" } });
    await creditReserve(env.ctx.db, { accountId, amountCents: 200, idempotencyKey: `r:${accountId}`, type: "refund", reason: "Refund of a failed run" });
    await debitReserve(env.ctx.db, { accountId, amountCents: 300, idempotencyKey: `d:${accountId}`, related: { type: "job_run", id: "run-1" } });
    await applyLedgerEntry(env.ctx.db, { accountId, type: "adjustment", amountCents: -50, idempotencyKey: `a:${accountId}`, reason: "Correction" });
    const rows = (await entriesOf(accountId)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    expect(rows.map((r) => [r.type, r.amountCents, r.balanceAfterCents])).toEqual([
      ["credit", 1000, 1000],
      ["refund", 200, 1200],
      ["debit", -300, 900],
      ["adjustment", -50, 850],
    ]);
    expect(rows[0]).toMatchObject({ reason: "Top-up", relatedType: "stripe_checkout", relatedId: "cs_1", currency: "usd" });
  });

  it("verifyLedger reports a balance that no longer matches its ledger", async () => {
    const { accountId } = await newAccount(env.ctx);
    await creditReserve(env.ctx.db, { accountId, amountCents: 100, idempotencyKey: `c:${accountId}` });
    expect(await verifyLedger(env.ctx.db, accountId)).toEqual([]);
    await env.ctx.db.update(schema.reserves).set({ balanceCents: 150 }).where(eq(schema.reserves.accountId, accountId));
    expect(await verifyLedger(env.ctx.db, accountId)).toEqual([{ accountId, balanceCents: 150, ledgerSumCents: 100, brokenEntries: 0 }]);
    expect((await verifyLedger(env.ctx.db)).map((m) => m.accountId)).toContain(accountId);
    await env.ctx.db.update(schema.reserves).set({ balanceCents: 100 }).where(eq(schema.reserves.accountId, accountId));
  });
});

describe("the one-statement debit", () => {
  it("is one prepared statement sending each value once, and answers with the entry exactly as stored", async () => {
    const { accountId } = await newAccount(env.ctx);
    await creditReserve(env.ctx.db, { accountId, amountCents: 1000, idempotencyKey: `c:${accountId}` });
    let result: Awaited<ReturnType<typeof debitReserve>> | undefined;
    const statements = await recordQueries(async () => {
      result = await debitReserve(env.ctx.db, { accountId, amountCents: 337, idempotencyKey: `d:${accountId}`, reason: "Run", actorId: null, related: { type: "job_run", id: "run-9" } });
    });
    expect(statements).toHaveLength(1);
    expect(statements[0]?.name).toMatch(/^ledger_apply_/);
    // The delta is used five times in the statement; it used to travel as five parameters.
    expect(statements[0]?.values?.filter((v) => v === -337)).toHaveLength(1);
    const [stored] = (await entriesOf(accountId)).filter((e) => e.type === "debit");
    expect(result).toMatchObject({ applied: true, balanceCents: 663 });
    expect(result?.entry).toEqual(stored);
    expect(stored).toMatchObject({ amountCents: -337, balanceAfterCents: 663, reason: "Run", relatedType: "job_run", relatedId: "run-9", currency: "usd" });
  });

  it("inside a caller's transaction (the webhook's retrying one) also answers with the entry as stored", async () => {
    const { accountId } = await newAccount(env.ctx);
    const result = await (env.ctx.db as Db).transaction((tx) =>
      creditReserve(tx, { accountId, amountCents: 450, idempotencyKey: `c:${accountId}`, reason: "Top-up", related: { type: "stripe_checkout", id: "cs_9" }, retriesOnConflict: true }),
    );
    expect(result.entry).toEqual((await entriesOf(accountId))[0]);
  });
});
