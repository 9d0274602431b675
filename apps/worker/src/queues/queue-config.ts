import type { Env } from "@atrium/config";
import type { JobInput, JobName, QueueName } from "@atrium/core/queues";
import type { AnyJobProcessor } from "../processors/base.js";

/** A recurring job: BullMQ upserts it by `id`, so every worker process may declare it. */
export interface Schedule<N extends JobName = JobName> {
  id: string;
  job: N;
  payload: JobInput<N>;
  everyMs: number;
  /** A cron pattern (UTC) instead of a fixed interval, e.g. BACKUP_CRON. */
  pattern?: string;
}

/** Everything the worker needs to know about one queue. */
export interface QueueConfig {
  name: QueueName;
  concurrency: (config: Env) => number;
  /** One per job routed to this queue; startup fails if a job of the queue has none. */
  processors: readonly AnyJobProcessor[];
  schedules: (config: Env) => Schedule[];
}

export function schedule<N extends JobName>(s: Schedule<N>): Schedule {
  return s as Schedule;
}
