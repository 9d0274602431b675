import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditReserve, type TJob, type TJobEstimate } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call } from "../test-transports.js";
import { billingTenant } from "./billing.test-helpers.js";
import { jobRoutes as R, priceComputeAt, textDocument } from "./job.test-helpers.js";

// No worker runs here: admitted jobs stay queued, so what they will cost stays committed.
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false", BILLING_WARN_CREDIT_LIMIT_CENTS: "1000" });
  // $1 a compute second: a noop of 3 × 1 s is estimated at exactly 300 ¢.
  await priceComputeAt(api.svc.db, 100_000);
});
afterAll(async () => {
  await api?.close();
});

const NOOP_300 = { type: "noop", input: { steps: 3, stepMs: 1000 } };

/** Ten creates at once, as a script would fire them; answers in any order. */
async function burst(token: string) {
  const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => call(api.url, i % 2 ? "trpc" : "rest", R.create, NOOP_300, bearer(token))));
  return { admitted: answers.filter((a) => a.status === 200).map((a) => a.data as TJob), refused: answers.filter((a) => a.status === 402) };
}

const jobsOf = (accountId: string) => api.svc.db.select().from(schema.jobs).where(eq(schema.jobs.accountId, accountId));

describe("paid jobs can't run a tenant into unbounded debt", () => {
  it("starts a new tenant on `block`: nothing runs on an empty reserve", async () => {
    const t = await billingTenant(api, "fresh");
    const r = await call(api.url, "rest", R.create, NOOP_300, bearer(t.owner.token));
    expect(r.status).toBe(402);
    expect(r.error?.message).toMatch(/^Insufficient balance: balance \$0\.00, estimated cost \$3\.00/);
    expect(await jobsOf(t.account.id)).toEqual([]);
  });

  it("under `warn`, admits a burst only down to minus the credit limit, counting jobs already queued", async () => {
    const t = await billingTenant(api, "warn");
    await t.owner.call.billing.updateProfile({ lowBalancePolicy: "warn" });
    const { admitted, refused } = await burst(t.owner.token);
    // 0 → −3 → −6 → −9 $; a fourth would reach −12 $, past the −10 $ limit.
    expect(admitted).toHaveLength(3);
    expect(refused).toHaveLength(7);
    expect(refused[0]?.error?.message).toMatch(/^Credit limit reached: balance \$0\.00 \(\$9\.00 of it committed to queued and running jobs\), estimated cost \$3\.00; the warn policy lets the balance go down to -\$10\.00/);
    expect(await jobsOf(t.account.id)).toHaveLength(3);

    // Cancelling one frees its share; a top-up raises the ceiling.
    await call(api.url, "rest", R.cancel, { id: admitted[0]?.id }, bearer(t.owner.token));
    expect((await call(api.url, "rest", R.create, NOOP_300, bearer(t.owner.token))).status).toBe(200);
    expect((await call(api.url, "rest", R.create, NOOP_300, bearer(t.owner.token))).status).toBe(402);
    await creditReserve(api.svc.db, { accountId: t.account.id, amountCents: 600, idempotencyKey: `top:${t.account.id}`, reason: "top-up" });
    expect((await burst(t.owner.token)).admitted).toHaveLength(2);
  });

  it("under `block`, a burst can't spend the same balance twice", async () => {
    const t = await billingTenant(api, "block");
    await creditReserve(api.svc.db, { accountId: t.account.id, amountCents: 700, idempotencyKey: `seed:${t.account.id}`, reason: "seed" });
    const { admitted, refused } = await burst(t.owner.token);
    expect(admitted).toHaveLength(2);
    expect(refused).toHaveLength(8);
    expect(refused[0]?.error?.message).toMatch(/^Insufficient balance: balance \$7\.00 \(\$6\.00 of it committed to queued and running jobs\)/);
  });

  it("estimates a document past ANALYZER_MAX_TEXT_CHARS at what the analyzer will read, not at its whole length", async () => {
    const t = await billingTenant(api, "long");
    const atCap = await textDocument(api.svc.db, t.account.id, "a".repeat(api.svc.config.ANALYZER_MAX_TEXT_CHARS));
    const huge = await textDocument(api.svc.db, t.account.id, "a".repeat(api.svc.config.ANALYZER_MAX_TEXT_CHARS * 5));
    const estimate = async (documentId: string) => ((await call(api.url, "rest", R.estimate, { type: "document_analysis", documentId }, bearer(t.owner.token))).data as TJobEstimate).estimatedCents;
    expect(await estimate(huge)).toBe(await estimate(atCap));
  });
});
