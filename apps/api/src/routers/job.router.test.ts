import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TJob, TJobEstimate, TJobEventList, TJobPage, TQueueStatus } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { billingTenant } from "./billing.test-helpers.js";
import { jobRoutes as R, textDocument } from "./job.test-helpers.js";
import { newUser } from "./tenancy.test-helpers.js";

let api: TestApi;
let a: Awaited<ReturnType<typeof billingTenant>>;
let b: Awaited<ReturnType<typeof billingTenant>>;
let docA: string;
let docB: string;

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  // Default prices, untouched: even the free local analyzer's jobs cost whole cents, so a `block` policy has something to refuse.
  a = await billingTenant(api, "ja", ["viewer"]);
  b = await billingTenant(api, "jb");
  // New tenants start on `block`; these tests want jobs queued on an empty reserve, which `warn` allows (up to its credit limit).
  await a.owner.call.billing.updateProfile({ lowBalancePolicy: "warn" });
  docA = await textDocument(api.svc.db, a.account.id, "Jane Doe builds TypeScript services. She reduced costs by 20%.");
  docB = await textDocument(api.svc.db, b.account.id, "Someone else's document.");
});
afterAll(async () => {
  await api?.close();
});

const bullJob = (id: string) => api.svc.jobs?.queue("ai_analysis").getJob(id);
const transports: Transport[] = ["rest", "trpc"];

