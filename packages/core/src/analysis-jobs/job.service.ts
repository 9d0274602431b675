import { z } from "zod";
import { reserveRules } from "../billing/ledger.service.js";
import { checkSpend, cheapJobTypes } from "../billing/low-balance.service.js";
import { admissionFor } from "./job-admission.js";
import { recordAudit } from "../audit/audit.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { QUEUES } from "../queues/queues.js";
import { by } from "../accounts/owner-guard.service.js";
import { can, type Action } from "../accounts/policy.service.js";
import { resolveAccount, type TenantActor } from "../accounts/actor.service.js";
import { inTransaction } from "../shared/tx.js";
import { ZJobInputs, type TCreateJobInput, type TEstimateJobInput, type TJob, type TJobEstimate, type TJobType } from "./analysis-jobs.schema.js";
import { ANALYSIS_JOBS } from "./analysis.jobs.js";
import { analyzerModel, documentIdsOf, estimateJobCost, loadTenantDocuments } from "./job-estimate.js";
import { appendJobEvent } from "./job-events.repository.js";
import { toJobView } from "./job-view.js";
import { publishJobChange } from "./job-live.js";
import { findJob, transitionJob, type JobRow } from "./jobs.repository.js";
import { requireFlag, subjectFor } from "../flags/flag-gate.js";
import { FLAGS } from "../flags/flags.schema.js";
import { assertNotHiddenResume } from "../documents/document.service.js";
import { assertTranscriptionConfigured } from "../transcription/transcription.js";


/** A job of a tenant the actor may `action`; anyone else's is NOT_FOUND. */
export async function jobFor(ctx: ServiceContext, actor: TenantActor, id: string, action: Action): Promise<JobRow> {
  const job = await findJob(ctx.db, id);
  if (!job || !can(actor, action, { accountId: job.accountId })) throw notFound("Job");
  return job;
}

/**
 * `noop` exists for tests and benchmarks: a tenant could otherwise queue free work at will.
 * Transcription has no offline default: without a provider it is refused here, estimate included.
 */
function assertTypeAllowed(ctx: ServiceContext, type: TJobType): void {
  if (type === "interview_transcription") assertTranscriptionConfigured(ctx.config);
  if (type === "noop" && !ctx.config.ALLOW_NOOP_JOBS) {
    const message = "The noop job type is disabled on this server";
    throw new ServiceError("BAD_REQUEST", message, { type: [message] });
  }
}

/** Every analysis job type sits behind the ai-analysis flag; noop (tests, benchmarks) behind none. */
async function assertFlagOn(ctx: ServiceContext, actor: TenantActor, accountId: string, type: TJobType): Promise<void> {
  if (type !== "noop") await requireFlag(ctx, FLAGS.aiAnalysis, subjectFor(actor, accountId));
}

function parseInput(type: TJobType, input: unknown): Record<string, unknown> {
  const parsed = ZJobInputs[type].safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[["input", ...issue.path].join(".")] ??= []).push(issue.message);
  throw new ServiceError("BAD_REQUEST", `Invalid input for a ${type} job: ${z.prettifyError(parsed.error)}`, fieldErrors);
}

async function priceAndCheck(ctx: ServiceContext, accountId: string, type: TJobType, input: Record<string, unknown>) {
  const docs = await loadTenantDocuments(ctx.db, accountId, documentIdsOf(type, input));
  const priced = await estimateJobCost(ctx.db, ctx.config, type, input, docs);
  const check = await checkSpend(ctx, accountId, { estimatedCents: priced.totalCents, jobType: type });
  return { priced, check };
}

/** The cost estimate and the low-balance policy's verdict, for the "Run analysis" dialog. */
export async function estimateJob(ctx: ServiceContext, actor: TenantActor, input: TEstimateJobInput): Promise<TJobEstimate> {
  const accountId = resolveAccount(actor, input.accountId, "data.read");
  const { accountId: _a, type, ...ids } = input;
  assertTypeAllowed(ctx, type);
  await assertFlagOn(ctx, actor, accountId, type);
  const { priced, check } = await priceAndCheck(ctx, accountId, type, parseInput(type, type === "noop" ? {} : ids));
  return { estimatedCents: priced.totalCents, verdict: check.verdict, allowed: check.allowed, message: check.message, balanceCents: check.balanceCents, analyzer: ctx.config.ANALYZER, model: analyzerModel(ctx.config) };
}

/**
 * Validates, prices and admits a job, then queues it. Admission (job-admission.ts)
 * holds the account's reserve row locked while it checks the policy (counting
 * queued and running jobs as committed) and inserts the job, so a burst of
 * concurrent creates is judged one after another, never all against the same balance.
 * A refusal by the policy (PAYMENT_REQUIRED, naming balance and estimate) or
 * by the ai-analysis flag (FORBIDDEN, naming it) writes and enqueues nothing.
 */
export async function createJob(ctx: ServiceContext, actor: TenantActor, raw: TCreateJobInput, meta?: RequestMeta): Promise<TJob> {
  const type = raw.type;
  assertTypeAllowed(ctx, type);
  const input = parseInput(type, raw.input ?? {});
  const accountId = resolveAccount(actor, raw.accountId, "data.write");
  // Before the reserve is locked or a row written: a feature that is off costs nothing.
  await assertFlagOn(ctx, actor, accountId, type);
  // The documents' own rule too: a member without a recruiting role can't analyse a candidate's résumé copy.
  for (const id of documentIdsOf(type, input)) await assertNotHiddenResume(ctx, actor, { id, accountId });
  const { job, check, accountName } = await admitJob(ctx, { accountId, createdBy: by(actor), type, input }, meta);
  const known = accountName === null ? undefined : new Map([[job.accountId, accountName]]);
  return { ...(await toJobView(ctx.db, job, actor, known)), spendWarning: check.verdict === "warn" ? check.message : null };
}

