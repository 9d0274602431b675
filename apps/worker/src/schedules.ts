import type { Env } from "@atrium/config";
import { DEFAULT_JOB_OPTIONS, type JobQueues } from "@atrium/core/queues";
import type { QueueConfig } from "./queues/queue-config.js";

/**
 * Upserts every queue's job schedulers. Upserting by id is idempotent, so each
 * worker process declaring the same schedules still yields one job per tick.
 * A scheduler no longer declared (BACKUP_CRON unset since) is removed, or it
 * would go on firing from Redis long after the setting is gone.
 */
export async function upsertSchedules(producers: JobQueues, queues: readonly QueueConfig[], config: Env): Promise<void> {
  const { attempts, backoff, removeOnComplete, removeOnFail } = DEFAULT_JOB_OPTIONS;
  for (const queue of queues) {
    const declared = queue.schedules(config);
    const q = producers.queue(queue.name);
    for (const s of declared) {
      await q.upsertJobScheduler(s.id, s.pattern ? { pattern: s.pattern, tz: "UTC" } : { every: s.everyMs }, {
        name: s.job,
        data: s.payload,
        opts: { attempts, backoff, removeOnComplete, removeOnFail },
      });
    }
    const ids = new Set(declared.map((s) => s.id));
    for (const existing of await q.getJobSchedulers()) {
      if (existing.key && !ids.has(existing.key)) await q.removeJobScheduler(existing.key);
    }
  }
}
