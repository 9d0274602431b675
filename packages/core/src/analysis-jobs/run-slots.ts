import { and, desc, eq, getTableColumns, ne, sql } from "drizzle-orm";
import { schema, type Db, type DbOrTx } from "@atrium/db";
import { isFinished } from "./job-dto.js";
import type { TJobEvent } from "./analysis-jobs.schema.js";
import { appendJobEvent, insertEventsFrom, RETURNING_EVENTS, WRITTEN_EVENTS, writtenEvents, type JobEventInput } from "./job-events.repository.js";
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

/**
 * Starts a run (queued|running → running, one more attempt, its `job.running`
 * event written with it) only while the tenant has fewer than `cap` other jobs
 * running (JOBS_MAX_RUNNING_PER_TENANT), so one tenant's backlog can't fill
 * every worker. A transaction-scoped advisory lock per tenant, taken by the
 * same statement that reads the job, makes count-then-start atomic across
 * every worker process; Postgres' `running` rows are the slots, so a crashed
 * worker's job keeps its slot only until BullMQ hands it to another worker
 * (which resumes it: the job itself is left out of the count) or the stalled
 * sweep fails it.
 */
export async function startRunWithinCap(db: DbOrTx, jobId: string, cap: number, now: () => Date, runningEvent: (job: JobRow, recovered: boolean) => JobEventInput): Promise<RunStart> {
  return (db as Db).transaction(async (tx) => {
    const lock = sql`pg_advisory_xact_lock(hashtextextended('jobs.running:' || ${jobs.accountId}::text, 0))`;
    const [found] = await tx.select({ ...getTableColumns(jobs), locked: sql<unknown>`${lock}` }).from(jobs).where(eq(jobs.id, jobId));
    if (!found) return { status: "missing" };
    const { locked: _locked, ...job } = found;
    if (isFinished(job.status)) return { status: "finished", job };
    if (job.cancelRequestedAt) return { status: "cancel_requested", job };
    const othersRunning = and(eq(jobs.accountId, job.accountId), eq(jobs.status, "running"), ne(jobs.id, job.id));
    // The count is its own statement (a fresh snapshot, taken after the lock), and the run's start time is read
    // after it: a job whose finish freed the slot committed its finishedAt first, so recorded runs never overlap
    // more than `cap` (a start time read before the count could precede that finish).
    const [counted] = await tx.select({ n: sql<number>`count(*)::int` }).from(jobs).where(othersRunning);
    const n = Number(counted?.n ?? 0);
    if (n >= cap) return { status: "full", running: n, accountId: job.accountId };
    // Under the lock nobody else starts this job, so its next attempt number is known before the statement.
    const recovered = job.status === "running";
    const startedAt = job.startedAt ?? now();
    const next: JobRow = { ...job, status: "running", attempts: job.attempts + 1, startedAt, updatedAt: new Date() };
    // Start and the job.running event in ONE statement.
    const { rows } = await tx.execute<{ id: string | null; events: unknown }>(sql`
      with upd as (
        update ${jobs} set status = 'running', attempts = ${jobs.attempts} + 1, started_at = coalesce(${jobs.startedAt}, ${startedAt}), updated_at = ${next.updatedAt}
        where ${jobs.id} = ${job.id} and ${jobs.status} in ('queued', 'running')
        returning id, account_id
      ), ev as (${insertEventsFrom(sql`upd`, job.id, [{ ...runningEvent(next, recovered), occurredAt: next.updatedAt }])} ${RETURNING_EVENTS})
      select (select id from upd) as id, ${WRITTEN_EVENTS}`);
    // Not started although under the cap: the job itself was cancelled or finished meanwhile.
    return rows[0]?.id ? { status: "started", job: next, recovered, events: writtenEvents(rows[0].events) } : { status: "gone" };
  });
}

/** Says once on the job's timeline why it hasn't started (a job may wait many rounds; one line is enough). */
export async function noteWaitingForSlot(db: DbOrTx, jobId: string, running: number, cap: number): Promise<TJobEvent[]> {
  const [last] = await db.select({ type: jobEvents.type }).from(jobEvents).where(eq(jobEvents.jobId, jobId)).orderBy(desc(jobEvents.seq)).limit(1);
  if (last?.type === "job.waiting") return [];
  return appendJobEvent(db, jobId, { type: "job.waiting", message: `Waiting: ${running} of this account's jobs are running (at most ${cap} at a time)`, data: { running, cap } });
}
