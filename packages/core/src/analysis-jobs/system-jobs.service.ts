import type { Redis } from "ioredis";
import { listHeartbeats } from "../system/heartbeat.service.js";
import { recordAudit } from "../audit/audit.service.js";
import { authorizeStaff } from "../accounts/policy.service.js";
import type { Actor, RequestMeta, ServiceContext } from "../shared/context.js";
import { toPage } from "../shared/pagination.js";
import { QUEUES, type QueueName } from "../queues/queues.js";
import type { TJob, TJobPage, TQueueStatus, TSystemJobsInput } from "./analysis-jobs.schema.js";
import { ServiceError, notFound } from "../shared/errors.js";
import { ANALYSIS_JOBS } from "./analysis.jobs.js";
import { appendJobEvent } from "./job-events.repository.js";
import { toJobView, toJobViews } from "./job-view.js";
import { publishJobChange } from "./job-live.js";

import { findJob, findJobsPage, transitionJob } from "./jobs.repository.js";
import { inTransaction } from "../shared/tx.js";

/** Staff, as these services see them: who, for the audit log. */
export type StaffActor = Pick<Actor, "userId" | "username" | "isStaff">;

// Every service here is staff-only, checked here whatever the caller checked: their reader sees failure causes.
const STAFF = { isStaff: true };

/** Staff: jobs across every tenant. */
export async function listAllJobs(ctx: ServiceContext, actor: StaffActor, input: TSystemJobsInput): Promise<TJobPage> {
  authorizeStaff(actor);
  const rows = await findJobsPage(ctx.db, { accountIds: input.accountId ? [input.accountId] : undefined, status: input.status, type: input.type, limit: input.limit, cursor: input.cursor });
  const page = toPage(rows, input.limit, (r) => r);
  return { ...page, items: await toJobViews(ctx.db, page.items, STAFF) };
}

/** Staff: depth of every queue and the workers whose heartbeat is live. */
export async function queueStatus(ctx: ServiceContext, actor: StaffActor, redis: Redis): Promise<TQueueStatus> {
  authorizeStaff(actor);
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

/**
 * Staff: puts a failed or cancelled job back in the queue under the same id.
 * Safe for money: a run is debited only after success, keyed by the job id,
 * and jobs that succeeded can't be retried.
 */
export async function retryJob(ctx: ServiceContext, actor: StaffActor, id: string, meta?: RequestMeta): Promise<TJob> {
  authorizeStaff(actor);
  if (!ctx.jobs) throw new Error("retryJob needs a context with job queues");
  const job = await findJob(ctx.db, id);
  if (!job) throw notFound("Job");
  const queued = await inTransaction(ctx, async (tx, txCtx) => {
    const row = await transitionJob(tx, id, ["failed", "cancelled"], { status: "queued", error: null, errorCause: null, cancelRequestedAt: null, finishedAt: null, queuedAt: ctx.now() });
    if (!row) return undefined;
    const events = await appendJobEvent(tx, id, { type: "job.retried", message: `Retried by staff after it was ${job.status}` });
    // Held until the commit (txCtx).
    await publishJobChange(txCtx, row, { events, status: "queued" });
    await recordAudit(tx, {
      eventType: "job.retried",
      actor: { id: actor.userId, username: actor.username },
      target: { type: "job", id },
      accountId: job.accountId,
      meta,
      details: { type: job.type, previousStatus: job.status },
    });
    return row;
  });
  if (!queued) throw new ServiceError("CONFLICT", `Only failed or cancelled jobs can be retried (this one is ${job.status})`);
  const queue = ctx.jobs.queue(QUEUES.ai_analysis);
  // The old BullMQ job keeps the id until removed; a new one can't be added under it before that.
  await queue.remove(id).catch(() => undefined);
  await ctx.jobs.enqueue(ANALYSIS_JOBS.run, { jobId: id }, { jobId: id, attempts: 3, backoff: { type: "exponential", delay: ctx.config.JOB_RETRY_BASE_MS } });
  return toJobView(ctx.db, queued, STAFF);
}
