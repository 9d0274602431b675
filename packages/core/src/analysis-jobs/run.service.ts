import { DelayedError, UnrecoverableError } from "bullmq";
import type { Db } from "@atrium/db";
import { priceUsage } from "../billing/pricing.service.js";
import { recordRunCost } from "../billing/usage.service.js";
import { ZJobInputs, ZJobType, type TJobEvent, type TJobType } from "./analysis-jobs.schema.js";
import { JobEventBuffer } from "./job-events.buffer.js";
import { appendJobEvents, finishJobWithEvents, type JobFinish } from "./job-events.repository.js";
import type { JobRow } from "./jobs.repository.js";
import { PIPELINES, type Pipeline } from "./run.pipelines.js";
import { BadJobInput, failureCause, INTERNAL_FAILURE_MESSAGE, isTransient, JobCancelled, userMessage } from "./run.errors.js";
import type { RunDeps, RunState } from "./run.steps.js";
import { noteWaitingForSlot } from "./run-slots.js";
import { jobWritesFor } from "./job-writes.js";
import { publishJobChange } from "./job-live.js";
import { accountTopic } from "../realtime/realtime.schema.js";
import { publishEvent } from "../realtime/realtime.service.js";
import { bellOf, jobOutcomeNotice, notifyJobOutcomeInTx, publishBell, type JobOutcome } from "./job-notify.service.js";
import type { FinishItem } from "./job-batch.repository.js";
// Recruiting: an application's résumé match takes the failure's reason when its job fails.
import { recordMatchOutcome } from "../recruiting/application-match.service.js";
import { afterJobFailed, afterJobSucceeded } from "./job-followup.service.js";

/** The queue's side of one delivery of the job, as the worker sees it (BullMQ's attempt counters and lock). */
export interface RunAttempt {
  /** Deliveries before this one (BullMQ's attemptsMade). */
  attemptsMade: number;
  /** True when a failure now is final: the queue won't try this job again. */
  last: boolean;
  /** Puts this delivery back to delayed until `untilMs` (epoch ms) without spending an attempt. */
  postpone: (untilMs: number) => Promise<void>;
}

export type RunOutcome = { status: string; skipped?: boolean; costCents?: number };

/** How long a job of a tenant at its running cap waits before it asks again; jittered so waiters don't move in lockstep. */
const capWaitMs = () => 500 + Math.floor(Math.random() * 1000);

/** Thrown inside the finish's transaction when the job had moved on (the sweep failed it): nothing of the finish is kept. */
class JobMovedOn extends Error {}

async function finishCancelled(deps: RunDeps, job: JobRow, events: JobEventBuffer): Promise<RunOutcome> {
  const message = job.status === "running" ? "Stopped: cancel requested" : "Cancelled before it started";
  const set: JobFinish = { status: "cancelled", error: null, finishedAt: deps.now() };
  const done = await events.flush((batch) => jobWritesFor(deps.db).finish.load({ jobId: job.id, from: ["queued", "running"], set, events: batch }), { type: "job.cancelled", message });
  if (done.moved) await publishJobChange(deps, job, { events: done.events, status: "cancelled" });
  return { status: "cancelled" };
}

/**
 * A free or failed run's end, with its starter's notice decided as the finish commits (so a
 * preference changed once the job is seen ended never decides it). A short run's bell rides in
 * the batched finish statement; a long run (which may also email) finishes in a transaction of
 * its own with its notice. Publishes the timeline, the status and then the bell, after the commit.
 */
async function finishWithNotice(deps: RunDeps, job: JobRow, item: FinishItem, outcome: JobOutcome): Promise<{ moved: boolean; events: TJobEvent[] }> {
  const notice = jobOutcomeNotice(deps, job, outcome);
  if (notice?.long) {
    const out = await (deps.db as Db).transaction(async (tx) => {
      const finished = await finishJobWithEvents(tx, item.jobId, item.from, item.set, item.events, item.freeRun);
      return { ...finished, dispatch: finished.moved ? await notifyJobOutcomeInTx(deps, tx, job, outcome) : undefined };
    });
    if (out.moved) await publishJobChange(deps, job, { events: out.events, status: item.set.status });
    await out.dispatch?.();
    return out;
  }
  const bell = bellOf(notice);
  const out = await jobWritesFor(deps.db).finish.load({ ...item, ...(bell ? { bell } : {}) });
  if (out.moved) {
    await publishJobChange(deps, job, { events: out.events, status: item.set.status });
    if (notice) await publishBell(deps, notice, out.notificationId);
  }
  return out;
}

