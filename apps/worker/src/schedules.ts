import type { Env } from "@atrium/config";
import { DEFAULT_JOB_OPTIONS, type JobQueues } from "@atrium/core/jobs";
import type { QueueConfig } from "./queues/queue-config.js";

/**
 * Upserts every queue's job schedulers. Upserting by id is idempotent, so each
 * worker process declaring the same schedules still yields one job per tick.
 */
export async function upsertSchedules(producers: JobQueues, queues: readonly QueueConfig[], config: Env): Promise<void> {
  const { attempts, backoff, removeOnComplete, removeOnFail } = DEFAULT_JOB_OPTIONS;
  for (const queue of queues) {
    for (const s of queue.schedules(config)) {
      await producers
        .queue(queue.name)
        .upsertJobScheduler(s.id, s.pattern ? { pattern: s.pattern, tz: "UTC" } : { every: s.everyMs }, { name: s.job, data: s.payload, opts: { attempts, backoff, removeOnComplete, removeOnFail } });
    }
  }
}
