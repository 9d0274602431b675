import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AnalyzerError, createLocalAnalyzer, creditReserve, jobService, type Analyzer, type JobActor, type ServiceContext } from "@atrium/core";
import { schema } from "@atrium/db";
import type { RunningWorker } from "../../index.js";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../../testing.js";
import { createJob, debitsOf, eventsOf, producerContext, setComputePrice, tenant, uploadFixture, waitForStatus } from "./analysis.test-helpers.js";

let env: TestWorkerEnv;
let svc: ServiceContext;
let closeProducers: () => Promise<void>;
let dataDir: string;
let t: { accountId: string; actor: JobActor };
/** One worker per test, so a test's analyzer is the only one taking its jobs. */
let worker: RunningWorker | undefined;
const startWorker = async (analyzer?: Analyzer) => (worker = await env.start(analyzer ? { analyzer } : {}));

/** The local analyzer, except that the first `failures` document analyses throw `error`. */
function flaky(failures: number, error: Error): Analyzer {
  const local = createLocalAnalyzer();
  let left = failures;
  return {
    ...local,
    analyzeDocument: async (text) => {
      if (left-- > 0) throw error;
      return local.analyzeDocument(text);
    },
  };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-analysis-"));
  env = await createTestWorkerEnv({ DATA_DIR: dataDir, JOB_RETRY_BASE_MS: "50" });
  ({ svc, close: closeProducers } = producerContext(env));
  // $1 per compute second: even a fast local run costs whole cents, so the debit is visible.
  await setComputePrice(svc, 100_000);
  t = await tenant(svc);
  await creditReserve(svc.db, { accountId: t.accountId, amountCents: 100_000, idempotencyKey: `seed:${t.accountId}`, reason: "seed" });
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});
afterAll(async () => {
  await closeProducers?.();
  await env?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("analysis pipeline", () => {
  it("runs document_analysis on a real PDF: queued → running → success, events in order, result filled, debited once", async () => {
    await startWorker();
    const documentId = await uploadFixture(svc, t.accountId, "resume.pdf", "application/pdf");
    const created = await createJob(svc, t.actor, "document_analysis", { documentId });
    const job = await waitForStatus(svc, t.actor, created.id, ["success", "failed"]);
    expect(job.status, job.error ?? "").toBe("success");

    const events = await eventsOf(svc, t.actor, job.id);
    expect(events.map((e) => [e.type, e.data.step ?? null])).toEqual([
      ["job.queued", null],
      ["job.running", null],
      ["step", "extract_text"],
      ["step", "analyze"],
      ["llm.call", null],
      ["job.succeeded", null],
    ]);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events[4]?.data).toMatchObject({ provider: "local", model: "local", attempts: 1 });
    expect(events[2]?.durationMs).toBeGreaterThanOrEqual(0);

    expect(job.result).toMatchObject({ documentId, summary: expect.any(String), keywords: expect.any(Array), entities: expect.any(Array), readAs: "other" });
    // A one-line profile has no tone worth a number: sentiment is only for transcripts (and worklogs).
    expect(job.result).not.toHaveProperty("sentiment");
    expect(String(job.result?.summary).length).toBeGreaterThan(10);
    expect((job.result?.keywords as string[]).length).toBeGreaterThan(0);
    const [doc] = await svc.db.select().from(schema.documents).where(eq(schema.documents.id, documentId));
    expect(doc?.extractionStatus).toBe("done");

    const debits = await debitsOf(svc, job.id);
    expect(debits).toHaveLength(1);
    expect(debits[0]).toMatchObject({ type: "debit", amountCents: -(job.costCents ?? 0) });
    expect(job.costCents).toBeGreaterThan(0);
    expect(events.at(-1)?.costCents).toBe(job.costCents);
  });

  it("stops a running job at its next step when cancelled: cancelled, never succeeded, never charged", async () => {
    await startWorker();
    const created = await createJob(svc, t.actor, "noop", { steps: 10, stepMs: 200 });
    await waitFor(async () => (await eventsOf(svc, t.actor, created.id)).some((e) => e.type === "step"), { what: "a first step" });
    const signalled = await jobService.cancelJob(svc, t.actor, created.id);
    expect(signalled).toMatchObject({ status: "running" });
    expect(signalled.cancelRequestedAt).not.toBeNull();
    const job = await waitForStatus(svc, t.actor, created.id, ["cancelled", "success", "failed"]);
    expect(job.status).toBe("cancelled");
    const types = (await eventsOf(svc, t.actor, job.id)).map((e) => e.type);
    expect(types.at(-1)).toBe("job.cancelled");
    expect(types).toContain("job.cancel_requested");
    expect(types).not.toContain("job.succeeded");
    expect(types.filter((x) => x === "step").length).toBeLessThan(10);
    expect(await debitsOf(svc, job.id)).toEqual([]);
  });

  it("retries a transient analyzer failure with a job.retry event, then succeeds", async () => {
    await startWorker(flaky(1, new AnalyzerError("the model API answered 429 after 3 attempts", true)));
    const documentId = await uploadFixture(svc, t.accountId, "resume.pdf", "application/pdf");
    const created = await createJob(svc, t.actor, "document_analysis", { documentId });
    const job = await waitForStatus(svc, t.actor, created.id, ["success", "failed"]);
    expect(job.status).toBe("success");
    expect(job.attempts).toBe(2);
    const events = await eventsOf(svc, t.actor, job.id);
    const retry = events.find((e) => e.type === "job.retry");
    expect(retry?.message).toMatch(/^The analyzer failed: the model API answered 429 after 3 attempts; retrying in/);
    expect(events.filter((e) => e.type === "job.running")).toHaveLength(2);
    expect(await debitsOf(svc, job.id)).toHaveLength(1);
  });

  it("fails at once (no retry) when the analyzer answers malformed JSON, with a message fit for users", async () => {
    await startWorker(flaky(99, new AnalyzerError("the model answered with malformed JSON", false)));
    const documentId = await uploadFixture(svc, t.accountId, "resume.pdf", "application/pdf");
    const bad = await waitForStatus(svc, t.actor, (await createJob(svc, t.actor, "document_analysis", { documentId })).id, ["success", "failed"]);
    expect(bad).toMatchObject({ status: "failed", attempts: 1, error: "The analyzer failed: the model answered with malformed JSON" });
  });

  it("fails on an internal error with a helpful message for the user, and keeps the cause for staff only", async () => {
    await startWorker(flaky(99, new TypeError("Cannot read properties of undefined (reading 'tokens')")));
    const documentId = await uploadFixture(svc, t.accountId, "resume.pdf", "application/pdf");
    const job = await waitForStatus(svc, t.actor, (await createJob(svc, t.actor, "document_analysis", { documentId })).id, ["success", "failed"]);
    // The tenant's read: what happened and what to do, no internals.
    expect(job).toMatchObject({ status: "failed", errorCause: null });
    expect(job.error).toMatch(/^Something went wrong on our side while running this job\. Run it again/);
    const [row] = await svc.db.select().from(schema.jobs).where(eq(schema.jobs.id, job.id));
    expect(row?.errorCause).toBe("TypeError: Cannot read properties of undefined (reading 'tokens')");
    const events = await eventsOf(svc, t.actor, job.id);
    expect(JSON.stringify(events)).not.toContain("TypeError");
  });

  it("fails a job whose document is not a readable PDF, without retrying", async () => {
    await startWorker();
    const documentId = await uploadFixture(svc, t.accountId, "image-named.pdf", "application/pdf");
    const job = await waitForStatus(svc, t.actor, (await createJob(svc, t.actor, "document_analysis", { documentId })).id, ["success", "failed"]);
    expect(job.status).toBe("failed");
    expect(job.attempts).toBe(1);
    expect(job.error).toMatch(/^Could not read the text of image-named\.pdf/);
    expect(job.error).not.toMatch(/\n\s+at /);
  });
});