/**
 * Prices the run, debits it once (run id = job id, so a retried or recovered run is never charged twice) and
 * finishes the job with its result and last events, all in ONE transaction: a crash leaves either none of it
 * or all of it. Compute is the characters read at the job type's price (what the estimate priced), not
 * wall-clock time, so estimate and debit agree; only the noop test job pays for its declared wait.
 */
async function finishSucceeded(run: RunState, result: Record<string, unknown>, t0: number): Promise<RunOutcome> {
  const { deps, job } = run;
  const priced = await priceUsage(deps.db, {
    llm: run.calls.map((c) => ({ model: c.model, inputTokens: c.inputTokens, outputTokens: c.outputTokens })),
    ...(job.type === "noop"
      ? { computeSeconds: (Number(job.input.steps ?? 0) * Number(job.input.stepMs ?? 0)) / 1000 }
      : { charsRead: { jobType: job.type, chars: run.charsRead }, ...(run.audioSeconds ? { audioSeconds: { jobType: job.type, seconds: run.audioSeconds } } : {}) }),
  });
  const ms = () => performance.now() - t0;
  if (priced.totalCents === 0) {
    // Free (the noop job, a free model): status, result, last events and usage record in ONE statement.
    const set: JobFinish = { status: "success", result: { ...result, lineItems: priced.lineItems }, costCents: 0, error: null, finishedAt: deps.now() };
    const done = { type: "job.succeeded", message: `Done in ${Math.round(ms())} ms; cost 0 ¢`, data: { lineItems: priced.lineItems, debited: false }, durationMs: ms(), costCents: 0 };
    const freeRun = { jobType: job.type, lineItems: priced.lineItems };
    const out = await run.events.flush((batch) => finishWithNotice(deps, job, { jobId: job.id, from: ["running"], set, events: batch, freeRun }, { status: "success" }), done);
    if (!out.moved) return { status: "gone", skipped: true };
    return { status: "success", costCents: 0 };
  }
  try {
    const out = await (deps.db as Db).transaction(async (tx) => {
      const cost = await recordRunCost(tx, { accountId: job.accountId, runId: job.id, jobType: job.type, lineItems: priced.lineItems, totalCents: priced.totalCents }, deps);
      const set: JobFinish = { status: "success", result: { ...result, lineItems: priced.lineItems }, costCents: cost.totalCents, error: null, finishedAt: deps.now() };
      const finished = await run.events.flush((batch) => finishJobWithEvents(tx, job.id, ["running"], set, batch), {
        type: "job.succeeded",
        message: `Done in ${Math.round(ms())} ms; cost ${cost.totalCents} ¢${cost.debited ? "" : cost.totalCents ? " (already charged)" : ""}`,
        data: { lineItems: priced.lineItems, debited: cost.debited },
        durationMs: ms(),
        costCents: cost.totalCents,
      });
      if (!finished.moved) throw new JobMovedOn();
      // The starter's notice commits with the finish: decided by their preference as the job ends.
      const notified = await notifyJobOutcomeInTx(deps, tx, job, { status: "success" });
      return { status: "success", costCents: cost.totalCents, debited: cost.debited, events: finished.events, notified };
    });
    // Committed: the timeline, the status and (when this run paid) the account's balance, then the notice.
    await Promise.all([
      publishJobChange(deps, job, { events: out.events, status: "success" }),
      out.debited ? publishEvent(deps, [accountTopic(job.accountId)], { type: "balance.changed", accountId: job.accountId }) : undefined,
    ]);
    await out.notified();
    return { status: "success", costCents: out.costCents };
  } catch (err) {
    if (err instanceof JobMovedOn) return { status: "gone", skipped: true };
    throw err;
  }
}

