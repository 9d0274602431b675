import { and, asc, eq, gt, sql, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";

const { jobs, jobEvents, usageCosts } = schema;
type JobStatus = (typeof jobs.$inferSelect)["status"];

export interface JobEventInput {
  type: string;
  message: string;
  data?: Record<string, unknown>;
  durationMs?: number;
  costCents?: number;
  /** When it happened; buffered events keep their own time. Defaults to the insert's now(). */
  occurredAt?: Date;
}

/** The events as one jsonb array parameter: a batch of any size is one statement. */
const asJson = (events: JobEventInput[]) =>
  JSON.stringify(
    events.map((e) => ({
      type: e.type,
      message: e.message,
      data: e.data ?? {},
      durationMs: e.durationMs === undefined ? null : Math.round(e.durationMs),
      costCents: e.costCents ?? null,
      occurredAt: e.occurredAt?.toISOString() ?? null,
    })),
  );

/**
 * `insert … select` of a batch of events after the job's last seq, numbered in
 * order. `source` is a CTE (or table) naming the job's `account_id`: a locking
 * select or the update that moves the job, so the job's row lock is held when
 * the numbers are taken and two writers to one job don't pick the same seq.
 */
export function insertEventsFrom(source: SQL, jobId: string, events: JobEventInput[]): SQL {
  return sql`
    insert into ${jobEvents} (job_id, account_id, seq, type, message, data, duration_ms, cost_cents, occurred_at)
    select ${jobId}, src.account_id,
      (select coalesce(max(${jobEvents.seq}), 0) from ${jobEvents} where ${jobEvents.jobId} = ${jobId}) + e.n::int,
      e.v->>'type', e.v->>'message', e.v->'data', (e.v->>'durationMs')::int, (e.v->>'costCents')::bigint,
      coalesce((e.v->>'occurredAt')::timestamptz, now())
    from ${source} src, jsonb_array_elements(${asJson(events)}::jsonb) with ordinality as e(v, n)`;
}

/** Appends timeline events (one or a batch) in ONE statement, after locking the job row. */
export async function appendJobEvents(db: DbOrTx, jobId: string, events: JobEventInput[]): Promise<void> {
  if (!events.length) return;
  await db.execute(sql`
    with j as (select ${jobs.accountId} as account_id from ${jobs} where ${jobs.id} = ${jobId} for update)
    ${insertEventsFrom(sql`j`, jobId, events)}`);
}

export const appendJobEvent = (db: DbOrTx, jobId: string, e: JobEventInput) => appendJobEvents(db, jobId, [e]);

/**
 * A step boundary in ONE statement: marks progress (for the stalled sweep),
 * reads whether a cancel was asked for, and writes the events buffered since
 * the last boundary.
 */
export async function touchJobWithEvents(db: DbOrTx, jobId: string, events: JobEventInput[]): Promise<{ cancelRequested: boolean }> {
  const { rows } = await db.execute<{ cancel_requested_at: string | null }>(sql`
    with j as (update ${jobs} set updated_at = now() where ${jobs.id} = ${jobId} returning account_id, cancel_requested_at),
    ev as (${insertEventsFrom(sql`j`, jobId, events)} returning 1)
    select cancel_requested_at from j`);
  return { cancelRequested: !!rows[0]?.cancel_requested_at };
}

/**
 * The usage record of a run that cost nothing, written by the finish's own statement
 * (the paid path goes through recordRunCost and its debit in the finish's transaction).
 * Unique by run id like every usage record; a run can only finish once, so the
 * record can't already exist with a price on it.
 */
export interface FreeRun {
  jobType: string;
  lineItems: unknown[];
}

export interface JobFinish {
  status: JobStatus;
  result?: Record<string, unknown>;
  costCents?: number;
  error: string | null;
  errorCause?: string;
  finishedAt: Date;
}

/**
 * The end of a run in ONE statement: the job moves to its final status (only
 * from one of `from`) and its remaining timeline events (the buffer plus the
 * last one) are appended with it, or, if the job had moved on meanwhile
 * (cancelled, failed by the sweep), neither happens. Returns whether it moved.
 */
export async function finishJobWithEvents(db: DbOrTx, jobId: string, from: JobStatus[], set: JobFinish, events: JobEventInput[], freeRun?: FreeRun): Promise<boolean> {
  const result = set.result === undefined ? null : JSON.stringify(set.result);
  // A free run's usage record rides along (see FreeRun); nothing is debited for it.
  const usage = freeRun
    ? sql`, uc as (insert into ${usageCosts} (account_id, run_id, job_type, total_cents, line_items)
        select upd.account_id, upd.id::text, ${freeRun.jobType}, 0, ${JSON.stringify(freeRun.lineItems)}::jsonb from upd
        on conflict (run_id) do nothing returning 1)`
    : sql``;
  const { rows } = await db.execute<{ id: string }>(sql`
    with upd as (
      update ${jobs} set status = ${set.status}, result = coalesce(${result}::jsonb, result), cost_cents = coalesce(${set.costCents ?? null}::bigint, cost_cents),
        error = ${set.error}, error_cause = coalesce(${set.errorCause ?? null}, error_cause), finished_at = ${set.finishedAt}, updated_at = now()
      where ${jobs.id} = ${jobId} and ${jobs.status} in (${sql.join(from.map((s) => sql`${s}`), sql`, `)})
      returning id, account_id
    ), ev as (${insertEventsFrom(sql`upd`, jobId, events)} returning 1)${usage}
    select id from upd`);
  return rows.length > 0;
}

export function listJobEvents(db: DbOrTx, jobId: string, afterSeq: number) {
  return db.select().from(jobEvents).where(and(eq(jobEvents.jobId, jobId), gt(jobEvents.seq, afterSeq))).orderBy(asc(jobEvents.seq)).limit(500);
}
