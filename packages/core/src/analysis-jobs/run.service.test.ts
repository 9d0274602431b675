import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { createLocalAnalyzer } from "../analyzers/local/local.analyzer.js";
import { newAccount, startBillingTestEnv, type BillingTestEnv } from "../billing/billing.test-helpers.js";
import { creditReserve } from "../billing/ledger.service.js";
import { runAnalysisJob, type RunAttempt } from "./run.service.js";
import type { RunDeps } from "./run.steps.js";

// The run as core runs it, on a real database; the queue's side of a delivery is a plain object
// (the worker's tests drive the same service through BullMQ).
let env: BillingTestEnv;
let deps: RunDeps;
const firstAttempt: RunAttempt = { attemptsMade: 0, last: false, postpone: async () => {} };

beforeAll(async () => {
  env = await startBillingTestEnv();
  deps = { ...env.ctx, analyzer: createLocalAnalyzer() };
  // A compute second at $10, so the noop job's declared wait costs real money and is debited.
  await env.ctx.db.update(schema.prices).set({ unitPriceMillicents: 1_000_000 }).where(eq(schema.prices.item, "compute"));
});
afterAll(async () => {
  await env?.close();
});

/** A queued noop job as createJob leaves it: the row and its job.queued event. */
async function queuedNoop(accountId: string, input: Record<string, unknown>): Promise<string> {
  const [job] = await env.ctx.db.insert(schema.jobs).values({ accountId, type: "noop", input }).returning();
  if (!job) throw new Error("no job");
  await env.ctx.db.insert(schema.jobEvents).values({ jobId: job.id, accountId, seq: 1, type: "job.queued", message: "Queued" });
  return job.id;
}

/** xmin is the id of the (sub)transaction that wrote the row version: equal xmins mean one transaction. */
const xmin = sql<string>`xmin::text`;
/** now() is the start of the transaction (savepoints included), to the microsecond: equal stamps mean one transaction. */
const stamp = (col: unknown) => sql<string>`${col}::text`;

