import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@atrium/db";
import type { ServiceContext } from "../shared/context.js";
import { notify, notifyInTx, type NotifyInput } from "../notifications/notification.service.js";
import { NOTIFICATION_KINDS } from "../notifications/notification.schema.js";
import { userTopic } from "../realtime/realtime.schema.js";
import { publishEvent } from "../realtime/realtime.service.js";
import type { FinishBell } from "./job-batch.repository.js";
import type { JobRow } from "./jobs.repository.js";

/**
 * Jobs that ran at least this long also email their outcome (when the user's
 * preference for the kind is `email`); shorter ones only ring the bell: the
 * person who started them is most likely still watching.
 */
export const JOB_EMAIL_MIN_RUN_MS = 5 * 60_000;

const TYPE_NAMES: Record<string, string> = {
  document_analysis: "Document analysis",
  resume_match: "Resume match",
  worklog_summary: "Worklog summary",
  noop: "Test job",
};

export type JobOutcome = { status: "success" | "failed"; error?: string };

/** How a job ended, told to the person who started it; null for a job without a starter (its user deleted). */
export function jobOutcomeNotice(ctx: Pick<ServiceContext, "now">, job: JobRow, outcome: JobOutcome): (NotifyInput & { userId: string; long: boolean }) | null {
  if (!job.createdById) return null;
  const name = TYPE_NAMES[job.type] ?? job.type;
  const ok = outcome.status === "success";
  const long = ctx.now().getTime() - (job.startedAt ?? job.createdAt).getTime() >= JOB_EMAIL_MIN_RUN_MS;
  return {
    userId: job.createdById,
    accountId: job.accountId,
    kind: ok ? "job.finished" : "job.failed",
    title: ok ? `${name} finished` : `${name} failed`,
    body: ok ? `Your ${name.toLowerCase()} job is done.` : `Your ${name.toLowerCase()} job failed: ${outcome.error ?? "unknown error"}`,
    link: `/jobs/${job.id}`,
    // A short run only rings the bell; a long one may also email (as the kind's channel says).
    ...(long ? {} : { email: false as const }),
    long,
  };
}

/**
 * A short run's bell as its finish statement writes it (job-batch.repository.ts): decided
 * by the starter's preference as the finish commits, in the same statement, so a
 * preference changed once the job is seen ended never decides it.
 */
export function bellOf(notice: ReturnType<typeof jobOutcomeNotice>): FinishBell | undefined {
  if (!notice || notice.long) return undefined;
  return { id: randomUUID(), userId: notice.userId, kind: notice.kind, title: notice.title, body: notice.body, link: notice.link ?? null, fallback: NOTIFICATION_KINDS[notice.kind].default };
}

/** After the commit that wrote the bell: the starter's streams hear of it. */
export async function publishBell(ctx: ServiceContext, notice: { userId: string; kind: NotifyInput["kind"] }, notificationId: string | null): Promise<void> {
  if (notificationId) await publishEvent(ctx, [userTopic(notice.userId)], { type: "notification.created", notificationId, kind: notice.kind });
}

/**
 * The notice written inside the caller's transaction (the paid finish's, a long run's):
 * decided with the finish; `dispatch` after the commit publishes it and sends its email.
 */
export async function notifyJobOutcomeInTx(ctx: ServiceContext, tx: DbOrTx, job: JobRow, outcome: JobOutcome): Promise<() => Promise<void>> {
  const notice = jobOutcomeNotice(ctx, job, outcome);
  if (!notice) return async () => {};
  const { dispatch } = await notifyInTx(ctx, tx, notice);
  return () => dispatch().catch((err: unknown) => ctx.logger.warn({ err, jobId: job.id }, "job notification not sent"));
}

/**
 * Tells the starter how the job ended, after its final state committed elsewhere (the
 * stalled sweep). Never throws: the job's outcome is already recorded.
 */
export async function notifyJobOutcome(ctx: ServiceContext, job: JobRow, outcome: JobOutcome): Promise<void> {
  const notice = jobOutcomeNotice(ctx, job, outcome);
  if (!notice) return;
  await notify(ctx, notice).catch((err: unknown) => ctx.logger.warn({ err, jobId: job.id }, "job notification not written"));
}
