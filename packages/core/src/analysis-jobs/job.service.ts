import { z } from "zod";
import { schema } from "@atrium/db";
import { lockReserveRow } from "../billing/ledger.repository.js";
import { createReserveIfMissing, reserveRules } from "../billing/ledger.service.js";
import { checkSpend, cheapJobTypes, committedCents, verdictFor } from "../billing/low-balance.service.js";
import type { BillingActor } from "../billing/reserve.service.js";
import type { ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { QUEUES } from "../jobs/queues.js";
import { authorize, can, type Action } from "../accounts/policy.service.js";
import { inTransaction } from "../shared/tx.js";
import { ZJobInputs, type TCreateJobInput, type TEstimateJobInput, type TJob, type TJobEstimate, type TJobType } from "./analysis-jobs.schema.js";
import { ANALYSIS_JOBS } from "./analysis.jobs.js";
import { analyzerModel, documentIdsOf, estimateJobCost, loadTenantDocuments } from "./job-estimate.js";
import { appendJobEvent } from "./job-events.repository.js";
import { toJobView } from "./job-view.js";
import { findJob, transitionJob, type JobRow } from "./jobs.repository.js";
import { requireFlag, subjectFor } from "../flags/flag-gate.js";
import { FLAGS } from "../flags/flags.schema.js";

const { jobs, jobEvents } = schema;

/** Who creates and reads jobs: their roles plus the home account calls default to. */
export type JobActor = BillingActor;

/** The account a call acts on: the one named, else the home account, else the only one; checked with the policy. */
export function accountFor(actor: JobActor, requested: string | undefined, action: Action): string {
  const memberOf = Object.keys(actor.accountRoles);
  const accountId = requested ?? actor.homeAccountId ?? (memberOf.length === 1 ? memberOf[0] : undefined);
  if (!accountId) {
    const message = "You belong to no single account; say which one with accountId";
    throw new ServiceError("BAD_REQUEST", message, { accountId: [message] });
  }
  authorize(actor, action, { accountId }, "Account");
  return accountId;
}

/** A job of a tenant the actor may `action`; anyone else's is NOT_FOUND. */
export async function jobFor(ctx: ServiceContext, actor: JobActor, id: string, action: Action): Promise<JobRow> {
  const job = await findJob(ctx.db, id);
  if (!job || !can(actor, action, { accountId: job.accountId })) throw notFound("Job");
  return job;
}

/** `noop` exists for tests and benchmarks: a tenant could otherwise queue free work at will. */
function assertTypeAllowed(ctx: ServiceContext, type: TJobType): void {
  if (type === "noop" && !ctx.config.ALLOW_NOOP_JOBS) {
    const message = "The noop job type is disabled on this server";
    throw new ServiceError("BAD_REQUEST", message, { type: [message] });
  }
}

/** Every analysis job type sits behind the ai-analysis flag; noop (tests, benchmarks) behind none. */
async function assertFlagOn(ctx: ServiceContext, actor: JobActor, accountId: string, type: TJobType): Promise<void> {
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
export async function estimateJob(ctx: ServiceContext, actor: JobActor, input: TEstimateJobInput): Promise<TJobEstimate> {
  const accountId = accountFor(actor, input.accountId, "data.read");
  const { accountId: _a, type, ...ids } = input;
  assertTypeAllowed(ctx, type);
  await assertFlagOn(ctx, actor, accountId, type);
  const { priced, check } = await priceAndCheck(ctx, accountId, type, parseInput(type, type === "noop" ? {} : ids));
  return { estimatedCents: priced.totalCents, verdict: check.verdict, allowed: check.allowed, message: check.message, balanceCents: check.balanceCents, analyzer: ctx.config.ANALYZER, model: analyzerModel(ctx.config) };
}

/**
 * Validates, prices and admits a job, then queues it. Admission holds the
 * account's reserve row locked while it checks the policy (counting queued and
 * running jobs as committed) and inserts the job, so a burst of concurrent
 * creates is judged one after another, never all against the same balance.
 * A refusal by the policy (PAYMENT_REQUIRED, naming balance and estimate) or
 * by the ai-analysis flag (FORBIDDEN, naming it) writes and enqueues nothing.
 */
export async function createJob(ctx: ServiceContext, actor: JobActor, raw: TCreateJobInput): Promise<TJob> {
  if (!ctx.jobs) throw new Error("createJob needs a context with job queues");
  const type = raw.type;
  assertTypeAllowed(ctx, type);
  const input = parseInput(type, raw.input ?? {});
  const accountId = accountFor(actor, raw.accountId, "data.write");
  // Before the reserve is locked or a row written: a feature that is off costs nothing.
  await assertFlagOn(ctx, actor, accountId, type);

  const { job, check } = await inTransaction(ctx, async (tx) => {
    const rules = reserveRules(ctx);
    await createReserveIfMissing(tx, accountId, rules);
    // The locked row is the balance the verdict uses: no second read of it (checkSpend's) inside the lock.
    const reserve = await lockReserveRow(tx, accountId);
    if (!reserve) throw notFound("Account");
    const docs = await loadTenantDocuments(tx, accountId, documentIdsOf(type, input));
    const priced = await estimateJobCost(tx, ctx.config, type, input, docs);
    const pendingCents = await committedCents(tx, accountId);
    const check = verdictFor(reserve, priced.totalCents, type, cheapJobTypes(ctx), { creditLimitCents: rules.creditLimitCents, pendingCents });
    if (!check.allowed) throw new ServiceError("PAYMENT_REQUIRED", check.message ?? "The low-balance policy refuses this job");
    const [row] = await tx.insert(jobs).values({ accountId, createdById: actor.userId, type, input, estimatedCostCents: priced.totalCents }).returning();
    if (!row) throw new Error("job insert returned nothing");
    await tx.insert(jobEvents).values({
      jobId: row.id,
      accountId,
      seq: 1,
      type: "job.queued",
      message: `Queued ${type} (estimated ${priced.totalCents} ¢)`,
      data: { estimatedCents: priced.totalCents, verdict: check.verdict, ...(check.message ? { warning: check.message } : {}) },
    });
    return { job: row, check };
  });
  try {
    await ctx.jobs.enqueue(ANALYSIS_JOBS.run, { jobId: job.id }, { jobId: job.id, attempts: 3, backoff: { type: "exponential", delay: ctx.config.JOB_RETRY_BASE_MS } });
  } catch (err) {
    // Without Redis the job would sit in `queued` forever; say so on the job instead.
    ctx.logger.error({ err, jobId: job.id }, "enqueue failed");
    await transitionJob(ctx.db, job.id, ["queued"], { status: "failed", error: "Could not queue the job; try again", finishedAt: ctx.now() });
    await appendJobEvent(ctx.db, job.id, { type: "job.failed", message: "Could not queue the job" });
    throw new ServiceError("PRECONDITION_FAILED", "The job queue is unavailable; try again shortly");
  }
  return { ...(await toJobView(ctx.db, job, actor)), spendWarning: check.verdict === "warn" ? check.message : null };
}

/**
 * Cancels a queued job at once (its BullMQ job is removed, or skipped if a
 * worker races us), or asks a running one to stop at its next step.
 */
export async function cancelJob(ctx: ServiceContext, actor: JobActor, id: string): Promise<TJob> {
  const job = await jobFor(ctx, actor, id, "data.write");
  const now = ctx.now();
  const cancelled = await transitionJob(ctx.db, id, ["queued"], { status: "cancelled", cancelRequestedAt: now, finishedAt: now });
  if (cancelled) {
    await appendJobEvent(ctx.db, id, { type: "job.cancelled", message: "Cancelled before it started" });
    await ctx.jobs?.queue(QUEUES.ai_analysis).remove(id).catch(() => undefined);
    return toJobView(ctx.db, cancelled, actor);
  }
  const signalled = await transitionJob(ctx.db, id, ["running"], { cancelRequestedAt: now });
  if (signalled) {
    if (!job.cancelRequestedAt) await appendJobEvent(ctx.db, id, { type: "job.cancel_requested", message: "Cancel requested; stopping at the next step" });
    return toJobView(ctx.db, signalled, actor);
  }
  throw new ServiceError("CONFLICT", `The job has already ended (${job.status})`);
}
