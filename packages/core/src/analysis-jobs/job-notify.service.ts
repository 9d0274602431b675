import type { ServiceContext } from "../shared/context.js";
import { notify } from "../notifications/notification.service.js";
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

/**
 * Tells the person who started the job how it ended (after its final state
 * committed). A job without a starter (its user deleted) tells no one. Never
 * throws: the job's outcome is already recorded.
 */
export async function notifyJobOutcome(ctx: ServiceContext, job: JobRow, outcome: { status: "success" | "failed"; error?: string }): Promise<void> {
  if (!job.createdById) return;
  const name = TYPE_NAMES[job.type] ?? job.type;
  const ranMs = ctx.now().getTime() - (job.startedAt ?? job.createdAt).getTime();
  const ok = outcome.status === "success";
  await notify(ctx, {
    userId: job.createdById,
    accountId: job.accountId,
    kind: ok ? "job.finished" : "job.failed",
    title: ok ? `${name} finished` : `${name} failed`,
    body: ok ? `Your ${name.toLowerCase()} job is done.` : `Your ${name.toLowerCase()} job failed: ${outcome.error ?? "unknown error"}`,
    link: `/jobs/${job.id}`,
    ...(ranMs >= JOB_EMAIL_MIN_RUN_MS ? {} : { email: false as const }),
  }).catch((err: unknown) => ctx.logger.warn({ err, jobId: job.id }, "job notification not written"));
}
