import { and, count, desc, eq, ne, sql } from "drizzle-orm";
import { schema, type Db, type DbOrTx } from "@atrium/db";
import { appendJobEvent } from "./job-events.repository.js";
import { startJobRun, type JobRow } from "./jobs.repository.js";

const { jobs, jobEvents } = schema;

export type RunSlot = { status: "started"; job: JobRow } | { status: "gone" } | { status: "full"; running: number };

/**
 * Starts a run (queued|running → running, one more attempt) only while the
 * tenant has fewer than `cap` other jobs running (JOBS_MAX_RUNNING_PER_TENANT),
 * so one tenant's backlog can't fill every worker. A transaction-scoped
 * advisory lock per tenant makes count-then-start atomic across every worker
 * process; Postgres' `running` rows are the slots, so a crashed worker's job
 * keeps its slot only until BullMQ hands it to another worker (which resumes
 * it: the job itself is left out of the count) or the stalled sweep fails it.
 */
export async function startJobRunWithinCap(db: DbOrTx, job: Pick<JobRow, "id" | "accountId">, cap: number, now: () => Date): Promise<RunSlot> {
  return (db as Db).transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`jobs.running:${job.accountId}`}, 0))`);
    const [row] = await tx
      .select({ n: count() })
      .from(jobs)
      .where(and(eq(jobs.accountId, job.accountId), eq(jobs.status, "running"), ne(jobs.id, job.id)));
    const running = row?.n ?? 0;
    if (running >= cap) return { status: "full", running };
    // The clock is read inside the lock, so a start is never stamped before the finish that freed its slot.
    const started = await startJobRun(tx, job.id, now());
    return started ? { status: "started", job: started } : { status: "gone" };
  });
}

/** Says once on the job's timeline why it hasn't started (a job may wait many rounds; one line is enough). */
export async function noteWaitingForSlot(db: DbOrTx, jobId: string, running: number, cap: number): Promise<void> {
  const [last] = await db.select({ type: jobEvents.type }).from(jobEvents).where(eq(jobEvents.jobId, jobId)).orderBy(desc(jobEvents.seq)).limit(1);
  if (last?.type === "job.waiting") return;
  await appendJobEvent(db, jobId, { type: "job.waiting", message: `Waiting: ${running} of this account's jobs are running (at most ${cap} at a time)`, data: { running, cap } });
}
