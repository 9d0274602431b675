import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "@atrium/core";
import { QUEUES } from "@atrium/core/queues";
import { schema } from "@atrium/db";
import { createTestWorkerEnv, type TestWorkerEnv } from "../../testing.js";
import { createJob, producerContext, tenant } from "./analysis.test-helpers.js";

// Admission is a group commit too (job-admission.ts): creates that arrive together are judged and written in one
// transaction. The order of judgement under a burst is proven by the api's job-credit tests.
let env: TestWorkerEnv;
let svc: ServiceContext;
let closeProducers: () => Promise<void>;

beforeAll(async () => {
  env = await createTestWorkerEnv();
  ({ svc, close: closeProducers } = producerContext(env));
});
afterAll(async () => {
  await closeProducers?.();
  await env?.close();
});

const xmin = sql<string>`xmin::text`;

describe("job admission", () => {
  it("admits creates that arrive together in one transaction: every job, its job.queued event and its audit row", async () => {
    const a = await tenant(svc);
    const b = await tenant(svc);
    const created = await Promise.all([a, b, a, b, a].map((x) => createJob(svc, x.actor, "noop", {})));
    const ids = created.map((j) => j.id);
    expect(created.map((j) => [j.status, j.accountId])).toEqual([a, b, a, b, a].map((x) => ["queued", x.accountId]));

    const jobs = await svc.db.select({ id: schema.jobs.id, tx: xmin }).from(schema.jobs).where(inArray(schema.jobs.id, ids));
    const events = await svc.db.select({ jobId: schema.jobEvents.jobId, seq: schema.jobEvents.seq, type: schema.jobEvents.type, tx: xmin }).from(schema.jobEvents).where(inArray(schema.jobEvents.jobId, ids));
    const audits = await svc.db.select({ targetId: schema.auditEvents.targetId, eventType: schema.auditEvents.eventType, tx: xmin }).from(schema.auditEvents).where(inArray(schema.auditEvents.targetId, ids));
    expect(events.map((e) => [e.seq, e.type])).toEqual(ids.map(() => [1, "job.queued"]));
    expect(audits.map((r) => r.eventType).sort()).toEqual(ids.map(() => "job.created"));
    // Before, each create was its own transaction: five xmins here.
    expect(new Set([...jobs, ...events, ...audits].map((r) => r.tx)).size).toBe(1);
    // And each was queued on BullMQ under its own id.
    for (const id of ids) expect(await svc.jobs?.queue(QUEUES.ai_analysis).getJob(id)).toBeTruthy();
  });
});
