import { desc, eq, sql, type SQL } from "drizzle-orm";
import { schema, type Db, type DbOrTx } from "@atrium/db";
import { isFinished } from "./job-dto.js";
import type { TJobEvent } from "./analysis-jobs.schema.js";
import { appendJobEvent, writtenEvents } from "./job-events.repository.js";
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
  /** The `job.running` event's data besides what the start itself knows (the attempt, whether it resumes one). */
  runningData: Record<string, unknown>;
}

/** Transaction-scoped advisory locks on the batch's tenants, taken in account order (two batches never wait on each other in a cycle). */
function lockTenants(inBatch: SQL): SQL {
  return sql`
    select pg_advisory_xact_lock(hashtextextended('jobs.running:' || a.account_id::text, 0))
    from (select distinct account_id from ${jobs} where id in ${inBatch} order by account_id) a`;
}

/**
 * The start of a batch in ONE statement, run after the locks (so its snapshot sees every
 * finish that freed a slot: recorded runs never overlap more than `cap`): the batch's rows;
 * per tenant, its `running` jobs besides the batch's own startable ones (a recovered run is
 * running already: it keeps its slot, not a second one); the startable ranked by arrival
 * (`n`), those within the cap moved to running with one more attempt and their `job.running`
 * event. Returns every row of the batch as read, its tenant's count and rank, the started
 * row (`started`, as written) and its events.
 */
function startStatement(runs: RunToStart[], cap: number, startedAt: Date, updatedAt: Date): SQL {
  const batch = JSON.stringify(runs.map((r, n) => ({ id: r.jobId, n, data: r.runningData })));
  return sql`
    with r as (select * from jsonb_to_recordset(${batch}::jsonb) as r(id uuid, n int, data jsonb)),
    b as (select j.*, r.n, r.data as run_data from ${jobs} j join r on r.id = j.id),
    startable as (select * from b where status in ('queued', 'running') and cancel_requested_at is null),
    counts as (
      select a.account_id, (select count(*)::int from ${jobs} x where x.account_id = a.account_id and x.status = 'running' and x.id not in (select id from startable)) as running
      from (select distinct account_id from startable) a
    ),
    ranked as (
      select s.id, s.status as was, s.run_data, c.running, row_number() over (partition by s.account_id order by s.n) as k
      from startable s join counts c on c.account_id = s.account_id
    ),
    src as (
      update ${jobs} j set status = 'running', attempts = j.attempts + 1, started_at = coalesce(j.started_at, ${startedAt.toISOString()}::timestamptz), updated_at = ${updatedAt.toISOString()}::timestamptz
      from ranked where j.id = ranked.id and ranked.running + ranked.k <= ${cap} and j.status in ('queued', 'running')
      returning j.*, ranked.was = 'running' as recovered, ranked.run_data
    ),
    ev as (
      insert into ${jobEvents} (job_id, account_id, seq, type, message, data, occurred_at)
      select src.id, src.account_id, (select coalesce(max(x.seq), 0) from ${jobEvents} x where x.job_id = src.id) + 1, 'job.running',
        'Running (attempt ' || src.attempts || case when src.recovered then ', resumed after an interrupted attempt' else '' end || ')',
        jsonb_build_object('attempt', src.attempts, 'recovered', src.recovered) || src.run_data, src.updated_at
      from src
      returning id, job_id, seq, type, message, data, duration_ms, cost_cents, occurred_at
    )
    select b.*, ranked.running, ranked.k, to_jsonb(src) as started, src.recovered, ${EVENTS_OF_B}
    from b left join ranked on ranked.id = b.id left join src on src.id = b.id`;
}
const EVENTS_OF_B = sql`(select coalesce(json_agg(ev order by ev.seq), '[]'::json) from ev where ev.job_id = b.id) as events`;

/** What each run of the batch is told, from the start statement's rows. */
function outcomes(runs: RunToStart[], rows: Array<Record<string, unknown>>, cap: number): RunStart[] {
  const byId = new Map(rows.map((raw) => [String(raw.id), raw]));
  return runs.map((run): RunStart => {
    const raw = byId.get(run.jobId);
    if (!raw) return { status: "missing" };
    const job = rowFromRaw(jobs, raw) as JobRow;
    if (isFinished(job.status)) return { status: "finished", job };
    if (job.cancelRequestedAt) return { status: "cancel_requested", job };
    if (raw.started) return { status: "started", job: rowFromRaw(jobs, raw.started as Record<string, unknown>) as JobRow, recovered: raw.recovered === true, events: writtenEvents(raw.events) };
    const running = Number(raw.running ?? 0);
    // Within the cap but not moved: the job itself was cancelled or finished meanwhile.
    if (running + Number(raw.k ?? 0) <= cap) return { status: "gone" };
    // The tenant's slots as this run found them: its running jobs plus the batch's that took the rest.
    return { status: "full", running: Math.max(running, cap), accountId: job.accountId };
  });
}

/**
 * Starts runs (queued|running → running, one more attempt, each with its
 * `job.running` event) only while their tenant has fewer than `cap` jobs
 * running (JOBS_MAX_RUNNING_PER_TENANT), so one tenant's backlog can't fill
 * every worker. The worker's group commit hands every start that arrived
 * meanwhile to one call: one transaction of two statements (lock the tenants;
 * count, rank and start) whatever the batch's size, in ONE round trip on a pool
 * (job-trips.ts). Transaction-scoped advisory locks per tenant make
 * count-then-start atomic across every worker process; Postgres' `running`
 * rows are the slots, so a crashed worker's job keeps its slot only until
 * BullMQ hands it to another worker (which resumes it) or the stalled sweep
 * fails it. Within a batch, a tenant's slots go to its jobs in the order they
 * arrived.
 */
export async function startRunsWithinCap(db: DbOrTx, runs: RunToStart[], cap: number, now: () => Date): Promise<RunStart[]> {
  if (!runs.length) return [];
  const ids = JSON.stringify(runs.map((r) => r.jobId));
  const inBatch = sql`(select value::uuid from jsonb_array_elements_text(${ids}::jsonb))`;
  const statements = [lockTenants(inBatch), startStatement(runs, cap, now(), new Date())];
  const pool = poolOf(db);
  if (pool) return transactionInTrips(pool, async () => ({ last: statements, result: ([, rows = []]) => outcomes(runs, rows, cap) }));
  // A caller's transaction: the same statements, one round trip each.
  return (db as Db).transaction(async (tx) => {
    await tx.execute(statements[0] as SQL);
    return outcomes(runs, (await tx.execute<Record<string, unknown>>(statements[1] as SQL)).rows, cap);
  });
}

/** One run's start (a batch of one): see startRunsWithinCap. */
export async function startRunWithinCap(db: DbOrTx, jobId: string, cap: number, now: () => Date, runningData: RunToStart["runningData"]): Promise<RunStart> {
  const [start] = await startRunsWithinCap(db, [{ jobId, runningData }], cap, now);
  return start ?? { status: "gone" };
}

/** Says once on the job's timeline why it hasn't started (a job may wait many rounds; one line is enough). */
export async function noteWaitingForSlot(db: DbOrTx, jobId: string, running: number, cap: number): Promise<TJobEvent[]> {
  const [last] = await db.select({ type: jobEvents.type }).from(jobEvents).where(eq(jobEvents.jobId, jobId)).orderBy(desc(jobEvents.seq)).limit(1);
  if (last?.type === "job.waiting") return [];
  return appendJobEvent(db, jobId, { type: "job.waiting", message: `Waiting: ${running} of this account's jobs are running (at most ${cap} at a time)`, data: { running, cap } });
}
