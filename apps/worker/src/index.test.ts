import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heartbeatKey, listHeartbeats } from "@atrium/core/system";
import { createJobQueues, QUEUES, SESSION_JOBS } from "@atrium/core/queues";
import { startWorker } from "./index.js";
import { defineProcessor } from "./processors/base.js";
import { maintenanceQueue } from "./queues/maintenance.queue.js";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "./testing.js";

let env: TestWorkerEnv;
beforeAll(async () => {
  env = await createTestWorkerEnv({ WORKER_HEARTBEAT_SECONDS: "1" });
});
afterAll(async () => {
  await env?.close();
});

describe("startWorker", () => {
  it("keeps a heartbeat with a TTL while running and removes it on stop", async () => {
    const prefix = env.config.REDIS_PREFIX;
    const worker = await env.start();
    const [beat] = await listHeartbeats(env.redis, prefix);
    expect(beat).toMatchObject({ id: worker.id, pid: process.pid, queues: [QUEUES.maintenance, QUEUES.notifications, QUEUES.document_processing, QUEUES.ai_analysis] });
    const ttl = await env.redis.ttl(heartbeatKey(prefix, worker.id));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(3);

    // It beats again within one interval.
    const first = beat?.lastSeenAt ?? "";
    await waitFor(async () => ((await listHeartbeats(env.redis, prefix))[0]?.lastSeenAt ?? "") > first, { timeoutMs: 3000, what: "a second beat" });

    await worker.stop();
    expect(await env.redis.exists(heartbeatKey(prefix, worker.id))).toBe(0);
    expect(await listHeartbeats(env.redis, prefix)).toEqual([]);
  });

  it("lets an active job finish before stop() resolves", async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let finished = false;
    const slow = defineProcessor(SESSION_JOBS.purgeExpired, async () => {
      await gate;
      finished = true;
    });
    // The queue's other jobs keep their real processors: startup insists every job has one.
    const others = maintenanceQueue.processors.filter((p) => p.job !== SESSION_JOBS.purgeExpired);
    const worker = await startWorker(env.deps, [{ name: QUEUES.maintenance, concurrency: () => 1, processors: [slow, ...others], schedules: () => [] }]);
    const queues = createJobQueues({ connection: env.redis, prefix: env.config.REDIS_PREFIX });
    try {
      const { id } = await queues.enqueue(SESSION_JOBS.purgeExpired, {});
      const queue = queues.queue(QUEUES.maintenance);
      await waitFor(async () => (await queue.getJobState(id)) === "active", { what: "the job to become active" });

      const stopped = worker.stop();
      setTimeout(release, 300);
      await stopped;
      expect(finished).toBe(true);
      expect(await queue.getJobState(id)).toBe("completed");
    } finally {
      release();
      await worker.stop();
      await queues.close();
    }
  });
});
