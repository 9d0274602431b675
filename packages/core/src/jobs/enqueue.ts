import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import { JOBS, type JobInput, type JobName, type QueueName } from "./queues.js";
import { bullmqTelemetry } from "../tracing/tracing-state.service.js";

/**
 * Retries with backoff for transient failures; finished jobs are trimmed so
 * Redis doesn't grow without bound, but recent failures stay for inspection.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
};

export interface JobQueues {
  /** The queue object for a name, created on first use and then reused. */
  queue: (name: QueueName) => Queue;
  /** Validates the payload with the job's schema, then adds it to the job's queue. */
  enqueue: <N extends JobName>(name: N, payload: JobInput<N>, opts?: JobsOptions) => Promise<{ id: string }>;
  close: () => Promise<void>;
}

/**
 * Producers' handle on the queues. `connection` is an ioredis client with
 * `maxRetriesPerRequest: null`; it stays the caller's to close. `prefix` is
 * REDIS_PREFIX so several deployments (or test files) can share one Redis.
 */
export function createJobQueues(opts: { connection: Redis; prefix: string }): JobQueues {
  const queues = new Map<QueueName, Queue>();
  const queue = (name: QueueName): Queue => {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: opts.connection, prefix: opts.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS, telemetry: bullmqTelemetry() });
      queues.set(name, q);
    }
    return q;
  };
  return {
    queue,
    enqueue: async (name, payload, jobOpts) => {
      const def = JOBS[name];
      const data = def.payload.parse(payload);
      const job = await queue(def.queue).add(name, data, jobOpts);
      return { id: job.id ?? "" };
    },
    close: async () => {
      await Promise.all([...queues.values()].map((q) => q.close()));
      queues.clear();
    },
  };
}
