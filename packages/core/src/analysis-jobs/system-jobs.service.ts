import type { Redis } from "ioredis";
import { listHeartbeats } from "../system/heartbeat.js";
import type { ServiceContext } from "../shared/context.js";
import { toPage } from "../shared/pagination.js";
import { QUEUES, type QueueName } from "../jobs/queues.js";
import type { TJobPage, TQueueStatus, TSystemJobsInput } from "./analysis-jobs.schema.js";
import { toJobDto } from "./job-dto.js";
import { findJobsPage } from "./jobs.repository.js";

/** Staff: jobs across every tenant (callers are staffProcedure-gated). */
export async function listAllJobs(ctx: ServiceContext, input: TSystemJobsInput): Promise<TJobPage> {
  const rows = await findJobsPage(ctx.db, { accountIds: input.accountId ? [input.accountId] : undefined, status: input.status, type: input.type, limit: input.limit, cursor: input.cursor });
  return toPage(rows, input.limit, toJobDto);
}

/** Staff: depth of every queue and the workers whose heartbeat is live. */
export async function queueStatus(ctx: ServiceContext, redis: Redis): Promise<TQueueStatus> {
  const producers = ctx.jobs;
  if (!producers) throw new Error("queueStatus needs a context with job queues");
  const names = Object.values(QUEUES) as QueueName[];
  const queues = await Promise.all(
    names.map(async (name) => {
      const c = await producers.queue(name).getJobCounts("waiting", "active", "delayed", "failed", "completed", "prioritized");
      return { name, waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0, completed: c.completed ?? 0 };
    }),
  );
  const beats = await listHeartbeats(redis, ctx.config.REDIS_PREFIX);
  return { queues, workers: beats.map((b) => ({ id: b.id, queues: b.queues, lastSeenAt: b.lastSeenAt })) };
}
