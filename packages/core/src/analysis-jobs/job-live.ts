import type { ServiceContext } from "../shared/context.js";
import { accountTopic, STAFF_TOPIC } from "../realtime/realtime.schema.js";
import { publishEvent } from "../realtime/realtime.service.js";
import type { TJobEvent, TJobStatus } from "./analysis-jobs.schema.js";

type Live = Pick<ServiceContext, "realtime" | "logger">;

/**
 * Tells the job's watchers what just committed: each timeline event it wrote
 * (`job.event`, appended by the SPA without a refetch), then, when its status
 * moved, `job.updated` to its account and `system.job.changed` to staff. The
 * publishes leave together on one Redis connection (pipelined, in this order)
 * and the caller waits for them once; no database round trip is added.
 * Call it only after the statement or transaction that wrote them committed.
 */
export async function publishJobChange(ctx: Live, job: { id: string; accountId: string }, change: { events?: TJobEvent[]; status?: TJobStatus }): Promise<void> {
  const topic = [accountTopic(job.accountId)];
  const sent = (change.events ?? []).map((event) => publishEvent(ctx, topic, { type: "job.event", jobId: job.id, accountId: job.accountId, event }));
  if (change.status) {
    sent.push(publishEvent(ctx, topic, { type: "job.updated", jobId: job.id, accountId: job.accountId, status: change.status }));
    sent.push(publishEvent(ctx, [STAFF_TOPIC], { type: "system.job.changed", jobId: job.id, status: change.status }));
  }
  await Promise.all(sent);
}