describe("runAnalysisJob", () => {
  it("writes the finish (status, result, usage cost, ledger debit, last buffered events) in one transaction, and events in order", async () => {
    const { accountId } = await newAccount(env.ctx);
    await creditReserve(env.ctx.db, { accountId, amountCents: 10_000, idempotencyKey: `seed-${accountId}` });
    const jobId = await queuedNoop(accountId, { steps: 3, stepMs: 10 });

    const out = await runAnalysisJob(deps, firstAttempt, jobId);
    expect(out).toEqual({ status: "success", costCents: 30 });

    const [job] = await env.ctx.db.select({ status: schema.jobs.status, costCents: schema.jobs.costCents, tx: xmin, at: stamp(schema.jobs.updatedAt) }).from(schema.jobs).where(eq(schema.jobs.id, jobId));
    const events = await env.ctx.db.select({ seq: schema.jobEvents.seq, type: schema.jobEvents.type, message: schema.jobEvents.message, tx: xmin }).from(schema.jobEvents).where(eq(schema.jobEvents.jobId, jobId)).orderBy(asc(schema.jobEvents.seq));
    const [cost] = await env.ctx.db.select({ at: stamp(schema.usageCosts.occurredAt), tx: xmin }).from(schema.usageCosts).where(eq(schema.usageCosts.runId, jobId));
    const debits = await env.ctx.db.select({ amountCents: schema.ledgerEntries.amountCents, tx: xmin }).from(schema.ledgerEntries).where(and(eq(schema.ledgerEntries.relatedId, jobId), eq(schema.ledgerEntries.type, "debit")));

    expect(job).toMatchObject({ status: "success", costCents: 30 });
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, "job.queued"],
      [2, "job.running"],
      [3, "step"],
      [4, "step"],
      [5, "step"],
      [6, "job.succeeded"],
    ]);
    expect(events.slice(2, 5).map((e) => e.message.split(" ")[0])).toEqual(["wait_1", "wait_2", "wait_3"]);
    expect(debits.map((d) => d.amountCents)).toEqual([-30]);
    // One transaction: the job's final row and its usage cost share the transaction's now(); the debit is
    // written in the usage cost's savepoint (same xmin); the events buffered since the last step boundary
    // were written by the job row's own statement (same xmin).
    expect(cost?.at).toBe(job?.at);
    expect(debits[0]?.tx).toBe(cost?.tx);
    expect(events.filter((e) => e.tx === job?.tx).map((e) => e.seq)).toEqual([5, 6]);
    // Buffered, not one statement per event: each step's event went out with the next step's boundary.
    // (queued, running, wait_1 with wait_2's boundary, wait_2 with wait_3's, wait_3 with the finish: 5 writes for 6 events.)
    expect(new Set(events.map((e) => e.tx)).size).toBe(5);
  });

  it("finishes a free run (status, result, last events, usage record) with one statement", async () => {
    const { accountId } = await newAccount(env.ctx);
    const jobId = await queuedNoop(accountId, {});
    expect(await runAnalysisJob(deps, firstAttempt, jobId)).toEqual({ status: "success", costCents: 0 });
    const [job] = await env.ctx.db.select({ status: schema.jobs.status, result: schema.jobs.result, tx: xmin }).from(schema.jobs).where(eq(schema.jobs.id, jobId));
    const events = await env.ctx.db.select({ type: schema.jobEvents.type, tx: xmin }).from(schema.jobEvents).where(eq(schema.jobEvents.jobId, jobId)).orderBy(asc(schema.jobEvents.seq));
    const costs = await env.ctx.db.select({ totalCents: schema.usageCosts.totalCents, tx: xmin }).from(schema.usageCosts).where(eq(schema.usageCosts.runId, jobId));
    expect(job).toMatchObject({ status: "success", result: { steps: 0, lineItems: [] } });
    expect(events.map((e) => e.type)).toEqual(["job.queued", "job.running", "job.succeeded"]);
    expect(costs).toEqual([{ totalCents: 0, tx: job?.tx }]);
    expect(events[2]?.tx).toBe(job?.tx);
    expect(await env.ctx.db.select().from(schema.ledgerEntries).where(eq(schema.ledgerEntries.relatedId, jobId))).toEqual([]);
  });

  it("runs of concurrent jobs share their statements: one transaction starts them all, one statement finishes them all", async () => {
    // Group commit (job-writes.ts): deliveries that arrive together are started in one transaction and finished
    // in one statement; before it, each run had its own (six starts, six finishes: twelve transactions).
    const { accountId } = await newAccount(env.ctx);
    const other = await newAccount(env.ctx);
    const ids = await Promise.all([accountId, accountId, accountId, other.accountId, other.accountId, other.accountId].map((a) => queuedNoop(a, {})));
    const roomy: RunDeps = { ...deps, config: { ...deps.config, JOBS_MAX_RUNNING_PER_TENANT: 10 } };
    const outcomes = await Promise.all(ids.map((id) => runAnalysisJob(roomy, firstAttempt, id)));
    expect(outcomes).toEqual(ids.map(() => ({ status: "success", costCents: 0 })));

    const rows = await env.ctx.db.select({ id: schema.jobs.id, status: schema.jobs.status, attempts: schema.jobs.attempts, tx: xmin }).from(schema.jobs).where(inArray(schema.jobs.id, ids));
    const events = await env.ctx.db.select({ jobId: schema.jobEvents.jobId, seq: schema.jobEvents.seq, type: schema.jobEvents.type, tx: xmin }).from(schema.jobEvents).where(inArray(schema.jobEvents.jobId, ids)).orderBy(asc(schema.jobEvents.seq));
    const costs = await env.ctx.db.select({ runId: schema.usageCosts.runId, tx: xmin }).from(schema.usageCosts).where(inArray(schema.usageCosts.runId, ids));
    // Each job's own timeline is whole and in order, numbered from 1.
    for (const id of ids) expect(events.filter((e) => e.jobId === id).map((e) => [e.seq, e.type])).toEqual([[1, "job.queued"], [2, "job.running"], [3, "job.succeeded"]]);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ["success", 1]));
    const txOf = (type: string) => new Set(events.filter((e) => e.type === type).map((e) => e.tx));
    expect(txOf("job.running").size).toBe(1);
    expect(txOf("job.succeeded").size).toBe(1);
    // The finish statement moved every job and wrote every usage record with the last events.
    expect(new Set([...rows.map((r) => r.tx), ...costs.map((c) => c.tx)])).toEqual(txOf("job.succeeded"));
    expect(costs).toHaveLength(ids.length);
  });

  it("starts a batch within each tenant's running cap, in the order the deliveries came", async () => {
    // Cap 2: of one tenant's four deliveries arriving together, the first two start and the rest wait (delayed).
    const capped: RunDeps = { ...deps, config: { ...deps.config, JOBS_MAX_RUNNING_PER_TENANT: 2 } };
    const { accountId } = await newAccount(env.ctx);
    // Created one after another, delivered newest first: arrival order, not creation order, decides.
    const created: string[] = [];
    for (let i = 0; i < 4; i++) created.push(await queuedNoop(accountId, {}));
    const ids = [...created].reverse();
    const postponed: string[] = [];
    const outcomes = await Promise.allSettled(ids.map((id) => runAnalysisJob(capped, { ...firstAttempt, postpone: async () => void postponed.push(id) }, id)));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected"]);
    // Which ones were postponed, each once; not in which order: each writes its job.waiting note and
    // publishes it on its own before it postpones, so they finish in whatever order those round trips do.
    expect([...postponed].sort()).toEqual(ids.slice(2).sort());
    const rows = await env.ctx.db.select({ id: schema.jobs.id, status: schema.jobs.status }).from(schema.jobs).where(inArray(schema.jobs.id, ids));
    expect(ids.map((id) => rows.find((r) => r.id === id)?.status)).toEqual(["success", "success", "queued", "queued"]);
  });

  it("a second delivery of a finished job changes nothing and charges nothing more", async () => {
    const { accountId } = await newAccount(env.ctx);
    await creditReserve(env.ctx.db, { accountId, amountCents: 10_000, idempotencyKey: `seed-${accountId}` });
    const jobId = await queuedNoop(accountId, { steps: 1, stepMs: 10 });
    await runAnalysisJob(deps, firstAttempt, jobId);
    expect(await runAnalysisJob(deps, { ...firstAttempt, attemptsMade: 1 }, jobId)).toEqual({ status: "success", skipped: true });
    const debits = await env.ctx.db.select().from(schema.ledgerEntries).where(and(eq(schema.ledgerEntries.relatedId, jobId), eq(schema.ledgerEntries.type, "debit")));
    expect(debits).toHaveLength(1);
  });

  it("a job whose stored input no longer fits its type's contract fails for good with a message, not a crash", async () => {
    const { accountId } = await newAccount(env.ctx);
    const jobId = await queuedNoop(accountId, { steps: "three" });
    await expect(runAnalysisJob(deps, firstAttempt, jobId)).rejects.toThrow(/no longer valid/);
    const [job] = await env.ctx.db.select().from(schema.jobs).where(eq(schema.jobs.id, jobId));
    expect(job).toMatchObject({ status: "failed" });
    expect(job?.error).toMatch(/no longer valid/);
  });
});
