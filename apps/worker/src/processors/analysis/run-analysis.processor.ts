import { DelayedError, UnrecoverableError } from "bullmq";
import { ANALYSIS_JOBS, appendJobEvent, findJob, finishJobWithEvent, isFinished, noteWaitingForSlot, priceUsage, recordRunCost, startJobRunWithinCap, transitionJob, type JobRow } from "@atrium/core";
import { defineProcessor, isLastAttempt, type JobContext } from "../base.js";
import { PIPELINES } from "./job-types.js";
import { BadJobInput, failureCause, INTERNAL_FAILURE_MESSAGE, isTransient, JobCancelled, userMessage, type RunState } from "./pipeline.js";

async function finishCancelled(ctx: JobContext, job: JobRow): Promise<{ status: string }> {
  await appendJobEvent(ctx.db, job.id, { type: "job.cancelled", message: job.status === "running" ? "Stopped: cancel requested" : "Cancelled before it started" });
  await transitionJob(ctx.db, job.id, ["queued", "running"], { status: "cancelled", finishedAt: ctx.now() });
  return { status: "cancelled" };
}

/**
 * Prices the run and debits it once (run id = job id, so a retry or a recovered run is never charged twice).
 * Compute is the characters read at the job type's price (what the estimate priced), not wall-clock time,
 * so estimate and debit agree; only the noop test job pays for its declared wait.
 */
async function charge(run: RunState) {
  const { ctx, job } = run;
  const noop = job.type === "noop";
  const priced = await priceUsage(ctx.db, {
    llm: run.calls.map((c) => ({ model: c.model, inputTokens: c.inputTokens, outputTokens: c.outputTokens })),
    ...(noop
      ? { computeSeconds: (Number(job.input.steps ?? 0) * Number(job.input.stepMs ?? 0)) / 1000 }
      : { charsRead: { jobType: job.type, chars: run.charsRead } }),
  });
  const cost = await recordRunCost(ctx.db, { accountId: job.accountId, runId: job.id, jobType: job.type, lineItems: priced.lineItems, totalCents: priced.totalCents }, ctx);
  return { priced, cost };
}

/** How long a job of a tenant at its running cap waits before it asks again; jittered so waiters don't move in lockstep. */
const capWaitMs = () => 500 + Math.floor(Math.random() * 1000);

/**
 * One analysis job, start to end: waits (delayed) while its tenant is at
 * JOBS_MAX_RUNNING_PER_TENANT, then running (+attempt), its type's steps with
 * cancel checks between them, one debit, success. Transient failures are
 * rethrown for BullMQ's backoff (a `job.retry` event says so); bad input and
 * the last attempt fail the job for good with a message fit for the user.
 */
export async function runAnalysisJob(ctx: JobContext, jobId: string): Promise<unknown> {
  const found = await findJob(ctx.db, jobId);
  if (!found) throw new UnrecoverableError(`job ${jobId} not found`);
  // Finished already: a duplicate delivery or a run recovered after it had ended.
  if (isFinished(found.status)) return { status: found.status, skipped: true };
  if (found.cancelRequestedAt) return finishCancelled(ctx, found);
  const pipeline = PIPELINES[found.type];
  if (!pipeline) throw new UnrecoverableError(`no pipeline for job type ${found.type}`);

  const recovered = found.status === "running";
  const slot = await startJobRunWithinCap(ctx.db, found, ctx.config.JOBS_MAX_RUNNING_PER_TENANT, ctx.now);
  if (slot.status === "gone") return { status: "gone", skipped: true };
  if (slot.status === "full") {
    // The tenant has its share running: back to delayed, behind other tenants' jobs, without spending an attempt.
    await noteWaitingForSlot(ctx.db, jobId, slot.running, ctx.config.JOBS_MAX_RUNNING_PER_TENANT);
    await ctx.job.moveToDelayed(Date.now() + capWaitMs(), ctx.token);
    throw new DelayedError();
  }
  const job = slot.job;
  await appendJobEvent(ctx.db, jobId, {
    type: "job.running",
    message: `Running (attempt ${job.attempts}${recovered ? ", resumed after an interrupted attempt" : ""})`,
    data: { attempt: job.attempts, bullAttempt: ctx.job.attemptsMade + 1, recovered, analyzer: ctx.analyzer.name, model: ctx.analyzer.model },
  });

  const run: RunState = { ctx, job, calls: [], charsRead: 0 };
  const t0 = performance.now();
  try {
    const result = await pipeline(run);
    const { priced, cost } = await charge(run);
    // Status and its event in one statement: one round trip, and no "succeeded" line for a job that had moved on.
    await finishJobWithEvent(
      ctx.db,
      jobId,
      ["running"],
      { status: "success", result: { ...result, lineItems: priced.lineItems }, costCents: cost.totalCents, error: null, finishedAt: ctx.now() },
      {
        type: "job.succeeded",
        message: `Done in ${Math.round(performance.now() - t0)} ms; cost ${cost.totalCents} ¢${cost.debited ? "" : cost.totalCents ? " (already charged)" : ""}`,
        data: { lineItems: priced.lineItems, debited: cost.debited },
        durationMs: performance.now() - t0,
        costCents: cost.totalCents,
      },
    );
    return { status: "success", costCents: cost.totalCents };
  } catch (err) {
    if (err instanceof JobCancelled) return finishCancelled(ctx, job);
    const message = userMessage(err);
    if (!(err instanceof BadJobInput)) ctx.logger.warn({ err, jobId }, "analysis job attempt failed");
    if (isTransient(err) && !isLastAttempt(ctx.job)) {
      const delayMs = ctx.config.JOB_RETRY_BASE_MS * 2 ** ctx.job.attemptsMade;
      // "Run it again" is advice for the end; while we retry by ourselves, say only that something went wrong.
      const why = message === INTERNAL_FAILURE_MESSAGE ? "Something went wrong on our side" : message;
      await appendJobEvent(ctx.db, jobId, { type: "job.retry", message: `${why}; retrying in ${Math.round(delayMs / 1000)} s`, data: { attempt: job.attempts, delayMs } });
      throw err;
    }
    await finishJobWithEvent(
      ctx.db,
      jobId,
      ["running"],
      { status: "failed", error: message, errorCause: failureCause(err), finishedAt: ctx.now() },
      { type: "job.failed", message, data: { attempt: job.attempts, transient: isTransient(err) } },
    );
    throw new UnrecoverableError(message);
  }
}

export const runAnalysisProcessor = defineProcessor(ANALYSIS_JOBS.run, ({ jobId }, ctx) => runAnalysisJob(ctx, jobId));
