import { and, desc, eq, getTableColumns, inArray, notInArray, sql } from "drizzle-orm";
import { schema, type Db, type DbOrTx } from "@atrium/db";
import { isFinished } from "./job-dto.js";
import type { TJobEvent } from "./analysis-jobs.schema.js";
import { appendJobEvent, type JobEventInput } from "./job-events.repository.js";
import { startJobsWithEvents } from "./job-batch.repository.js";
import type { JobRow } from "./jobs.repository.js";

const { jobs, jobEvents } = schema;

export type RunStart =
  /** `events`: what the start wrote on the timeline (its `job.running`), for the live view. */
  | { status: "started"; job: JobRow; recovered: boolean; events: TJobEvent[] }
  /** No such job (deleted with its account). */
  | { status: "missing" }
  /** Finished already: a duplicate delivery or a run recovered after it had ended. */
  | { status: "finished"; job: JobRow }
  | { status: "cancel_requested"; job: JobRow }
  /** Cancelled or finished between the read and the start. */
  | { status: "gone" }
  /** The tenant has `running` jobs at its cap. */
  | { status: "full"; running: number; accountId: string };

/** One run to start: its job, and the `job.running` event it gets (built from the row it will have). */
export interface RunToStart {
  jobId: string;
  runningEvent: (job: JobRow, recovered: boolean) => JobEventInput;
}

/**
 * Starts runs (queued|running → running, one more attempt, each with its
 * `job.running` event) only while their tenant has fewer than `cap` jobs
 * running (JOBS_MAX_RUNNING_PER_TENANT), so one tenant's backlog can't fill
 * every worker. The worker's group commit hands every start that arrived
 * meanwhile to one call: one transaction of three statements for the batch,
 * whatever its size. Transaction-scoped advisory locks per tenant (taken in
 * account order, so two batches never wait on each other in a cycle) make
 * count-then-start atomic across every worker process; Postgres' `running`
 * rows are the slots, so a crashed worker's job keeps its slot only until
 * BullMQ hands it to another worker (which resumes it: the batch's own jobs
 * are left out of the count) or the stalled sweep fails it. Within a batch,
 * a tenant's slots go to its jobs in the order they arrived.
 */
export async function startRunsWithinCap(db: DbOrTx, runs: RunToStart[], cap: number, now: () => Date): Promise<RunStart[]> {
  if (!runs.length) return [];
  return (db as Db).transaction(async (tx) => {
    const ids = JSON.stringify(runs.map((r) => r.jobId));
    const inBatch = sql`(select value::uuid from jsonb_array_elements_text(${ids}::jsonb))`;
    const { rows: found } = await tx.execute<Record<string, unknown>>(sql`
      with l as (
        select pg_advisory_xact_lock(hashtextextended('jobs.running:' || a.account_id::text, 0))
        from (select distinct account_id from ${jobs} where id in ${inBatch} order by account_id) a
      )
      select * from ${jobs} where id in ${inBatch} and (select count(*) from l) >= 0`);
    const rows = new Map(found.map((raw) => [String(raw.id), rowOf(raw)]));
    const candidates = runs.flatMap((r) => {
      const job = rows.get(r.jobId);
      return job && !isFinished(job.status) && !job.cancelRequestedAt ? [job] : [];
    });
    const slots = new Map<string, number>();
    if (candidates.length) {
      // Its own statement (a fresh snapshot, taken after the locks), and the runs' start time is read after it:
      // a job whose finish freed a slot committed its finishedAt first, so recorded runs never overlap more than `cap`.
      const accounts = [...new Set(candidates.map((j) => j.accountId))];
      const counted = await tx
        .select({ accountId: jobs.accountId, n: sql<number>`count(*)::int` })
        .from(jobs)
        .where(and(inArray(jobs.accountId, accounts), eq(jobs.status, "running"), notInArray(jobs.id, candidates.map((j) => j.id))))
        .groupBy(jobs.accountId);
      for (const a of accounts) slots.set(a, Number(counted.find((c) => c.accountId === a)?.n ?? 0));
    }
    const starting: Array<{ run: RunToStart; next: JobRow; recovered: boolean }> = [];
    const decided = new Map<string, RunStart>();
    for (const run of runs) {
      const job = rows.get(run.jobId);
      if (!job) decided.set(run.jobId, { status: "missing" });
      else if (isFinished(job.status)) decided.set(run.jobId, { status: "finished", job });
      else if (job.cancelRequestedAt) decided.set(run.jobId, { status: "cancel_requested", job });
      else {
        const running = slots.get(job.accountId) ?? 0;
        if (running >= cap) decided.set(run.jobId, { status: "full", running, accountId: job.accountId });
        else {
          slots.set(job.accountId, running + 1);
          const updatedAt = new Date();
          starting.push({ run, recovered: job.status === "running", next: { ...job, status: "running", attempts: job.attempts + 1, startedAt: job.startedAt ?? now(), updatedAt } });
        }
      }
    }
    const written = await startJobsWithEvents(
      tx,
      starting.map(({ run, next, recovered }) => ({ jobId: next.id, startedAt: next.startedAt ?? next.updatedAt, updatedAt: next.updatedAt, events: [{ ...run.runningEvent(next, recovered), occurredAt: next.updatedAt }] })),
    );
    starting.forEach(({ next, recovered }, i) => {
      const events = written[i];
      // Not started although under the cap: the job itself was cancelled or finished meanwhile.
      decided.set(next.id, events ? { status: "started", job: next, recovered, events } : { status: "gone" });
    });
    return runs.map((r) => decided.get(r.jobId) ?? { status: "gone" });
  });
}

/** One run's start (a batch of one): see startRunsWithinCap. */
export async function startRunWithinCap(db: DbOrTx, jobId: string, cap: number, now: () => Date, runningEvent: RunToStart["runningEvent"]): Promise<RunStart> {
  const [start] = await startRunsWithinCap(db, [{ jobId, runningEvent }], cap, now);
  return start ?? { status: "gone" };
}

/** A raw `select *` row of jobs (snake_case columns, as the schema's casing names them; driver values) as drizzle would map it. */
function rowOf(raw: Record<string, unknown>): JobRow {
  const out: Record<string, unknown> = {};
  for (const [key, col] of Object.entries(getTableColumns(jobs))) {
    const v = raw[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
    out[key] = v === null || v === undefined ? null : col.mapFromDriverValue(v);
  }
  return out as JobRow;
}

/** Says once on the job's timeline why it hasn't started (a job may wait many rounds; one line is enough). */
export async function noteWaitingForSlot(db: DbOrTx, jobId: string, running: number, cap: number): Promise<TJobEvent[]> {
  const [last] = await db.select({ type: jobEvents.type }).from(jobEvents).where(eq(jobEvents.jobId, jobId)).orderBy(desc(jobEvents.seq)).limit(1);
  if (last?.type === "job.waiting") return [];
  return appendJobEvent(db, jobId, { type: "job.waiting", message: `Waiting: ${running} of this account's jobs are running (at most ${cap} at a time)`, data: { running, cap } });
}
