import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobQueues, QUEUES, SESSION_JOBS, type JobQueues } from "@atrium/core/queues";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../testing.js";

let env: TestWorkerEnv;
let queues: JobQueues;
beforeAll(async () => {
  env = await createTestWorkerEnv();
  queues = createJobQueues({ connection: env.redis, prefix: env.config.REDIS_PREFIX });
  await env.start();
});
afterAll(async () => {
  await queues?.close();
  await env?.close();
});

/** Adds straight to the queue, skipping the typed helper, as a drifted producer would. */
async function failedJob(name: string, data: unknown) {
  const queue = queues.queue(QUEUES.maintenance);
  const { id = "" } = await queue.add(name, data, { attempts: 3, backoff: { type: "fixed", delay: 10 } });
  await waitFor(async () => (await queue.getJobState(id)) === "failed", { what: `job ${name} to fail` });
  // Read the job only once it has failed, so attemptsMade is the final count.
  return waitFor(() => queue.getJob(id), { what: `job ${name}` });
}

describe("payload validation", () => {
  it("fails a bad payload once, without retries", async () => {
    const job = await failedJob(SESSION_JOBS.purgeExpired, { olderThan: "yesterday" });
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/invalid payload for sessions\.purge-expired/);
  });

  it("fails an unknown job name once, without retries", async () => {
    const job = await failedJob("sessions.nope", {});
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/no processor/);
  });

  it("refuses a bad payload at the producer, before it reaches Redis", async () => {
    const count = () => queues.queue(QUEUES.maintenance).getJobCountByTypes("wait", "delayed", "active", "completed", "failed");
    const before = await count();
    await expect(queues.enqueue(SESSION_JOBS.purgeExpired, { olderThan: 1 } as never)).rejects.toThrow();
    expect(await count()).toBe(before);
  });
});
