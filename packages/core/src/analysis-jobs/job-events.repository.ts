import { and, asc, eq, gt, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";

const { jobs, jobEvents } = schema;

export interface JobEventInput {
  type: string;
  message: string;
  data?: Record<string, unknown>;
  durationMs?: number;
  costCents?: number;
}

/**
 * Appends one timeline event with the next per-job seq, in ONE statement: the
 * CTE locks the job row (FOR UPDATE holds until the statement ends), so two
 * writers to the same job never pick the same number, without a round trip
 * for BEGIN/SELECT/COMMIT on this hot path.
 */
export async function appendJobEvent(db: DbOrTx, jobId: string, e: JobEventInput): Promise<void> {
  const durationMs = e.durationMs === undefined ? null : Math.round(e.durationMs);
  await db.execute(sql`
    with j as (select ${jobs.accountId} as account_id from ${jobs} where ${jobs.id} = ${jobId} for update)
    insert into ${jobEvents} (job_id, account_id, seq, type, message, data, duration_ms, cost_cents)
    select ${jobId}, j.account_id,
      (select coalesce(max(${jobEvents.seq}), 0) + 1 from ${jobEvents} where ${jobEvents.jobId} = ${jobId}),
      ${e.type}, ${e.message}, ${JSON.stringify(e.data ?? {})}::jsonb, ${durationMs}, ${e.costCents ?? null}
    from j`);
}

/**
 * The end of a run in ONE statement: the job moves to its final status (only
 * from one of `from`) and its last timeline event is appended with it, or, if
 * the job had moved on meanwhile (cancelled, failed by the sweep), neither
 * happens. Returns whether it moved. The update holds the job's row lock, so
 * appendJobEvent's writers (which lock it first) can't take the same seq.
 */
export async function finishJobWithEvent(
  db: DbOrTx,
  jobId: string,
  from: Array<(typeof jobs.$inferSelect)["status"]>,
  set: { status: (typeof jobs.$inferSelect)["status"]; result?: Record<string, unknown>; costCents?: number; error: string | null; errorCause?: string; finishedAt: Date },
  e: JobEventInput,
): Promise<boolean> {
  const durationMs = e.durationMs === undefined ? null : Math.round(e.durationMs);
  const result = set.result === undefined ? null : JSON.stringify(set.result);
  const { rows } = await db.execute<{ id: string }>(sql`
    with upd as (
      update ${jobs} set status = ${set.status}, result = coalesce(${result}::jsonb, result), cost_cents = coalesce(${set.costCents ?? null}::bigint, cost_cents),
        error = ${set.error}, error_cause = coalesce(${set.errorCause ?? null}, error_cause), finished_at = ${set.finishedAt}, updated_at = now()
      where ${jobs.id} = ${jobId} and ${jobs.status} in (${sql.join(from.map((s) => sql`${s}`), sql`, `)})
      returning id, account_id
    ), ev as (
      insert into ${jobEvents} (job_id, account_id, seq, type, message, data, duration_ms, cost_cents)
      select upd.id, upd.account_id,
        (select coalesce(max(${jobEvents.seq}), 0) + 1 from ${jobEvents} where ${jobEvents.jobId} = ${jobId}),
        ${e.type}, ${e.message}, ${JSON.stringify(e.data ?? {})}::jsonb, ${durationMs}, ${e.costCents ?? null}
      from upd
      returning 1
    )
    select id from upd`);
  return rows.length > 0;
}

export function listJobEvents(db: DbOrTx, jobId: string, afterSeq: number) {
  return db.select().from(jobEvents).where(and(eq(jobEvents.jobId, jobId), gt(jobEvents.seq, afterSeq))).orderBy(asc(jobEvents.seq)).limit(500);
}
