import { DelayedError, UnrecoverableError, type Job, type Processor } from "bullmq";
import { z } from "zod";
import type { Analyzer, EmailTransport, RunAttempt, ServiceContext } from "@atrium/core";
import { JOBS, type JobName, type JobPayload, type JobQueues } from "@atrium/core/queues";
import { jobDuration } from "../observability/metrics.js";

/** A service context (with `jobs`, so processors can enqueue follow-ups) plus the BullMQ job. */
export interface JobContext extends ServiceContext {
  job: Job;
  /** The lock token BullMQ gave this attempt; moving the job (e.g. back to delayed) needs it. */
  token?: string;
  jobs: JobQueues;
  emailTransport: EmailTransport;
  /** What analysis jobs call: the local NLP analyzer or an OpenAI-compatible API. */
  analyzer: Analyzer;
}

/** What every job of a worker process shares; the per-job logger and job are added by the dispatcher. */
export type JobRuntime = Omit<JobContext, "job" | "token">;

/** True when a failure now is final: BullMQ won't try this job again. */
export function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/** This delivery as core's run sees it: BullMQ's attempt counters, and moving the job back to delayed under our lock. */
export function attemptOf(ctx: JobContext): RunAttempt {
  return { attemptsMade: ctx.job.attemptsMade, last: isLastAttempt(ctx.job), postpone: (untilMs) => ctx.job.moveToDelayed(untilMs, ctx.token) };
}

export interface JobProcessor<N extends JobName> {
  job: N;
  run: (payload: JobPayload<N>, ctx: JobContext) => Promise<unknown>;
}

/** Any job's processor; a plain JobProcessor<JobName> would not accept JobProcessor<"a.b"> once there are two jobs. */
export type AnyJobProcessor = { [N in JobName]: JobProcessor<N> }[JobName];

/** One processor per job; the payload it gets has passed the job's zod schema from core. */
export function defineProcessor<N extends JobName>(job: N, run: JobProcessor<N>["run"]): JobProcessor<N> {
  return { job, run };
}

type Runner = (data: unknown, ctx: JobContext) => Promise<unknown>;

function toRunner(p: AnyJobProcessor): Runner {
  const schema: z.ZodType = JOBS[p.job].payload;
  // TS can't pair a union of processors with their payload types; the schema above is the one registered for p.job.
  const run = p.run as Runner;
  return async (data, ctx) => {
    const parsed = schema.safeParse(data);
    // Bad input won't get better on a retry: fail the job for good.
    if (!parsed.success) throw new UnrecoverableError(`invalid payload for ${p.job}:\n${z.prettifyError(parsed.error)}`);
    return run(parsed.data, ctx);
  };
}

/** The BullMQ processor of one queue: routes each job by name to its processor. */
export function createDispatcher(queue: string, processors: readonly AnyJobProcessor[], runtime: JobRuntime): Processor {
  const runners = new Map<string, Runner>(processors.map((p) => [p.job, toRunner(p)]));
  return async (job, token) => {
    const run = runners.get(job.name);
    if (!run) throw new UnrecoverableError(`no processor for job "${job.name}" on queue "${queue}"`);
    const logger = runtime.logger.child({ queue, job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 });
    const end = jobDuration.startTimer({ queue, job: job.name });
    try {
      const result = await run(job.data, { ...runtime, logger, job, token });
      end({ outcome: "success" });
      return result;
    } catch (err) {
      // A job moved back to delayed (e.g. its tenant is at the running cap) neither failed nor finished.
      end({ outcome: err instanceof DelayedError ? "delayed" : "failed" });
      throw err;
    }
  };
}