/**
 * Admission and enqueue of an already validated job in `accountId`, for callers that decided the
 * account's rights themselves: createJob above, and work a platform rule starts on an account's
 * behalf (an application's résumé match, billed to the employer though a candidate caused it).
 * `createdBy` null = nobody to notify of the outcome. Admitted with every other create of this
 * process that arrived meanwhile, in one transaction for the batch (job-admission.ts).
 */
export async function admitJob(
  ctx: ServiceContext,
  job: { accountId: string; createdBy: { id: string; username: string | null } | null; type: TJobType; input: Record<string, unknown> },
  meta?: RequestMeta,
) {
  if (!ctx.jobs) throw new Error("admitJob needs a context with job queues");
  const { accountId, type, input } = job;
  // Priced before admission, outside the reserve's lock (what estimateJob shows is computed the same way).
  const docs = await loadTenantDocuments(ctx.db, accountId, documentIdsOf(type, input));
  const priced = await estimateJobCost(ctx.db, ctx.config, type, input, docs);
  const admitted = await admissionFor(ctx.db).load({
    accountId,
    createdById: job.createdBy?.id ?? null,
    type,
    input,
    estimatedCents: priced.totalCents,
    rules: reserveRules(ctx),
    cheap: cheapJobTypes(ctx),
    queuedEvent: (check) => ({
      type: "job.queued",
      message: `Queued ${type} (estimated ${priced.totalCents} ¢)`,
      data: { estimatedCents: priced.totalCents, verdict: check.verdict, ...(check.message ? { warning: check.message } : {}) },
    }),
    audit: { eventType: "job.created", actor: job.createdBy, accountId, meta, details: { type, estimatedCents: priced.totalCents } },
  });
  // Committed: announce it (a refused job was never written, so never announced).
  await publishJobChange(ctx, admitted.job, { events: admitted.events, status: "queued" });
  try {
    await ctx.jobs.enqueue(ANALYSIS_JOBS.run, { jobId: admitted.job.id }, { jobId: admitted.job.id, attempts: 3, backoff: { type: "exponential", delay: ctx.config.JOB_RETRY_BASE_MS } });
  } catch (err) {
    // Without Redis the job would sit in `queued` forever; say so on the job instead.
    ctx.logger.error({ err, jobId: admitted.job.id }, "enqueue failed");
    await transitionJob(ctx.db, admitted.job.id, ["queued"], { status: "failed", error: "Could not queue the job; try again", finishedAt: ctx.now() });
    const events = await appendJobEvent(ctx.db, admitted.job.id, { type: "job.failed", message: "Could not queue the job" });
    await publishJobChange(ctx, admitted.job, { events, status: "failed" });
    throw new ServiceError("PRECONDITION_FAILED", "The job queue is unavailable; try again shortly");
  }
  return admitted;
}

/**
 * Cancels a queued job at once (its BullMQ job is removed, or skipped if a
 * worker races us), or asks a running one to stop at its next step. Either is
 * audited with the change, in its transaction.
 */
export async function cancelJob(ctx: ServiceContext, actor: TenantActor, id: string, meta?: RequestMeta): Promise<TJob> {
  const job = await jobFor(ctx, actor, id, "data.write");
  const now = ctx.now();
  const audit = (tx: Parameters<typeof recordAudit>[0], eventType: "job.cancelled" | "job.cancel_requested") =>
    recordAudit(tx, { eventType, actor: by(actor), target: { type: "job", id }, accountId: job.accountId, meta, details: { type: job.type, status: job.status } });
  // Both transactions announce through txCtx, which holds the events until the commit.
  const cancelled = await inTransaction(ctx, async (tx, txCtx) => {
    const row = await transitionJob(tx, id, ["queued"], { status: "cancelled", cancelRequestedAt: now, finishedAt: now });
    if (!row) return undefined;
    const events = await appendJobEvent(tx, id, { type: "job.cancelled", message: "Cancelled before it started" });
    await audit(tx, "job.cancelled");
    await publishJobChange(txCtx, row, { events, status: "cancelled" });
    return row;
  });
  if (cancelled) {
    await ctx.jobs?.queue(QUEUES.ai_analysis).remove(id).catch(() => undefined);
    return toJobView(ctx.db, cancelled, actor);
  }
  const signalled = await inTransaction(ctx, async (tx, txCtx) => {
    const row = await transitionJob(tx, id, ["running"], { cancelRequestedAt: now });
    if (!row) return undefined;
    // Asked once: a second click changes nothing on the timeline or in the audit log.
    if (!job.cancelRequestedAt) {
      const events = await appendJobEvent(tx, id, { type: "job.cancel_requested", message: "Cancel requested; stopping at the next step" });
      await audit(tx, "job.cancel_requested");
      await publishJobChange(txCtx, row, { events });
    }
    return row;
  });
  if (signalled) return toJobView(ctx.db, signalled, actor);
  throw new ServiceError("CONFLICT", `The job has already ended (${job.status})`);
}
