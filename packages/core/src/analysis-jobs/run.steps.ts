import type { Analyzer, AnalyzerCall } from "../analyzers/analyzer.js";
import { priceUsage } from "../billing/pricing.service.js";
import type { ServiceContext } from "../shared/context.js";
import { emitTelemetry } from "../system/telemetry.service.js";
import type { TJobType } from "./analysis-jobs.schema.js";
import type { JobEventBuffer } from "./job-events.buffer.js";
import { jobWritesFor } from "./job-writes.js";
import type { JobRow } from "./jobs.repository.js";
import { JobCancelled } from "./run.errors.js";
import { publishJobChange } from "./job-live.js";
import type { JobInputOf } from "./run.schema.js";

/** What a run needs besides the job: a service context and the analyzer its pipelines call. */
export interface RunDeps extends ServiceContext {
  analyzer: Analyzer;
}

/** One run of a job of type T: its parsed input, and what it accumulates for the bill and the timeline. */
export interface RunState<T extends TJobType = TJobType> {
  deps: RunDeps;
  job: JobRow;
  input: JobInputOf<T>;
  calls: AnalyzerCall[];
  /** Characters handed to the analyzer (after the cap): the job type's compute charge. */
  charsRead: number;
  /** Whole seconds of audio transcribed: the transcription job's per-minute charge. */
  audioSeconds?: number;
  events: JobEventBuffer;
}

/**
 * Runs one named step. Its boundary is one statement, shared with the boundaries
 * of the process' other running jobs (job-writes.ts): mark progress for the
 * stalled sweep, read whether a cancel was asked for, and write the events
 * buffered so far. The step's own event is buffered for the next boundary.
 */
export async function step<T>(run: RunState, name: string, fn: () => Promise<T>): Promise<T> {
  const { cancelRequested, events } = await run.events.flush((batch) => jobWritesFor(run.deps.db).touch.load({ jobId: run.job.id, events: batch }));
  await publishJobChange(run.deps, run.job, { events });
  if (cancelRequested) throw new JobCancelled();
  const t0 = performance.now();
  const out = await fn();
  const durationMs = Math.round(performance.now() - t0);
  run.events.add({ type: "step", message: `${name} done in ${durationMs} ms`, data: { step: name }, durationMs });
  return out;
}

/** Records analyzer calls on the timeline (buffered), each with its tokens, latency and price. */
export async function recordCalls(run: RunState, calls: AnalyzerCall[]): Promise<void> {
  for (const c of calls) {
    run.calls.push(c);
    const priced = await priceUsage(run.deps.db, { llm: [{ model: c.model, inputTokens: c.inputTokens, outputTokens: c.outputTokens }] });
    run.events.add({
      type: "llm.call",
      message: `${c.provider}/${c.model}: ${c.inputTokens} in, ${c.outputTokens} out tokens in ${c.latencyMs} ms${c.attempts > 1 ? ` (${c.attempts} attempts)` : ""}`,
      data: { ...c, lineItems: priced.lineItems },
      durationMs: c.latencyMs,
      costCents: priced.totalCents,
    });
    emitTelemetry("analyzer.call", { provider: c.provider, model: c.model, inputTokens: c.inputTokens, outputTokens: c.outputTokens, costCents: priced.totalCents });
  }
}
