import { UnrecoverableError } from "bullmq";
import { AnalyzerError, appendJobEvent, priceUsage, ServiceError, touchJob, type AnalyzerCall, type JobRow } from "@atrium/core";
import { emitTelemetry } from "@atrium/core/system";
import type { JobContext } from "../base.js";

/** Thrown between steps when the job's cancel was requested. */
export class JobCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "JobCancelled";
  }
}

/** Bad input: retrying won't help (a missing document, no text, an unpriced model). */
export class BadJobInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadJobInput";
  }
}

/** What one run accumulates for the bill. */
export interface RunState {
  ctx: JobContext;
  job: JobRow;
  calls: AnalyzerCall[];
  /** Characters handed to the analyzer (after the cap): the job type's compute charge. */
  charsRead: number;
}

/**
 * Runs one named step: checks for a cancel first (and marks progress for the
 * stalled sweep), then records the step's duration on the timeline.
 */
export async function step<T>(run: RunState, name: string, fn: () => Promise<T>): Promise<T> {
  const { cancelRequested } = await touchJob(run.ctx.db, run.job.id);
  if (cancelRequested) throw new JobCancelled();
  const t0 = performance.now();
  const out = await fn();
  const durationMs = Math.round(performance.now() - t0);
  await appendJobEvent(run.ctx.db, run.job.id, { type: "step", message: `${name} done in ${durationMs} ms`, data: { step: name }, durationMs });
  return out;
}

/** Records analyzer calls on the timeline, each with its tokens, latency and price. */
export async function recordCalls(run: RunState, calls: AnalyzerCall[]): Promise<void> {
  for (const c of calls) {
    run.calls.push(c);
    const priced = await priceUsage(run.ctx.db, { llm: [{ model: c.model, inputTokens: c.inputTokens, outputTokens: c.outputTokens }] });
    await appendJobEvent(run.ctx.db, run.job.id, {
      type: "llm.call",
      message: `${c.provider}/${c.model}: ${c.inputTokens} in, ${c.outputTokens} out tokens in ${c.latencyMs} ms${c.attempts > 1 ? ` (${c.attempts} attempts)` : ""}`,
      data: { ...c, lineItems: priced.lineItems },
      durationMs: c.latencyMs,
      costCents: priced.totalCents,
    });
    emitTelemetry("analyzer.call", { provider: c.provider, model: c.model, inputTokens: c.inputTokens, outputTokens: c.outputTokens, costCents: priced.totalCents });
  }
}

/** Whether another attempt could succeed: analyzer 429/5xx/timeouts and infrastructure hiccups, not bad input. */
export function isTransient(err: unknown): boolean {
  if (err instanceof AnalyzerError) return err.transient;
  if (err instanceof BadJobInput || err instanceof ServiceError || err instanceof UnrecoverableError) return false;
  return true;
}

/** What the user reads for a failure that isn't theirs: what happened to them and what to do next. */
export const INTERNAL_FAILURE_MESSAGE = "Something went wrong on our side while running this job. Run it again; if it keeps failing, contact support and mention the job id.";

/** A message fit for the user's timeline: ours verbatim, anything else helpful but generic (the cause is for staff). */
export function userMessage(err: unknown): string {
  if (err instanceof AnalyzerError) return `The analyzer failed: ${err.message}`;
  if (err instanceof BadJobInput || err instanceof ServiceError || err instanceof UnrecoverableError) return err.message;
  return INTERNAL_FAILURE_MESSAGE;
}

/** The internal cause, stored on the job for staff (jobs.error_cause); never on the tenant's timeline. */
export function failureCause(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.slice(0, 2000);
}
