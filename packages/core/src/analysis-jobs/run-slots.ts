import { desc, eq, sql, type SQL } from "drizzle-orm";
import { schema, type Db, type DbOrTx } from "@atrium/db";
import { isFinished } from "./job-dto.js";
import type { TJobEvent } from "./analysis-jobs.schema.js";
import { appendJobEvent, type JobEventInput } from "./job-events.repository.js";
import { startedJobs, startJobsStatement, startJobsWithEvents, type StartItem } from "./job-batch.repository.js";
import { poolOf, rowFromRaw, transactionInTrips } from "./job-trips.js";
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

/** Transaction-scoped advisory locks on the batch's tenants, taken in account order (two batches never wait on each other in a cycle). */
function lockTenants(inBatch: SQL): SQL {
  return sql`
    select pg_advisory_xact_lock(hashtextextended('jobs.running:' || a.account_id::text, 0))
    from (select distinct account_id from ${jobs} where id in ${inBatch} order by account_id) a`;
}

/**
 * The batch's rows, each with its tenant's `running` jobs besides the batch's own startable ones
 * (a recovered run is running already: it keeps its slot, not a second one). One statement, so
 * rows and counts share a snapshot, and it runs after the locks: a job whose finish freed a slot
 * committed first, so recorded runs never overlap more than `cap`.
 */
function batchWithRunning(inBatch: SQL): SQL {
  return sql`
    with b as (select * from ${jobs} where id in ${inBatch}),
    startable as (select id from b where status in ('queued', 'running') and cancel_requested_at is null)
    select b.*, (select count(*)::int from ${jobs} r where r.account_id = b.account_id and r.status = 'running' and r.id not in (select id from startable)) as running_elsewhere
    from b`;
}

/** Who starts (a tenant's slots go to its jobs in the order they arrived) and what every other run is told. */
function decide(runs: RunToStart[], found: Array<Record<string, unknown>>, cap: number, now: () => Date) {
  const rows = new Map(found.map((raw) => [String(raw.id), rowFromRaw(jobs, raw) as JobRow]));
  const slots = new Map(found.map((raw) => [String(raw.account_id), Number(raw.running_elsewhere ?? 0)]));
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
  const items: StartItem[] = starting.map(({ run, next, recovered }) => ({ jobId: next.id, startedAt: next.startedAt ?? next.updatedAt, updatedAt: next.updatedAt, events: [{ ...run.runningEvent(next, recovered), occurredAt: next.updatedAt }] }));
  const result = (written: Array<TJobEvent[] | undefined>): RunStart[] => {
    starting.forEach(({ next, recovered }, i) => {
      const events = written[i];
      // Not started although under the cap: the job itself was cancelled or finished meanwhile.
      decided.set(next.id, events ? { status: "started", job: next, recovered, events } : { status: "gone" });
    });
    return runs.map((r) => decided.get(r.jobId) ?? { status: "gone" });
  };
  return { items, result };
}

/**
 * Starts runs (queued|running → running, one more attempt, each with its
 * `job.running` event) only while their tenant has fewer than `cap` jobs
 * running (JOBS_MAX_RUNNING_PER_TENANT), so one tenant's backlog can't fill
 * every worker. The worker's group commit hands every start that arrived
 * meanwhile to one call: one transaction (lock the tenants, read the batch with
 * its tenants' running counts, write the starts) whatever the batch's size, in
 * two round trips on a pool (job-trips.ts). Transaction-scoped advisory locks
 * per tenant make count-then-start atomic across every worker process;
 * Postgres' `running` rows are the slots, so a crashed worker's job keeps its
 * slot only until BullMQ hands it to another worker (which resumes it) or the
 * stalled sweep fails it. Within a batch, a tenant's slots go to its jobs in
 * the order they arrived.
 */
export async function startRunsWithinCap(db: DbOrTx, runs: RunToStart[], cap: number, now: () => Date): Promise<RunStart[]> {
  if (!runs.length) return [];
  const ids = JSON.stringify(runs.map((r) => r.jobId));
  const inBatch = sql`(select value::uuid from jsonb_array_elements_text(${ids}::jsonb))`;
  const pool = poolOf(db);
  if (pool) {
    return transactionInTrips(pool, async (send) => {
      const [, found = []] = await send([lockTenants(inBatch), batchWithRunning(inBatch)]);
      const { items, result } = decide(runs, found, cap, now);
      return { last: items.length ? [startJobsStatement(items)] : [], result: ([written = []]) => result(items.length ? startedJobs(written, items) : []) };
    });
  }
  // A caller's transaction: the same statements, one round trip each.
  return (db as Db).transaction(async (tx) => {
    await tx.execute(lockTenants(inBatch));
    const { rows: found } = await tx.execute<Record<string, unknown>>(batchWithRunning(inBatch));
    const { items, result } = decide(runs, found, cap, now);
    return result(items.length ? await startJobsWithEvents(tx, items) : []);
  });
}

/** One run's start (a batch of one): see startRunsWithinCap. */
export async function startRunWithinCap(db: DbOrTx, jobId: string, cap: number, now: () => Date, runningEvent: RunToStart["runningEvent"]): Promise<RunStart> {
  const [start] = await startRunsWithinCap(db, [{ jobId, runningEvent }], cap, now);
  return start ?? { status: "gone" };
}

/** Says once on the job's timeline why it hasn't started (a job may wait many rounds; one line is enough). */
export async function noteWaitingForSlot(db: DbOrTx, jobId: string, running: number, cap: number): Promise<TJobEvent[]> {
  const [last] = await db.select({ type: jobEvents.type }).from(jobEvents).where(eq(jobEvents.jobId, jobId)).orderBy(desc(jobEvents.seq)).limit(1);
  if (last?.type === "job.waiting") return [];
  return appendJobEvent(db, jobId, { type: "job.waiting", message: `Waiting: ${running} of this account's jobs are running (at most ${cap} at a time)`, data: { running, cap } });
}