/** A failed attempt: retried by the queue when another could succeed, else the job fails for good with a message fit for the user. */
async function handleFailure(run: RunState, attempt: RunAttempt, err: unknown): Promise<never> {
  const { deps, job } = run;
  const message = userMessage(err);
  if (!(err instanceof BadJobInput)) deps.logger.warn({ err, jobId: job.id }, "analysis job attempt failed");
  if (isTransient(err) && !attempt.last) {
    const delayMs = deps.config.JOB_RETRY_BASE_MS * 2 ** attempt.attemptsMade;
    // "Run it again" is advice for the end; while we retry by ourselves, say only that something went wrong.
    const why = message === INTERNAL_FAILURE_MESSAGE ? "Something went wrong on our side" : message;
    const written = await run.events.flush((batch) => appendJobEvents(deps.db, job.id, batch), { type: "job.retry", message: `${why}; retrying in ${Math.round(delayMs / 1000)} s`, data: { attempt: job.attempts, delayMs } });
    await publishJobChange(deps, job, { events: written });
    throw err;
  }
  const set: JobFinish = { status: "failed", error: message, errorCause: failureCause(err), finishedAt: deps.now() };
  const failed = { jobId: job.id, from: ["running"] as JobFinish["status"][], set };
  const out = await run.events.flush((events) => finishWithNotice(deps, job, { ...failed, events }, { status: "failed", error: message }), { type: "job.failed", message, data: { attempt: job.attempts, transient: isTransient(err) } });
  if (out.moved) await recordMatchOutcome(deps, job, { status: "failed", error: message });
  if (out.moved) await afterJobFailed(deps, job);
  throw new UnrecoverableError(message);
}

/** The job's input parsed with its type's contract; a row that no longer parses is bad input, not a crash. */
function parsedInput(job: JobRow): { type: TJobType; input: unknown } {
  const type = ZJobType.safeParse(job.type);
  if (!type.success) throw new UnrecoverableError(`no pipeline for job type ${job.type}`);
  const input = ZJobInputs[type.data].safeParse(job.input);
  if (!input.success) throw new BadJobInput(`The job's input is no longer valid: ${input.error.issues.map((i) => i.message).join("; ")}`);
  return { type: type.data, input: input.data };
}

/**
 * One analysis job, start to end: waits (delayed) while its tenant is at
 * JOBS_MAX_RUNNING_PER_TENANT, then running (+attempt), its type's steps with
 * cancel checks between them, one debit, success. Transient failures are
 * rethrown for the queue's backoff (a `job.retry` event says so); bad input and
 * the last attempt fail the job for good with a message fit for the user.
 * Timeline events are buffered and written with the statement of the next step
 * boundary or state change (see JobEventBuffer).
 */
export async function runAnalysisJob(deps: RunDeps, attempt: RunAttempt, jobId: string): Promise<RunOutcome> {
  const events = new JobEventBuffer(deps.now);
  const cap = deps.config.JOBS_MAX_RUNNING_PER_TENANT;
  // Batched with the starts of this process' other deliveries (job-writes.ts): one transaction for all of them.
  const start = await jobWritesFor(deps.db).start.load({
    jobId,
    cap,
    now: deps.now,
    // Its `job.running` event adds the attempt and whether it resumes one (run-slots.ts writes it with the start).
    runningData: { bullAttempt: attempt.attemptsMade + 1, analyzer: deps.analyzer.name, ...(deps.analyzer.model === undefined ? {} : { model: deps.analyzer.model }) },
  });
  switch (start.status) {
    case "missing":
      throw new UnrecoverableError(`job ${jobId} not found`);
    case "finished":
      return { status: start.job.status, skipped: true };
    case "cancel_requested":
      return finishCancelled(deps, start.job, events);
    case "gone":
      return { status: "gone", skipped: true };
    case "full":
      // The tenant has its share running: back to delayed, behind other tenants' jobs, without spending an attempt.
      await publishJobChange(deps, { id: jobId, accountId: start.accountId }, { events: await noteWaitingForSlot(deps.db, jobId, start.running, cap) });
      await attempt.postpone(Date.now() + capWaitMs());
      throw new DelayedError();
  }
  const job = start.job;
  await publishJobChange(deps, job, { events: start.events, status: "running" });
  const t0 = performance.now();
  // Typed per job type inside PIPELINES; here the pairing of type and input is what parsedInput checked.
  let run: RunState = { deps, job, input: {} as RunState["input"], calls: [], charsRead: 0, events };
  try {
    const { type, input } = parsedInput(job);
    run = { ...run, input: input as RunState["input"] };
    const pipeline = PIPELINES[type] as Pipeline<TJobType>;
    const result = await pipeline(run);
    const outcome = await finishSucceeded(run, result, t0);
    if (outcome.status === "success" && !outcome.skipped) await afterJobSucceeded(deps, job, result);
    return outcome;
  } catch (err) {
    if (err instanceof JobCancelled) return finishCancelled(deps, job, events);
    return handleFailure(run, attempt, err);
  }
}
