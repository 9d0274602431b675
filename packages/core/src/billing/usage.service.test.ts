import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { newAccount, startBillingTestEnv, type BillingTestEnv } from "./billing.test-helpers.js";
import { creditReserve, ensureReserve, verifyLedger } from "./ledger.service.js";
import { ensureDefaultPrices, priceUsage } from "./pricing.service.js";
import { recordRunCost } from "./usage.service.js";

let env: BillingTestEnv;
beforeAll(async () => {
  env = await startBillingTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe("priceUsage", () => {
  it("prices tokens per model, storage and compute, rounding the total half up once", async () => {
    const priced = await priceUsage(env.ctx.db, {
      llm: [
        { model: "gpt-4o-mini", inputTokens: 1_000_000, outputTokens: 100_000 },
        { model: "gpt-4o-mini", inputTokens: 234_567, outputTokens: 0 },
        { model: "local", inputTokens: 5000, outputTokens: 5000 },
      ],
      storageGbMonths: 0.01,
      computeSeconds: 12.5,
    });
    // By hand, in thousandths of a cent: 1,234,567 × 15,000 / 1M = 18,518.505; 100,000 × 60,000 / 1M = 6,000;
    // local 0 + 0; storage 0.01 × 10,000 = 100; compute 12.5 × 10 = 125. Sum 24,743.505 = 24.743505 cents → 25.
    expect(priced.totalCents).toBe(25);
    expect(priced.lineItems).toEqual([
      { item: "gpt-4o-mini input", quantity: 1.234567, unit: "1M input tokens", unitPriceCents: 15, amountCents: 18.518505 },
      { item: "gpt-4o-mini output", quantity: 0.1, unit: "1M output tokens", unitPriceCents: 60, amountCents: 6 },
      { item: "local input", quantity: 0.005, unit: "1M input tokens", unitPriceCents: 0, amountCents: 0 },
      { item: "local output", quantity: 0.005, unit: "1M output tokens", unitPriceCents: 0, amountCents: 0 },
      { item: "storage", quantity: 0.01, unit: "GB-month", unitPriceCents: 10, amountCents: 0.1 },
      { item: "compute", quantity: 12.5, unit: "second", unitPriceCents: 0.01, amountCents: 0.125 },
    ]);
  });

  it("charges a job type's compute per run and per 1,000 characters read: a typical résumé match is a few cents", async () => {
    await ensureDefaultPrices(env.ctx.db);
    // ≈5K-char résumé + ≈3K-char job description: 2,000 per run + 8,000 × 500 / 1K = 6,000 thousandths = 6 cents.
    const priced = await priceUsage(env.ctx.db, { llm: [{ model: "local", inputTokens: 2200, outputTokens: 300 }], charsRead: { jobType: "resume_match", chars: 8000 } });
    expect(priced.totalCents).toBe(6);
    expect(priced.lineItems.filter((l) => l.item === "compute:resume_match")).toEqual([
      { item: "compute:resume_match", quantity: 1, unit: "job run", unitPriceCents: 2, amountCents: 2 },
      { item: "compute:resume_match", quantity: 8, unit: "1K characters read", unitPriceCents: 0.5, amountCents: 4 },
    ]);
    await expect(priceUsage(env.ctx.db, { charsRead: { jobType: "mystery_job", chars: 10 } })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("compute:mystery_job") });
  });

  it("rounds exactly half a cent up and 0.4999 down", async () => {
    // 100,000 × 15,000 / 1M = 1,500 thousandths = 1.5 cents.
    expect((await priceUsage(env.ctx.db, { llm: [{ model: "gpt-4o-mini", inputTokens: 100_000, outputTokens: 0 }] })).totalCents).toBe(2);
    // 99,999 tokens: 1.499985 cents.
    expect((await priceUsage(env.ctx.db, { llm: [{ model: "gpt-4o-mini", inputTokens: 99_999, outputTokens: 0 }] })).totalCents).toBe(1);
    expect((await priceUsage(env.ctx.db, { llm: [{ model: "local", inputTokens: 10 ** 9, outputTokens: 10 ** 9 }] })).totalCents).toBe(0);
  });

  it("refuses unknown models and negative quantities; a changed price survives re-seeding", async () => {
    await expect(priceUsage(env.ctx.db, { llm: [{ model: "mystery-9000", inputTokens: 1, outputTokens: 1 }] })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("mystery-9000") });
    await expect(priceUsage(env.ctx.db, { computeSeconds: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await env.ctx.db.update(schema.prices).set({ unitPriceMillicents: 20 }).where(eq(schema.prices.item, "compute"));
    await ensureDefaultPrices(env.ctx.db);
    expect((await priceUsage(env.ctx.db, { computeSeconds: 100 })).totalCents).toBe(2);
    await env.ctx.db.update(schema.prices).set({ unitPriceMillicents: 10 }).where(eq(schema.prices.item, "compute"));
  });
});

describe("recordRunCost", () => {
  it("charges a retried run once, at its first recorded cost", async () => {
    const { accountId } = await newAccount(env.ctx);
    await creditReserve(env.ctx.db, { accountId, amountCents: 1000, idempotencyKey: `c:${accountId}` });
    const runId = randomUUID();
    const priced = await priceUsage(env.ctx.db, { llm: [{ model: "gpt-4o", inputTokens: 100_000, outputTokens: 20_000 }] }); // 25 + 20 = 45 cents
    expect(priced.totalCents).toBe(45);
    const first = await recordRunCost(env.ctx.db, { accountId, runId, jobType: "document.analyze", ...priced }, env.ctx);
    expect(first).toMatchObject({ totalCents: 45, debited: true, balanceCents: 955 });
    const retry = await recordRunCost(env.ctx.db, { accountId, runId, jobType: "document.analyze", lineItems: priced.lineItems, totalCents: 60 }, env.ctx);
    expect(retry).toMatchObject({ usageCostId: first.usageCostId, totalCents: 45, debited: false, balanceCents: 955 });

    const racing = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => recordRunCost(env.ctx.db, { accountId, runId: racing, jobType: "worklog.summary", ...priced })));
    expect(results.filter((r) => r.debited)).toHaveLength(1);
    expect(new Set(results.map((r) => r.usageCostId)).size).toBe(1);
    expect((await ensureReserve(env.ctx.db, accountId)).balanceCents).toBe(910);
    const debits = await env.ctx.db.select().from(schema.ledgerEntries).where(eq(schema.ledgerEntries.accountId, accountId));
    expect(debits.filter((d) => d.type === "debit").map((d) => [d.idempotencyKey, d.relatedType, d.amountCents]).sort()).toEqual(
      [
        [`run:${runId}`, "job_run", -45],
        [`run:${racing}`, "job_run", -45],
      ].sort(),
    );
    expect(await env.ctx.db.select().from(schema.usageCosts).where(eq(schema.usageCosts.accountId, accountId))).toHaveLength(2);
    expect(await verifyLedger(env.ctx.db, accountId)).toEqual([]);
  });

  it("charges after the work even under block, and records free runs without a debit", async () => {
    const { accountId } = await newAccount(env.ctx);
    await env.ctx.db.insert(schema.reserves).values({ accountId, lowBalancePolicy: "block" });
    const charged = await recordRunCost(env.ctx.db, { accountId, runId: randomUUID(), jobType: "document.analyze", lineItems: [], totalCents: 30 });
    expect(charged).toMatchObject({ debited: true, balanceCents: -30 });
    const free = await recordRunCost(env.ctx.db, { accountId, runId: randomUUID(), jobType: "notification", lineItems: [] });
    expect(free).toMatchObject({ totalCents: 0, debited: false, balanceCents: null });
    expect(await env.ctx.db.select().from(schema.usageCosts).where(eq(schema.usageCosts.accountId, accountId))).toHaveLength(2);
  });
});
