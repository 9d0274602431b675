import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobActor, ServiceContext, TJob } from "@atrium/core";
import { schema } from "@atrium/db";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../../testing.js";
import { createJob, eventsOf, producerContext, setComputePrice, tenant, waitForStatus } from "./analysis.test-helpers.js";

const CAP = 2;
let env: TestWorkerEnv;
let svc: ServiceContext;
let closeProducers: () => Promise<void>;
let a: { accountId: string; actor: JobActor };
let b: { accountId: string; actor: JobActor };

beforeAll(async () => {
  // Four job slots per worker, two workers: eight in all, but a tenant may hold only two.
  env = await createTestWorkerEnv({ ANALYSIS_CONCURRENCY: "4", JOBS_MAX_RUNNING_PER_TENANT: String(CAP) });
  ({ svc, close: closeProducers } = producerContext(env));
  await setComputePrice(svc, 0);
  a = await tenant(svc);
  b = await tenant(svc);
});
afterAll(async () => {
  await closeProducers?.();
  await env?.close();
});

/** The most of these [start, end) intervals that overlap at any instant. */
function maxOverlap(runs: Array<{ startedAt: Date; finishedAt: Date }>): number {
  const edges = runs.flatMap((r) => [
    { t: r.startedAt.getTime(), d: 1 },
    { t: r.finishedAt.getTime(), d: -1 },
  ]);
  edges.sort((x, y) => x.t - y.t || x.d - y.d);
  let now = 0;
  let most = 0;
  for (const e of edges) most = Math.max(most, (now += e.d));
  return most;
}

describe("per-tenant fairness", () => {
  it("caps a tenant's running jobs across workers, and another tenant's job finishes before that backlog drains", async () => {
    const aJobs: TJob[] = [];
    for (let i = 0; i < 10; i++) aJobs.push(await createJob(svc, a.actor, "noop", { steps: 2, stepMs: 300 }));
    const bJob = await createJob(svc, b.actor, "noop", { steps: 1, stepMs: 50 });
    await Promise.all([env.start(), env.start()]);

    // Sampled while the backlog drains: never more than CAP of A's jobs running at once.
    let mostRunning = 0;
    await waitFor(
      async () => {
        const rows = await svc.db.select({ status: schema.jobs.status }).from(schema.jobs).where(inArray(schema.jobs.id, aJobs.map((j) => j.id)));
        mostRunning = Math.max(mostRunning, rows.filter((r) => r.status === "running").length);
        return rows.every((r) => r.status === "success");
      },
      { timeoutMs: 60_000, intervalMs: 20, what: "tenant A's backlog to drain" },
    );
    expect(mostRunning).toBeGreaterThan(0);
    expect(mostRunning).toBeLessThanOrEqual(CAP);

    const done = await Promise.all(aJobs.map((j) => waitForStatus(svc, a.actor, j.id, ["success"])));
    const bDone = await waitForStatus(svc, b.actor, bJob.id, ["success"]);
    const runs = done.map((j) => ({ startedAt: new Date(j.startedAt ?? ""), finishedAt: new Date(j.finishedAt ?? "") }));
    // The recorded runs agree with the samples: at most CAP at any instant, and they did run in parallel.
    expect(maxOverlap(runs)).toBe(CAP);
    // B queued last, behind ten of A's jobs, yet finished before A's last one.
    const lastA = Math.max(...runs.map((r) => r.finishedAt.getTime()));
    expect(new Date(bDone.finishedAt ?? "").getTime()).toBeLessThan(lastA);
    // Waiting at the cap spends no attempt: every job ran exactly once.
    expect(done.map((j) => j.attempts)).toEqual(done.map(() => 1));
    const timelines = await Promise.all(aJobs.map((j) => eventsOf(svc, a.actor, j.id)));
    for (const events of timelines) expect(events.filter((e) => e.type === "job.running")).toHaveLength(1);
    // Jobs that had to wait say so, once, before they ran.
    const waited = timelines.filter((events) => events.some((e) => e.type === "job.waiting"));
    expect(waited.length).toBeGreaterThan(0);
    for (const events of waited) {
      expect(events.filter((e) => e.type === "job.waiting")).toHaveLength(1);
      expect(events.findIndex((e) => e.type === "job.waiting")).toBeLessThan(events.findIndex((e) => e.type === "job.running"));
    }
  }, 90_000);
});