describe.each(transports)("jobs over %s", (transport) => {
  it("queues a job: a row, a job.queued event, a BullMQ job with the same id, and the policy's warning", async () => {
    const r = await call(api.url, transport, R.create, { type: "document_analysis", input: { documentId: docA } }, bearer(a.owner.token));
    expect(r.status).toBe(200);
    const job = r.data as TJob;
    expect(job).toMatchObject({ type: "document_analysis", status: "queued", accountId: a.account.id, input: { documentId: docA }, attempts: 0 });
    expect(job.estimatedCostCents).toBeGreaterThan(0);
    expect(job.spendWarning).toMatch(/doesn't cover the estimated cost/);
    expect((await bullJob(job.id))?.data).toEqual({ jobId: job.id });

    const ev = await call(api.url, transport, R.events, { id: job.id }, bearer(a.members.viewer?.token ?? ""));
    expect(ev.data).toMatchObject({ status: "queued", done: false, items: [{ seq: 1, type: "job.queued" }] });
    const after = await call(api.url, transport, R.events, { id: job.id, afterSeq: 1 }, bearer(a.owner.token));
    expect((after.data as TJobEventList).items).toEqual([]);
  });

  it("refuses bad input with field errors, and other tenants' documents and jobs as not found", async () => {
    const bad = await call(api.url, transport, R.create, { type: "document_analysis", input: { documentId: "nope" } }, bearer(a.owner.token));
    expect(bad.status).toBe(400);
    expect(bad.error?.fieldErrors).toEqual({ "input.documentId": ["documentId must be a document id"] });
    const unknownType = await call(api.url, transport, R.create, { type: "mine_bitcoin", input: {} }, bearer(a.owner.token));
    expect(unknownType.status).toBe(400);
    const foreign = await call(api.url, transport, R.create, { type: "document_analysis", input: { documentId: docB } }, bearer(a.owner.token));
    expect(foreign.status).toBe(404);
    const viewer = await call(api.url, transport, R.create, { type: "document_analysis", input: { documentId: docA } }, bearer(a.members.viewer?.token ?? ""));
    expect(viewer.status).toBe(403);

    const mine = (await call(api.url, transport, R.create, { type: "noop", input: {} }, bearer(a.owner.token))).data as TJob;
    expect((await call(api.url, transport, R.get, { id: mine.id }, bearer(b.owner.token))).status).toBe(404);
    expect((await call(api.url, transport, R.cancel, { id: mine.id }, bearer(b.owner.token))).status).toBe(404);
  });

  it("refuses to match a document against itself, in the estimate and on create, naming the job description field", async () => {
    const input = { resumeDocumentId: docA, jobDescriptionDocumentId: docA };
    const created = await call(api.url, transport, R.create, { type: "resume_match", input }, bearer(a.owner.token));
    expect(created.status).toBe(400);
    expect(created.error?.fieldErrors).toEqual({ "input.jobDescriptionDocumentId": ["Pick a different document than the resume"] });
    const estimate = await call(api.url, transport, R.estimate, { type: "resume_match", ...input }, bearer(a.owner.token));
    expect(estimate.status).toBe(400);
  });

  it("refuses interview transcription without a provider: 400 naming TRANSCRIPTION_BASE_URL, on create and in the estimate", async () => {
    const created = await call(api.url, transport, R.create, { type: "interview_transcription", input: { documentId: docA } }, bearer(a.owner.token));
    expect(created.status).toBe(400);
    expect(created.error?.fieldErrors).toEqual({ type: [expect.stringContaining("TRANSCRIPTION_BASE_URL")] });
    const estimate = await call(api.url, transport, R.estimate, { type: "interview_transcription", documentId: docA }, bearer(a.owner.token));
    expect(estimate.status).toBe(400);
    expect(estimate.error?.message).toContain("TRANSCRIPTION_BASE_URL");
  });

  it("under `block` with an empty reserve refuses with balance and estimate named, and writes and enqueues nothing", async () => {
    const t = await billingTenant(api, `block-${transport}`);
    const doc = await textDocument(api.svc.db, t.account.id, "A short resume.");
    await t.owner.call.billing.updateProfile({ lowBalancePolicy: "block" });
    const est = await call(api.url, transport, R.estimate, { type: "document_analysis", documentId: doc }, bearer(t.owner.token));
    expect(est.data).toMatchObject({ verdict: "blocked", allowed: false, balanceCents: 0, analyzer: "local", model: "local" } satisfies Partial<TJobEstimate>);
    const waitingBefore = await api.svc.jobs?.queue("ai_analysis").getWaitingCount();

    const r = await call(api.url, transport, R.create, { type: "document_analysis", input: { documentId: doc } }, bearer(t.owner.token));
    expect(r.status).toBe(402);
    expect(r.error?.message).toMatch(/^Insufficient balance: balance \$0\.00, estimated cost \$\d+\.\d\d\. Top up/);
    expect(await api.svc.db.select().from(schema.jobs).where(eq(schema.jobs.accountId, t.account.id))).toEqual([]);
    expect(await api.svc.jobs?.queue("ai_analysis").getWaitingCount()).toBe(waitingBefore);
  });

  it("cancels a queued job at once (its BullMQ job removed); a second cancel conflicts", async () => {
    const job = (await call(api.url, transport, R.create, { type: "noop", input: { steps: 1, stepMs: 10 } }, bearer(a.owner.token))).data as TJob;
    const r = await call(api.url, transport, R.cancel, { id: job.id }, bearer(a.owner.token));
    expect(r.data).toMatchObject({ status: "cancelled" });
    expect((r.data as TJob).finishedAt).not.toBeNull();
    expect(await bullJob(job.id)).toBeUndefined();
    const again = await call(api.url, transport, R.cancel, { id: job.id }, bearer(a.owner.token));
    expect(again.status).toBe(409);
    const ev = (await call(api.url, transport, R.events, { id: job.id }, bearer(a.owner.token))).data as TJobEventList;
    expect(ev.items.map((e) => e.type)).toEqual(["job.queued", "job.cancelled"]);
    expect(ev.done).toBe(true);
  });

  it("lists the account's jobs newest first, paged and filtered by status and type", async () => {
    const t = await billingTenant(api, `list-${transport}`);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(((await call(api.url, transport, R.create, { type: "noop", input: {} }, bearer(t.owner.token))).data as TJob).id);
    await call(api.url, transport, R.cancel, { id: ids[0] }, bearer(t.owner.token));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await call(api.url, transport, R.list, { limit: 2, ...(cursor ? { cursor } : {}) }, bearer(t.owner.token))).data as TJobPage;
      seen.push(...page.items.map((j) => j.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const cancelled = (await call(api.url, transport, R.list, { status: "cancelled" }, bearer(t.owner.token))).data as TJobPage;
    expect(cancelled.items.map((j) => j.id)).toEqual([ids[0]]);
    const none = (await call(api.url, transport, R.list, { type: "resume_match" }, bearer(t.owner.token))).data as TJobPage;
    expect(none.items).toEqual([]);
  });

  it("gives staff every tenant's jobs and the queues; others get 403", async () => {
    const staff = await newUser(api, `staff-jobs-${transport}`, { isStaff: true });
    const all = (await call(api.url, transport, R.systemJobs, { limit: 100 }, bearer(staff.token))).data as TJobPage;
    expect(new Set(all.items.map((j) => j.accountId))).toContain(a.account.id);
    const q = (await call(api.url, transport, R.queues, {}, bearer(staff.token))).data as TQueueStatus;
    expect(q.queues.map((x) => x.name)).toEqual(expect.arrayContaining(["ai_analysis", "document_processing"]));
    expect(q.queues.find((x) => x.name === "ai_analysis")?.waiting).toBeGreaterThan(0);
    expect((await call(api.url, transport, R.systemJobs, {}, bearer(a.owner.token))).status).toBe(403);
  });

  it("lets staff retry a cancelled job under the same id; a queued job can't be retried; others get 403", async () => {
    const staff = await newUser(api, `staff-retry-${transport}`, { isStaff: true });
    const job = (await call(api.url, transport, R.create, { type: "noop", input: {} }, bearer(a.owner.token))).data as TJob;
    expect((await call(api.url, transport, R.retry, { id: job.id }, bearer(staff.token))).status).toBe(409);
    await call(api.url, transport, R.cancel, { id: job.id }, bearer(a.owner.token));
    expect((await call(api.url, transport, R.retry, { id: job.id }, bearer(a.owner.token))).status).toBe(403);
    const retried = await call(api.url, transport, R.retry, { id: job.id }, bearer(staff.token));
    expect(retried.data).toMatchObject({ id: job.id, status: "queued", finishedAt: null });
    expect(await (await bullJob(job.id))?.getState()).toBe("waiting");
    const ev = (await call(api.url, transport, R.events, { id: job.id }, bearer(a.owner.token))).data as TJobEventList;
    expect(ev.items.map((e) => e.type)).toEqual(["job.queued", "job.cancelled", "job.retried"]);
  });
});

describe("noop jobs outside tests", () => {
  it("are refused to tenants (400 naming the field) unless ALLOW_NOOP_JOBS is on", async () => {
    const strict = await startTestApi({ RATE_LIMIT_ENABLED: "false", ALLOW_NOOP_JOBS: "false" });
    try {
      const t = await billingTenant(strict, "noop");
      for (const transport of transports) {
        const created = await call(strict.url, transport, R.create, { type: "noop", input: { steps: 20, stepMs: 60_000 } }, bearer(t.owner.token));
        expect(created.status).toBe(400);
        expect(created.error?.fieldErrors).toEqual({ type: ["The noop job type is disabled on this server"] });
        expect((await call(strict.url, transport, R.estimate, { type: "noop" }, bearer(t.owner.token))).status).toBe(400);
      }
      expect(await strict.svc.db.select().from(schema.jobs).where(eq(schema.jobs.accountId, t.account.id))).toEqual([]);
    } finally {
      await strict.close();
    }
  });
});
