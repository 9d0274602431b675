import type { ServiceContext } from "../shared/context.js";
import { QUEUES } from "../queues/queues.js";
import { appendJobEvent } from "./job-events.repository.js";
import { findRunningSince, transitionJob } from "./jobs.repository.js";
import { publishJobChange } from "./job-live.js";
import { notifyJobOutcome } from "./job-notify.service.js";
import { recordMatchOutcome } from "../recruiting/application-match.service.js";

/**
 * Fails jobs stuck in `running` past the deadline whose BullMQ job is gone or
 * finished: nothing will ever move them again. A job BullMQ still holds
 * (active, waiting for a retry, delayed) is left to BullMQ's own recovery.
 */
export async function sweepStalledJobs(ctx: ServiceContext, olderThanMinutes = ctx.config.JOB_RUNNING_DEADLINE_MINUTES): Promise<{ failed: string[] }> {
  const before = new Date(ctx.now().getTime() - olderThanMinutes * 60_000);
  const candidates = await findRunningSince(ctx.db, before);
  const failed: string[] = [];
  for (const job of candidates) {
    const state = ctx.jobs ? await ctx.jobs.queue(QUEUES.ai_analysis).getJobState(job.id) : "unknown";
    if (state === "active" || state === "waiting" || state === "delayed" || state === "prioritized" || state === "waiting-children") continue;
    const message = `No progress for over ${olderThanMinutes} minutes and no worker holds it; marked failed`;
    const moved = await transitionJob(ctx.db, job.id, ["running"], { status: "failed", error: message, errorCause: `stalled: BullMQ state ${state}`, finishedAt: ctx.now() });
    if (!moved) continue;
    const events = await appendJobEvent(ctx.db, job.id, { type: "job.failed", message, data: { reason: "stalled", queueState: state } });
    await publishJobChange(ctx, job, { events, status: "failed" });
    await notifyJobOutcome(ctx, job, { status: "failed", error: message });
    await recordMatchOutcome(ctx, job, { status: "failed", error: message });
    failed.push(job.id);
  }
  return { failed };
}
