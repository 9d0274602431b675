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

export function listJobEvents(db: DbOrTx, jobId: string, afterSeq: number) {
  return db.select().from(jobEvents).where(and(eq(jobEvents.jobId, jobId), gt(jobEvents.seq, afterSeq))).orderBy(asc(jobEvents.seq)).limit(500);
}
